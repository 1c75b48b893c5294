import { useMemo, useState } from 'react';
import { KNOWN_PROVIDERS, type KnownProvider } from '@/config/providers';
import type { Account } from '@/lib/accounts';
import type { InboxChat } from '@/lib/chats/model';
import { addFolders, loadedStats } from './loaded-stats';

/**
 * What the filter bar offers: the providers of the selected accounts (every account when none is selected, every
 * provider until the accounts are known), unread counts among loaded chats, and the custom folders seen so far.
 */
export function useFilterOptions(accountIds: readonly string[], accountsById: ReadonlyMap<string, Account>, chats: readonly InboxChat[]) {
  const providers = useMemo<readonly KnownProvider[]>(() => {
    const accounts = accountIds.length > 0 ? accountIds.flatMap((id) => accountsById.get(id) ?? []) : [...accountsById.values()];
    const present = new Set(accounts.map((account) => account.provider));
    const offered = KNOWN_PROVIDERS.filter((provider) => present.has(provider));
    return offered.length > 0 ? offered : KNOWN_PROVIDERS;
  }, [accountIds, accountsById]);
  const stats = useMemo(() => loadedStats(chats), [chats]);
  // Folders stay offered once seen, even when the current filters hide every chat that has them.
  const [seen, setSeen] = useState<readonly string[]>([]);
  const customFolders = addFolders(seen, stats.customFolders);
  if (customFolders !== seen) setSeen(customFolders);
  return { providers, unreadByProvider: stats.unreadByProvider, customFolders };
}
