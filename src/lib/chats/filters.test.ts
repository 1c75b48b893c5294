import { describe, expect, it } from 'vitest';
import {
  accountIdsFromSearch,
  buildChatListQuery,
  hasActiveFilters,
  normalizeListParams,
  parseFilterSearch,
  searchWithFilters,
  type ChatFilters,
  type ChatListParams,
} from './filters';

const params = (overrides: Partial<ChatListParams> = {}): ChatListParams => ({ accountIds: [], pageSize: 100, filters: {}, ...overrides });

describe('buildChatListQuery', () => {
  it('asks for a page of 100 of the inbox (not archived) with no filters', () => {
    expect(buildChatListQuery(params()).toString()).toBe('limit=100&archived=false');
  });

  it('sends accounts as one comma list, sorted and without duplicates', () => {
    const query = buildChatListQuery(params({ accountIds: ['b', 'a', 'b', ' '] }));
    expect(query.get('account_id')).toBe('a,b');
  });

  it('maps the view to the archived extension: inbox → false, archived → true, all → nothing', () => {
    expect(buildChatListQuery(params({ filters: { view: 'inbox' } })).get('archived')).toBe('false');
    expect(buildChatListQuery(params({ filters: { view: 'archived' } })).get('archived')).toBe('true');
    expect(buildChatListQuery(params({ filters: { view: 'all' } })).has('archived')).toBe(false);
  });

  it('maps folder, pinned, muted, q, after and before to their parameters', () => {
    const query = buildChatListQuery(
      params({
        filters: { folder: 'Hiring 2026', pinned: true, muted: false, q: 'zoë', after: '2026-03-01T00:00:00.000Z', before: '2026-03-10T12:30:00.000Z' },
      }),
    );
    expect(Object.fromEntries(query)).toEqual({
      limit: '100',
      after: '2026-03-01T00:00:00.000Z',
      archived: 'false',
      before: '2026-03-10T12:30:00.000Z',
      folder: 'Hiring 2026',
      muted: 'false',
      pinned: 'true',
      q: 'zoë',
    });
  });

  it('leaves account_id out when every account is meant', () => {
    expect(buildChatListQuery(params({ accountIds: [] })).has('account_id')).toBe(false);
  });

  it('maps provider and unread filters to the Unipile parameters', () => {
    const query = buildChatListQuery(params({ filters: { provider: 'LINKEDIN', unread: true } }));
    expect(query.get('account_type')).toBe('LINKEDIN');
    expect(query.get('unread')).toBe('true');
    expect(buildChatListQuery(params({ filters: { unread: false } })).get('unread')).toBe('false');
  });

  it('adds the cursor for later pages only', () => {
    expect(buildChatListQuery(params(), null).has('cursor')).toBe(false);
    expect(buildChatListQuery(params(), 'abc==').get('cursor')).toBe('abc==');
  });

  it('keeps the page size within Unipile bounds', () => {
    expect(buildChatListQuery(params({ pageSize: 1000 })).get('limit')).toBe('250');
    expect(buildChatListQuery(params({ pageSize: 0 })).get('limit')).toBe('1');
    expect(buildChatListQuery(params({ pageSize: Number.NaN })).get('limit')).toBe('100');
  });

  it('builds the same query whatever the order of inputs', () => {
    const a = buildChatListQuery(params({ accountIds: ['x', 'y'], filters: { unread: true, provider: 'SLACK' } }), 'c');
    const b = buildChatListQuery(params({ accountIds: ['y', 'x'], filters: { provider: 'SLACK', unread: true } }), 'c');
    expect(a.toString()).toBe(b.toString());
  });
});

describe('normalizeListParams', () => {
  it('drops undefined filters so equal lists share a key', () => {
    expect(normalizeListParams(params({ filters: { provider: undefined, unread: true } }))).toEqual(params({ filters: { unread: true } }));
  });

  it('drops the default view, so "inbox" and no view are one list', () => {
    expect(normalizeListParams(params({ filters: { view: 'inbox' } }))).toEqual(params());
    expect(normalizeListParams(params({ filters: { view: 'all' } })).filters).toEqual({ view: 'all' });
  });
});

describe('filters in the app URL', () => {
  it('round-trips through the query string', () => {
    const filters: ChatFilters = { provider: 'WHATSAPP', unread: false };
    expect(parseFilterSearch(searchWithFilters('', filters)).filters).toEqual(filters);
  });

  it('drops unreadable values and reports them, without failing', () => {
    expect(parseFilterSearch('?unread=maybe&provider=FAX&view=trash&pinned=false')).toEqual({
      filters: {},
      invalid: [
        { name: 'pinned', raw: 'false' },
        { name: 'provider', raw: 'FAX' },
        { name: 'unread', raw: 'maybe' },
        { name: 'view', raw: 'trash' },
      ],
    });
    expect(parseFilterSearch('provider=linkedin&unread=1').filters).toEqual({ provider: 'LINKEDIN', unread: true });
  });

  it('treats an empty value as no filter, not as an error', () => {
    expect(parseFilterSearch('provider=&q=%20%20&folder=')).toEqual({ filters: {}, invalid: [] });
  });

  it('reads dates as midnight UTC and date-times in any zone, in the API form', () => {
    expect(parseFilterSearch('after=2026-03-01').filters).toEqual({ after: '2026-03-01T00:00:00.000Z' });
    expect(parseFilterSearch('before=2026-03-01T10:00:00%2B02:00').filters).toEqual({ before: '2026-03-01T08:00:00.000Z' });
    expect(parseFilterSearch('before=2026-03-01T10:00Z').filters).toEqual({ before: '2026-03-01T10:00:00.000Z' });
    for (const bad of ['2026-02-30', '2026-13-01', '26-03-01', '2026-03-01T24:00:00Z', '2026-03-01T10:00:00', '0999-12-31', 'yesterday']) {
      expect(parseFilterSearch(`after=${encodeURIComponent(bad)}`).invalid).toEqual([{ name: 'after', raw: bad }]);
    }
    // The short form comes back for midnight UTC, the full one otherwise.
    expect(searchWithFilters('', { after: '2026-03-01T00:00:00.000Z', before: '2026-03-02T06:00:00.000Z' })).toBe('after=2026-03-01&before=2026-03-02T06%3A00%3A00.000Z');
  });

  it('reads a search that the server accepts: trimmed, not only accents, at most 200 characters', () => {
    expect(parseFilterSearch('q=%20Zo%C3%AB%20').filters).toEqual({ q: 'Zoë' });
    expect(parseFilterSearch('q=%CC%81').invalid).toEqual([{ name: 'q', raw: '\u0301' }]);
    expect(parseFilterSearch(`q=${'a'.repeat(201)}`).invalid).toHaveLength(1);
  });

  it('keeps other parameters when the filters change', () => {
    expect(searchWithFilters('accounts=a,b&provider=SLACK&unread=true', { unread: false, view: 'archived' })).toBe('accounts=a%2Cb&unread=false&view=archived');
    expect(searchWithFilters('view=all', { view: 'inbox' })).toBe('');
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ view: 'inbox' })).toBe(false);
    expect(hasActiveFilters({ view: 'all' })).toBe(true);
    expect(hasActiveFilters({ unread: false })).toBe(true);
  });

  it('reads the account selection', () => {
    expect(accountIdsFromSearch('?accounts=b,a')).toEqual(['a', 'b']);
    expect(accountIdsFromSearch('')).toEqual([]);
  });
});
