import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo } from 'react';
import { useLocation, useRoute, useSearch } from 'wouter';
import { ChatPane, ChatPaneSkeleton, COMPOSER_ID, prefetchChat, triageActionReason } from '@/features/chat';
import { PaneErrorBoundary } from '@/components/ui/error-boundary';
import { ChatList, ChatListPlaceholder } from '@/features/inbox';
import { selectAdvance, selectMarkReadOnOpen, selectPageSize, selectTimeFormat, useAccountVisibility, useSettings } from '@/features/settings';
import { accountKeys, indexAccounts, type Account } from '@/lib/accounts';
import { appConfigKeys, type AppConfig } from '@/lib/app-config';
import type { ChatAction, ChatActionKind } from '@/lib/chats/actions';
import { parseFilterSearch, searchWithFilters, type ChatFilters, type ChatListParams } from '@/lib/chats/filters';
import { chatKeys } from '@/lib/chats/keys';
import type { InboxChat } from '@/lib/chats/model';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import { setCurrentView, type TriageView } from '@/lib/triage/screen';
import { NoChatSelected } from './no-chat-selected';
import { CHAT_ROUTE, chatUrl, decodeChatId, listParamsFor, withSearch } from './routes';
import { TriageKeys } from './triage-keys';
import { useFocusRecovery } from './use-focus-recovery';

const loadTriage = () => import('@/lib/triage/run-triage');

/** The list and, on wide screens, the detail pane beside it; on narrow ones an open chat replaces the list. */
export function InboxPage({ density }: { density: Density }) {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const [chatOpen, route] = useRoute(CHAT_ROUTE);
  const chatId = chatOpen && route ? decodeChatId(route.chatId) : null;
  const queryClient = useQueryClient();

  const visibility = useAccountVisibility();
  const pageSize = useSettings(selectPageSize);
  const timeStyle = useSettings(selectTimeFormat);
  const advance = useSettings(selectAdvance);
  const markReadOnOpen = useSettings(selectMarkReadOnOpen);
  // Invalid values in the link are dropped here and reported by the list's filter bar.
  const { invalid } = useMemo(() => parseFilterSearch(search), [search]);
  // A link that names accounts (?accounts=) shows those; otherwise the accounts shown in Settings (null: not known yet).
  const params = useMemo<ChatListParams | null>(
    () => (visibility.accountIds === null ? null : listParamsFor(search, visibility.accountIds, pageSize)),
    [search, visibility.accountIds, pageSize],
  );
  // Each filter change is a history entry, so Back and Forward step through views (typing replaces; see FilterBar).
  const changeFilters = useCallback(
    (next: ChatFilters, options?: { replace?: boolean }) => navigate(withSearch(location, searchWithFilters(search, next)), { replace: options?.replace ?? false }),
    [navigate, location, search],
  );
  const openChat = useCallback(
    (id: string, options?: { replace?: boolean }) => navigate(withSearch(chatUrl(id), search), { replace: options?.replace ?? false }),
    [navigate, search],
  );
  // Filters live in the query string, so clearing them is dropping it.
  const clearFilters = useCallback(() => navigate(chatId ? chatUrl(chatId) : '/'), [navigate, chatId]);
  // The list's Reset loads it afresh: if a chat's data made it fail, the same data would fail it again.
  const resetList = useCallback(() => void queryClient.resetQueries({ queryKey: chatKeys.lists() }), [queryClient]);
  // Back to the list (the Back link, Esc): the list keeps its scroll and cursor; focus returns to it.
  const closeChat = useCallback(() => {
    navigate(withSearch('/', search));
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="listbox"][aria-label="Chats"]')?.focus());
  }, [navigate, search]);
  useFocusRecovery();

  const triageView = useMemo<TriageView | null>(
    () =>
      params && {
        params,
        openChatId: chatId,
        advance,
        openChat: (id, options) => openChat(id, options),
        closeChat,
        blockReason: (chat: InboxChat, action: ChatAction) =>
          triageActionReason(chat, action, indexAccounts(queryClient.getQueryData<Account[]>(accountKeys.list())).get(chat.accountId), queryClient.getQueryData<AppConfig>(appConfigKeys.all)?.backends ?? []),
      },
    [params, chatId, advance, openChat, closeChat, queryClient],
  );
  // A toast's Undo or Retry acts on the screen as it is when pressed.
  useEffect(() => setCurrentView(triageView), [triageView]);
  const onTriage = useCallback(
    (kind: ChatActionKind, value?: boolean) => {
      if (triageView) void loadTriage().then((m) => m.runTriage(queryClient, triageView, kind, value));
    },
    [triageView, queryClient],
  );
  // Resting on a chat loads it ahead, so Enter opens it at once.
  const onRest = useCallback((id: string) => prefetchChat(queryClient, id), [queryClient]);
  const onMarkRead = useCallback((id: string) => void loadTriage().then((m) => m.runQuietly(queryClient, id, { kind: 'read', value: true })), [queryClient]);
  const accountsNote = visibility.shown < visibility.total ? { shown: visibility.shown, total: visibility.total, onShowAll: visibility.showAll } : null;

  return (
    <main className="flex min-h-0 flex-1">
      <div className={cn('min-h-0 flex-col bg-surface lg:flex lg:w-[420px] lg:shrink-0 lg:border-r lg:border-line', chatId ? 'hidden' : 'flex w-full')}>
        <PaneErrorBoundary name="The chat list" onReset={resetList}>
          {params ? (
            <ChatList
              params={params}
              density={density}
              timeStyle={timeStyle}
              activeChatId={chatId}
              onOpenChat={openChat}
              onFiltersChange={changeFilters}
              onClearFilters={clearFilters}
              invalidFilters={invalid}
              onTriage={onTriage}
              onRest={onRest}
              accountsNote={accountsNote}
            />
          ) : (
            <ChatListPlaceholder density={density} />
          )}
        </PaneErrorBoundary>
      </div>
      <div className={cn('min-w-0 flex-1 flex-col', chatId ? 'flex' : 'hidden lg:flex')}>
        {chatId ? (
          <Suspense fallback={<ChatPaneSkeleton chatId={chatId} />}>
            <ChatPane
              key={chatId}
              chatId={chatId}
              markReadOnOpen={markReadOnOpen}
              backHref={withSearch('/', search)}
              onClose={closeChat}
              onTriage={(kind) => onTriage(kind)}
              onMarkRead={onMarkRead}
            />
          </Suspense>
        ) : (
          <NoChatSelected />
        )}
      </div>
      {triageView ? <TriageKeys view={triageView} onFiltersChange={(filters) => changeFilters(filters)} composerId={COMPOSER_ID} /> : null}
    </main>
  );
}
