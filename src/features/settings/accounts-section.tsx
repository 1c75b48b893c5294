import { useQuery } from '@tanstack/react-query';
import { CircleAlert, CircleCheck, CirclePause, LoaderCircle } from 'lucide-react';
import { useId, useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { Spinner } from '@/components/ui/spinner';
import { providerLabel } from '@/config/providers';
import { describeAccountStatus, type AccountStatusTone } from '@/lib/account-status';
import { accountsQueryOptions, type Account } from '@/lib/accounts';
import { cn } from '@/lib/cn';
import { describeError, retryingText } from '@/lib/error-messages';
import { selectSelectedAccountIds, useSettings } from './use-settings';

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

function AccountOption({ account, checked, onChange }: { account: Account; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  const status = describeAccountStatus(account.status);
  const problem = status.tone === 'problem';
  return (
    <li
      className={cn(
        'flex items-start gap-3 rounded-md border px-3 py-2.5',
        problem ? 'border-danger/30 bg-danger/5' : 'border-transparent hover:bg-hover',
      )}
    >
      <input
        id={`${id}-checkbox`}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-details`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-[rgb(var(--accent))]"
      />
      <ProviderIcon provider={account.provider} className="mt-0.5 size-4" />
      <div className="min-w-0 flex-1">
        {/* The label is the name alone, so the checkbox's accessible name is the account's name. */}
        <label htmlFor={`${id}-checkbox`} className="block cursor-pointer truncate text-sm font-medium text-ink">
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
    </li>
  );
}

/** Which accounts' chats the list shows: a checkbox per account with its connection status; none ticked = all. */
export function AccountsSection() {
  const headingId = useId();
  const accounts = useQuery(accountsQueryOptions());
  const selected = useSettings(selectSelectedAccountIds);
  const setAccountSelected = useSettings((state) => state.setAccountSelected);
  const setSelectedAccountIds = useSettings((state) => state.setSelectedAccountIds);

  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const list = accounts.data ?? [];
  // Ids the store still holds for accounts that are gone do not count (they are pruned as the list arrives).
  const selectedCount = list.filter((account) => selectedSet.has(account.id)).length;
  const summary =
    selectedCount === 0
      ? 'Showing chats from all accounts'
      : `Showing chats from ${selectedCount} of ${list.length} ${list.length === 1 ? 'account' : 'accounts'}`;
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
        {list.map((account) => (
          <AccountOption
            key={account.id}
            account={account}
            checked={selectedSet.has(account.id)}
            onChange={(checked) => setAccountSelected(account.id, checked)}
          />
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-[13px] font-semibold tracking-wide text-muted uppercase">
          Accounts
        </h3>
        <div className="flex gap-1.5">
          <Button size="sm" variant="ghost" disabled={list.length === 0} onClick={() => setSelectedAccountIds(list.map((account) => account.id))}>
            Select all
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelectedAccountIds([])}>
            Select none
          </Button>
        </div>
      </div>
      <p role="status" className="mt-1 text-sm text-ink">
        {summary}
        {selectedCount === 0 && list.length > 0 ? <span className="text-muted">. Tick accounts to show only theirs.</span> : null}
      </p>
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
