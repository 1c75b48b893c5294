import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxChat } from './model';
import { makeChat } from './inbox-chat.fixture';
import { createChatListSelector, fetchChatPage, findCachedChat, flattenChatPages, listUnavailable, type ChatListData, type ChatPage } from './list-pages';
import { chatQueries } from './queries';
import { chatKeys } from './keys';
import type { BackendUnavailable } from '../wire/backends';

const chat = (id: string, extra: Partial<InboxChat> = {}): InboxChat => makeChat(id, { folders: [], ...extra });

const page = (ids: string[], cursor: string | null = 'next'): ChatPage => ({ chats: ids.map((id) => chat(id)), cursor });

describe('page de-duplication', () => {
  it('shows a chat that moved between pages once, at its first place', () => {
    const view = flattenChatPages([page(['a', 'b', 'c']), page(['c', 'd']), page(['b', 'e'], null)]);
    expect(view.chats.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(view.indexOf('d')).toBe(3);
    expect(view.indexOf('zz')).toBe(-1);
  });

  it('keeps the most recently fetched state of a duplicated chat', () => {
    const first = { chats: [chat('a', { unreadCount: 0 })], cursor: 'n' };
    const second = { chats: [chat('a', { unreadCount: 3 })], cursor: null };
    expect(flattenChatPages([first, second]).chats).toEqual([chat('a', { unreadCount: 3 })]);
  });

  it('the incremental selector walks only the new page and matches the plain flatten', () => {
    const select = createChatListSelector();
    const p1 = page(['a', 'b']);
    const p2 = page(['b', 'c']);
    const v1 = select([p1]);
    const v2 = select([p1, p2]);
    expect(v2.chats.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    // The earlier view is unchanged and does not see later chats.
    expect(v1.chats.map((c) => c.id)).toEqual(['a', 'b']);
    expect(v1.indexOf('c')).toBe(-1);
    expect(select([p1, p2])).toBe(v2);
  });

  it('the incremental selector equals the plain flatten for any sequence of page lists', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const pageArb = fc.array(ids, { maxLength: 5 }).map((list) => page(list));
    // Each step either appends pages (paging) or replaces the whole list (refetch, optimistic update).
    const steps = fc.array(fc.tuple(fc.boolean(), fc.array(pageArb, { maxLength: 3 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(steps, (sequence) => {
        const select = createChatListSelector();
        let pages: ChatPage[] = [];
        for (const [append, next] of sequence) {
          pages = append ? [...pages, ...next] : next;
          const got = select(pages);
          const want = flattenChatPages(pages);
          expect(got.chats).toEqual(want.chats);
          for (const c of want.chats) expect(got.indexOf(c.id)).toBe(want.indexOf(c.id));
        }
      }),
    );
  });
});

describe('chat list query options', () => {
  const params = { accountIds: ['b', 'a'], pageSize: 100, filters: { unread: true, provider: undefined } };

  it('keys the list general to specific with every input', () => {
    expect(chatQueries.list(params).queryKey).toEqual(['chats', 'list', { accountIds: ['a', 'b'], pageSize: 100, filters: { unread: true } }]);
    expect(chatKeys.detail('x')).toEqual(['chats', 'detail', 'x']);
  });

  it('gives different filters different keys', () => {
    const a = chatQueries.list(params).queryKey;
    const b = chatQueries.list({ ...params, filters: { unread: false } }).queryKey;
    expect(a).not.toEqual(b);
  });

  it('takes the next page from the cursor and stops at null or absent', () => {
    const { getNextPageParam } = chatQueries.list(params);
    const next = (p: ChatPage) => getNextPageParam(p, [p], null, [null]);
    expect(next(page([], 'abc'))).toBe('abc');
    expect(next(page([], null))).toBeUndefined();
  });
});

describe('cache helpers', () => {
  it('finds a chat in any cached list through the list keys', () => {
    const client = new QueryClient();
    const data = (pages: ChatPage[]): ChatListData => ({ pages, pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)) });
    const keyA = chatQueries.list({ accountIds: [], pageSize: 100, filters: {} }).queryKey;
    const keyB = chatQueries.list({ accountIds: [], pageSize: 100, filters: { unread: true } }).queryKey;
    const untouched = page(['x']);
    client.setQueryData(keyA, data([untouched, page(['b'])]));
    client.setQueryData(keyB, data([page(['a'])]));

    expect(findCachedChat(client, 'a')?.id).toBe('a');
    expect(findCachedChat(client, 'b')?.id).toBe('b');
    expect(findCachedChat(client, 'nope')).toBeUndefined();
  });
});

describe('backends missing from a merged list', () => {
  afterEach(() => vi.unstubAllGlobals());

  const periskopeDown: BackendUnavailable = { backend: 'periskope', label: 'Periskope', title: 'Timeout', detail: 'Periskope took too long.', type: 'errors/request_timeout', status: 504 };
  const answer = (body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));
  const params = { accountIds: [], pageSize: 50, filters: {} };
  const wire = (id: string) => ({ id, account_id: 'unipile~acc', name: id });

  it('carries a page’s `unavailable` beside its chats, leaving malformed entries out', async () => {
    answer({ items: [wire('unipile~a')], cursor: 'next', unavailable: [periskopeDown, { backend: 'pigeon' }] });
    const got = await fetchChatPage(params, null);
    expect(got.chats.map((c) => c.id)).toEqual(['unipile~a']);
    expect(got.unavailable).toEqual([periskopeDown]);
  });

  it('says nothing of a page whose backends all answered', async () => {
    answer({ items: [wire('a')], cursor: null, unavailable: [] });
    expect(await fetchChatPage(params, null)).toEqual({ chats: [expect.objectContaining({ id: 'a' })], cursor: null });
  });

  it('takes the latest page’s word: a later page without failures clears an earlier one’s', () => {
    const down: ChatPage = { ...page(['a']), unavailable: [periskopeDown] };
    expect(listUnavailable([down])).toEqual([periskopeDown]);
    expect(listUnavailable([down, page(['b'])])).toEqual([]);
    expect(listUnavailable([page(['a']), down])).toEqual([periskopeDown]);
    expect(listUnavailable(undefined)).toEqual([]);
  });
});
