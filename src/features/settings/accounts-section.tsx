import { CircleAlert, CircleCheck, CirclePause, LoaderCircle } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { Spinner } from '@/components/ui/spinner';
import { providerLabel } from '@/config/providers';
import { describeAccountStatus, type AccountStatusTone } from '@/lib/account-status';
import type { Account } from '@/lib/accounts';
import { cn } from '@/lib/cn';
import { describeError, retryingText } from '@/lib/error-messages';
import { useAccountsWithVisibility } from './use-account-visibility';
import { useSettings } from './use-settings';

const TONE_CLASS: Record<AccountStatusTone, string> = {
  ok: 'text-ok',
  pending: 'text-muted',
  paused: 'text-warn',
  problem: 'text-danger',
};

function StatusIcon({ tone }: { tone: AccountStatusTone }) {
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

function AccountOption({ account, shown, last, hintId, onChange }: AccountOptionProps) {
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

/** Which accounts' chats the list shows: every account is shown unless its "Show" box is unticked. */
export function AccountsSection() {
  const headingId = useId();
  const hintId = useId();
  const { accounts, hidden, view } = useAccountsWithVisibility();
  const setAccountShown = useSettings((state) => state.setAccountShown);
  const showAllAccounts = useSettings((state) => state.showAllAccounts);

  const list = accounts.data ?? [];
  const noneHidden = view.shown === view.total;
  // Two sentences of the same shape: the line never wraps differently as boxes are ticked.
  const summary = noneHidden
    ? `All ${view.total} ${view.total === 1 ? 'account' : 'accounts'} shown`
    : `${view.shown} of ${view.total} accounts shown`;
  const attention = list.filter((account) => describeAccountStatus(account.status).tone === 'problem').length;

  let body;
  if (accounts.isPending) {
    body = (
      <p role="status" className="flex items-center gap-2 py-3 text-sm text-muted">
        <Spinner />
        {accounts.failureCount > 0 ? retryingText(accounts.failureReason) : 'Loading accounts…'}
      </p>
    );
  } else if (accounts.isError && !accounts.data) {
    const copy = describeError(accounts.error);
    body = (
      <div role="alert" className="rounded-md border border-danger/30 bg-danger/5 p-3 text-sm">
        <p className="font-medium text-danger">{copy.title}</p>
        <p className="mt-0.5 text-muted">{copy.message}</p>
        <Button size="sm" className="mt-2" onClick={() => void accounts.refetch()} disabled={accounts.isFetching}>
          {accounts.isFetching ? <Spinner /> : null}
          {accounts.isFetching && accounts.failureCount > 0 ? 'Retrying…' : 'Retry'}
        </Button>
      </div>
    );
  } else if (list.length === 0) {
    body = <p className="py-3 text-sm text-muted">No messaging account is connected yet.</p>;
  } else {
    body = (
      <ul aria-labelledby={headingId} className="-mx-3 mt-2 space-y-0.5">
        {list.map((account) => {
          const shown = !hidden.has(account.id);
          return (
            <AccountOption
              key={account.id}
              account={account}
              shown={shown}
              last={shown && view.shown === 1}
              hintId={hintId}
              onChange={(next) => setAccountShown(account.id, next)}
            />
          );
        })}
      </ul>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-[13px] font-semibold tracking-wide text-muted uppercase">
          Accounts
        </h3>
        {/* Always there (aria-disabled, not disabled) so nothing moves and focus stays on it after a press. */}
        <Button
          size="sm"
          variant="ghost"
          aria-disabled={noneHidden}
          className="aria-disabled:cursor-default aria-disabled:opacity-50 aria-disabled:hover:bg-transparent aria-disabled:hover:text-muted"
          onClick={() => {
            if (!noneHidden) showAllAccounts();
          }}
        >
          Show all
        </Button>
      </div>
      {list.length > 0 ? (
        <>
          <p role="status" className="mt-1 text-sm text-ink">
            {summary}
          </p>
          <p id={hintId} className="mt-0.5 text-[13px] text-muted">
            Untick “Show” to hide an account’s chats. One always stays shown.
          </p>
        </>
      ) : null}
      {attention > 0 ? (
        <p className="mt-1 flex items-center gap-1.5 text-[13px] text-danger">
          <CircleAlert aria-hidden="true" className="size-3.5 shrink-0" />
          {attention === 1 ? '1 account needs attention: its chats may be out of date.' : `${attention} accounts need attention: their chats may be out of date.`}
        </p>
      ) : null}
      {body}
    </section>
  );
}
