import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountIdentity, fetchAllAccounts, normalizeAccount, worstStatus } from './accounts';

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

describe('fetchAllAccounts', () => {
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
    const accounts = await fetchAllAccounts();
    expect(accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
