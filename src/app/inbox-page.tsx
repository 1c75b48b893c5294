import { useCallback, useMemo } from 'react';
import { useLocation, useRoute, useSearch } from 'wouter';
import { ChatList } from '@/features/inbox';
import { selectPageSize, useAccountSelection, useSettings } from '@/features/settings';
import { accountIdsFromSearch, filtersFromSearch, type ChatListParams } from '@/lib/chat-filters';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import { ChatPlaceholderPane, NoChatSelected } from './chat-pane';
import { CHAT_ROUTE, chatPath, decodeChatId, withSearch } from './routes';

/** The list and, on wide screens, the detail pane beside it; on narrow ones an open chat replaces the list. */
export function InboxPage({ density }: { density: Density }) {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [chatOpen, route] = useRoute(CHAT_ROUTE);
  const chatId = chatOpen && route ? decodeChatId(route.chatId) : null;

  const selectedAccountIds = useAccountSelection();
  const pageSize = useSettings(selectPageSize);
  const params = useMemo<ChatListParams>(() => {
    // A link that names accounts (?accounts=) shows those; otherwise the selection saved in Settings.
    const linked = accountIdsFromSearch(search);
    return { accountIds: linked.length > 0 ? linked : selectedAccountIds, pageSize, filters: filtersFromSearch(search) };
  }, [search, selectedAccountIds, pageSize]);
  const openChat = useCallback((id: string) => navigate(withSearch(chatPath(id), search)), [navigate, search]);
  // Filters live in the query string, so clearing them is dropping it.
  const clearFilters = useCallback(() => navigate(chatId ? chatPath(chatId) : '/'), [navigate, chatId]);

  return (
    <main className="flex min-h-0 flex-1">
      <div className={cn('min-h-0 flex-col bg-surface lg:flex lg:w-[420px] lg:shrink-0 lg:border-r lg:border-line', chatId ? 'hidden' : 'flex w-full')}>
        <ChatList params={params} density={density} activeChatId={chatId} onOpenChat={openChat} onClearFilters={clearFilters} />
      </div>
      <div className={cn('min-w-0 flex-1 flex-col', chatId ? 'flex' : 'hidden lg:flex')}>
        {chatId ? <ChatPlaceholderPane key={chatId} chatId={chatId} backHref={withSearch('/', search)} /> : <NoChatSelected />}
      </div>
    </main>
  );
}
