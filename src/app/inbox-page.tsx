import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useMemo } from 'react';
import { useLocation, useRoute, useSearch } from 'wouter';
import { ChatPane, TriageShortcuts } from '@/features/chat';
import { PaneErrorBoundary } from '@/components/ui/error-boundary';
import { ChatList } from '@/features/inbox';
import { selectMarkReadOnOpen, selectPageSize, selectTimeFormat, useAccountSelection, useSettings } from '@/features/settings';
import { parseFilterSearch, searchWithFilters, type ChatFilters, type ChatListParams } from '@/lib/chats/filters';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import { useSelectionStore } from '@/lib/selection-store';
import { NoChatSelected } from './no-chat-selected';
import { CHAT_ROUTE, chatUrl, decodeChatId, listParamsFor, withSearch } from './routes';
import { chatKeys } from '@/lib/chats/keys';

/** The list and, on wide screens, the detail pane beside it; on narrow ones an open chat replaces the list. */
export function InboxPage({ density }: { density: Density }) {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const [chatOpen, route] = useRoute(CHAT_ROUTE);
  const chatId = chatOpen && route ? decodeChatId(route.chatId) : null;

  const selectedAccountIds = useAccountSelection();
  const pageSize = useSettings(selectPageSize);
  const timeStyle = useSettings(selectTimeFormat);
  // Invalid values in the link are dropped here and reported by the list's filter bar.
  const { invalid } = useMemo(() => parseFilterSearch(search), [search]);
  // A link that names accounts (?accounts=) shows those; otherwise the selection saved in Settings.
  const params = useMemo<ChatListParams>(() => listParamsFor(search, selectedAccountIds, pageSize), [search, selectedAccountIds, pageSize]);
  // Each filter change is a history entry, so Back and Forward step through views (typing replaces; see FilterBar).
  const changeFilters = useCallback(
    (next: ChatFilters, options?: { replace?: boolean }) => navigate(withSearch(location, searchWithFilters(search, next)), { replace: options?.replace ?? false }),
    [navigate, location, search],
  );
  const openChat = useCallback((id: string) => navigate(withSearch(chatUrl(id), search)), [navigate, search]);
  // Filters live in the query string, so clearing them is dropping it.
  const clearFilters = useCallback(() => navigate(chatId ? chatUrl(chatId) : '/'), [navigate, chatId]);
  const selectedChatId = useSelectionStore((s) => s.selectedChatId);
  const markReadOnOpen = useSettings(selectMarkReadOnOpen);
  // Back to the list (the Back link, Esc): the list keeps its scroll and selection; focus returns to it.
  const queryClient = useQueryClient();
  // The list's Reset loads it afresh: if a chat's data made it fail, the same data would fail it again.
  const resetList = useCallback(() => void queryClient.resetQueries({ queryKey: chatKeys.lists() }), [queryClient]);
  const closeChat = useCallback(() => {
    navigate(withSearch('/', search));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="listbox"][aria-label="Chats"]')?.focus());
  }, [navigate, search]);

  return (
    <main className="flex min-h-0 flex-1">
      <div className={cn('min-h-0 flex-col bg-surface lg:flex lg:w-[420px] lg:shrink-0 lg:border-r lg:border-line', chatId ? 'hidden' : 'flex w-full')}>
        <PaneErrorBoundary name="The chat list" onReset={resetList}>
          <ChatList
            params={params}
            density={density}
            timeStyle={timeStyle}
            activeChatId={chatId}
            onOpenChat={openChat}
            onFiltersChange={changeFilters}
            onClearFilters={clearFilters}
            invalidFilters={invalid}
          />
        </PaneErrorBoundary>
      </div>
      <div className={cn('min-w-0 flex-1 flex-col', chatId ? 'flex' : 'hidden lg:flex')}>
        {chatId ? (
          <Suspense fallback={<section aria-label="Chat" aria-busy="true" className="flex min-h-0 flex-1 bg-surface" />}>
            <ChatPane key={chatId} chatId={chatId} markReadOnOpen={markReadOnOpen} backHref={withSearch('/', search)} onClose={closeChat} />
          </Suspense>
        ) : (
          <NoChatSelected />
        )}
      </div>
      <Suspense fallback={null}>
        <TriageShortcuts openChatId={chatId} selectedChatId={selectedChatId} onCloseChat={closeChat} />
      </Suspense>
    </main>
  );
}
