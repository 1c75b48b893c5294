import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { ApiError, apiGet } from '../api-client';
import { buildChatListQuery, type ChatListParams } from './filters';
import { normalizeChat, type InboxChat } from './model';
import { chatKeys } from './keys';
import { readListPage } from '../tolerant-list';
import { NO_UNAVAILABLE, readUnavailable } from '../unavailable-backends';
import type { BackendUnavailable } from '../wire/backends';
import { wireChatSchema } from '../wire/chat-wire';

export interface ChatPage {
  chats: InboxChat[];
  /** Cursor of the next page; null when this page is the last. */
  cursor: string | null;
  /**
   * Chats the server examined for this page, on lists it filters itself (folder, view, pinned, muted, q). Such a page
   * may hold few or no chats and still not be the last: the server stops after a fixed amount of scanning.
   */
  scanned?: number;
  /** Backends that did not answer for this page of a merged list: their chats are missing from it. Absent: none. */
  unavailable?: readonly BackendUnavailable[];
}

export type ChatListData = InfiniteData<ChatPage, string | null>;

export async function fetchChatPage(params: ChatListParams, cursor: string | null, signal?: AbortSignal): Promise<ChatPage> {
  const json = await apiGet('/api/v1/chats', { query: buildChatListQuery(params, cursor), signal });
  // Unipile always sends `cursor` (null on the last page). Without it the list cannot tell its end from a cut-off
  // answer, and calling it complete would hide every chat after this page.
  if (typeof json === 'object' && json !== null && !('cursor' in json)) {
    throw new ApiError({ status: 200, type: 'client/missing_cursor', title: 'Incomplete answer', detail: 'The chat list page has no cursor field.' });
  }
  const now = Date.now();
  const page = readListPage(json, wireChatSchema, (wire) => normalizeChat(wire, now), 'chat');
  const result: ChatPage = { chats: page.items, cursor: page.cursor };
  const scanned = readScanned(json);
  if (scanned !== undefined) result.scanned = scanned;
  const unavailable = readUnavailable(json);
  if (unavailable.length > 0) result.unavailable = unavailable;
  return result;
}

/**
 * The backends missing from a loaded list: those its latest page names (each page is the merge's answer as of when
 * it was fetched, so an older page's failure is superseded; a refetch reloads them all, first page first).
 */
export function listUnavailable(pages: readonly ChatPage[] | undefined): readonly BackendUnavailable[] {
  return pages?.at(-1)?.unavailable ?? NO_UNAVAILABLE;
}

/** `scan.scanned` of a filtered list page (see server/routes/api.ts); anything else reads as absent. */
function readScanned(json: unknown): number | undefined {
  const scan = (json as { scan?: { scanned?: unknown } } | null)?.scan;
  const scanned = typeof scan === 'object' && scan !== null ? scan.scanned : undefined;
  return typeof scanned === 'number' && Number.isFinite(scanned) && scanned >= 0 ? scanned : undefined;
}

/** The loaded pages as one list: each chat once, at its first position, with the most recently fetched data. */
export interface ChatListView {
  chats: readonly InboxChat[];
  /** Position of a chat in `chats`, or -1. */
  indexOf(chatId: string): number;
}

function makeView(chats: InboxChat[], positions: Map<string, number>): ChatListView {
  const length = chats.length;
  // `positions` may be shared with longer, later views: an index past this view's end is not in this view.
  return { chats, indexOf: (chatId) => { const i = positions.get(chatId); return i !== undefined && i < length ? i : -1; } };
}

function appendPages(chats: InboxChat[], positions: Map<string, number>, pages: readonly ChatPage[]): void {
  for (const page of pages) {
    for (const chat of page.chats) {
      const at = positions.get(chat.id);
      if (at === undefined) {
        positions.set(chat.id, chats.length);
        chats.push(chat);
      } else {
        // A chat that moved between pages while paging: keep its first place, show its latest state.
        chats[at] = chat;
      }
    }
  }
}

/** Flattens and de-duplicates pages by chat id (the plain version; the selector below is the incremental one). */
export function flattenChatPages(pages: readonly ChatPage[]): ChatListView {
  const chats: InboxChat[] = [];
  const positions = new Map<string, number>();
  appendPages(chats, positions, pages);
  return makeView(chats, positions);
}

/**
 * A memoized flatten for one list observer. Loading page N+1 keeps pages 1..N by reference, so only the new page is
 * walked (with 100,000 chats a full re-flatten per page would be quadratic); anything else rebuilds from scratch.
 */
export function createChatListSelector(): (pages: readonly ChatPage[]) => ChatListView {
  let lastPages: readonly ChatPage[] = [];
  let lastView: ChatListView = flattenChatPages([]);
  let positions = new Map<string, number>();
  return (pages) => {
    if (pages === lastPages) return lastView;
    const extends_ = pages.length >= lastPages.length && lastPages.every((page, i) => pages[i] === page);
    if (extends_ && pages.length === lastPages.length) {
      lastPages = pages;
      return lastView;
    }
    if (extends_) {
      const chats = lastView.chats.slice();
      appendPages(chats, positions, pages.slice(lastPages.length));
      lastView = makeView(chats, positions);
    } else {
      positions = new Map();
      const chats: InboxChat[] = [];
      appendPages(chats, positions, pages);
      lastView = makeView(chats, positions);
    }
    lastPages = pages;
    return lastView;
  };
}

/** A chat from any cached list (e.g. to title a pane before its detail query exists). */
export function findCachedChat(queryClient: QueryClient, chatId: string): InboxChat | undefined {
  for (const [, data] of queryClient.getQueriesData<ChatListData>({ queryKey: chatKeys.lists() })) {
    for (const page of data?.pages ?? []) {
      const chat = page.chats.find((c) => c.id === chatId);
      if (chat) return chat;
    }
  }
  return undefined;
}

/** The freshest copy of a chat the cache holds: its detail query, else any loaded list. */
export function knownChat(queryClient: QueryClient, chatId: string): InboxChat | undefined {
  return queryClient.getQueryData<InboxChat>(chatKeys.detail(chatId)) ?? findCachedChat(queryClient, chatId);
}
