import { CircleCheck, RotateCw, TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { unavailableReason } from '@/lib/unavailable-backends';
import type { AccountGroup } from './account-groups';
import { AccountOptions } from './account-option';

export interface BackendGroupProps {
  group: AccountGroup;
  hidden: ReadonlySet<string>;
  /** How many accounts are shown in all groups: the last one cannot be hidden. */
  shownTotal: number;
  hintId: string;
  onShownChange: (accountId: string, shown: boolean) => void;
  /** Asks every backend for its accounts again. */
  onRetry: () => void;
  retrying: boolean;
}

/** One backend in Settings: its name, host and whether it is simulated, whether it answers, and its accounts. */
export function BackendGroup({ group, hidden, shownTotal, hintId, onShownChange, onRetry, retrying }: BackendGroupProps) {
  const headingId = useId();
  const { backend, accounts, unavailable } = group;
  const label = backend?.label ?? 'Other accounts';
  return (
    <section aria-labelledby={headingId} className="mt-4 first:mt-3">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <h4 id={headingId} className="text-sm font-semibold text-ink">
          {label}
        </h4>
        {backend?.host ? <span className="min-w-0 truncate text-[13px] text-muted">{backend.host}</span> : null}
        {backend?.simulated ? <Badge tone="warn">Simulator</Badge> : null}
      </div>
      {unavailable ? (
        <div className="mt-1 flex items-start gap-2 rounded-md border border-warn/30 bg-warn/10 py-1.5 pr-1.5 pl-2.5 text-[13px] text-ink">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-warn" />
          <p className="min-w-0 flex-1">
            <span className="font-medium">Not answering:</span> {unavailableReason(unavailable)}
          </p>
          {/* Same size while it retries (spinner for icon): the rows below do not move. */}
          <Button size="sm" variant="ghost" aria-label={`Retry ${label}`} onClick={onRetry} disabled={retrying}>
            {retrying ? <Spinner /> : <RotateCw aria-hidden="true" className="size-3.5" />}
            Retry
          </Button>
        </div>
      ) : backend ? (
        <p className="mt-0.5 flex items-center gap-1 text-[13px] font-medium text-ok">
          <CircleCheck aria-hidden="true" className="size-3.5 shrink-0" />
          Answering
        </p>
      ) : null}
      {accounts.length > 0 ? (
        <AccountOptions aria-label={`${label} accounts`} className="mt-1" accounts={accounts} hidden={hidden} shownTotal={shownTotal} hintId={hintId} onShownChange={onShownChange} />
      ) : unavailable ? null : (
        <p className="mt-1 text-[13px] text-muted">No account is connected here yet.</p>
      )}
    </section>
  );
}
