import { CircleAlert, CircleCheck, CirclePause, LoaderCircle } from 'lucide-react';
import { useId } from 'react';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { providerLabel } from '@/config/providers';
import { describeAccountStatus, type AccountStatusTone } from '@/lib/account-status';
import type { Account } from '@/lib/accounts';
import { cn } from '@/lib/cn';

const TONE_CLASS: Record<AccountStatusTone, string> = {
  ok: 'text-ok',
  pending: 'text-muted',
  paused: 'text-warn',
  problem: 'text-danger',
};

export function StatusIcon({ tone }: { tone: AccountStatusTone }) {
  const className = 'size-3.5 shrink-0';
  if (tone === 'ok') return <CircleCheck aria-hidden="true" className={className} />;
  if (tone === 'pending') return <LoaderCircle aria-hidden="true" className={cn(className, 'animate-spin motion-reduce:animate-none')} />;
  if (tone === 'paused') return <CirclePause aria-hidden="true" className={className} />;
  return <CircleAlert aria-hidden="true" className={className} />;
}

interface AccountOptionProps {
  account: Account;
  shown: boolean;
  /** The only account still shown: it cannot be hidden too, since the list cannot ask for no account at all. */
  last: boolean;
  hintId: string;
  onChange: (shown: boolean) => void;
}

/** One account's row in Settings: its name, provider, identity and status, and its "Show" box. */
export function AccountOption({ account, shown, last, hintId, onChange }: AccountOptionProps) {
  const id = useId();
  const status = describeAccountStatus(account.status);
  const problem = status.tone === 'problem';
  const checkboxId = `${id}-show`;
  return (
    <li
      className={cn(
        'flex items-start gap-3 rounded-md border px-3 py-2.5',
        problem ? 'border-danger/30 bg-danger/5' : 'border-transparent hover:bg-hover',
      )}
    >
      <ProviderIcon provider={account.provider} className="mt-0.5 size-4" />
      <div className="min-w-0 flex-1">
        {/* The name labels the box too, so clicking it toggles; a hidden account's name is muted (colour only, no reflow). */}
        <label id={`${id}-name`} htmlFor={checkboxId} className={cn('block cursor-pointer truncate text-sm font-medium', shown ? 'text-ink' : 'text-muted')}>
          {account.name}
        </label>
        <div id={`${id}-details`} className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[13px]">
          <span className="min-w-0 truncate text-muted">
            {providerLabel(account.provider)}
            {account.identity ? <span className="sr-only">,</span> : null}
            {account.identity ? <span aria-hidden="true"> · </span> : null}
            {account.identity}
          </span>
          <span className="sr-only">,</span>
          <span className={cn('inline-flex items-center gap-1 font-medium', TONE_CLASS[status.tone])}>
            <StatusIcon tone={status.tone} />
            {status.long}
          </span>
        </div>
      </div>
      {/* Same place and size in every row and state: ticking never moves anything. Named "Show <account>". */}
      <div className="flex shrink-0 items-center gap-1.5 pt-px">
        <input
          id={checkboxId}
          type="checkbox"
          checked={shown}
          disabled={last}
          onChange={(event) => onChange(event.target.checked)}
          aria-labelledby={`${id}-verb ${id}-name`}
          aria-describedby={last ? `${id}-details ${hintId}` : `${id}-details`}
          className="size-4 cursor-pointer accent-[rgb(var(--accent))] disabled:cursor-not-allowed"
        />
        <label id={`${id}-verb`} htmlFor={checkboxId} className={cn('text-[13px] text-muted', last ? 'cursor-not-allowed' : 'cursor-pointer')}>
          Show
        </label>
      </div>
    </li>
  );
}

export interface AccountOptionsProps {
  accounts: readonly Account[];
  hidden: ReadonlySet<string>;
  /** How many accounts are shown in all: the last one cannot be hidden. */
  shownTotal: number;
  hintId: string;
  onShownChange: (accountId: string, shown: boolean) => void;
  className?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}

/** A list of accounts with their "Show" boxes (all accounts, or one backend's). */
export function AccountOptions({ accounts, hidden, shownTotal, hintId, onShownChange, className, ...labelling }: AccountOptionsProps) {
  return (
    <ul {...labelling} className={cn('-mx-3 space-y-0.5', className)}>
      {accounts.map((account) => {
        const shown = !hidden.has(account.id);
        return <AccountOption key={account.id} account={account} shown={shown} last={shown && shownTotal === 1} hintId={hintId} onChange={(next) => onShownChange(account.id, next)} />;
      })}
    </ul>
  );
}
