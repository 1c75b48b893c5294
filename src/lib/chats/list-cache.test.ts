import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyChatAction, type ChatAction } from './actions';
import type { ChatListParams } from './filters';
import { applyChatChange, placeChatInList, restoreSnapshot } from './list-cache';
import type { InboxChat } from './model';
import { makeChat } from './inbox-chat.fixture';
import { flattenChatPages, type ChatListData, type ChatPage } from './list-pages';
import { chatKeys } from './keys';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const HOUR = 3_600_000;

const chat = (id: string, hoursAgo: number, extra: Partial<InboxChat> = {}): InboxChat =>
  makeChat(id, { accountId: 'acc-1', lastActivityAt: NOW - hoursAgo * HOUR, ...extra });

const params = (filters: Record<string, unknown> = {}, accountIds: string[] = []): ChatListParams =>
  ({ accountIds, pageSize: 100, filters }) as ChatListParams;

function data(...pages: [InboxChat[], string | null][]): ChatListData {
  return { pages: pages.map(([chats, cursor]): ChatPage => ({ chats, cursor })), pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)) };
}

/**
 * Until the parallel filter issue extends ChatFilters, chatKeys.list() normalizes view/pinned/… away; the keys here are
 * built as the extended model will build them.
 */
const listKey = (p: ChatListParams) => [...chatKeys.lists(), p] as const;

const ids = (d: ChatListData | undefined) => (d ? flattenChatPages(d.pages).chats.map((c) => c.id) : undefined);
const act = (action: ChatAction) => (c: InboxChat) => applyChatAction(c, action);

