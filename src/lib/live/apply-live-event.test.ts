import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountKeys, type Account } from '../accounts';
import { accountNeedsReconnect } from '../account-status';
import type { ChatListParams } from '../chats/filters';
import { makeChat } from '../chats/inbox-chat.fixture';
import { chatKeys } from '../chats/keys';
import { flattenChatPages, type ChatListData } from '../chats/list-pages';
import { messagesOldestFirst, normalizeMessage, type ChatMessage, type MessagesData } from '../chats/messages';
import type { InboxChat } from '../chats/model';
import type { ChatPreview } from '../chats/previews';
import { chatQueries } from '../chats/queries';
import { resolveCursor } from '../triage/cursor';
import { useCursorStore } from '../triage/cursor-store';
import type { LiveEvent, LiveMessage } from '../wire/live-events';
import { applyLiveEvent } from './apply-live-event';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const MIN = 60_000;

const chat = (id: string, minutesAgo: number, extra: Partial<InboxChat> = {}): InboxChat =>
  makeChat(id, { accountId: 'acc-1', lastActivityAt: NOW - minutesAgo * MIN, ...extra });

const inbox: ChatListParams = { accountIds: [], pageSize: 100, filters: {} };
const archived: ChatListParams = { accountIds: [], pageSize: 100, filters: { view: 'archived' } };
const unread: ChatListParams = { accountIds: [], pageSize: 100, filters: { unread: true } };

const list = (chats: InboxChat[], cursor: string | null = null): ChatListData => ({ pages: [{ chats, cursor }], pageParams: [null] });
const ids = (queryClient: QueryClient, params: ChatListParams) =>
  flattenChatPages(queryClient.getQueryData<ChatListData>(chatKeys.list(params))!.pages).chats.map((c) => c.id);
const inList = (queryClient: QueryClient, params: ChatListParams, id: string) =>
  flattenChatPages(queryClient.getQueryData<ChatListData>(chatKeys.list(params))!.pages).chats.find((c) => c.id === id);

function liveMessage(extra: Partial<LiveMessage> = {}): LiveMessage {
  return { id: 'm-new', text: 'hello there', timestamp: new Date(NOW).toISOString(), is_sender: 0, sender_name: 'Amelia Horváth', sender_attendee_id: 'att-1', attachment_count: 0, ...extra };
}
const created = (chatId: string, message: Partial<LiveMessage> = {}): LiveEvent => ({ type: 'message.created', chat_id: chatId, account_id: 'acc-1', message: liveMessage(message) });

