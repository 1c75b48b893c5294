import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ChatListParams } from '../chats/filters';
import { chatKeys } from '../chats/keys';
import { placeChatInList, writeKeepingError } from '../chats/list-cache';
import { fetchChatPage, type ChatListData, type ChatPage } from '../chats/list-pages';

/**
 * "What may have been missed": the first page of the list on screen, asked for again and merged into what is loaded.
 * TanStack's own refetch of an infinite query replays every loaded page (one request per page, and a scrolled list
 * may hold hundreds); a live update only needs the top, where changed chats go.
 */

function paramsOf(key: QueryKey): ChatListParams | null {
  const params = key[2];
  if (params === null || typeof params !== 'object') return null;
  const p = params as Partial<ChatListParams>;
  return Array.isArray(p.accountIds) && typeof p.filters === 'object' && p.filters !== null ? (p as ChatListParams) : null;
}

/**
 * The loaded list with a fresh first page. A list of one page takes the page as it is (chats that left go too); a
 * longer one gets each fresh chat placed by the one placement rule (moved to its time, updated, or added), so rows
 * further down stay loaded and the scroll position keeps its meaning.
 */
export function mergeFirstPage(data: ChatListData, page: ChatPage, params: ChatListParams, now: number): ChatListData {
  if (data.pages.length <= 1) return { pages: [page], pageParams: [data.pageParams[0] ?? null] };
  let next = data;
  for (const chat of page.chats) next = placeChatInList(next, params, chat.id, () => chat, chat, now, { reposition: true });
  return next;
}

const inFlight = new Map<string, Promise<void>>();
const again = new Set<string>();

async function refreshOne(queryClient: QueryClient, key: QueryKey, params: ChatListParams): Promise<void> {
  const page = await fetchChatPage(params, null);
  const data = queryClient.getQueryData<ChatListData>(key);
  if (data) writeKeepingError(queryClient, key, mergeFirstPage(data, page, params, Date.now()));
}

/**
 * Refreshes the first page of every list on screen (normally one). Calls while one is in flight for the same list
 * coalesce into one more afterwards, so a burst of events costs two requests, not one per event. A list already
 * fetching is left to that fetch. Errors are swallowed: the next event, poll or focus tries again.
 */
export function refreshActiveFirstPages(queryClient: QueryClient): Promise<void> {
  const queries = queryClient.getQueryCache().findAll({ queryKey: chatKeys.lists(), type: 'active' });
  const runs = queries.map((query) => {
    const params = paramsOf(query.queryKey);
    const id = query.queryHash;
    if (!params || query.state.data === undefined) return Promise.resolve();
    if (inFlight.has(id)) {
      again.add(id);
      return inFlight.get(id)!;
    }
    if (query.state.fetchStatus === 'fetching') return Promise.resolve();
    const run = (async () => {
      try {
        do {
          again.delete(id);
          await refreshOne(queryClient, query.queryKey, params).catch(() => undefined);
        } while (again.has(id));
      } finally {
        inFlight.delete(id);
      }
    })();
    inFlight.set(id, run);
    return run;
  });
  return Promise.all(runs).then(() => undefined);
}
