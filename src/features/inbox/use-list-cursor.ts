import { useCallback, useEffect, useRef } from 'react';
import { nextIndex, type CursorMove } from '@/config/shortcuts';
import type { ChatListView } from '@/lib/chats/list-pages';
import { useCursorStore } from '@/lib/triage/cursor-store';
import { useShortcuts } from '@/lib/use-shortcuts';
import type { RowActivation } from './chat-row';
import { focusSearch } from './search-focus';

/** Where the cursor shows in this view, and what is picked. Called before the virtualizer, which renders the cursor row. */
export function useCursorPosition(view: ChatListView) {
  const { chats } = view;
  const cursor = useCursorStore((s) => s.cursor);
  const picked = useCursorStore((s) => s.picked);
  const found = cursor.id === null ? -1 : view.indexOf(cursor.id);
  // The cursor's chat left (read elsewhere, a filter): the chat that took its place is under the cursor now.
  const cursorIndex = chats.length === 0 ? -1 : found >= 0 ? found : Math.min(Math.max(0, cursor.index), chats.length - 1);
  const cursorId = chats[cursorIndex]?.id ?? null;
  /** The cursor's own chat is not in this view any more (read by opening it in Unread): `j` goes to the one in its place. */
  const vanished = cursor.id !== null && found < 0 && cursorId !== null;
  return { cursorIndex, cursorId, picked, vanished };
}

export type CursorPosition = ReturnType<typeof useCursorPosition>;

export interface ListCursorOptions {
  view: ChatListView;
  position: CursorPosition;
  /** Changes when the list shows other chats (filters, accounts): the cursor starts over on its first row. */
  listKey: string;
  activeChatId: string | null;
  /** Rows in one screen, for Page Up / Page Down. */
  pageRows: number;
  onOpenChat: (chatId: string, options?: { replace?: boolean }) => void;
  scrollToIndex: (index: number) => void;
  /** The cursor rested on a chat (or the pointer on a row): a good moment to load it ahead of Enter. */
  onRest?: (chatId: string) => void;
}

/** How long the cursor or the pointer stays on a chat before it is loaded ahead: a glance, not a pass-over. */
export const CURSOR_REST_MS = 100;
export const HOVER_REST_MS = 150;

/**
 * The list's side of the one cursor (lib/triage/cursor-store.ts): where it shows in this view, the keys that move it
 * and pick chats, and clicks. With a chat open, moving the cursor opens the chat it lands on (replacing the history
 * entry, so Back leaves the chat instead of replaying every chat visited).
 */
