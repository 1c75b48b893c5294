import { useQueryClient } from '@tanstack/react-query';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { lazy, memo, Suspense, useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { providerLabel } from '@/config/providers';
import { hasActiveFilters, normalizeListParams, type ChatListParams, type InvalidFilter } from '@/lib/chats/filters';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import type { TimeStyle } from '@/lib/time-format';
import { retryingText, type ErrorContext } from '@/lib/error-messages';
import { ErrorState } from '@/components/ui/error-state';
import type { ChatActionKind } from '@/lib/chats/actions';
import { chatKeys } from '@/lib/chats/keys';
import { listUnavailable } from '@/lib/chats/list-pages';
import { BackendNotice } from './backend-notice';
import { AccountsUnavailable, ChatListEmpty, ChatListFooter, ChatListSkeleton, type FooterState } from './chat-list-states';
import { ChatListToolbar } from './chat-list-toolbar';
import { ChatRow, optionId, ROW_HEIGHT } from './chat-row';
import type { FiltersChange } from './filter-bar';
import { filterSummary } from './filter-labels';
import { useChatList } from './use-chat-list';
import { useCursorPosition, useListCursor } from './use-list-cursor';
import { useNow } from './use-now';
import { useScrollAnchor } from './use-scroll-anchor';
import { cachedPreview, rowPreviewOf, useRowPreviews } from './use-row-previews';

export interface ChatListProps {
  /** Which chats: accounts (empty = all), page size and filters. Every field is part of the query key. */
  params: ChatListParams;
  /** Row height: comfortable 72px, compact 52px. */
  density?: Density;
  /** Time of last activity: relative ("5m") or absolute ("14:05"). */
  timeStyle?: TimeStyle;
  /** The chat open in the detail pane (from the route); the cursor follows it. */
  activeChatId?: string | null;
  /** Enter, "o" or a click on a row; `replace` when the cursor moved from one open chat to the next. */
  onOpenChat: (chatId: string, options?: { replace?: boolean }) => void;
  /** The bulk bar's actions on the picked chats (`value` for Mark read / Mark unread; otherwise a toggle). */
  onTriage?: (kind: ChatActionKind, value?: boolean) => void;
  /** The cursor rested on a chat, or the pointer on a row: load it ahead, so Enter opens it at once. */
  onRest?: (chatId: string) => void;
  /** While some accounts are hidden in Settings: a chip in the header says so and can show them all. */
  accountsNote?: { shown: number; total: number; onShowAll: () => void } | null;
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

// Its own chunk, fetched as the list first renders (the frame below holds the bar's place meanwhile); memoized: its
// props change with the filters and the loaded pages, not on every scroll frame that re-renders the list.
const FilterBar = lazy(() => import('./filter-bar').then((module) => ({ default: memo(module.default) })));

// Only while chats are picked: the first x loads it (a frame of the same height holds its place meanwhile).
const BulkBar = lazy(() => import('./bulk-bar').then((module) => ({ default: module.BulkBar })));

function FilterBarFrame() {
  return (
    <div aria-hidden="true" className="shrink-0 border-b border-line px-3 py-2">
      <div className="h-8 rounded-md border border-line bg-raised" />
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

/** Always render the cursor row, so `aria-activedescendant` points at an element that exists. */
function withSelected(range: Range, cursorIndex: number): number[] {
  const indexes = defaultRangeExtractor(range);
  if (cursorIndex < 0 || cursorIndex >= range.count || indexes.includes(cursorIndex)) return indexes;
  return [...indexes, cursorIndex].sort((a, b) => a - b);
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
  onTriage,
  onRest,
  accountsNote = null,
}: ChatListProps) {
  const { query, view, accounts, accountsById } = useChatList(params);
  const { chats } = view;
  const { hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError, fetchNextPage, refetch, failureCount, failureReason } = query;
  const rowHeight = ROW_HEIGHT[density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const now = useNow();

  // Stable callbacks: the virtualizer re-measures every row when getItemKey changes, which is O(count) per scroll
  // frame with 100,000 chats.
  const getItemKey = useCallback((index: number) => chats[index]?.id ?? index, [chats]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const position = useCursorPosition(view);
  const { cursorIndex, cursorId, picked } = position;
  const rangeExtractor = useCallback((range: Range) => withSelected(range, cursorIndex), [cursorIndex]);
  const virtualizer = useVirtualizer({
    count: chats.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // Previews for the rows on screen (the range without overscan), once they rest there.
  const range = virtualizer.range;
  const visibleIds = useMemo(
    () => (range ? chats.slice(range.startIndex, range.endIndex + 1).map((c) => c.id) : []),
    [chats, range],
  );
  useRowPreviews(visibleIds);
  const queryClient = useQueryClient();

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  useScrollAnchor(scrollRef, view, rowHeight);

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

  const { onKeyDown, activate, onPointerOver, onPointerLeave } = useListCursor({
    onRest,
    view,
    position,
    listKey,
    activeChatId,
    pageRows: Math.max(1, screenRows - 1),
    onOpenChat,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  });
  const picking = picked.size > 0;

  // On load the list has keyboard focus (j and k work at once), unless the person already put it elsewhere.
  const focusIfNothingIs = useCallback((listbox: HTMLDivElement | null) => {
    if (listbox && (document.activeElement === null || document.activeElement === document.body)) listbox.focus({ preventScroll: true });
  }, []);
  const focusList = useCallback(() => {
    scrollRef.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus({ preventScroll: true });
  }, []);

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
          ref={focusIfNothingIs}
          role="listbox"
          aria-label="Chats"
          aria-multiselectable="true"
          tabIndex={0}
          aria-activedescendant={cursorId !== null ? optionId(cursorId) : undefined}
          aria-busy={switching}
          onKeyDown={onKeyDown}
          onPointerOver={onPointerOver}
          onPointerLeave={onPointerLeave}
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
                selected={picking ? picked.has(chat.id) : item.index === cursorIndex}
                cursor={item.index === cursorIndex}
                picked={picked.has(chat.id)}
                preview={rowPreviewOf(chat, cachedPreview(queryClient, chat.id))}
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
          onLeaveSearch={focusList}
        />
      </Suspense>
      {picking ? (
        <Suspense fallback={<div aria-hidden="true" className="h-11 shrink-0 border-b border-line bg-selected/60" />}>
          <BulkBar headingId={headingId} chats={chats} picked={picked} onAction={(kind, value) => onTriage?.(kind, value)} />
        </Suspense>
      ) : (
      <ChatListToolbar
        accountsNote={accountsNote}
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
      )}
      {accounts.isError && !accounts.data ? <AccountsUnavailable error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} /> : null}
      <BackendNotice
        listUnavailable={listUnavailable(pages)}
        // From the top: the later pages' cursors still leave the failed backend out.
        onRetry={() => void Promise.all([queryClient.resetQueries({ queryKey: chatKeys.list(params), exact: true }), accounts.refetch()])}
        retrying={(isFetching && !isFetchingNextPage) || accounts.isFetching}
      />
      <div
        ref={scrollRef}
        className={cn('min-h-0 flex-1 overflow-y-auto overscroll-contain transition-opacity [contain:strict]', switching && 'opacity-50 motion-reduce:transition-none')}
      >
        {body}
      </div>
    </section>
  );
}
