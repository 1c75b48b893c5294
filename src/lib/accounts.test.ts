import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accountIdentity,
  accountKeys,
  accountsQueryOptions,
  accountsUnavailableQueryOptions,
  fetchAccountsAnswer,
  normalizeAccount,
  worstStatus,
} from './accounts';

afterEach(() => vi.unstubAllGlobals());

describe('normalizeAccount', () => {
  it('reads a WhatsApp account with its phone number', () => {
    expect(
      normalizeAccount({ id: 'acc_1', name: 'Sales', type: 'WHATSAPP', connection_params: { im: { phone_number: '+33600000000' } }, sources: [{ id: 's', status: 'OK' }] }),
    ).toEqual({ id: 'acc_1', name: 'Sales', provider: 'WHATSAPP', identity: '+33600000000', status: 'OK' });
  });

  it('falls back to the identity, then the id, for a missing name', () => {
    expect(normalizeAccount({ id: 'acc_2', name: null, type: 'LINKEDIN', connection_params: { im: { username: 'jwalke' } } }).name).toBe('jwalke');
    expect(normalizeAccount({ id: 'acc_3', name: '', type: 'SLACK' }).name).toBe('acc_3');
  });
});

describe('worstStatus', () => {
  it('picks the worst source status', () => {
    expect(worstStatus(['OK', 'CREDENTIALS', 'CONNECTING'])).toBe('CREDENTIALS');
    expect(worstStatus(['OK', 'ERROR', 'CREDENTIALS'])).toBe('ERROR');
    expect(worstStatus(['OK', 'STOPPED'])).toBe('STOPPED');
    expect(worstStatus([])).toBe('OK');
  });

  it('keeps an unknown status as text, ranked above stopped', () => {
    expect(worstStatus(['OK', 'SYNCING_PAUSED', 'STOPPED'])).toBe('SYNCING_PAUSED');
    expect(worstStatus(['SYNCING_PAUSED', 'PERMISSIONS'])).toBe('PERMISSIONS');
  });
});

describe('accountIdentity', () => {
  it('reads the field each provider uses', () => {
    expect(accountIdentity({ im: { user: 'ada', team: 'acme' } })).toBe('ada');
    expect(accountIdentity({ mail: { imap_user: 'a@b.c' } })).toBe('a@b.c');
    expect(accountIdentity(null)).toBeNull();
  });
});

/** Answers GET /api/v1/accounts with `pages[cursor]` (the first page under ''). */
function stubAccountPages(pages: Record<string, unknown>) {
  const fetchMock = vi.fn(async (url: string) => {
    const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
    return new Response(JSON.stringify(pages[cursor]), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const periskopeDown = { backend: 'periskope', label: 'Periskope', title: 'Timeout', detail: 'Periskope took too long.', type: 'errors/request_timeout', status: 504 };

describe('fetchAccountsAnswer', () => {
  it('follows the cursor to the end', async () => {
    const pages: Record<string, unknown> = {
      '': { object: 'AccountList', items: [{ id: 'a', name: 'A', type: 'SLACK', sources: [] }], cursor: 'p2' },
      p2: { object: 'AccountList', items: [{ id: 'b', name: 'B', type: 'TELEGRAM' }, { broken: true }], cursor: null },
    };
    const fetchMock = vi.fn(async (url: string) => {
      const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
      return new Response(JSON.stringify(pages[cursor]), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { accounts, unavailable } = await fetchAccountsAnswer();
    expect(accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(unavailable).toEqual([]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('reads the backends that did not answer, from every page, each once, dropping malformed entries', async () => {
    stubAccountPages({
      '': { items: [{ id: 'unipile~a', name: 'A' }], cursor: 'p2', unavailable: [periskopeDown, { backend: 'nobody' }, 'junk'] },
      p2: { items: [], cursor: null, unavailable: [{ ...periskopeDown, detail: 'Still down.' }, { backend: 'postpress', status: 503 }] },
    });
    const { accounts, unavailable } = await fetchAccountsAnswer();
    expect(accounts.map((a) => a.id)).toEqual(['unipile~a']);
    expect(unavailable).toEqual([
      { ...periskopeDown, detail: 'Still down.' },
      // A missing label is the backend's own name; missing words are empty, never "undefined".
      { backend: 'postpress', label: 'postpress', title: '', detail: '', type: '', status: 503 },
    ]);
  });
});

describe('accountsQueryOptions', () => {
  it('keeps Account[] as the list data and puts the failing backends beside it, cleared by the next answer', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let unavailable: unknown[] = [periskopeDown];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [{ id: 'unipile~a', name: 'A' }], cursor: null, unavailable }))));
    const accounts = await queryClient.fetchQuery(accountsQueryOptions());
    expect(accounts.map((a) => a.id)).toEqual(['unipile~a']);
    expect(queryClient.getQueryData(accountsUnavailableQueryOptions().queryKey)).toEqual([periskopeDown]);

    unavailable = [];
    await queryClient.refetchQueries({ queryKey: accountKeys.list() });
    expect(queryClient.getQueryData(accountKeys.unavailable())).toEqual([]);
  });
});
