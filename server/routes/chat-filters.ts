import { z } from 'zod';
import { matchesCriteria, readChatFacts, type ChatCriteria } from '../../src/lib/wire/match';
import { foldText } from '../../src/lib/wire/readers';
import { MAX_SEARCH_LENGTH, PAGE_SIZE } from '../../src/lib/wire/vocabulary';
import type { Backend } from '../backends/types';
import { BadGatewayError, InvalidParameterError } from './errors';
import { boolean, nonEmpty, optionalParam, quote } from './query';
import { readJson } from './relay';

/*
 * Extension filtering for GET /api/v1/chats: the contract is in README.md, "The API the browser speaks". This module holds the
 * filters, the scan over upstream pages, and the server's own cursor. It keeps no state: everything needed to resume
 * travels in the cursor.
 */

/** The extension filters of a request: the part of the shared matcher's criteria the upstream cannot apply. */
export type ExtensionFilters = Pick<ChatCriteria, 'folder' | 'archived' | 'pinned' | 'muted' | 'q'>;

export const EXTENSION_PARAMS = ['folder', 'archived', 'pinned', 'muted', 'q'] as const;

/** Upstream pages examined per request at most; with 250 chats a page that is 2,500 chats. */
export const SCAN_BUDGET_PAGES = 10;
export const UPSTREAM_PAGE_SIZE = PAGE_SIZE.max;
/** Matches returned when the request names no `limit`. */
export const DEFAULT_FILTERED_LIMIT = PAGE_SIZE.default;

const q = (name: string, value: string): string => {
  if (foldText(value).trim().length === 0) throw new InvalidParameterError(name, 'must contain something to search for');
  if (value.length > MAX_SEARCH_LENGTH) throw new InvalidParameterError(name, `must be at most ${MAX_SEARCH_LENGTH} characters`);
  return value;
};

/** The extension filters of a request, or null when it has none (then the listing is a plain pass-through). */
export function parseChatFilters(params: URLSearchParams): ExtensionFilters | null {
  const folder = optionalParam(params, 'folder', nonEmpty);
  const archived = optionalParam(params, 'archived', boolean);
  const pinned = optionalParam(params, 'pinned', boolean);
  const muted = optionalParam(params, 'muted', boolean);
  const text = optionalParam(params, 'q', q);
  if (folder === undefined && archived === undefined && pinned === undefined && muted === undefined && text === undefined) return null;
  const filters: ExtensionFilters = {};
  if (folder !== undefined) filters.folder = folder;
  if (archived !== undefined) filters.archived = archived === 'true';
  if (pinned !== undefined) filters.pinned = pinned === 'true';
  if (muted !== undefined) filters.muted = muted === 'true';
  if (text !== undefined) filters.q = text;
  return filters;
}

type Chat = Record<string, unknown> & { id: string };
/** What resuming needs of a chat. */
interface Positioned {
  readonly id: string;
  readonly timestamp?: unknown;
}

/** The shared matcher (src/lib/wire/match.ts) over the wire chat: the browser places chats with the same one. */
export function matchesChat(chat: Chat, filters: ExtensionFilters, now: number): boolean {
  return matchesCriteria(readChatFacts(chat, now), filters, now);
}

// ---------------------------------------------------------------------------------------------------------------
// The server's cursor: standard base64, padded, of `tx1:` + JSON. Padded base64 like Unipile's own cursors, because
// the official SDK validates a list's cursor as such; the prefix makes an upstream cursor recognisable as not ours.

const CURSOR_PREFIX = 'tx1:';
// base64('tx1') — every cursor of ours starts with it, a cheap first test before decoding.
const ENCODED_PREFIX = 'dHgx';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const cursorSchema = z.object({
  /** Fingerprint of the filters the cursor was issued for. */
  f: z.string(),
  /** Upstream cursor of the page to fetch first (null: the first page). */
  c: z.string().min(1).nullable(),
  /**
   * The last chat consumed, at index `i` of the page `c` fetched then. Resuming refetches that page and continues
   * after it, wherever it is now; null: start at the top of that page.
   */
  last: z.object({ id: z.string(), ts: z.string().nullable(), i: z.number().int().nonnegative() }).nullable(),
});
export type ScanCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ScanCursor): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(cursor), 'utf8').toString('base64');
}