export function useListCursor({ view, position, listKey, activeChatId, pageRows, onOpenChat, scrollToIndex, onRest }: ListCursorOptions) {
  const { chats } = view;
  const { cursorIndex, cursorId, vanished } = position;

  // The index follows the chat (chats above it come and go), so it is right when the chat leaves. A chat that has left
  // stays the cursor's until it moves: the next j lands on the chat that took its place, not on the one after.
  useEffect(() => {
    if (cursorId !== null && !vanished) useCursorStore.getState().setCursor(cursorId, cursorIndex);
  }, [cursorId, cursorIndex, vanished]);

  // The route's chat is the cursor chat (links, Back and Forward, the palette).
  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  });
  useEffect(() => {
    if (activeChatId !== null) useCursorStore.getState().setCursor(activeChatId, Math.max(0, latestView.current.indexOf(activeChatId)));
  }, [activeChatId]);

  const mounted = useRef(false);
  const latestActive = useRef(activeChatId);
  useEffect(() => {
    latestActive.current = activeChatId;
  });
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const store = useCursorStore.getState();
    store.resetView();
    const open = latestActive.current;
    if (open !== null) store.setCursor(open, Math.max(0, latestView.current.indexOf(open)));
  }, [listKey]);

  // The cursor row is always on screen after it moves, by key, by auto-advance or by undo.
  const latestScroll = useRef(scrollToIndex);
  useEffect(() => {
    latestScroll.current = scrollToIndex;
  });
  // Only when it lands on another chat: a chat moving above it (a live message) shifts its index, not the view.
  const latestIndex = useRef(cursorIndex);
  useEffect(() => {
    latestIndex.current = cursorIndex;
  });
  useEffect(() => {
    if (cursorId !== null && latestIndex.current >= 0) latestScroll.current(latestIndex.current);
  }, [cursorId]);

  const restRef = useRef(onRest);
  useEffect(() => {
    restRef.current = onRest;
  });
  useEffect(() => {
    if (cursorId === null || cursorId === activeChatId) return;
    const timer = window.setTimeout(() => restRef.current?.(cursorId), CURSOR_REST_MS);
    return () => window.clearTimeout(timer);
  }, [cursorId, activeChatId]);
  // The pointer resting on a row: one timer for the list, restarted by each row the pointer enters.
  const hoverTimer = useRef(0);
  const hovered = useRef<string | null>(null);
  const onPointerOver = useCallback((event: { target: EventTarget }) => {
    const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-chat-id]') : null;
    const chatId = row?.dataset.chatId;
    // Moving within the same row (over its name, its icons) is still resting on it.
    if (!chatId || chatId === hovered.current) return;
    hovered.current = chatId;
    window.clearTimeout(hoverTimer.current);
    hoverTimer.current = window.setTimeout(() => restRef.current?.(chatId), HOVER_REST_MS);
  }, []);
  const onPointerLeave = useCallback(() => {
    hovered.current = null;
    window.clearTimeout(hoverTimer.current);
  }, []);
  useEffect(() => () => window.clearTimeout(hoverTimer.current), []);

  const move = (how: CursorMove, extend = false) => () => {
    const target = vanished && how === 'next' ? cursorIndex : vanished && how === 'previous' ? Math.max(0, cursorIndex - 1) : nextIndex(how, cursorIndex, chats.length, pageRows);
    const chat = chats[target];
    if (!chat) return false;
    const store = useCursorStore.getState();
    if (extend) {
      store.extendTo(
        chats.map((c) => c.id),
        chat.id,
        target,
      );
      return;
    }
    store.setCursor(chat.id, target);
    if (activeChatId !== null && chat.id !== activeChatId) onOpenChat(chat.id, { replace: true });
  };

  useShortcuts('global', {
    search: () => focusSearch(),
    next: move('next'),
    previous: move('previous'),
    extendDown: move('next', true),
    extendUp: move('previous', true),
    toggleSelect: () => {
      if (cursorId === null) return false;
      useCursorStore.getState().toggle(cursorId, cursorIndex);
    },
    selectAll: () => {
      if (chats.length === 0) return false;
      useCursorStore.getState().pickAll(chats.map((c) => c.id));
    },
  });

  const onKeyDown = useShortcuts('list', {
    down: move('next'),
    up: move('previous'),
    first: move('first'),
    last: move('last'),
    pageDown: move('pageDown'),
    pageUp: move('pageUp'),
    open: () => {
      if (cursorId === null) return false;
      onOpenChat(cursorId);
    },
  });

  const openRef = useRef(onOpenChat);
  useEffect(() => {
    openRef.current = onOpenChat;
  }, [onOpenChat]);
  // Stable, so memoized rows do not re-render when the list does.
  const activate = useCallback(
    (chatId: string, how: RowActivation) => {
      const store = useCursorStore.getState();
      const index = Math.max(0, latestView.current.indexOf(chatId));
      if (how === 'toggle') store.toggle(chatId, index);
      else if (how === 'extend')
        store.extendTo(
          latestView.current.chats.map((c) => c.id),
          chatId,
          index,
        );
      else {
        store.setCursor(chatId, index);
        openRef.current(chatId);
      }
    },
    [],
  );

  return { onKeyDown, activate, onPointerOver, onPointerLeave };
}
