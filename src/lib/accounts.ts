import { queryOptions, skipToken } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { Provider } from '@/config/providers';
import { apiGet } from './api-client';
import { mergeUnavailable, NO_UNAVAILABLE, readUnavailable } from './unavailable-backends';
import type { BackendUnavailable } from './wire/backends';
import { readText } from './wire/readers';
import { readListPage } from './tolerant-list';

/** Source statuses Unipile documents; anything else is kept as text. */
export type AccountStatus = 'OK' | 'CONNECTING' | 'CREDENTIALS' | 'ERROR' | 'STOPPED' | 'PERMISSIONS' | (string & {});

export interface Account {
  id: string;
  name: string;
  provider: Provider;
  /** Phone number or user name the account signs in with, when the API tells. */
  identity: string | null;
  /** The worst status of the account's sources. */
  status: AccountStatus;
}

const wireAccountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  type: z.nullish(z.string()),
  connection_params: z.nullish(z.unknown()),
  sources: z.nullish(z.array(z.unknown())),
});
type WireAccount = z.infer<typeof wireAccountSchema>;

const SEVERITY: Record<string, number> = { OK: 0, CONNECTING: 1, STOPPED: 2, PERMISSIONS: 4, CREDENTIALS: 5, ERROR: 6 };
/** A status we do not know is worse than "stopped" but not as bad as a known failure. */
const UNKNOWN_SEVERITY = 3;

export function worstStatus(statuses: readonly string[]): AccountStatus {
  let worst: string | null = null;
  for (const status of statuses) {
    if (worst === null || (SEVERITY[status] ?? UNKNOWN_SEVERITY) > (SEVERITY[worst] ?? UNKNOWN_SEVERITY)) worst = status;
  }
  return worst ?? 'OK';
}

const record = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** `connection_params.im` holds the sign-in identity; its field differs per provider. */
export function accountIdentity(connectionParams: unknown): string | null {
  const params = record(connectionParams);
  const im = record(params?.im) ?? record(params?.mail) ?? {};
  for (const field of ['phone_number', 'username', 'publicIdentifier', 'public_identifier', 'user', 'email', 'imap_user']) {
    const value = readText(im[field]);
    if (value) return value;
  }
  return null;
}

export function normalizeAccount(wire: WireAccount): Account {
  const statuses = (wire.sources ?? []).flatMap((source) => {
    const status = readText(record(source)?.status);
    return status ? [status.toUpperCase()] : [];
  });
  const identity = accountIdentity(wire.connection_params);
  return {
    id: wire.id,
    name: readText(wire.name) ?? identity ?? wire.id,
    provider: readText(wire.type) ?? '',
    identity,
    status: worstStatus(statuses),
  };
}

/** A runaway cursor (one that never ends or repeats) must not loop forever. */
const MAX_ACCOUNT_PAGES = 50;

/** Every account, and the backends that did not answer for this list (their accounts are missing from it). */
export interface AccountsAnswer {
  accounts: Account[];
  unavailable: readonly BackendUnavailable[];
}

export async function fetchAccountsAnswer(signal?: AbortSignal): Promise<AccountsAnswer> {
  const accounts: Account[] = [];
  const seen = new Set<string>();
  let unavailable = NO_UNAVAILABLE;
  let cursor: string | null = null;
  for (let pageNo = 0; pageNo < MAX_ACCOUNT_PAGES; pageNo += 1) {
    const query = new URLSearchParams({ limit: '250' });
    if (cursor) query.set('cursor', cursor);
    const json = await apiGet('/api/v1/accounts', { query, signal });
    const page = readListPage(json, wireAccountSchema, normalizeAccount, 'account');
    unavailable = mergeUnavailable(unavailable, readUnavailable(json));
    for (const account of page.items) {
      if (seen.has(account.id)) continue;
      seen.add(account.id);
      accounts.push(account);
    }
    if (!page.cursor || page.cursor === cursor) break;
    cursor = page.cursor;
  }
  return { accounts, unavailable };
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
  /** The failing backends of the latest accounts answer; written by the list's query, read with the options below. */
  unavailable: () => [...accountKeys.all, 'unavailable'] as const,
};

/**
 * The accounts, as `Account[]` for every reader. The backends that did not answer go beside them, under their own
 * key, so that shape (read by the live events, the triage loop and the palette) stays as it is.
 */
export function accountsQueryOptions() {
  return queryOptions({
    queryKey: accountKeys.list(),
    queryFn: async ({ signal, client }) => {
      const answer = await fetchAccountsAnswer(signal);
      client.setQueryData(accountKeys.unavailable(), answer.unavailable);
      return answer.accounts;
    },
    staleTime: 5 * 60_000,
  });
}

/** Which backends the latest accounts answer says failed: only ever written by the accounts query, never fetched. */
export function accountsUnavailableQueryOptions() {
  return queryOptions<readonly BackendUnavailable[]>({
    queryKey: accountKeys.unavailable(),
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    // Kept while the accounts are: collected alone, it would read as "every backend answers" until their next fetch.
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function indexAccounts(accounts: readonly Account[] | undefined): ReadonlyMap<string, Account> {
  return new Map((accounts ?? []).map((account) => [account.id, account]));
}
