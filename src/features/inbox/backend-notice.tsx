import { useQuery } from '@tanstack/react-query';
import { RotateCw, TriangleAlert } from 'lucide-react';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { accountsUnavailableQueryOptions } from '@/lib/accounts';
import { NO_UNAVAILABLE, unavailableReason } from '@/lib/unavailable-backends';
import type { BackendUnavailable } from '@/lib/wire/backends';

export interface BackendNoticeProps {
  /** The backends the list's latest page says did not answer (listUnavailable of its pages). */
  listUnavailable: readonly BackendUnavailable[];
  /** Asks for the list again from its first page, and for the accounts. */
  onRetry: () => void;
  retrying: boolean;
}

interface NoticeLine {
  backend: string;
  headline: string;
  reason: string;
}

/** One line per failing backend: its chats are missing (the list said so), or only its accounts (their answer did). */
function noticeLines(list: readonly BackendUnavailable[], accounts: readonly BackendUnavailable[]): NoticeLine[] {
  const lines = new Map<string, NoticeLine>();
  for (const failure of list) {
    lines.set(failure.backend, {
      backend: failure.backend,
      headline: `${failure.label} is not answering: its chats are missing from this list.`,
      reason: unavailableReason(failure),
    });
  }
  for (const failure of accounts) {
    if (lines.has(failure.backend)) continue;
    lines.set(failure.backend, {
      backend: failure.backend,
      headline: `${failure.label} is not answering: its accounts are missing, so its chats show no account name.`,
      reason: unavailableReason(failure),
    });
  }
  return [...lines.values()];
}

/**
 * Above the rows when a backend of a merged inbox did not answer: the others' chats are all there, so it is a status,
 * not an alert. The live region is always mounted (empty and zero-height when every backend answers), so a failure
 * that appears later is announced.
 */
export function BackendNotice({ listUnavailable, onRetry, retrying }: BackendNoticeProps) {
  const accounts = useQuery(accountsUnavailableQueryOptions()).data ?? NO_UNAVAILABLE;
  const lines = useMemo(() => noticeLines(listUnavailable, accounts), [listUnavailable, accounts]);
  return (
    <div role="status" className="shrink-0">
      {lines.length > 0 ? (
        <div className="flex items-start gap-2 border-b border-warn/30 bg-warn/10 py-1.5 pr-2 pl-4 text-[13px] text-ink">
          <TriangleAlert aria-hidden="true" className="mt-1 size-3.5 shrink-0 text-warn" />
          <div className="min-w-0 flex-1 space-y-0.5 py-0.5">
            {lines.map((line) => (
              <p key={line.backend}>
                <span className="font-medium">{line.headline}</span> <span className="text-muted">{line.reason}</span>
              </p>
            ))}
          </div>
          {/* Same size while it retries (a spinner for the icon): the rows below keep their place. */}
          <Button size="sm" variant="ghost" onClick={onRetry} disabled={retrying}>
            {retrying ? <Spinner /> : <RotateCw aria-hidden="true" className="size-3.5" />}
            Retry
          </Button>
        </div>
      ) : null}
    </div>
  );
}
