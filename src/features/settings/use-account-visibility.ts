import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { accountsQueryOptions, accountsUnavailableQueryOptions } from '@/lib/accounts';
import { NO_UNAVAILABLE } from '@/lib/unavailable-backends';
import { splitNamespacedId } from '@/lib/wire/backends';
import { accountView, hiddenAmong, type AccountView } from './account-visibility';
import { selectHiddenAccountIds, selectLegacyShownAccountIds, useSettings } from './use-settings';

/**
 * The accounts query with which of them are hidden, as the store will hold it once pruned: the render before the
 * prune effect already shows (and asks for) the right accounts. Shared by the list's hook and the panel.
 */
export function useAccountsWithVisibility() {
  const hiddenIds = useSettings(selectHiddenAccountIds);
  const legacyShownIds = useSettings(selectLegacyShownAccountIds);
  const pruneAccounts = useSettings((state) => state.pruneAccounts);
  // Shares the cached accounts query with the list and the panel, which show its errors.
  const accounts = useQuery(accountsQueryOptions());
  const unavailable = useQuery(accountsUnavailableQueryOptions()).data ?? NO_UNAVAILABLE;
  const existingIds = useMemo(() => accounts.data?.map((account) => account.id), [accounts.data]);
  // A backend that did not answer has not lost its accounts: those hidden stay hidden for when it answers again.
  const keptIds = useMemo(() => {
    if (!existingIds || unavailable.length === 0) return existingIds;
    const failing = new Set<string>(unavailable.map((entry) => entry.backend));
    const absent = hiddenIds.filter((id) => failing.has(splitNamespacedId(id)?.kind ?? ''));
    return absent.length === 0 ? existingIds : [...existingIds, ...absent];
  }, [existingIds, unavailable, hiddenIds]);

  useEffect(() => {
    if (keptIds) pruneAccounts(keptIds);
  }, [keptIds, pruneAccounts]);

  const hidden = useMemo(
    () => new Set(existingIds ? hiddenAmong(existingIds, hiddenIds, legacyShownIds) : hiddenIds),
    [existingIds, hiddenIds, legacyShownIds],
  );
  const view = useMemo(() => accountView(existingIds, hiddenIds, legacyShownIds), [existingIds, hiddenIds, legacyShownIds]);
  return { accounts, unavailable, hidden, view };
}

export interface AccountVisibility extends AccountView {
  /** Shows every account again (clears the hidden ones). */
  showAll: () => void;
}

/** The accounts for the chat list (ChatListParams.accountIds) and how many of them are shown, for its header. */
export function useAccountVisibility(): AccountVisibility {
  const { view } = useAccountsWithVisibility();
  const showAll = useSettings((state) => state.showAllAccounts);
  return useMemo(() => ({ ...view, showAll }), [view, showAll]);
}
