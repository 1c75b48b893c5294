import { CircleAlert, Inbox, RotateCw, SearchX, TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatePanel } from '@/components/ui/state-panel';
import { cn } from '@/lib/cn';
import type { Density } from '@/lib/density';
import { describeError, type ErrorContext } from '@/lib/error-messages';
import { formatCount } from '@/lib/number-format';
import { ROW_HEIGHT } from './chat-row';

const SKELETON_ROWS = 9;
/** Fixed widths, so the skeleton is stable between renders and does not flicker. */
const WIDTHS = ['w-32', 'w-44', 'w-28', 'w-40', 'w-36', 'w-24', 'w-48', 'w-32', 'w-40'];

/** "Searching older chats… (12,500 scanned)": a filtered list whose matches are rare takes many requests to fill. */
export function scanningText(scanned: number): string {
  return `Searching older chats… (${formatCount(scanned)} scanned)`;
}

/**
 * Rows to come. `retrying`: the first page failed and is being tried again (the words say why); `scanned`: the server
 * is searching a filtered list for rare matches.
 */
export function ChatListSkeleton({ density, scanned = null, retrying = null }: { density: Density; scanned?: number | null; retrying?: string | null }) {
  const compact = density === 'compact';
  const line = retrying ?? (scanned === null ? null : scanningText(scanned));
  return (
    <div role="status" aria-live="polite">
      {line === null ? (
        <span className="sr-only">Loading chats…</span>
      ) : (
        <p className="flex items-center justify-center gap-2 border-b border-line/70 px-4 py-3 text-[13px] text-muted">
          <Spinner />
          {line}
        </p>
      )}
      <div className="motion-safe:animate-pulse">
        {Array.from({ length: SKELETON_ROWS }, (_, i) => (
          <div key={i} aria-hidden="true" className="flex items-center gap-3 border-b border-line/70 px-4" style={{ height: ROW_HEIGHT[density] }}>
            <span className={cn('shrink-0 rounded-full bg-hover', compact ? 'size-7' : 'size-10')} />
            <span className="flex min-w-0 flex-1 flex-col gap-2">
              <span className={cn('h-3 rounded bg-hover', WIDTHS[i])} />
              {compact ? null : <span className="h-2.5 w-24 rounded bg-hover/70" />}
            </span>
            <span className="h-2.5 w-8 rounded bg-hover" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function ChatListEmpty({ filtered, onClearFilters }: { filtered: boolean; onClearFilters: () => void }) {
  if (!filtered) {
    return (
      <StatePanel role="status" icon={<Inbox className="size-5" aria-hidden="true" />} title="No chats yet">
        Chats from your connected accounts will show up here.
      </StatePanel>
    );
  }
  return (
    <StatePanel
      role="status"
      icon={<SearchX className="size-5" aria-hidden="true" />}
      title="No chats match these filters"
      action={
        <Button variant="secondary" onClick={onClearFilters}>
          Clear filters
        </Button>
      }
    >
      Try fewer filters, or clear them to see every chat.
    </StatePanel>
  );
}

/**
 * A failed next page, below the rows. It is taller than the loader row it replaces: if that row was on screen, the
 * list scrolls just enough to show the whole message (a list scrolled further up is left where it is).
 */
function FooterError({ error, retrying, height, context, onRetry }: { error: unknown; retrying: boolean; height: number; context: ErrorContext; onRetry: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const footer = ref.current;
    const scroller = footer?.parentElement;
    if (!footer || !scroller) return;
    if (footer.getBoundingClientRect().top < scroller.getBoundingClientRect().bottom) footer.scrollIntoView({ block: 'nearest' });
  }, []);
  const copy = describeError(error, context);
  return (
    <div ref={ref} role="alert" className="flex items-center gap-3 border-t border-danger/20 bg-danger/5 px-4 py-3" style={{ minHeight: height }}>
      <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-danger" />
      <p className="min-w-0 flex-1 text-[13px] text-ink">
        <span className="font-semibold">{copy.title}.</span> {copy.message}
      </p>
      <Button size="sm" onClick={onRetry} disabled={retrying}>
        {retrying ? <Spinner /> : <RotateCw aria-hidden="true" className="size-3.5" />}
        Retry
      </Button>
    </div>
  );
}

export type FooterState =
  /** `scanned`: chats the server has examined so far, when it is searching a filtered list for rare matches. */
  | { kind: 'loading'; scanned: number | null; retrying: string | null }
  | { kind: 'error'; error: unknown; retrying: boolean }
  | { kind: 'end'; total: number };

/** Below the rows: more pages coming, a paging error with Retry (the loaded rows stay), or the end of the list. */
export function ChatListFooter({ state, density, context, onRetry }: { state: FooterState; density: Density; context: ErrorContext; onRetry: () => void }) {
  const height = ROW_HEIGHT[density];
  if (state.kind === 'loading') {
    return (
      <div role="status" data-loader-row="" className="flex items-center justify-center gap-2 text-[13px] text-muted" style={{ height }}>
        <Spinner />
        {state.retrying ?? (state.scanned === null ? 'Loading more chats…' : scanningText(state.scanned))}
      </div>
    );
  }
  if (state.kind === 'error') return <FooterError error={state.error} retrying={state.retrying} height={height} context={context} onRetry={onRetry} />;
  return (
    <div className="flex items-center gap-3 px-6 text-xs text-muted" style={{ height }}>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
      <span>{`All ${formatCount(state.total)} ${state.total === 1 ? 'chat' : 'chats'} loaded`}</span>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
    </div>
  );
}

/**
 * The accounts request failed: rows still show each chat's provider, but account names and the "disconnected" flag
 * are missing, and the list says so instead of dropping them silently.
 */
export function AccountsUnavailable({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  const copy = describeError(error);
  return (
    <div role="status" className="flex shrink-0 items-center gap-2 border-b border-warn/30 bg-warn/10 py-1.5 pr-2 pl-4 text-[13px] text-ink">
      <TriangleAlert aria-hidden="true" className="size-3.5 shrink-0 text-warn" />
      <p className="min-w-0 flex-1" title={copy.message}>
        Account names are unavailable <span className="text-muted">({copy.title})</span>
      </p>
      <Button size="sm" variant="ghost" onClick={onRetry} disabled={retrying}>
        {retrying ? <Spinner /> : <RotateCw aria-hidden="true" className="size-3.5" />}
        Retry
      </Button>
    </div>
  );
}
