import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { accountsQueryOptions } from '@/lib/accounts';
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
  const existingIds = useMemo(() => accounts.data?.map((account) => account.id), [accounts.data]);

  useEffect(() => {
    if (existingIds) pruneAccounts(existingIds);
  }, [existingIds, pruneAccounts]);

  const hidden = useMemo(
    () => new Set(existingIds ? hiddenAmong(existingIds, hiddenIds, legacyShownIds) : hiddenIds),
    [existingIds, hiddenIds, legacyShownIds],
  );
  const view = useMemo(() => accountView(existingIds, hiddenIds, legacyShownIds), [existingIds, hiddenIds, legacyShownIds]);
  return { accounts, hidden, view };
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
