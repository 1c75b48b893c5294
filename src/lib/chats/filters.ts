import { KNOWN_PROVIDERS, MAX_SEARCH_LENGTH, PAGE_SIZE, type KnownProvider } from '../wire/vocabulary';
import { foldText } from '../wire/readers';

/** Which chats a list shows by archive state: the inbox (not archived, the default), the archive, or both. */
export const CHAT_VIEWS = ['inbox', 'archived', 'all'] as const;
export type ChatView = (typeof CHAT_VIEWS)[number];
export const DEFAULT_VIEW: ChatView = 'inbox';

/**
 * What the chat list can be narrowed by. Each filter is one optional field here plus one entry in the codec below
 * (the mapped type makes the compiler ask for it), never a new code path. An absent field means "not narrowed",
 * except `view`, whose absence means the default view (the inbox).
 */
export interface ChatFilters {
  provider?: KnownProvider;
  /** true: unread only; false: read only. */
  unread?: boolean;
  /** A known folder (INBOX, INBOX_LINKEDIN_CLASSIC, …) or a custom one, as the API names it. */
  folder?: string;
  view?: ChatView;
  /** Pinned only (there is no "not pinned" view). */
  pinned?: true;
  /** true: muted now; false: not muted now (a mute that has ended counts as not muted). */
  muted?: boolean;
  /** The chat's name contains it, ignoring case and accents. Trimmed, never blank. */
  q?: string;
  /** Exclusive bounds on the last activity, as the API's ISO form `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  after?: string;
  before?: string;
}

export interface ChatListParams {
  /** Empty means every account. */
  accountIds: string[];
  pageSize: number;
  filters: ChatFilters;
}

export const DEFAULT_PAGE_SIZE = PAGE_SIZE.default;

type FilterCodec<T> = {
  [K in keyof Required<T>]: {
    /** Adds the filter to the API query (the Unipile dialect, or a server-documented extension). */
    toApi: (value: NonNullable<T[K]>, query: URLSearchParams) => void;
    /** The app URL's own query string, so a filtered view can be linked and survives a reload. */
    toUrl: (value: NonNullable<T[K]>) => string;
    /** The value a link carries, or undefined when it is not a valid one (the link's value is then reported). */
    fromUrl: (raw: string) => T[K] | undefined;
  };
};

const readBoolean = (raw: string): boolean | undefined => {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return undefined;
};

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A date (`2026-03-01`, midnight UTC) or an ISO date-time with a zone, as the API's form. Calendar fields are checked
 * by hand because Date.parse rolls "02-30" over into March; years outside 1000–2999 are refused as the API does.
 */
export function readInstant(raw: string): string | undefined {
  const m = INSTANT.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const utc = new Date(Date.UTC(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0'))));
  const fields = [utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds()];
  if (fields.some((value, i) => value !== [y, mo, d, h, mi, s][i])) return undefined;
  const zone = m[8] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4))) * 60_000;
  const iso = new Date(utc.getTime() - offset).toISOString();
  return /^[12]\d{3}-/.test(iso) ? iso : undefined;
}

/** Midnight UTC is written as the bare date: shorter links for the common case. */
const instantToUrl = (iso: string): string => (iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso);

/** A search the server accepts: something left once accents and spaces are set aside, and not too long. */
export function readSearch(raw: string): string | undefined {
  const text = raw.trim();
  const searchable = foldText(text).trim() !== '';
  return searchable && text.length <= MAX_SEARCH_LENGTH ? text : undefined;
}

const setParam = (name: string) => (value: string, query: URLSearchParams) => query.set(name, value);
const setFlag = (name: string) => (value: boolean, query: URLSearchParams) => query.set(name, String(value));