export function isOurCursor(raw: string): boolean {
  return raw.startsWith(ENCODED_PREFIX) && decodeCursor(raw) !== null;
}

export function decodeCursor(raw: string): ScanCursor | null {
  // A '+' sent unencoded in a query string arrives as a space.
  const text64 = raw.replace(/ /g, '+');
  if (!text64.startsWith(ENCODED_PREFIX) || !BASE64.test(text64)) return null;
  const text = Buffer.from(text64, 'base64').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text.slice(CURSOR_PREFIX.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** FNV-1a over the filters (upstream and extension, not limit or cursor): a cursor only continues its own listing. */
export function filterFingerprint(upstreamQuery: URLSearchParams, params: URLSearchParams): string {
  const parts: string[] = [];
  for (const [name, value] of upstreamQuery) if (name !== 'cursor' && name !== 'limit') parts.push(`${name}=${value}`);
  for (const name of EXTENSION_PARAMS) {
    const value = params.get(name);
    if (value !== null) parts.push(`${name}=${value}`);
  }
  parts.sort();
  let hash = 0x811c9dc5;
  const text = parts.join('&');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

// ---------------------------------------------------------------------------------------------------------------
// The scan.

interface UpstreamPage {
  items: Chat[];
  cursor: string | null;
}

function parsePage(body: unknown): UpstreamPage {
  const fail = (why: string) => new BadGatewayError(`The messaging API answered with a chat list Triage cannot read (${why}).`);
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) throw fail('no items');
  for (const item of body.items as unknown[]) {
    if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') throw fail('a chat without an id');
  }
  const cursor = 'cursor' in body ? body.cursor : null;
  if (cursor !== null && cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) throw fail('a cursor that is not a string');
  return { items: body.items as Chat[], cursor: typeof cursor === 'string' ? cursor : null };
}

const timestampOf = (chat: Positioned): number => (typeof chat.timestamp === 'string' ? Date.parse(chat.timestamp) : Number.NaN);

/** Upstream lists run newest first; checked (leaving out index `except`), not assumed, before reasoning by timestamp. */
function isNewestFirst(items: readonly Positioned[], except = -1): boolean {
  let previous = Number.POSITIVE_INFINITY;
  for (let i = 0; i < items.length; i++) {
    if (i === except) continue;
    const ts = timestampOf(items[i] as Positioned);
    if (Number.isNaN(ts) || ts > previous) return false;
    previous = ts;
  }
  return true;
}

/** Whether items[at] is in timestamp order with its neighbours, i.e. listed where its timestamp sorts. */
function sortsAt(items: readonly Positioned[], at: number): boolean {
  const ts = timestampOf(items[at] as Positioned);
  const before = at > 0 ? timestampOf(items[at - 1] as Positioned) : Number.POSITIVE_INFINITY;
  const after = at < items.length - 1 ? timestampOf(items[at + 1] as Positioned) : Number.NEGATIVE_INFINITY;
  return !Number.isNaN(ts) && !(ts > before) && !(ts < after);
}

/**
 * Where to continue in a freshly fetched page, given the last chat consumed (K); null when this whole page comes
 * before K (keep looking in the next one). Pages change between requests: chats arrive at the top, get a message,
 * disappear. Upstreams differ in how a chat with new activity shows up on a page fetched again with the same cursor:
 * keyset paging drops it (it now sorts before the cursor), offset or fresh first pages list it at the top, snapshot
 * paging (the simulator) keeps it where it was with its new data. Hence:
 * 1. K is there with the timestamp it had: continue right after it.
 * 2. K is there with a new timestamp but out of timestamp order: a snapshot listing kept it in place; after it.
 * 3. Otherwise, in a newest-first page, K's old timestamp says where it was (ties are kept: a chat shown twice
 *    beats a chat never shown).
 * 4. No usable timestamps: by position. K moved up (or stayed): the chats before its old place shifted down by one,
 *    the next is after its old index; K is gone: the chats after it moved up into its old index.
 */
export function resumeIndex(items: readonly Positioned[], last: NonNullable<ScanCursor['last']>): number | null {
  const at = items.findIndex((chat) => chat.id === last.id);
  if (at !== -1) {
    if (last.ts === null || items[at]?.timestamp === last.ts) return at + 1;
    if (!sortsAt(items, at)) return at + 1;
  }
  const lastTs = last.ts === null ? Number.NaN : Date.parse(last.ts);
  if (!Number.isNaN(lastTs) && isNewestFirst(items, at)) {
    const next = items.findIndex((chat, i) => i !== at && timestampOf(chat) <= lastTs);
    return next === -1 ? null : next;
  }
  if (at !== -1 && at <= last.i) return Math.min(last.i + 1, items.length);
  return Math.min(last.i, items.length);
}

export interface FilteredChatList {
  object: 'ChatList';
  items: unknown[];
  cursor: string | null;
  scan: { scanned: number; complete: boolean };
}

export interface ScanInput {
  backend: Backend;
  /** The validated upstream filters (unread, before, after, account_type, account_id); limit and cursor are ours. */
  upstreamQuery: URLSearchParams;
  filters: ExtensionFilters;
  limit: number;
  cursor: ScanCursor | null;
  fingerprint: string;
  signal?: AbortSignal;
  now?: number;
}

/** Walks upstream pages keeping matches, until `limit` matches, the end of the list, or the page budget. */
export async function scanChats(input: ScanInput): Promise<FilteredChatList> {
  const { backend, filters, limit, fingerprint, signal } = input;
  const now = input.now ?? Date.now();
  const matches: unknown[] = [];
  let scanned = 0;
  let pageCursor = input.cursor?.c ?? null;
  // The chat to continue after, until it is placed in a page.
  let pending = input.cursor?.last ?? null;
  const done = (cursor: ScanCursor | null): FilteredChatList => ({
    object: 'ChatList',
    items: matches,
    cursor: cursor && encodeCursor(cursor),
    scan: { scanned, complete: cursor === null },
  });
  const keyOf = (chat: Chat, i: number) => ({ id: chat.id, ts: typeof chat.timestamp === 'string' ? chat.timestamp : null, i });

  for (let pages = 0; pages < SCAN_BUDGET_PAGES; pages++) {
    const query = new URLSearchParams(input.upstreamQuery);
    query.set('limit', String(UPSTREAM_PAGE_SIZE));
    if (pageCursor !== null) query.set('cursor', pageCursor);
    const upstream = await backend.request({ method: 'GET', path: '/api/v1/chats', query, signal });
    const page = parsePage(await readJson(upstream));
    let start = 0;
    if (pending !== null) {
      const at = resumeIndex(page.items, pending);
      start = at ?? page.items.length;
      if (at !== null) pending = null;
    }
    for (let i = start; i < page.items.length; i++) {
      const chat = page.items[i] as Chat;
      scanned++;
      if (!matchesChat(chat, filters, now)) continue;
      matches.push(chat);
      if (matches.length < limit) continue;
      if (i === page.items.length - 1 && page.cursor === null) return done(null);
      return done({ f: fingerprint, c: pageCursor, last: keyOf(chat, i) });
    }
    if (page.cursor === null) return done(null);
    if (pages === SCAN_BUDGET_PAGES - 1) {
      // Out of budget: continue after this page's last chat, from this page (refetched: it may have shifted).
      const tail = page.items.at(-1);
      if (pending === null && tail !== undefined) return done({ f: fingerprint, c: pageCursor, last: keyOf(tail, page.items.length - 1) });
    }
    pageCursor = page.cursor;
  }
  return done({ f: fingerprint, c: pageCursor, last: pending });
}

/** Decodes the cursor of a filtered request; anything else (an upstream cursor, another listing's) is a 400. */
export function readScanCursor(raw: string | undefined, fingerprint: string): ScanCursor | null {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw);
  if (cursor === null) {
    throw new InvalidParameterError('cursor', `is not a cursor Triage issued for a filtered chat list (folder, archived, pinned, muted or q); got ${quote(raw)}`);
  }
  if (cursor.f !== fingerprint) throw new InvalidParameterError('cursor', 'was issued for different filters: send it with the same filters as the request that returned it');
  return cursor;
}
