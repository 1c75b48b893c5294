import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { accountsQueryOptions, indexAccounts } from '@/lib/accounts';
import type { ChatListParams } from '@/lib/chats/filters';
import { createChatListSelector, type ChatPage } from '@/lib/chats/list-pages';
import { chatQueries } from '@/lib/chats/queries';

const NO_PAGES: readonly ChatPage[] = [];

/** The chat list for some params: the infinite query, its pages flattened and de-duplicated, and the accounts. */
export function useChatList(params: ChatListParams) {
  // Other filters keep the current rows on screen (dimmed) until their first page arrives, instead of a blank list.
  const query = useInfiniteQuery({ ...chatQueries.list(params), placeholderData: keepPreviousData });
  // One memoized flatten per list on screen, so paging only walks the new page.
  const [select] = useState(createChatListSelector);
  const pages = query.data?.pages ?? NO_PAGES;
  const view = useMemo(() => select(pages), [select, pages]);

  // Account names are a nicety: the list works without them, and says they are missing (ChatList).
  const accounts = useQuery(accountsQueryOptions());
  const accountsById = useMemo(() => indexAccounts(accounts.data), [accounts.data]);

  return { query, view, accounts, accountsById };
}
