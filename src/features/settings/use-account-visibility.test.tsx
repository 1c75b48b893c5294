import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { accountKeys } from '@/lib/accounts';
import { createQueryClient } from '@/lib/query-client';
import { accountList, apiError, stubApi, wireAccount } from '@/test/fake-api.fixture';
import { useAccountVisibility } from './use-account-visibility';
import { initialListAccountIds, settingsStore } from './use-settings';

const ACCOUNTS = [wireAccount('wa', 'Work phone'), wireAccount('li', 'Recruiting', 'LINKEDIN'), wireAccount('tg', 'Side project', 'TELEGRAM')];

function Probe() {
  const { accountIds, shown, total, showAll } = useAccountVisibility();
  return (
    <>
      <output aria-label="visibility">{JSON.stringify({ accountIds, shown, total })}</output>
      <button type="button" onClick={showAll}>
        Show all accounts
      </button>
    </>
  );
}

async function renderProbe() {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  await render(
    <QueryClientProvider client={queryClient}>
      <Probe />
    </QueryClientProvider>,
  );
  return queryClient;
}

const visibility = () => page.getByRole('status', { name: 'visibility' });
const expectVisibility = (value: { accountIds: string[] | null; shown: number; total: number }) =>
  expect.element(visibility()).toHaveTextContent(JSON.stringify(value));

/** An accounts answer that waits until the test lets it go. */
function heldAccounts() {
  let release = () => {};
  const answer = new Promise<Response>((resolve) => {
    release = () => resolve(accountList(ACCOUNTS));
  });
  return { handler: () => answer, release: () => release() };
}

beforeEach(() => {
  settingsStore.getState().showAllAccounts();
});

describe('useAccountVisibility', () => {
  it('asks for every account at once when nothing is hidden, then counts them', async () => {
    const held = heldAccounts();
    stubApi({ '/api/v1/accounts': held.handler });
    expect(initialListAccountIds()).toEqual([]);
    await renderProbe();
    await expectVisibility({ accountIds: [], shown: 0, total: 0 });
    held.release();
    await expectVisibility({ accountIds: [], shown: 3, total: 3 });
  });

  it('has no list while an account is hidden and the accounts are loading, then names the shown ones', async () => {
    settingsStore.getState().setAccountShown('li', false);
    expect(initialListAccountIds()).toBeNull();
    const held = heldAccounts();
    stubApi({ '/api/v1/accounts': held.handler });
    await renderProbe();
    await expectVisibility({ accountIds: null, shown: 0, total: 0 });
    held.release();
    await expectVisibility({ accountIds: ['wa', 'tg'], shown: 2, total: 3 });

    await page.getByRole('button', { name: 'Show all accounts' }).click();
    await expectVisibility({ accountIds: [], shown: 3, total: 3 });
    expect(settingsStore.getState().hiddenAccountIds).toEqual([]);
    expect(initialListAccountIds()).toEqual([]);
  });

  it('forgets hidden ids of accounts that are gone, and shows an account connected later', async () => {
    settingsStore.getState().setAccountShown('gone', false);
    settingsStore.getState().setAccountShown('tg', false);
    stubApi({ '/api/v1/accounts': () => accountList(ACCOUNTS.filter((account) => account.id !== 'li')) });
    await renderProbe();
    await expectVisibility({ accountIds: ['wa'], shown: 1, total: 2 });
    await expect.poll(() => settingsStore.getState().hiddenAccountIds).toEqual(['tg']);
  });

  it('converts a version 1 selection once the accounts arrive; no list before', async () => {
    settingsStore.setState({ legacyShownAccountIds: ['tg', 'wa'] });
    expect(initialListAccountIds()).toBeNull();
    const held = heldAccounts();
    stubApi({ '/api/v1/accounts': held.handler });
    await renderProbe();
    await expectVisibility({ accountIds: null, shown: 0, total: 0 });
    held.release();
    await expectVisibility({ accountIds: ['wa', 'tg'], shown: 2, total: 3 });
    await expect.poll(() => settingsStore.getState()).toMatchObject({ hiddenAccountIds: ['li'], legacyShownAccountIds: null });
  });

  it('stays unknown while the accounts cannot be loaded and something is hidden', async () => {
    settingsStore.getState().setAccountShown('wa', false);
    stubApi({ '/api/v1/accounts': () => apiError(403, 'errors/insufficient_permissions', 'Forbidden') });
    const queryClient = await renderProbe();
    await expect.poll(() => queryClient.getQueryState(accountKeys.list())?.status).toBe('error');
    await expectVisibility({ accountIds: null, shown: 0, total: 0 });
  });
});
