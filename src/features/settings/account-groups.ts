import type { Account } from '@/lib/accounts';
import { backendOfId, BACKEND_LABELS, splitNamespacedId, type BackendInfo, type BackendKind, type BackendUnavailable } from '@/lib/wire/backends';

/** One backend's part of the accounts panel: who it is, its accounts, and why it did not answer (null: it did). */
export interface AccountGroup {
  /** Unique among the groups (the backend kind, or "other"). */
  key: string;
  /** Null for accounts whose id names no configured backend. */
  backend: BackendInfo | null;
  accounts: Account[];
  unavailable: BackendUnavailable | null;
}

/**
 * Accounts by backend, in the order /api/config lists the backends; null when the panel needs no groups (one
 * backend that answered: it looks as it always did). A backend that failed is a group even with no account to show,
 * and one the config does not list is named by the failure itself.
 */
export function groupAccounts(
  accounts: readonly Account[],
  backends: readonly BackendInfo[],
  unavailable: readonly BackendUnavailable[],
): AccountGroup[] | null {
  if (backends.length <= 1 && unavailable.length === 0) return null;
  const groups = new Map<string, AccountGroup>();
  for (const backend of backends) groups.set(backend.kind, { key: backend.kind, backend, accounts: [], unavailable: null });
  // A backend the config does not list (or before it answers) is known by its name alone.
  const groupOf = (kind: BackendKind, label?: string): AccountGroup => {
    let group = groups.get(kind);
    if (!group) {
      group = { key: kind, backend: { kind, label: label || BACKEND_LABELS[kind], host: '', simulated: false }, accounts: [], unavailable: null };
      groups.set(kind, group);
    }
    return group;
  };
  for (const failure of unavailable) groupOf(failure.backend, failure.label).unavailable = failure;
  const other: AccountGroup = { key: 'other', backend: null, accounts: [], unavailable: null };
  for (const account of accounts) {
    if (backends.length > 0) {
      const kind = backendOfId(account.id, backends)?.kind;
      (kind ? groupOf(kind) : other).accounts.push(account);
    } else {
      // Before /api/config answers, an id's namespace still tells its backend.
      const kind = splitNamespacedId(account.id)?.kind;
      (kind ? groupOf(kind) : other).accounts.push(account);
    }
  }
  return other.accounts.length > 0 ? [...groups.values(), other] : [...groups.values()];
}