describe('placeChatInList', () => {
  const a = chat('a', 1);
  const b = chat('b', 2, { unreadCount: 2 });
  const c = chat('c', 3);

  it('updates a chat in place when it still belongs, leaving other pages untouched', () => {
    const before = data([[a, b], 'next'], [[c], null]);
    const after = placeChatInList(before, params(), 'b', act({ kind: 'pin', value: true }), undefined, NOW);
    expect(ids(after)).toEqual(['a', 'b', 'c']);
    expect(after.pages[0]!.chats[1]!.pinned).toBe(true);
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it('removes a chat from an unread-only list when it is marked read', () => {
    const before = data([[b], null]);
    const after = placeChatInList(before, params({ unread: true }), 'b', act({ kind: 'read', value: true }), undefined, NOW);
    expect(ids(after)).toEqual([]);
  });

  it('returns the same object when the chat neither is nor belongs in the list', () => {
    const before = data([[a], null]);
    expect(placeChatInList(before, params({ pinned: true }), 'b', act({ kind: 'read', value: true }), b, NOW)).toBe(before);
  });

  it('inserts a chat at its timestamp position when it starts to belong', () => {
    const before = data([[a, c], 'next']);
    const pinnedB = { ...b, pinned: true };
    const after = placeChatInList(before, params({ view: 'all' }), 'b', (x) => x, pinnedB, NOW);
    expect(ids(after)).toEqual(['a', 'b', 'c']);
  });

  it('does not append past the loaded pages of an incomplete list, but does to a complete one', () => {
    const old = chat('old', 100, { archived: true });
    const incomplete = data([[a], 'next']);
    expect(placeChatInList(incomplete, params({ view: 'archived' }), 'old', (x) => x, old, NOW)).toBe(incomplete);
    const complete = data([[{ ...a, archived: true }], null]);
    expect(ids(placeChatInList(complete, params({ view: 'archived' }), 'old', (x) => x, old, NOW))).toEqual(['a', 'old']);
  });

  it('moves a chat to the top when its activity is now (a reply) and it is repositioned', () => {
    const before = data([[a, b], 'next'], [[c], null]);
    const after = placeChatInList(before, params(), 'c', (x) => ({ ...x, lastActivityAt: NOW }), undefined, NOW, { reposition: true });
    expect(ids(after)).toEqual(['c', 'a', 'b']);
    expect(after.pages[1]!.chats).toEqual([]);
  });

  it('respects the account selection of the list', () => {
    const before = data([[a], null]);
    const other = chat('x', 0.5, { accountId: 'acc-2', pinned: true });
    expect(placeChatInList(before, params({}, ['acc-1']), 'x', (y) => y, other, NOW)).toBe(before);
    expect(ids(placeChatInList(before, params({}, ['acc-2']), 'x', (y) => y, other, NOW))).toEqual(['x', 'a']);
  });
});

describe('applyChatChange across the cache', () => {
  function seed() {
    const qc = new QueryClient();
    const a = chat('a', 1);
    const b = chat('b', 2, { unreadCount: 4 });
    const c = chat('c', 3);
    const archivedOld = chat('z', 5, { archived: true });
    const inbox = params({ view: 'inbox' });
    const unread = params({ unread: true, view: 'inbox' });
    const archived = params({ view: 'archived' });
    const pinned = params({ pinned: true });
    const all = params({ view: 'all' });
    const otherAccount = params({}, ['acc-9']);
    qc.setQueryData(listKey(inbox), data([[a, b], 'next'], [[c], null]));
    qc.setQueryData(listKey(unread), data([[b], null]));
    qc.setQueryData(listKey(archived), data([[archivedOld], null]));
    qc.setQueryData(listKey(pinned), data([[], null]));
    qc.setQueryData(listKey(all), data([[a, b, c, archivedOld], null]));
    qc.setQueryData(listKey(otherAccount), data([[], null]));
    qc.setQueryData(chatKeys.detail('b'), b);
    const get = (p: ChatListParams) => qc.getQueryData<ChatListData>(listKey(p));
    return { qc, get, inbox, unread, archived, pinned, all, otherAccount };
  }

  it('archiving moves the chat from the inbox to the archived view and updates the all view in place', () => {
    const { qc, get, inbox, archived, all, unread } = seed();
    applyChatChange(qc, { chatId: 'b', update: act({ kind: 'archive', value: true }), now: NOW });
    expect(ids(get(inbox))).toEqual(['a', 'c']);
    expect(ids(get(archived))).toEqual(['b', 'z']);
    expect(ids(get(all))).toEqual(['a', 'b', 'c', 'z']);
    expect(flattenChatPages(get(all)!.pages).chats[1]!.archived).toBe(true);
    // The unread list shows the inbox only, so it loses the archived chat too.
    expect(ids(get(unread))).toEqual([]);
    expect(qc.getQueryData<InboxChat>(chatKeys.detail('b'))!.archived).toBe(true);
  });

  it('unarchiving moves it back into the inbox at its timestamp position', () => {
    const { qc, get, inbox, archived } = seed();
    applyChatChange(qc, { chatId: 'z', update: act({ kind: 'archive', value: false }), now: NOW });
    expect(ids(get(archived))).toEqual([]);
    // "z" is older than every loaded chat, and the inbox is complete (its last page has no cursor): it goes last.
    expect(ids(get(inbox))).toEqual(['a', 'b', 'c', 'z']);
  });

  it('a pinned-only view gains the chat when pinned and loses it when unpinned', () => {
    const { qc, get, pinned } = seed();
    applyChatChange(qc, { chatId: 'a', update: act({ kind: 'pin', value: true }), now: NOW });
    expect(ids(get(pinned))).toEqual(['a']);
    applyChatChange(qc, { chatId: 'a', update: act({ kind: 'pin', value: false }), now: NOW });
    expect(ids(get(pinned))).toEqual([]);
  });

  it('marking read removes the chat from the unread-only view and zeroes its count everywhere', () => {
    const { qc, get, inbox, unread } = seed();
    applyChatChange(qc, { chatId: 'b', update: act({ kind: 'read', value: true }), now: NOW });
    expect(ids(get(unread))).toEqual([]);
    expect(flattenChatPages(get(inbox)!.pages).chats[1]!.unreadCount).toBe(0);
    expect(qc.getQueryData<InboxChat>(chatKeys.detail('b'))!.unreadCount).toBe(0);
  });

  it('marking unread adds the chat to the unread-only view', () => {
    const { qc, get, unread } = seed();
    applyChatChange(qc, { chatId: 'a', update: act({ kind: 'read', value: false }), now: NOW });
    expect(ids(get(unread))).toEqual(['a', 'b']);
  });

  it('leaves lists of other accounts and untouched lists alone (same object)', () => {
    const { qc, get, otherAccount, pinned } = seed();
    const beforeOther = get(otherAccount);
    const beforePinned = get(pinned);
    const snapshot = applyChatChange(qc, { chatId: 'b', update: act({ kind: 'mute', value: true }), now: NOW });
    expect(get(otherAccount)).toBe(beforeOther);
    expect(get(pinned)).toBe(beforePinned);
    expect(snapshot.map(([key]) => key)).not.toContainEqual(listKey(otherAccount));
  });

  it('rolls back exactly: every touched query gets identical data back', () => {
    const { qc } = seed();
    const before = qc.getQueriesData({ queryKey: chatKeys.all }).map(([key, value]) => [key, structuredClone(value)] as const);
    const snapshot = applyChatChange(qc, { chatId: 'b', update: act({ kind: 'archive', value: true }), now: NOW });
    expect(snapshot.length).toBeGreaterThan(0);
    restoreSnapshot(qc, snapshot);
    const after = qc.getQueriesData({ queryKey: chatKeys.all });
    expect(after).toEqual(before);
  });

  it('rolls back after several optimistic steps in reverse order', () => {
    const { qc } = seed();
    const before = qc.getQueriesData({ queryKey: chatKeys.all }).map(([key, value]) => [key, structuredClone(value)] as const);
    const s1 = applyChatChange(qc, { chatId: 'a', update: act({ kind: 'pin', value: true }), now: NOW });
    const s2 = applyChatChange(qc, { chatId: 'a', update: act({ kind: 'archive', value: true }), now: NOW });
    restoreSnapshot(qc, s2);
    restoreSnapshot(qc, s1);
    expect(qc.getQueriesData({ queryKey: chatKeys.all })).toEqual(before);
  });

  it('uses the detail query as the source when no list holds the chat', () => {
    const qc = new QueryClient();
    const lonely = chat('lonely', 0.1);
    qc.setQueryData(chatKeys.detail('lonely'), lonely);
    qc.setQueryData(listKey(params({ pinned: true })), data([[], null]));
    applyChatChange(qc, { chatId: 'lonely', update: act({ kind: 'pin', value: true }), now: NOW });
    expect(ids(qc.getQueryData<ChatListData>(listKey(params({ pinned: true }))))).toEqual(['lonely']);
  });
});

describe('a list whose next page failed', () => {
  it('keeps its error (and Retry) through a change and its rollback, with the data changed', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const inbox = params({ view: 'inbox' });
    const key = listKey(inbox);
    qc.setQueryData(key, data([[chat('a', 1), chat('b', 2)], 'next']));
    await qc.fetchQuery({ queryKey: key, queryFn: () => Promise.reject(new Error('disconnected')), staleTime: 0 }).catch(() => undefined);
    const query = qc.getQueryCache().find({ queryKey: key, exact: true })!;
    expect(query.state.status).toBe('error');

    const snapshot = applyChatChange(qc, { chatId: 'a', update: act({ kind: 'archive', value: true }), now: NOW });
    expect(ids(qc.getQueryData<ChatListData>(key))).toEqual(['b']);
    expect(query.state.status).toBe('error');
    expect((query.state.error as Error).message).toBe('disconnected');

    restoreSnapshot(qc, snapshot);
    expect(ids(qc.getQueryData<ChatListData>(key))).toEqual(['a', 'b']);
    expect(query.state.status).toBe('error');
  });
});
