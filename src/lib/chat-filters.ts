import type { Provider } from '@/config/providers';

/**
 * What the chat list can be narrowed by. A later issue adds folder/view/pinned/muted/q/after/before: each new
 * filter is one optional field here plus one entry in each codec table below (the mapped types make the
 * compiler ask for them), never a new code path.
 */
export interface ChatFilters {
  provider?: Provider;
  unread?: boolean;
}

export interface ChatListParams {
  /** Empty means every account. */
  accountIds: string[];
  pageSize: number;
  filters: ChatFilters;
}

export const DEFAULT_PAGE_SIZE = 100;
/** Unipile's bounds for `limit`. */
const MIN_PAGE_SIZE = 1;
const MAX_PAGE_SIZE = 250;

type FilterCodec<T> = {
  [K in keyof Required<T>]: {
    /** Adds the filter to the API query (the Unipile dialect, or a server-documented extension). */
    toApi: (value: NonNullable<T[K]>, query: URLSearchParams) => void;
    /** The app URL's own query string, so a filtered view can be linked and survives a reload. */
    toUrl: (value: NonNullable<T[K]>) => string;
    fromUrl: (raw: string) => T[K] | undefined;
  };
};

const readBoolean = (raw: string): boolean | undefined => {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return undefined;
};

export const chatFilterCodec: FilterCodec<ChatFilters> = {
  provider: {
    toApi: (value, query) => query.set('account_type', value),
    toUrl: (value) => value,
    fromUrl: (raw) => (raw.trim() === '' ? undefined : raw.trim().toUpperCase()),
  },
  unread: {
    toApi: (value, query) => query.set('unread', String(value)),
    toUrl: (value) => String(value),
    fromUrl: readBoolean,
  },
};

/** Fixed order, so equal filters always make equal query strings and equal query keys. */
const FILTER_ORDER = Object.keys(chatFilterCodec).sort() as (keyof ChatFilters)[];

function clampPageSize(pageSize: number): number {
  if (!Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.round(pageSize)));
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
}

/** Drops undefined filters and orders everything, so the same list always has the same query key. */
export function normalizeListParams(params: ChatListParams): ChatListParams {
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_ORDER) {
    const value = params.filters[name];
    if (value !== undefined) filters[name] = value;
  }
  return { accountIds: uniqueSorted(params.accountIds), pageSize: clampPageSize(params.pageSize), filters: filters as ChatFilters };
}

/** The GET /api/v1/chats query for one page. */
export function buildChatListQuery(params: ChatListParams, cursor: string | null = null): URLSearchParams {
  const p = normalizeListParams(params);
  const query = new URLSearchParams();
  query.set('limit', String(p.pageSize));
  if (p.accountIds.length > 0) query.set('account_id', p.accountIds.join(','));
  for (const name of FILTER_ORDER) {
    const value = p.filters[name];
    if (value === undefined) continue;
    // Each entry is typed against its own field; TS cannot correlate the union across the loop.
    (chatFilterCodec[name].toApi as (v: unknown, q: URLSearchParams) => void)(value, query);
  }
  if (cursor) query.set('cursor', cursor);
  return query;
}

export function hasActiveFilters(filters: ChatFilters): boolean {
  return FILTER_ORDER.some((name) => filters[name] !== undefined);
}

/** Reads the filters from the app URL's query string; unreadable values are ignored, not errors. */
export function filtersFromSearch(search: string): ChatFilters {
  const url = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_ORDER) {
    const raw = url.get(name);
    if (raw === null) continue;
    const value = chatFilterCodec[name].fromUrl(raw);
    if (value !== undefined) filters[name] = value;
  }
  return filters as ChatFilters;
}

/** The app URL's query string for these filters (no leading "?"). */
export function filtersToSearch(filters: ChatFilters): string {
  const url = new URLSearchParams();
  for (const name of FILTER_ORDER) {
    const value = filters[name];
    if (value === undefined) continue;
    url.set(name, (chatFilterCodec[name].toUrl as (v: unknown) => string)(value));
  }
  return url.toString();
}

/** Account selection in the app URL: `?accounts=a,b`. */
export function accountIdsFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('accounts');
  return raw ? uniqueSorted(raw.split(',')) : [];
}
