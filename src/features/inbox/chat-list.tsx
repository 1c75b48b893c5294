import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { lazy, memo, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { providerLabel } from '@/config/providers';
import { nextIndex, type ListAction } from '@/config/shortcuts';
import { hasActiveFilters, normalizeListParams, type ChatListParams, type InvalidFilter } from '@/lib/chats/filters';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import type { TimeStyle } from '@/lib/time-format';
import { retryingText, type ErrorContext } from '@/lib/error-messages';
import { ErrorState } from '@/components/ui/error-state';
import { useSelectionStore } from '@/lib/selection-store';
import { useShortcuts } from '@/lib/use-shortcuts';
import { AccountsUnavailable, ChatListEmpty, ChatListFooter, ChatListSkeleton, type FooterState } from './chat-list-states';
import { ChatListToolbar } from './chat-list-toolbar';
import { ChatRow, optionId, ROW_HEIGHT } from './chat-row';
import type { FiltersChange } from './filter-bar';
import { filterSummary } from './filter-labels';
import { useChatList } from './use-chat-list';
import { useNow } from './use-now';

export interface ChatListProps {
  /** Which chats: accounts (empty = all), page size and filters. Every field is part of the query key. */
  params: ChatListParams;
  /** Row height: comfortable 72px, compact 52px. */
  density?: Density;
  /** Time of last activity: relative ("5m") or absolute ("14:05"). */
  timeStyle?: TimeStyle;
  /** The chat open in the detail pane (from the route); the selection follows it. */
  activeChatId?: string | null;
  /** Enter, "o" or a click on a row. */
  onOpenChat: (chatId: string) => void;
  /** A filter changed in the filter bar (the app puts it in the URL). */
  onFiltersChange: FiltersChange;
  /** "Clear filters", in the filter bar and the empty state. */
  onClearFilters: () => void;
  /** Values in the link that are not valid filters: dropped, and shown in a dismissible notice. */
  invalidFilters?: readonly InvalidFilter[];
  /** Toolbar heading; by default, what the filters show ("Unread · WhatsApp"). */
  title?: string;
}

const NO_INVALID_FILTERS: readonly InvalidFilter[] = [];

// Its own chunk, fetched as the list first renders: the initial bundle stays within its budget, and the frame below
// holds the bar's place meanwhile (the first page of chats takes longer to arrive than this small chunk).
// Memoized: its props change with the filters and the loaded pages, not on every scroll frame that re-renders the list.
const FilterBar = lazy(() => import('./filter-bar').then((module) => ({ default: memo(module.default) })));

function FilterBarFrame() {
  return (
    <div aria-hidden="true" className="shrink-0 border-b border-line px-3 py-2">
      <div className="h-8 rounded-md border border-line bg-raised" />
      <div className="mt-2 hidden h-7 sm:block lg:h-[62px]" />
    </div>
  );
}

/**
 * Rows rendered beyond the viewport on each side: small, so the DOM stays the same size at any list length, and a fast
 * scroll, which replaces every row each frame, builds as few rows as possible per frame.
 */
const OVERSCAN = 2;
/** The next page is requested this many screens before the end. */
const PREFETCH_SCREENS = 2;

/** Always render the selected row, so `aria-activedescendant` points at an element that exists. */
function withSelected(range: Range, selectedIndex: number): number[] {
  const indexes = defaultRangeExtractor(range);
  if (selectedIndex < 0 || selectedIndex >= range.count || indexes.includes(selectedIndex)) return indexes;
  return [...indexes, selectedIndex].sort((a, b) => a - b);
}

export function ChatList({
  params,
  density = 'comfortable',
  timeStyle = 'relative',
  activeChatId = null,
  onOpenChat,
  onFiltersChange,
  onClearFilters,
  invalidFilters = NO_INVALID_FILTERS,
  title,
}: ChatListProps) {
  const { query, view, accounts, accountsById } = useChatList(params);
  const { chats } = view;
  const { hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch, failureCount, failureReason } = query;
  const rowHeight = ROW_HEIGHT[density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const now = useNow();

  // Selection is tracked by chat id, so it stays on the same chat when pages load or chats above it change.
  const [selectedId, setSelectedId] = useState<string | null>(activeChatId);
  const [followedActiveId, setFollowedActiveId] = useState(activeChatId);
  if (activeChatId !== followedActiveId) {
    setFollowedActiveId(activeChatId);
    if (activeChatId !== null) setSelectedId(activeChatId);
  }
  const selectedIndex = selectedId === null ? -1 : view.indexOf(selectedId);
  // Shared so the triage keys (e, u, p, m) can act on the selected chat while none is open.
  const setSharedSelection = useSelectionStore((s) => s.setSelectedChatId);
  useEffect(() => setSharedSelection(selectedId), [selectedId, setSharedSelection]);

  // Stable callbacks: the virtualizer re-measures every row when getItemKey changes, which is O(count) per scroll
  // frame with 100,000 chats.
  const getItemKey = useCallback((index: number) => chats[index]?.id ?? index, [chats]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const rangeExtractor = useCallback((range: Range) => withSelected(range, selectedIndex), [selectedIndex]);
  const virtualizer = useVirtualizer({
    count: chats.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  // Another list (new filters) starts at its top; a refetch of the same list keeps the scroll position.
  const listKey = JSON.stringify(normalizeListParams(params));
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);

  // Ask for the next page about two screens before the end, one page at a time, and not after a paging error
  // (then the footer offers Retry). An empty page with a cursor is not the end: this asks again.
  const visibleEnd = virtualizer.range?.endIndex ?? -1;
  const screenRows = Math.max(1, Math.ceil((virtualizer.scrollRect?.height ?? 0) / rowHeight));
  const nearEnd = chats.length === 0 || visibleEnd >= chats.length - 1 - PREFETCH_SCREENS * screenRows;
  const wantsNextPage = hasNextPage && nearEnd && !isFetching && !isFetchNextPageError;
  useEffect(() => {
    if (wantsNextPage) void fetchNextPage();
  }, [wantsNextPage, fetchNextPage]);

  const openRef = useRef(onOpenChat);
  useEffect(() => {
    openRef.current = onOpenChat;
  }, [onOpenChat]);
  const activate = useCallback((chatId: string) => {
    setSelectedId(chatId);
    openRef.current(chatId);
  }, []);

  // The list's keys (config/shortcuts.ts, scope "list") while it has focus.
  const move = (action: Exclude<ListAction, 'open'>) => () => {
    const target = nextIndex(action, selectedIndex, chats.length, Math.max(1, screenRows - 1));
    const chat = chats[target];
    if (!chat) return;
    setSelectedId(chat.id);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const onKeyDown = useShortcuts('list', {
    next: move('next'),
    previous: move('previous'),
    first: move('first'),
    last: move('last'),
    pageDown: move('pageDown'),
    pageUp: move('pageUp'),
    open: () => {
      const chat = chats[selectedIndex];
      if (chat) onOpenChat(chat.id);
    },
  });

  const errorContext = useMemo<ErrorContext>(() => {
    const provider = params.filters.provider ?? (params.accountIds.length === 1 ? accountsById.get(params.accountIds[0] ?? '')?.provider : undefined);
    return { providerLabel: provider ? providerLabel(provider) : undefined };
  }, [params.filters.provider, params.accountIds, accountsById]);

  // Rows of the previous filters, shown dimmed until the new list's first page arrives.
  const switching = query.isPlaceholderData;
  const complete = query.isSuccess && !hasNextPage && !switching;
  const setSize = complete ? chats.length : -1;
  const pages = query.data?.pages;
  const lastPage = pages?.at(-1);
  // The server filters this list and stopped scanning before it filled a page: matches may still lie further down.
  const scanned =
    !switching && hasNextPage && lastPage?.scanned !== undefined && lastPage.chats.length < normalizeListParams(params).pageSize
      ? (pages ?? []).reduce((sum, page) => sum + (page.scanned ?? 0), 0)
      : null;
  // The retry policy is trying a failed request again: say so, and why, where the answer will go.
  const retrying = isFetching && failureCount > 0 ? retryingText(failureReason, errorContext) : null;
  const footer: FooterState = isFetchNextPageError
    ? { kind: 'error', error: query.error, retrying: isFetchingNextPage }
    : hasNextPage
      ? { kind: 'loading', scanned, retrying: isFetchingNextPage ? retrying : null }
      : { kind: 'end', total: chats.length };

  let body;
  if (query.isPending || (chats.length === 0 && (hasNextPage || switching) && !isFetchNextPageError)) {
    // Never "no chats" while a cursor remains: an empty page of a filtered list only means "not found yet".
    body = <ChatListSkeleton density={density} scanned={scanned} retrying={retrying} />;
  } else if (chats.length === 0 && (query.isError || isFetchNextPageError)) {
    const retry = isFetchNextPageError ? () => void fetchNextPage() : () => void refetch();
    body = <ErrorState error={query.error} context={errorContext} onRetry={retry} retrying={isFetching} failureCount={failureCount} />;
  } else if (chats.length === 0) {
    body = <ChatListEmpty filtered={hasActiveFilters(params.filters) || params.accountIds.length > 0} onClearFilters={onClearFilters} />;
  } else {
    body = (
      <>
        <div
          role="listbox"
          aria-label="Chats"
          tabIndex={0}
          aria-activedescendant={selectedIndex >= 0 && selectedId !== null ? optionId(selectedId) : undefined}
          aria-busy={switching}
          onKeyDown={onKeyDown}
          className="chat-listbox relative w-full"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((item) => {
            const chat = chats[item.index];
            if (!chat) return null;
            return (
              <ChatRow
                key={item.key}
                chat={chat}
                account={accountsById.get(chat.accountId)}
                index={item.index}
                setSize={setSize}
                start={item.start}
                density={density}
                selected={item.index === selectedIndex}
                now={now}
                timeStyle={timeStyle}
                onActivate={activate}
              />
            );
          })}
        </div>
        <ChatListFooter state={footer} density={density} context={errorContext} onRetry={() => void fetchNextPage()} />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} className="flex h-full min-h-0 flex-col">
      <Suspense fallback={<FilterBarFrame />}>
        <FilterBar
          filters={params.filters}
          accountIds={params.accountIds}
          accountsById={accountsById}
          chats={chats}
          invalid={invalidFilters}
          onChange={onFiltersChange}
          onClear={onClearFilters}
        />
      </Suspense>
      <ChatListToolbar
        headingId={headingId}
        title={title ?? filterSummary(params.filters)}
        loaded={chats.length}
        complete={complete}
        switching={switching}
        refreshing={isFetching && !isFetchingNextPage && query.data !== undefined && !switching}
        retrying={retrying !== null && !isFetchingNextPage}
        staleError={query.isRefetchError ? query.error : null}
        errorContext={errorContext}
        onRefresh={() => void refetch()}
      />
      {accounts.isError && !accounts.data ? (
        <AccountsUnavailable error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />
      ) : null}
      <div
        ref={scrollRef}
        className={cn('min-h-0 flex-1 overflow-y-auto overscroll-contain transition-opacity [contain:strict]', switching && 'opacity-50 motion-reduce:transition-none')}
      >
        {body}
      </div>
    </section>
  );
}