const messages = (...list: ChatMessage[]): MessagesData => ({ pages: [{ messages: list, cursor: 'older' }], pageParams: [null] });
const wireMessage = (id: string, extra: Parameters<typeof normalizeMessage>[0] | object = {}) => normalizeMessage({ id, text: `text ${id}`, ...extra });

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  queryClient.setQueryData(chatKeys.list(inbox), list([chat('a', 1), chat('b', 5), chat('c', 10), chat('d', 20)]));
  queryClient.setQueryData(chatKeys.list(archived), list([chat('z', 3, { archived: true })]));
  return queryClient;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('message.created', () => {
  it('moves the chat to the top of the inbox, one more unread, last activity at the message time; the cursor id is kept', () => {
    const queryClient = setup();
    useCursorStore.getState().setCursor('b', 1);
    applyLiveEvent(queryClient, created('c'), NOW);
    expect(ids(queryClient, inbox)).toEqual(['c', 'a', 'b', 'd']);
    const moved = inList(queryClient, inbox, 'c')!;
    expect(moved.unreadCount).toBe(1);
    expect(moved.lastActivityAt).toBe(NOW);
    // The cursor is an id: it stays on b, which is now one row further down.
    expect(useCursorStore.getState().cursor.id).toBe('b');
    expect(resolveCursor(ids(queryClient, inbox), useCursorStore.getState().cursor)?.id).toBe('b');
  });

  it('does not count my own message as unread, and enters a view the chat now belongs to (Unread) only when it does', () => {
    const queryClient = setup();
    queryClient.setQueryData(chatKeys.list(unread), list([chat('b', 5, { unreadCount: 2 })]));
    applyLiveEvent(queryClient, created('d', { is_sender: 1 }), NOW);
    expect(inList(queryClient, inbox, 'd')!.unreadCount).toBe(0);
    expect(ids(queryClient, unread)).toEqual(['b']);
    applyLiveEvent(queryClient, created('a', { id: 'm-2' }), NOW + 1);
    expect(ids(queryClient, unread)).toEqual(['a', 'b']);
  });

  it('keeps a new message of an archived chat out of the Inbox view and moves it up in Archived', () => {
    const queryClient = setup();
    queryClient.setQueryData(chatKeys.list(archived), list([chat('y', 1, { archived: true }), chat('z', 3, { archived: true })]));
    const inboxBefore = queryClient.getQueryData(chatKeys.list(inbox));
    applyLiveEvent(queryClient, created('z'), NOW);
    expect(ids(queryClient, archived)).toEqual(['z', 'y']);
    expect(queryClient.getQueryData(chatKeys.list(inbox))).toBe(inboxBefore);
  });

  it('updates a held preview to this message, and leaves chats without one for the row to ask', () => {
    const queryClient = setup();
    const preview: ChatPreview = { chatId: 'b', lastMessage: null, displayName: 'Amelia Horváth', pictureSrc: '/p.jpg', partial: false };
    queryClient.setQueryData(chatKeys.preview('b'), preview);
    applyLiveEvent(queryClient, created('b', { attachment_count: 1 }), NOW);
    const after = queryClient.getQueryData<ChatPreview>(chatKeys.preview('b'))!;
    expect(after.pictureSrc).toBe('/p.jpg');
    expect(after.lastMessage).toMatchObject({ sender: { kind: 'other', name: 'Amelia Horváth' }, text: 'hello there', at: NOW, deleted: false });
    expect(after.lastMessage!.attachments).toHaveLength(1);
    applyLiveEvent(queryClient, created('c'), NOW);
    expect(queryClient.getQueryData(chatKeys.preview('c'))).toBeUndefined();
  });

  it('appends the message to the open chat once, even when delivered twice', () => {
    const queryClient = setup();
    queryClient.setQueryData(chatKeys.messages('a'), messages(wireMessage('m2'), wireMessage('m1')));
    applyLiveEvent(queryClient, created('a'), NOW);
    applyLiveEvent(queryClient, created('a'), NOW);
    const shown = messagesOldestFirst(queryClient.getQueryData<MessagesData>(chatKeys.messages('a')));
    expect(shown.map((m) => m.id)).toEqual(['m1', 'm2', 'm-new']);
    expect(shown.at(-1)).toMatchObject({ text: 'hello there', mine: false, sentAt: NOW, status: 'sent' });
  });

  it('turns the message this browser is sending into the real one instead of showing it twice', () => {
    const queryClient = setup();
    // use-send-message's optimistic message: a pending id, status "sending", the text typed.
    const sending: ChatMessage = { ...wireMessage('pending:1:1'), text: 'on my way', mine: true, status: 'sending', delivered: false };
    queryClient.setQueryData(chatKeys.messages('a'), messages(sending, wireMessage('m1')));
    applyLiveEvent(queryClient, created('a', { id: 'm-real', text: 'on my way', is_sender: 1 }), NOW);
    const shown = messagesOldestFirst(queryClient.getQueryData<MessagesData>(chatKeys.messages('a')));
    expect(shown.map((m) => [m.id, m.status])).toEqual([['m1', 'sent'], ['m-real', 'sent']]);
  });

  it('asks for the visible list first page (only that) when the chat is in no cached list', async () => {
    const queryClient = setup();
    const fresh = { id: 'new', account_id: 'acc-1', account_type: 'WHATSAPP', name: 'New person', timestamp: new Date(NOW).toISOString(), unread_count: 1, archived: 0, folder: ['INBOX'] };
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      requests.push(String(input));
      return new Response(JSON.stringify({ object: 'ChatList', items: [fresh], cursor: 'next' }), { headers: { 'content-type': 'application/json' } });
    });
    // The inbox has two pages loaded and is on screen (an observer); Archived is cached but not shown.
    const two: ChatListData = { pages: [{ chats: [chat('a', 1), chat('b', 5)], cursor: 'p2' }, { chats: [chat('c', 10)], cursor: null }], pageParams: [null, 'p2'] };
    queryClient.setQueryData(chatKeys.list(inbox), two);
    const observer = new InfiniteQueryObserver(queryClient, { ...chatQueries.list(inbox), staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      const result = applyLiveEvent(queryClient, created('new'), NOW);
      expect(result.refetched).toBe(true);
      await vi.waitFor(() => expect(ids(queryClient, inbox)).toEqual(['new', 'a', 'b', 'c']));
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatch(/^\/api\/v1\/chats\?/);
      expect(requests[0]).not.toMatch(/cursor=/);
      expect(queryClient.getQueryState(chatKeys.list(archived))!.isInvalidated).toBe(true);
    } finally {
      unsubscribe();
    }
  });
});

