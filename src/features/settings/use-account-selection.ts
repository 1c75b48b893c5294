import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { accountsQueryOptions } from '@/lib/accounts';
import { selectSelectedAccountIds, useSettings } from './use-settings';

/**
 * The account ids for the chat list (ChatListParams.accountIds; empty = every account). Until the accounts list
 * arrives the stored selection is used as is, so the first chats request does not wait for it; once it arrives,
 * ids of accounts that no longer exist are dropped from the store.
 */
export function useAccountSelection(): string[] {
  const selected = useSettings(selectSelectedAccountIds);
  const pruneAccounts = useSettings((state) => state.pruneAccounts);
  // Shares the cached accounts query with the list and the panel, which show its errors.
  const accounts = useQuery(accountsQueryOptions());

  useEffect(() => {
    if (accounts.data) pruneAccounts(accounts.data.map((account) => account.id));
  }, [accounts.data, pruneAccounts]);

  return useMemo(() => {
    if (!accounts.data) return selected;
    const existing = new Set(accounts.data.map((account) => account.id));
    // Same filter as the prune above, so the render before the effect already asks for the right chats.
    const kept = selected.filter((id) => existing.has(id));
    return kept.length === selected.length ? selected : kept;
  }, [accounts.data, selected]);
}
