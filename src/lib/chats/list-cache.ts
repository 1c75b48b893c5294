import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ChatListParams } from './filters';
import { chatMatchesListParams } from './match';
import type { InboxChat } from './model';
import { findCachedChat, type ChatListData, type ChatPage } from './list-pages';
import { chatKeys } from './keys';

/**
 * Optimistic changes to one chat across every cached list and its detail query. Each cached list is keyed by its own
 * params (`chatKeys.list(params)`), so for each one the chat is re-checked against that list's filters: updated in
 * place when it still belongs, removed when it no longer does, inserted at its place when it newly does.
 */

/** The previous data of every query a change touched, to put back exactly on failure. */
export type CacheSnapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

export interface PlaceOptions {
  /** Move the chat to its timestamp position even when it stays in the list (its last activity changed). */
  reposition?: boolean;
}

/**
 * Writes a list's data without clearing its error. `setQueryData` marks a query successful, so a live update or an
 * optimistic action on a list whose next page failed would hide the error (and its Retry) and page again on its own,
 * once per change; the error stays until its Retry.
 */
export function writeKeepingError(queryClient: QueryClient, key: QueryKey, data: unknown): void {
  const query = queryClient.getQueryCache().find({ queryKey: key, exact: true });
  const failed = query?.state.status === 'error' ? { error: query.state.error, fetchFailureCount: query.state.fetchFailureCount, fetchFailureReason: query.state.fetchFailureReason } : null;
  queryClient.setQueryData(key, data);
  if (query && failed) query.setState({ ...query.state, status: 'error', ...failed });
}

/** Newest activity first; chats with no activity sort last (the API's order). */
function comesBefore(chat: InboxChat, other: InboxChat): boolean {
  if (chat.lastActivityAt === null) return false;
  if (other.lastActivityAt === null) return true;
  return chat.lastActivityAt > other.lastActivityAt;
}

function withoutChat(pages: readonly ChatPage[], chatId: string): ChatPage[] {
  return pages.map((page) => (page.chats.some((c) => c.id === chatId) ? { ...page, chats: page.chats.filter((c) => c.id !== chatId) } : page));
}

/**
 * Inserts a chat before the first loaded chat with older activity. Past the last loaded chat it is only appended when
 * the list is complete: otherwise a later page will bring it, and appending would put it out of order.
 */
function insertChat(pages: ChatPage[], chat: InboxChat): ChatPage[] {
  for (let p = 0; p < pages.length; p += 1) {
    const page = pages[p]!;
    const at = page.chats.findIndex((other) => comesBefore(chat, other));
    if (at >= 0) {
      const chats = [...page.chats.slice(0, at), chat, ...page.chats.slice(at)];
      return pages.map((x, i) => (i === p ? { ...page, chats } : x));
    }
  }
  const last = pages[pages.length - 1];
  if (last && last.cursor === null) {
    return pages.map((x, i) => (i === pages.length - 1 ? { ...last, chats: [...last.chats, chat] } : x));
  }
  return pages;
}

/**
 * Puts the new state of one chat into one list (pure). `update` maps the list's own copy of the chat (each list may
 * hold a slightly different fetch of it); `fallback` is used when the list does not hold it yet. Returns the same
 * object when nothing changes, so untouched lists keep their identity.
 */
export function placeChatInList(
  data: ChatListData,
  params: ChatListParams,
  chatId: string,
  update: (chat: InboxChat) => InboxChat,
  fallback: InboxChat | undefined,
  now: number,
  { reposition = false }: PlaceOptions = {},
): ChatListData {
  let current: InboxChat | undefined;
  for (const page of data.pages) {
    current = page.chats.find((c) => c.id === chatId);
    if (current) break;
  }
  const next = current ? update(current) : fallback;
  if (!next) return data;
  const belongs = chatMatchesListParams(next, params, now);

  if (current && belongs && !reposition) {
    const pages = data.pages.map((page) =>
      page.chats.some((c) => c.id === chatId) ? { ...page, chats: page.chats.map((c) => (c.id === chatId ? next : c)) } : page,
    );
    return { ...data, pages };
  }
  if (current && !belongs) return { ...data, pages: withoutChat(data.pages, chatId) };
  if (!belongs) return data;
  const base = current ? withoutChat(data.pages, chatId) : [...data.pages];
  const pages = insertChat(base, next);
  // Repositioning a chat that now sorts past the loaded pages drops it here; the next page will bring it back.
  return pages === base && !current ? data : { ...data, pages };
}

function listParamsOf(key: QueryKey): ChatListParams | null {
  const params = key[2];
  if (params === null || typeof params !== 'object') return null;
  const p = params as Partial<ChatListParams>;
  if (!Array.isArray(p.accountIds) || p.filters === null || typeof p.filters !== 'object') return null;
  return p as ChatListParams;
}

export interface ChatChange {
  chatId: string;
  update: (chat: InboxChat) => InboxChat;
  now: number;
  options?: PlaceOptions;
  /** The chat as last known, for lists that no longer hold it (a rollback or undo of a chat that left them all). */
  known?: InboxChat;
}

/**
 * Applies a change to the chat in every cached list and in its detail query, and returns what it replaced. The chat
 * to insert into lists that do not hold it yet comes from its detail query or any list that does.
 */
export function applyChatChange(queryClient: QueryClient, { chatId, update, now, options, known: lastKnown }: ChatChange): CacheSnapshot {
  const snapshot: [QueryKey, unknown][] = [];
  const detailKey = chatKeys.detail(chatId);
  const detail = queryClient.getQueryData<InboxChat>(detailKey);
  const known = detail ?? findCachedChat(queryClient, chatId) ?? lastKnown;
  const fallback = known ? update(known) : undefined;

  for (const [key, data] of queryClient.getQueriesData<ChatListData>({ queryKey: chatKeys.lists() })) {
    const params = listParamsOf(key);
    if (!data || !params) continue;
    const next = placeChatInList(data, params, chatId, update, fallback, now, options);
    if (next === data) continue;
    snapshot.push([key, data]);
    writeKeepingError(queryClient, key, next);
  }
  if (detail) {
    snapshot.push([detailKey, detail]);
    queryClient.setQueryData(detailKey, update(detail));
  }
  return snapshot;
}

/** Puts back exactly what a change replaced (the rollback of a failed optimistic action). */
export function restoreSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot) writeKeepingError(queryClient, key, data);
}
