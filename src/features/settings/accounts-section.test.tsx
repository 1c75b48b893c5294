import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { accountKeys, type Account } from '@/lib/accounts';
import { createQueryClient } from '@/lib/query-client';
import { accountList, apiError, pending, stubApi, wireAccount, type Handler } from '@/test/fake-api.fixture';
import { AccountsSection } from './accounts-section';
import { settingsStore } from './use-settings';

const ACCOUNTS = [
  wireAccount('wa', 'Work phone', 'WHATSAPP', 'OK', '+33 6 12 34 56 78'),
  wireAccount('li', 'Recruiting', 'LINKEDIN', 'CREDENTIALS'),
  wireAccount('tg', 'Side project', 'TELEGRAM', 'STOPPED'),
];

async function renderSection(seed?: Account[]) {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  // The panel shares the accounts query with the list: data already in the cache is shown without a request.
  if (seed) queryClient.setQueryData(accountKeys.list(), seed);
  await render(
    <QueryClientProvider client={queryClient}>
      <AccountsSection />
    </QueryClientProvider>,
  );
}

const checkbox = (name: string) => page.getByRole('checkbox', { name });
const summary = () => page.getByRole('status').filter({ hasText: /^Showing chats from/ });
const selected = () => settingsStore.getState().selectedAccountIds;

beforeEach(() => {
  settingsStore.getState().setSelectedAccountIds([]);
});

describe('AccountsSection', () => {
  it('lists each account with its provider, identity and status in words', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(page.getByRole('list', { name: 'Accounts' }).getByRole('checkbox')).toHaveLength(3);
    await expect.element(checkbox('Work phone')).toHaveAccessibleDescription(/^WhatsApp\s*,\s*\+33 6 12 34 56 78\s*,\s*Connected$/);
    await expect.element(checkbox('Recruiting')).toHaveAccessibleDescription(/^LinkedIn\s*,\s*Disconnected: reconnect needed$/);
    await expect.element(checkbox('Side project')).toHaveAccessibleDescription(/^Telegram\s*,\s*Stopped: sync is paused$/);
    await expect.element(page.getByText('1 account needs attention: its chats may be out of date.')).toBeVisible();
  });

  it('shows every account by default, and only the ticked ones once some are ticked', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(summary()).toHaveTextContent('Showing chats from all accounts. Tick accounts to show only theirs.');
    await expect.element(checkbox('Work phone')).not.toBeChecked();

    await checkbox('Work phone').click();
    await expect.element(checkbox('Work phone')).toBeChecked();
    await expect.element(summary()).toHaveTextContent('Showing chats from 1 of 3 accounts');
    expect(selected()).toEqual(['wa']);

    // The label (the account's name) ticks its box too.
    await page.getByText('Recruiting', { exact: true }).click();
    await expect.element(summary()).toHaveTextContent('Showing chats from 2 of 3 accounts');
    await checkbox('Work phone').click();
    expect(selected()).toEqual(['li']);
  });

  it('selects all and none', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await page.getByRole('button', { name: 'Select all' }).click();
    await expect.element(summary()).toHaveTextContent('Showing chats from 3 of 3 accounts');
    for (const name of ['Work phone', 'Recruiting', 'Side project']) await expect.element(checkbox(name)).toBeChecked();
    await page.getByRole('button', { name: 'Select none' }).click();
    await expect.element(summary()).toHaveTextContent('Showing chats from all accounts');
    expect(selected()).toEqual([]);
  });

  it('ticks the stored selection, and ignores stored ids of accounts that are gone', async () => {
    settingsStore.getState().setSelectedAccountIds(['tg', 'gone']);
    await renderSection([{ id: 'wa', name: 'Work phone', provider: 'WHATSAPP', identity: null, status: 'OK' }, { id: 'tg', name: 'Side project', provider: 'TELEGRAM', identity: null, status: 'OK' }]);
    await expect.element(checkbox('Side project')).toBeChecked();
    await expect.element(checkbox('Work phone')).not.toBeChecked();
    await expect.element(summary()).toHaveTextContent('Showing chats from 1 of 2 accounts');
  });

  it('says it is loading the accounts', async () => {
    stubApi({ '/api/v1/accounts': pending });
    await renderSection();
    await expect.element(page.getByRole('status').filter({ hasText: 'Loading accounts…' })).toBeVisible();
  });

  it('says when no account is connected', async () => {
    stubApi({ '/api/v1/accounts': () => accountList([]) });
    await renderSection();
    await expect.element(page.getByText('No messaging account is connected yet.')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Select all' })).toBeDisabled();
  });

  it('says the accounts are unavailable, and Retry lists them', async () => {
    let answer: Handler = () => apiError(500, 'errors/unexpected_error', 'Internal error');
    const api = stubApi({ '/api/v1/accounts': (url) => answer(url) });
    await renderSection();
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent(/Something went wrong/);
    await expect.element(alert).toHaveTextContent(/Unipile hit an unexpected error/);
    await expect.element(page.getByRole('checkbox')).not.toBeInTheDocument();
    answer = () => accountList(ACCOUNTS);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.element(checkbox('Work phone')).toBeVisible();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    expect(api.count('/api/v1/accounts')).toBe(2);
  });
});
