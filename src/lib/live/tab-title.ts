import type { QueryClient } from '@tanstack/react-query';
import { chatKeys } from '../chats/keys';
import type { ChatListData } from '../chats/list-pages';

/**
 * The tab title: "(3) Triage", "(3) Amelia Horváth · Triage" with a chat open, plain "Triage" when nothing is unread.
 * The count is the unread chats of the list on screen (its loaded pages): what the person would find by scrolling, and
 * what live events and actions change at once. The chat pane says which chat is open; the live hook keeps the count.
 */

export const APP_TITLE = 'Triage';

export function tabTitle(unread: number, chatName: string | null): string {
  const base = chatName ? `${chatName} · ${APP_TITLE}` : APP_TITLE;
  return unread > 0 ? `(${unread}) ${base}` : base;
}

const counted = new WeakMap<ChatListData, number>();

/** Unread chats among a list's loaded pages, each chat once (a chat can repeat across a shifted page boundary). */
export function unreadChats(data: ChatListData): number {
  const known = counted.get(data);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  let count = 0;
  for (const page of data.pages) {
    for (const chat of page.chats) {
      if (seen.has(chat.id)) continue;
      seen.add(chat.id);
      if (chat.unreadCount > 0) count += 1;
    }
  }
  counted.set(data, count);
  return count;
}

/** The unread count of the list on screen; null while none has data (the title keeps its last count). */
export function visibleUnreadCount(queryClient: QueryClient): number | null {
  let newest: { at: number; data: ChatListData } | null = null;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: chatKeys.lists(), type: 'active' })) {
    const data = query.state.data as ChatListData | undefined;
    if (data && (!newest || query.state.dataUpdatedAt > newest.at)) newest = { at: query.state.dataUpdatedAt, data };
  }
  return newest ? unreadChats(newest.data) : null;
}

const state = { unread: 0, chatName: null as string | null };

function write(): void {
  if (typeof document !== 'undefined') document.title = tabTitle(state.unread, state.chatName);
}

/** The chat pane's part: which chat is open (null when it closes). */
export function setOpenChatTitle(chatName: string | null): void {
  if (state.chatName === chatName) return;
  state.chatName = chatName;
  write();
}

export function setUnreadTitleCount(unread: number): void {
  if (state.unread === unread) return;
  state.unread = unread;
  write();
}

/** Follows the visible list's unread count into the title until the returned function is called. */
export function followUnreadCount(queryClient: QueryClient): () => void {
  let scheduled = false;
  const update = () => {
    scheduled = false;
    const count = visibleUnreadCount(queryClient);
    if (count !== null) setUnreadTitleCount(count);
  };
  update();
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.query.queryKey[0] !== chatKeys.all[0] || event.query.queryKey[1] !== 'list' || scheduled) return;
    // One count per burst of cache events (a live event touches every cached list at once).
    scheduled = true;
    queueMicrotask(update);
  });
  return () => {
    unsubscribe();
    setUnreadTitleCount(0);
  };
}
