import { describe, expect, it } from 'vitest';
import {
  accountIdsFromSearch,
  buildChatListQuery,
  filtersFromSearch,
  filtersToSearch,
  hasActiveFilters,
  normalizeListParams,
  type ChatListParams,
} from './chat-filters';

const params = (overrides: Partial<ChatListParams> = {}): ChatListParams => ({ accountIds: [], pageSize: 100, filters: {}, ...overrides });

describe('buildChatListQuery', () => {
  it('asks for a page of 100 with no filters', () => {
    expect(buildChatListQuery(params()).toString()).toBe('limit=100');
  });

  it('sends accounts as one comma list, sorted and without duplicates', () => {
    const query = buildChatListQuery(params({ accountIds: ['b', 'a', 'b', ' '] }));
    expect(query.get('account_id')).toBe('a,b');
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
});

describe('filters in the app URL', () => {
  it('round-trips through the query string', () => {
    const filters = { provider: 'WHATSAPP', unread: false };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
  });

  it('ignores unreadable values instead of failing', () => {
    expect(filtersFromSearch('?unread=maybe&provider=')).toEqual({});
    expect(filtersFromSearch('provider=linkedin&unread=1')).toEqual({ provider: 'LINKEDIN', unread: true });
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters({})).toBe(false);
    expect(hasActiveFilters({ unread: false })).toBe(true);
  });

  it('reads the account selection', () => {
    expect(accountIdsFromSearch('?accounts=b,a')).toEqual(['a', 'b']);
    expect(accountIdsFromSearch('')).toEqual([]);
  });
});