export const chatFilterCodec: FilterCodec<ChatFilters> = {
  provider: {
    toApi: setParam('account_type'),
    toUrl: (value) => value,
    fromUrl: (raw) => KNOWN_PROVIDERS.find((p) => p === raw.trim().toUpperCase()),
  },
  unread: { toApi: setFlag('unread'), toUrl: String, fromUrl: readBoolean },
  folder: {
    toApi: setParam('folder'),
    toUrl: (value) => value,
    fromUrl: (raw) => raw.trim() || undefined,
  },
  view: {
    // The server's `archived` extension; "all" narrows nothing.
    toApi: (value, query) => {
      if (value !== 'all') query.set('archived', String(value === 'archived'));
    },
    toUrl: (value) => value,
    fromUrl: (raw) => CHAT_VIEWS.find((v) => v === raw.trim().toLowerCase()),
  },
  pinned: {
    toApi: setFlag('pinned'),
    toUrl: String,
    fromUrl: (raw) => (readBoolean(raw) === true ? true : undefined),
  },
  muted: { toApi: setFlag('muted'), toUrl: String, fromUrl: readBoolean },
  q: { toApi: setParam('q'), toUrl: (value) => value, fromUrl: readSearch },
  after: { toApi: setParam('after'), toUrl: instantToUrl, fromUrl: readInstant },
  before: { toApi: setParam('before'), toUrl: instantToUrl, fromUrl: readInstant },
};

export type FilterName = keyof ChatFilters;

/** Fixed order, so equal filters always make equal query strings and equal query keys. */
export const FILTER_NAMES = Object.keys(chatFilterCodec).sort() as FilterName[];

/** What an absent filter means; a filter set to its default is dropped, so both spell the same list. */
const DEFAULT_FILTERS: ChatFilters = { view: DEFAULT_VIEW };

function clampPageSize(pageSize: number): number {
  if (!Number.isFinite(pageSize)) return DEFAULT_PAGE_SIZE;
  return Math.min(PAGE_SIZE.max, Math.max(PAGE_SIZE.min, Math.round(pageSize)));
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))].sort();
}

/** The one spelling of a set of filters: fixed key order, no undefined, no defaults. */
export function canonicalFilters(filters: ChatFilters): ChatFilters {
  const out: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== DEFAULT_FILTERS[name]) out[name] = value;
  }
  return out as ChatFilters;
}

/** Drops undefined filters and orders everything, so the same list always has the same query key. */
export function normalizeListParams(params: ChatListParams): ChatListParams {
  return { accountIds: uniqueSorted(params.accountIds), pageSize: clampPageSize(params.pageSize), filters: canonicalFilters(params.filters) };
}

/** The GET /api/v1/chats query for one page. */
export function buildChatListQuery(params: ChatListParams, cursor: string | null = null): URLSearchParams {
  const p = normalizeListParams(params);
  const filters: ChatFilters = { ...DEFAULT_FILTERS, ...p.filters };
  const query = new URLSearchParams();
  query.set('limit', String(p.pageSize));
  if (p.accountIds.length > 0) query.set('account_id', p.accountIds.join(','));
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined) continue;
    // Each entry is typed against its own field; TS cannot correlate the union across the loop.
    (chatFilterCodec[name].toApi as (v: unknown, q: URLSearchParams) => void)(value, query);
  }
  if (cursor) query.set('cursor', cursor);
  return query;
}

export function hasActiveFilters(filters: ChatFilters): boolean {
  return Object.keys(canonicalFilters(filters)).length > 0;
}

/** A value in the app URL that is not a valid filter: dropped, and shown to the person who followed the link. */
export interface InvalidFilter {
  name: FilterName;
  raw: string;
}

/** Reads the filters from the app URL's query string; an unreadable value is dropped and reported, never thrown. */
export function parseFilterSearch(search: string): { filters: ChatFilters; invalid: InvalidFilter[] } {
  const url = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  const invalid: InvalidFilter[] = [];
  for (const name of FILTER_NAMES) {
    const raw = url.get(name);
    // An empty value is what a blank form field submits: no filter, nothing to report.
    if (raw === null || raw.trim() === '') continue;
    const value = chatFilterCodec[name].fromUrl(raw);
    if (value === undefined) invalid.push({ name, raw });
    else filters[name] = value;
  }
  return { filters: canonicalFilters(filters as ChatFilters), invalid };
}

/** `search` with its filters replaced by these; other parameters (e.g. `accounts`) are kept. No leading "?". */
export function searchWithFilters(search: string, filters: ChatFilters): string {
  const url = new URLSearchParams(search);
  for (const name of FILTER_NAMES) url.delete(name);
  const canonical = canonicalFilters(filters);
  for (const name of FILTER_NAMES) {
    const value = canonical[name];
    if (value !== undefined) url.set(name, (chatFilterCodec[name].toUrl as (v: unknown) => string)(value));
  }
  return url.toString();
}

/** Account selection in the app URL: `?accounts=a,b`. */
export function accountIdsFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('accounts');
  return raw ? uniqueSorted(raw.split(',')) : [];
}
