import { z } from 'zod';
import { BACKEND_KINDS, type BackendUnavailable } from '../../src/lib/wire/backends';
import { PAGE_SIZE } from '../../src/lib/wire/vocabulary';
import type { Backend } from '../backends/types';
import { BadGatewayError } from '../routes/errors';
import { readJson } from '../routes/relay';
import { encodeCursor, type ScanCursor } from './cursor';
import { matchesChat, type ExtensionFilters, type WireChatItem } from './filters';

/*
 * The scan behind a filtered chat list: it walks upstream pages (one in flight at a time) keeping matches, and keeps
 * no state: everything needed to resume travels in the cursor (./cursor.ts).
 */

/** Upstream pages examined per request at most; with 250 chats a page that is 2,500 chats. */
export const SCAN_BUDGET_PAGES = 10;
export const UPSTREAM_PAGE_SIZE = PAGE_SIZE.max;

type Chat = WireChatItem;
/** What resuming needs of a chat. */
interface Positioned {
  readonly id: string;
  readonly timestamp?: unknown;
}


interface UpstreamPage {
  items: Chat[];
  cursor: string | null;
  /** Backends a merged list could not reach for this page (server/backends/registry). */
  unavailable: BackendUnavailable[];
}

const unavailableSchema = z.array(
  z.object({ backend: z.enum(BACKEND_KINDS), label: z.string(), title: z.string(), detail: z.string(), type: z.string(), status: z.number() }),
);

function parsePage(body: unknown): UpstreamPage {
  const fail = (why: string) => new BadGatewayError(`The messaging API answered with a chat list Triage cannot read (${why}).`);
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) throw fail('no items');
  for (const item of body.items as unknown[]) {
    if (typeof item !== 'object' || item === null || typeof (item as { id?: unknown }).id !== 'string') throw fail('a chat without an id');
  }
  // A page always says where the list goes on (null at the end): without the field, the end cannot be told apart.
  if (!('cursor' in body)) throw fail('no cursor');
  const cursor = body.cursor;
  if (cursor !== null && (typeof cursor !== 'string' || cursor === '')) throw fail('a cursor that is not a string');
  // Only a merged list says which backends are missing; anything unreadable there is no reason to fail the page.
  const unavailable = unavailableSchema.safeParse('unavailable' in body ? body.unavailable : []);
  return { items: body.items as Chat[], cursor: typeof cursor === 'string' ? cursor : null, unavailable: unavailable.success ? unavailable.data : [] };
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
  /** Backends missing from the pages scanned (a merged list), each once; absent when none is. */
  unavailable?: BackendUnavailable[];
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
  // Missing from this listing so far (a merged list): they stay out of it, named on every page.
  const unavailable = new Map<string, BackendUnavailable>((input.cursor?.x ?? []).map((x) => [x.backend, x]));
  const done = (cursor: ScanCursor | null): FilteredChatList => ({
    object: 'ChatList',
    items: matches,
    cursor: cursor && encodeCursor(unavailable.size > 0 ? { ...cursor, x: [...unavailable.values()] } : cursor),
    scan: { scanned, complete: cursor === null },
    ...(unavailable.size > 0 ? { unavailable: [...unavailable.values()] } : {}),
  });
  const keyOf = (chat: Chat, i: number) => ({ id: chat.id, ts: typeof chat.timestamp === 'string' ? chat.timestamp : null, i });

  for (let pages = 0; pages < SCAN_BUDGET_PAGES; pages++) {
    const query = new URLSearchParams(input.upstreamQuery);
    query.set('limit', String(UPSTREAM_PAGE_SIZE));
    if (pageCursor !== null) query.set('cursor', pageCursor);
    const out = [...unavailable.values()];
    const upstream = await backend.request({ method: 'GET', path: '/api/v1/chats', query, signal, ...(out.length > 0 ? { backendsOut: out } : {}) });
    const page = parsePage(await readJson(upstream));
    for (const missing of page.unavailable) if (!unavailable.has(missing.backend)) unavailable.set(missing.backend, missing);
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

