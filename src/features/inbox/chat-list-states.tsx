import { CircleAlert, Inbox, RotateCw, SearchX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatePanel } from '@/components/ui/state-panel';
import { isApiError } from '@/lib/api-client';
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

export function ChatListSkeleton({ density, scanned = null }: { density: Density; scanned?: number | null }) {
  const compact = density === 'compact';
  return (
    <div role="status" aria-live="polite">
      {scanned === null ? (
        <span className="sr-only">Loading chats…</span>
      ) : (
        <p className="flex items-center justify-center gap-2 border-b border-line/70 px-4 py-3 text-[13px] text-muted">
          <Spinner />
          {scanningText(scanned)}
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

function technicalLine(error: unknown): string | null {
  if (!isApiError(error)) return null;
  return error.status > 0 ? `${error.type} · HTTP ${error.status}` : error.type;
}

/** The first page failed: nothing to show but the reason in plain words and a way to try again. */
export function ChatListError({ error, context, onRetry, retrying }: { error: unknown; context: ErrorContext; onRetry: () => void; retrying: boolean }) {
  const copy = describeError(error, context);
  const technical = technicalLine(error);
  return (
    <StatePanel
      role="alert"
      tone="danger"
      icon={<CircleAlert className="size-5" aria-hidden="true" />}
      title={copy.title}
      action={
        <Button variant="primary" onClick={onRetry} disabled={retrying}>
          {retrying ? <Spinner className="text-accent-ink" /> : <RotateCw aria-hidden="true" className="size-4" />}
          Retry
        </Button>
      }
    >
      <p>{copy.message}</p>
      {technical ? <p className="mt-2 font-mono text-xs text-faint">{technical}</p> : null}
    </StatePanel>
  );
}

export type FooterState =
  /** `scanned`: chats the server has examined so far, when it is searching a filtered list for rare matches. */
  | { kind: 'loading'; scanned: number | null }
  | { kind: 'error'; error: unknown; retrying: boolean }
  | { kind: 'end'; total: number };

/** Below the rows: more pages coming, a paging error with Retry (the loaded rows stay), or the end of the list. */
export function ChatListFooter({ state, density, context, onRetry }: { state: FooterState; density: Density; context: ErrorContext; onRetry: () => void }) {
  const height = ROW_HEIGHT[density];
  if (state.kind === 'loading') {
    return (
      <div role="status" data-loader-row="" className="flex items-center justify-center gap-2 text-[13px] text-muted" style={{ height }}>
        <Spinner />
        {state.scanned === null ? 'Loading more chats…' : scanningText(state.scanned)}
      </div>
    );
  }
  if (state.kind === 'error') {
    const copy = describeError(state.error, context);
    return (
      <div role="alert" className="flex items-center gap-3 border-t border-danger/20 bg-danger/5 px-4 py-3" style={{ minHeight: height }}>
        <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-danger" />
        <p className="min-w-0 flex-1 text-[13px] text-ink">
          <span className="font-semibold">{copy.title}.</span> {copy.message}
        </p>
        <Button size="sm" onClick={onRetry} disabled={state.retrying}>
          {state.retrying ? <Spinner /> : <RotateCw aria-hidden="true" className="size-3.5" />}
          Retry
        </Button>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-3 px-6 text-xs text-muted" style={{ height }}>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
      <span>{`All ${formatCount(state.total)} ${state.total === 1 ? 'chat' : 'chats'} loaded`}</span>
      <span aria-hidden="true" className="h-px flex-1 bg-line" />
    </div>
  );
}
