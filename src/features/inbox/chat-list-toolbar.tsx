import { RotateCw, TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { describeError, type ErrorContext } from '@/lib/error-messages';

export interface ChatListToolbarProps {
  headingId: string;
  title: string;
  loaded: number;
  complete: boolean;
  /** A background refresh of data already on screen (not a page load). */
  refreshing: boolean;
  /** A background refresh failed; the rows shown are the last good ones. */
  staleError: unknown;
  errorContext: ErrorContext;
  onRefresh: () => void;
}

function countText(loaded: number, complete: boolean): string {
  if (loaded === 0) return '';
  return complete ? loaded.toLocaleString() : `${loaded.toLocaleString()}+`;
}

export function ChatListToolbar({ headingId, title, loaded, complete, refreshing, staleError, errorContext, onRefresh }: ChatListToolbarProps) {
  const stale = staleError ? describeError(staleError, errorContext) : null;
  return (
    <div className="flex h-11 shrink-0 items-center gap-2 border-b border-line pr-2 pl-4">
      <h2 id={headingId} className="text-[13px] font-semibold text-ink">
        {title}
      </h2>
      <span className="text-xs text-muted tabular-nums" title={complete ? 'Every chat is loaded' : 'More chats load as you scroll'}>
        {countText(loaded, complete)}
      </span>
      {/* One polite live region that is always present, so its changes are announced. */}
      <span role="status" className="ml-auto flex items-center gap-1.5 text-xs text-muted">
        {refreshing ? (
          <>
            <Spinner className="size-3.5" />
            Refreshing
          </>
        ) : stale ? (
          <span className="flex items-center gap-1 text-warn" title={stale.message}>
            <TriangleAlert aria-hidden="true" className="size-3.5" />
            Not up to date
          </span>
        ) : null}
      </span>
      <Button variant="ghost" size="sm" className="w-8 px-0" onClick={onRefresh} disabled={refreshing} aria-label="Refresh chats" title="Refresh chats">
        <RotateCw aria-hidden="true" className="size-4" />
      </Button>
    </div>
  );
}
