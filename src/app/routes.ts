/** App routes. The query string carries the list's filters and is kept when a chat opens or closes. */
export const CHAT_ROUTE = '/chats/:chatId';

export function withSearch(path: string, search: string): string {
  return search ? `${path}?${search}` : path;
}

export function chatPath(chatId: string): string {
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
