import { accountIdsFromSearch, parseFilterSearch, type ChatListParams } from '@/lib/chats/filters';

/** App routes. The query string carries the list's filters and is kept when a chat opens or closes. */
export const CHAT_ROUTE = '/chats/:chatId';

export function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path;
}

export function chatUrl(chatId: string): string {
  return `/chats/${encodeURIComponent(chatId)}`;
}

/**
 * wouter decodes paths with decodeURI, which leaves reserved characters (":", "/", "?") encoded; this finishes
 * the job. (An id holding a literal "%XX" sequence would be decoded twice; Unipile ids are URL-safe.)
 */
export function decodeChatId(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

/**
 * The list a URL shows: its filters, the accounts it names (?accounts=) or else the saved selection, and the page
 * size. One function, so the first page prefetched at start-up has exactly the key the list then asks for.
 */
export function listParamsFor(search: string, selectedAccountIds: string[], pageSize: number): ChatListParams {
  const linked = accountIdsFromSearch(search);
  return { accountIds: linked.length > 0 ? linked : selectedAccountIds, pageSize, filters: parseFilterSearch(search).filters };
}
