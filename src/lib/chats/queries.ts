import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchAttendees } from './attendees';
import { fetchChat } from './detail';
import { normalizeListParams, type ChatListParams } from './filters';
import { chatKeys } from './keys';
import { fetchChatPage, type ChatPage } from './list-pages';
import { fetchMessagePage, type MessagePage } from './messages';

/**
 * Beyond this many loaded pages a focus refetch would replay one request per page (TanStack refetches every
 * page of an infinite query), so long lists refresh on their next mount or an explicit action instead.
 */
export const MAX_PAGES_REFETCHED_ON_FOCUS = 20;

/** The chats resource's queries, in the queryOptions style: every input of a query function is in its key. */
export const chatQueries = {
  list(params: ChatListParams) {
    const normalized = normalizeListParams(params);
    return infiniteQueryOptions({
      queryKey: chatKeys.list(normalized),
      queryFn: ({ pageParam, signal }) => fetchChatPage(normalized, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage: ChatPage) => lastPage.cursor ?? undefined,
      refetchOnWindowFocus: (query) => (query.state.data?.pages.length ?? 0) <= MAX_PAGES_REFETCHED_ON_FOCUS,
      // The first page is prefetched before the list mounts (app.tsx): a failure that lands first must not be tried
      // again by the mount, outside the retry policy. The error state offers Retry.
      retryOnMount: false,
      // The list shows all its errors itself: first page, next page, and a failed refresh in its toolbar.
      meta: { silent: true },
    });
  },

  detail(chatId: string) {
    return queryOptions({
      queryKey: chatKeys.detail(chatId),
      queryFn: ({ signal }) => fetchChat(chatId, signal),
    });
  },

  messages(chatId: string) {
    return infiniteQueryOptions({
      queryKey: chatKeys.messages(chatId),
      queryFn: ({ pageParam, signal }) => fetchMessagePage(chatId, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage: MessagePage) => lastPage.cursor ?? undefined,
      // A focus refetch replays every loaded page; a long history refreshes on the next open instead.
      refetchOnWindowFocus: (query) => (query.state.data?.pages.length ?? 0) <= 3,
    });
  },

  attendees(chatId: string) {
    return queryOptions({
      queryKey: chatKeys.attendees(chatId),
      queryFn: ({ signal }) => fetchAttendees(chatId, signal),
      staleTime: 5 * 60_000,
    });
  },
};
