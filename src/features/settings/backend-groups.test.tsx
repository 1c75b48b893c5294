import { QueryClientProvider } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createQueryClient } from '@/lib/query-client';
import { stubApi, wireAccount, type Handler } from '@/test/fake-api.fixture';
import { AccountsSection } from './accounts-section';
import { ConnectionSection } from './connection-section';
import { settingsStore } from './use-settings';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const UNIPILE = { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false };
const PERISKOPE = { kind: 'periskope', label: 'Periskope', host: 'embedded simulator', simulated: true };
const merged = () => json({ backend: { kind: 'merged', host: '' }, backends: [UNIPILE, PERISKOPE], auth: { required: false } });
const simulator = () => json({ backend: { kind: 'simulator', host: '' }, auth: { required: false } });

const UNIPILE_ACCOUNTS = [wireAccount('unipile~wa', 'Work phone', 'WHATSAPP'), wireAccount('unipile~li', 'Recruiting', 'LINKEDIN')];
const PERISKOPE_ACCOUNTS = [wireAccount('periskope~+4915112345678', 'Support line', 'WHATSAPP')];
const periskopeDown = { backend: 'periskope', label: 'Periskope', title: 'Timeout', detail: 'Periskope did not answer in time.', type: 'errors/request_timeout', status: 504 };

const accounts = (items: unknown[], unavailable: unknown[] = []) => json({ object: 'AccountList', items, cursor: null, unavailable });

async function renderSettings() {
  const queryClient = createQueryClient({ onSignInRequired: () => {} });
  await render(
    <QueryClientProvider client={queryClient}>
      <AccountsSection />
      <ConnectionSection />
    </QueryClientProvider>,
  );
}

const show = (name: string) => page.getByRole('checkbox', { name: `Show ${name}`, exact: true });
const group = (label: string) => page.getByRole('region', { name: label, exact: true });
const hidden = () => settingsStore.getState().hiddenAccountIds;

beforeEach(() => {
  settingsStore.getState().showAllAccounts();
});

describe('Settings with one backend', () => {
  it('looks as it always did: one list of accounts, no backend headings', async () => {
    stubApi({ '/api/config': simulator, '/api/v1/accounts': () => accounts([wireAccount('wa', 'Work phone')]) });
    await renderSettings();
    await expect.element(page.getByRole('list', { name: 'Accounts' }).getByRole('checkbox')).toHaveLength(1);
    await expect.element(page.getByText('Embedded simulator')).toBeVisible();
    await expect.element(page.getByRole('heading', { level: 4 })).not.toBeInTheDocument();
    await expect.element(page.getByText('Answering', { exact: true })).not.toBeInTheDocument();
  });
});

describe('Settings with several backends', () => {
  it('groups the accounts under each backend, with its host, whether it is simulated, and that it answers', async () => {
    stubApi({ '/api/config': merged, '/api/v1/accounts': () => accounts([...UNIPILE_ACCOUNTS, ...PERISKOPE_ACCOUNTS]) });
    await renderSettings();
    await expect.element(group('Unipile').getByRole('list', { name: 'Unipile accounts' }).getByRole('checkbox')).toHaveLength(2);
    await expect.element(group('Unipile')).toHaveTextContent(/^Unipileapi8\.unipile\.com:13851Answering/);
    await expect.element(group('Periskope').getByRole('checkbox')).toHaveLength(1);
    await expect.element(group('Periskope').getByText('Simulator', { exact: true })).toBeVisible();
    await expect.element(group('Periskope').getByText('Answering', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('status').filter({ hasText: /accounts? shown$/ })).toHaveTextContent('All 3 accounts shown');
    // The connection section names both.
    const backends = page.getByRole('list', { name: 'Backends' });
    await expect.element(backends.getByText('Unipile at api8.unipile.com:13851')).toBeVisible();
    await expect.element(backends.getByText('Periskope', { exact: true })).toBeVisible();
  });

  it('says which backend is not answering and why, and Retry asks again until it answers', async () => {
    let answer: Handler = () => accounts(UNIPILE_ACCOUNTS, [periskopeDown]);
    const api = stubApi({ '/api/config': merged, '/api/v1/accounts': (url) => answer(url) });
    await renderSettings();
    const periskope = group('Periskope');
    await expect.element(periskope).toHaveTextContent('Not answering: Periskope took too long to answer. Try again in a moment.');
    await expect.element(periskope.getByRole('checkbox')).not.toBeInTheDocument();
    // The others still work.
    await expect.element(group('Unipile').getByText('Answering', { exact: true })).toBeVisible();
    await expect.element(show('Work phone')).toBeEnabled();

    answer = () => accounts([...UNIPILE_ACCOUNTS, ...PERISKOPE_ACCOUNTS]);
    await periskope.getByRole('button', { name: 'Retry Periskope' }).click();
    await expect.element(periskope.getByText('Answering', { exact: true })).toBeVisible();
    await expect.element(show('Support line')).toBeChecked();
    await expect.element(periskope).not.toHaveTextContent(/Not answering/);
    expect(api.count('/api/v1/accounts')).toBe(2);
  });

  it('hides accounts of any group; the last one shown, in whichever group, cannot go too', async () => {
    stubApi({ '/api/config': merged, '/api/v1/accounts': () => accounts([...UNIPILE_ACCOUNTS, ...PERISKOPE_ACCOUNTS]) });
    await renderSettings();
    await show('Support line').click();
    await show('Recruiting').click();
    await expect.element(show('Support line')).not.toBeChecked();
    expect(hidden()).toEqual(['periskope~+4915112345678', 'unipile~li']);
    await expect.element(show('Work phone')).toBeDisabled();
    await expect.element(page.getByRole('status').filter({ hasText: /accounts? shown$/ })).toHaveTextContent('1 of 3 accounts shown');
  });

  it('keeps an account hidden while its backend is not answering, and forgets it once the backend says it is gone', async () => {
    const periskopeId = 'periskope~+4915112345678';
    settingsStore.getState().setAccountShown(periskopeId, false);
    settingsStore.getState().setAccountShown('unipile~li', false);
    let answer: Handler = () => accounts(UNIPILE_ACCOUNTS, [periskopeDown]);
    stubApi({ '/api/config': merged, '/api/v1/accounts': (url) => answer(url) });
    await renderSettings();
    await expect.element(group('Periskope')).toHaveTextContent(/Not answering/);
    await expect.element(show('Recruiting')).not.toBeChecked();
    expect(hidden()).toEqual([periskopeId, 'unipile~li']);

    // Answering without that account: it no longer exists, so nothing is kept for it.
    answer = () => accounts(UNIPILE_ACCOUNTS);
    await page.getByRole('button', { name: 'Retry Periskope' }).click();
    await expect.element(group('Periskope').getByText('Answering', { exact: true })).toBeVisible();
    await expect.poll(hidden).toEqual(['unipile~li']);
  });
});
