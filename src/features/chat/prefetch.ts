import type { QueryClient } from '@tanstack/react-query';
import { findCachedChat } from '@/lib/chats/list-pages';
import { chatQueries } from '@/lib/chats/queries';

/** The pane's chunk; one loader, so `lazy` and a prefetch share the same request. */
export const loadChatPane = () => import('./chat-pane');

/**
 * The chat's detail query as the pane reads it: the list's copy is its initial data (stale at once, so the detail is
 * fetched). A prefetch must build the query the same way: a query created without it would open with no header.
 */
export function chatDetailOptions(queryClient: QueryClient, chatId: string) {
  return {
    ...chatQueries.detail(chatId),
    initialData: () => findCachedChat(queryClient, chatId),
    initialDataUpdatedAt: 0,
  };
}

/** A prefetch nobody asked to see: it fails quietly, and the pane's own fetch reports if it fails again. */
const quiet = { meta: { silent: true } } as const;

/**
 * Loads ahead what opening the chat shows: details, the newest page of messages, attendees, and the pane's chunk.
 * Same options (so the same keys and freshness) as the pane; anything fresh in the cache is not fetched again.
 */
export function prefetchChat(queryClient: QueryClient, chatId: string): void {
  void loadChatPane();
  void queryClient.prefetchQuery({ ...chatDetailOptions(queryClient, chatId), ...quiet });
  void queryClient.prefetchInfiniteQuery({ ...chatQueries.messages(chatId), ...quiet });
  void queryClient.prefetchQuery({ ...chatQueries.attendees(chatId), ...quiet });
}
