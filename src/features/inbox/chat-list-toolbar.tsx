import { RotateCw, TriangleAlert, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { describeError, type ErrorContext } from '@/lib/error-messages';
import { formatCount } from '@/lib/number-format';
import { LiveStatus } from './live-status';

export interface ChatListToolbarProps {
  headingId: string;
  title: string;
  loaded: number;
  complete: boolean;
  /** Other filters were chosen; the rows shown are the previous ones until their first page arrives. */
  switching: boolean;
  /** A background refresh of data already on screen (not a page load). */
  refreshing: boolean;
  /** That refresh failed and is being tried again. */
  retrying: boolean;
  /** A background refresh failed; the rows shown are the last good ones. */
  staleError: unknown;
  errorContext: ErrorContext;
  onRefresh: () => void;
  /** Some accounts are hidden in Settings: said here, so nobody thinks their chats vanished. */
  accountsNote: { shown: number; total: number; onShowAll: () => void } | null;
}

function AccountsChip({ shown, total, onShowAll }: { shown: number; total: number; onShowAll: () => void }) {
  return (
    <span className="inline-flex h-6 shrink-0 items-center gap-0.5 rounded-full border border-accent/40 bg-accent/10 pr-0.5 pl-2 text-xs font-medium text-accent tabular-nums">
      {`${shown} of ${total} accounts`}
      <button
        type="button"
        onClick={onShowAll}
        aria-label="Show all accounts"
        title="Show all accounts"
        className="inline-flex size-5 items-center justify-center rounded-full hover:bg-accent/15"
      >
        <X aria-hidden="true" className="size-3" />
      </button>
    </span>
  );
}

function countText(loaded: number, complete: boolean, switching: boolean): string {
  if (switching || loaded === 0) return '';
  return complete ? `${formatCount(loaded)} ${loaded === 1 ? 'chat' : 'chats'}` : `${formatCount(loaded)} loaded`;
}

export function ChatListToolbar({ headingId, title, loaded, complete, switching, refreshing, retrying, staleError, errorContext, onRefresh, accountsNote }: ChatListToolbarProps) {
  const stale = staleError ? describeError(staleError, errorContext) : null;
  const count = countText(loaded, complete, switching);
  return (
    <div className="flex h-11 shrink-0 items-center gap-2 border-b border-line pr-2 pl-4">
      <h2 id={headingId} className="min-w-0 truncate text-[13px] font-semibold text-ink" title={title}>
        {title}
      </h2>
      {count ? (
        <>
          <span aria-hidden="true" className="text-xs text-faint">
            ·
          </span>
          <span className="shrink-0 text-xs text-muted tabular-nums" title={complete ? 'Every chat is loaded' : 'More chats load as you scroll'}>
            {count}
          </span>
        </>
      ) : null}
      {accountsNote ? <AccountsChip {...accountsNote} /> : null}
      {/* One polite live region that is always present, so its changes are announced. */}
      <span role="status" className="ml-auto flex shrink-0 items-center gap-1.5 text-xs text-muted">
        {switching ? (
          <>
            <Spinner className="size-3.5" />
            Updating
          </>
        ) : refreshing ? (
          <>
            <Spinner className="size-3.5" />
            {retrying ? 'Retrying…' : 'Refreshing'}
          </>
        ) : stale ? (
          <span className="flex items-center gap-1 text-warn" title={stale.message}>
            <TriangleAlert aria-hidden="true" className="size-3.5" />
            Not up to date
          </span>
        ) : null}
      </span>
      <LiveStatus />
      <Button variant="ghost" size="icon" onClick={onRefresh} disabled={refreshing} aria-label="Refresh chats" title="Refresh chats">
        <RotateCw aria-hidden="true" className="size-4" />
      </Button>
    </div>
  );
}