describe('message.updated', () => {
  type Updated = Extract<LiveEvent, { type: 'message.updated' }>;
  const updated = (change: Updated['change'], extra: Partial<Updated> = {}): Updated => ({
    type: 'message.updated', chat_id: 'a', account_id: 'acc-1', message_id: 'm2', change, ...extra,
  });
  const newest = (queryClient: QueryClient) => messagesOldestFirst(queryClient.getQueryData<MessagesData>(chatKeys.messages('a'))).at(-1)!;

  it('marks read, adds a reaction once, edits the text and deletes, in the open messages', () => {
    const queryClient = setup();
    queryClient.setQueryData(chatKeys.messages('a'), messages(wireMessage('m2', { is_sender: 1 }), wireMessage('m1')));
    applyLiveEvent(queryClient, updated('read'));
    expect(newest(queryClient).seen).toBe(true);
    applyLiveEvent(queryClient, updated('reaction', { reaction: '👍' }));
    applyLiveEvent(queryClient, updated('reaction', { reaction: '👍' }));
    expect(newest(queryClient).reactions.map((r) => r.value)).toEqual(['👍']);
    applyLiveEvent(queryClient, updated('edited', { text: 'fixed typo' }));
    expect(newest(queryClient)).toMatchObject({ text: 'fixed typo', edited: true });
    applyLiveEvent(queryClient, updated('deleted'));
    expect(newest(queryClient)).toMatchObject({ text: null, deleted: true, reactions: [] });
  });

  it('changes the row preview when the last message is edited, and nothing for a message not loaded', () => {
    const queryClient = setup();
    queryClient.setQueryData(chatKeys.messages('a'), messages(wireMessage('m2'), wireMessage('m1')));
    const preview: ChatPreview = { chatId: 'a', lastMessage: { sender: { kind: 'self' }, text: 'text m2', attachments: [], deleted: false, edited: false, event: false, at: NOW }, displayName: null, pictureSrc: null, partial: false };
    queryClient.setQueryData(chatKeys.preview('a'), preview);
    applyLiveEvent(queryClient, updated('edited', { text: 'better' }));
    expect(queryClient.getQueryData<ChatPreview>(chatKeys.preview('a'))!.lastMessage).toMatchObject({ text: 'better', edited: true });
    const before = queryClient.getQueryData(chatKeys.messages('a'));
    applyLiveEvent(queryClient, { ...updated('deleted'), message_id: 'not-loaded' });
    expect(queryClient.getQueryData(chatKeys.messages('a'))).toBe(before);
  });
});

describe('account.status', () => {
  const account = (id: string, status: string): Account => ({ id, name: id, provider: 'WHATSAPP', identity: null, status });

  it('flags the account at once (the rows and Settings read the accounts query), and clears it on RECONNECTED', () => {
    const queryClient = setup();
    queryClient.setQueryData(accountKeys.list(), [account('acc-1', 'OK'), account('acc-2', 'OK')]);
    applyLiveEvent(queryClient, { type: 'account.status', account_id: 'acc-1', status: 'CREDENTIALS' });
    const status = () => queryClient.getQueryData<Account[]>(accountKeys.list())!.map((a) => a.status);
    expect(status()).toEqual(['CREDENTIALS', 'OK']);
    expect(accountNeedsReconnect(status()[0]!)).toBe(true);
    applyLiveEvent(queryClient, { type: 'account.status', account_id: 'acc-1', status: 'RECONNECTED' });
    expect(status()).toEqual(['OK', 'OK']);
  });

  it('asks for the accounts again for an account it has not listed', () => {
    const queryClient = setup();
    queryClient.setQueryData(accountKeys.list(), [account('acc-1', 'OK')]);
    applyLiveEvent(queryClient, { type: 'account.status', account_id: 'acc-9', status: 'ERROR' });
    expect(queryClient.getQueryState(accountKeys.list())!.isInvalidated).toBe(true);
  });
});
