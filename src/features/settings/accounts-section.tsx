import { useQuery } from '@tanstack/react-query';
import { CircleAlert } from 'lucide-react';
import { useId, useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { describeAccountStatus } from '@/lib/account-status';
import { appConfigQueryOptions } from '@/lib/app-config';
import { describeError, retryingText } from '@/lib/error-messages';
import type { BackendInfo } from '@/lib/wire/backends';
import { groupAccounts } from './account-groups';
import { AccountOptions } from './account-option';
import { BackendGroup } from './backend-group';
import { useAccountsWithVisibility } from './use-account-visibility';
import { useSettings } from './use-settings';

const NO_BACKENDS: readonly BackendInfo[] = [];

/**
 * Which accounts' chats the list shows: every account is shown unless its "Show" box is unticked. With several
 * backends (or one that did not answer) the accounts are grouped under each backend, with whether it answers.
 */
export function AccountsSection() {
  const headingId = useId();
  const hintId = useId();
  const { accounts, unavailable, hidden, view } = useAccountsWithVisibility();
  const config = useQuery({ ...appConfigQueryOptions(), meta: { silent: true } });
  const backends = config.data?.backends ?? NO_BACKENDS;
  const setAccountShown = useSettings((state) => state.setAccountShown);
  const showAllAccounts = useSettings((state) => state.showAllAccounts);

  const list = accounts.data ?? [];
  const groups = useMemo(() => (accounts.data ? groupAccounts(accounts.data, backends, unavailable) : null), [accounts.data, backends, unavailable]);
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
  } else if (groups) {
    body = groups.map((group) => (
      <BackendGroup
        key={group.key}
        group={group}
        hidden={hidden}
        shownTotal={view.shown}
        hintId={hintId}
        onShownChange={setAccountShown}
        onRetry={() => void accounts.refetch()}
        retrying={accounts.isFetching}
      />
    ));
  } else if (list.length === 0) {
    body = <p className="py-3 text-sm text-muted">No messaging account is connected yet.</p>;
  } else {
    body = (
      <AccountOptions aria-labelledby={headingId} className="mt-2" accounts={list} hidden={hidden} shownTotal={view.shown} hintId={hintId} onShownChange={setAccountShown} />
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
