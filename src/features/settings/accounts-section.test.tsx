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

const show = (name: string) => page.getByRole('checkbox', { name: `Show ${name}`, exact: true });
const summary = () => page.getByRole('status').filter({ hasText: /accounts? shown$/ });
const showAll = () => page.getByRole('button', { name: 'Show all', exact: true });
const hidden = () => settingsStore.getState().hiddenAccountIds;

/** Where the summary, the list and each row are, to prove ticking moves nothing. */
function layout() {
  const list = page.getByRole('list', { name: 'Accounts' });
  const elements = [summary().element(), list.element(), ...list.getByRole('listitem').elements()];
  return elements.map((element) => {
    const { top, left, width, height } = element.getBoundingClientRect();
    return { top, left, width, height };
  });
}

beforeEach(() => {
  settingsStore.getState().showAllAccounts();
});

describe('AccountsSection', () => {
  it('lists each account with a "Show" box named after it, its provider, identity and status in words', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(page.getByRole('list', { name: 'Accounts' }).getByRole('checkbox')).toHaveLength(3);
    await expect.element(show('Work phone')).toHaveAccessibleDescription(/^WhatsApp\s*,\s*\+33 6 12 34 56 78\s*,\s*Connected$/);
    await expect.element(show('Recruiting')).toHaveAccessibleDescription(/^LinkedIn\s*,\s*Disconnected: reconnect needed$/);
    await expect.element(show('Side project')).toHaveAccessibleDescription(/^Telegram\s*,\s*Stopped: sync is paused$/);
    await expect.element(page.getByText('1 account needs attention: its chats may be out of date.')).toBeVisible();
  });

  it('shows every account by default; unticking one hides it, and its name or "Show" ticks it back', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(summary()).toHaveTextContent('All 3 accounts shown');
    for (const name of ['Work phone', 'Recruiting', 'Side project']) await expect.element(show(name)).toBeChecked();
    await expect.element(showAll()).toHaveAttribute('aria-disabled', 'true');

    await show('Work phone').click();
    await expect.element(show('Work phone')).not.toBeChecked();
    await expect.element(summary()).toHaveTextContent('2 of 3 accounts shown');
    expect(hidden()).toEqual(['wa']);
    await expect.element(showAll()).toHaveAttribute('aria-disabled', 'false');

    await page.getByText('Recruiting', { exact: true }).click();
    await expect.element(summary()).toHaveTextContent('1 of 3 accounts shown');
    expect(hidden()).toEqual(['wa', 'li']);
    await page.getByRole('listitem').filter({ hasText: 'Work phone' }).getByText('Show', { exact: true }).click();
    await expect.element(show('Work phone')).toBeChecked();
    expect(hidden()).toEqual(['li']);
  });

  it('keeps the last shown account: its box is disabled, and says why', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await show('Work phone').click();
    await expect.element(show('Side project')).toBeEnabled();
    await show('Recruiting').click();
    await expect.element(show('Side project')).toBeDisabled();
    await expect.element(show('Side project')).toBeChecked();
    await expect.element(show('Side project')).toHaveAccessibleDescription(/One always stays shown\.$/);
    await expect.element(show('Work phone')).toBeEnabled();
    expect(hidden()).toEqual(['wa', 'li']);
  });

  it('"Show all" shows every account again and keeps the focus', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await show('Work phone').click();
    await show('Side project').click();
    await showAll().click();
    await expect.element(summary()).toHaveTextContent('All 3 accounts shown');
    for (const name of ['Work phone', 'Recruiting', 'Side project']) await expect.element(show(name)).toBeChecked();
    expect(hidden()).toEqual([]);
    await expect.element(showAll()).toHaveFocus();
    await expect.element(showAll()).toHaveAttribute('aria-disabled', 'true');
  });

  it('does not move anything as boxes are ticked', async () => {
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(show('Side project')).toBeChecked();
    const before = layout();
    await show('Work phone').click();
    await show('Recruiting').click();
    await expect.element(show('Side project')).toBeDisabled();
    expect(layout()).toEqual(before);
    await showAll().click();
    await expect.element(show('Side project')).toBeEnabled();
    expect(layout()).toEqual(before);
  });

  it('unticks the stored hidden accounts, and ignores stored ids of accounts that are gone', async () => {
    settingsStore.getState().setAccountShown('tg', false);
    settingsStore.getState().setAccountShown('gone', false);
    await renderSection([
      { id: 'wa', name: 'Work phone', provider: 'WHATSAPP', identity: null, status: 'OK' },
      { id: 'tg', name: 'Side project', provider: 'TELEGRAM', identity: null, status: 'OK' },
    ]);
    await expect.element(show('Side project')).not.toBeChecked();
    await expect.element(show('Work phone')).toBeChecked();
    await expect.element(summary()).toHaveTextContent('1 of 2 accounts shown');
    await expect.poll(hidden).toEqual(['tg']);
  });

  it('turns a selection kept from settings version 1 into hidden accounts', async () => {
    settingsStore.setState({ legacyShownAccountIds: ['tg'] });
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS) });
    await renderSection();
    await expect.element(show('Side project')).toBeChecked();
    await expect.element(show('Work phone')).not.toBeChecked();
    await expect.element(show('Recruiting')).not.toBeChecked();
    await expect.element(summary()).toHaveTextContent('1 of 3 accounts shown');
    await expect.poll(hidden).toEqual(['wa', 'li']);
    expect(settingsStore.getState().legacyShownAccountIds).toBeNull();
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
    await expect.element(showAll()).toHaveAttribute('aria-disabled', 'true');
    await expect.element(summary()).not.toBeInTheDocument();
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
    await expect.element(show('Work phone')).toBeVisible();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
    expect(api.count('/api/v1/accounts')).toBe(2);
  });
});
