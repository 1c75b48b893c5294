import { z } from 'zod';
import { PAGE_SIZE } from '../../../src/lib/wire/vocabulary';
import { Answer, invalidParameter } from './errors';

/*
 * Periskope pages by offset over a list sorted newest first; Triage's cursor is opaque (base64url of `pk1:` + JSON)
 * and carries where the last page stopped: the next offset `o`, and the boundary, i.e. the sort time `k` of the last
 * item consumed and the ids (hashed) consumed at exactly that time `t`.
 *
 * The next page is read from `o - OVERLAP`, and every item at or above the boundary is dropped. What this guarantees,
 * while items move between pages (new activity lifts a chat to the top, items are deleted, times tie):
 * - no item is answered twice: everything above the boundary, and every tie already consumed, is dropped wherever
 *   it has moved;
 * - no item is skipped unless more than REACH_BACK items above the boundary left the list between two pages. When the
 *   read window is all below the boundary (more than OVERLAP left), the page is read again from `o - REACH_BACK`;
 *   when it is all above (many chats arrived at the top), the next window is read, twice at most.
 * - an item that gets new activity between pages moves above the boundary: this walk does not answer it (again, or
 *   at all when it had not been reached); the browser sees it at the top (live updates, the first page fetched again).
 * Limits of the guarantee, each a fallback rather than a failure: a window that is not in time order (an upstream that
 * ignores the sort) is paged by position only; more than MAX_TIES items at one time (in practice chats without any
 * message) are told apart by position beyond the MAX_TIES last consumed. In both, a change between pages can repeat
 * or skip an item, as plain offset paging would. A page may come back short, even empty,
 * with a cursor: the list goes on (the browser and the scan keep paging while `cursor` is set). `null` is the end.
 *
 * Items without a time (chats without messages) sort together at one end; which end is read from the first page (its
 * first item has no time → they come first) and kept in the cursor (`n`).
 */

export const OVERLAP = 25;
export const REACH_BACK = 500;
export const MAX_TIES = 200;
/** Reads past a window that held nothing new, per page: with the look back, at most 4 upstream reads a page. */
const EXTRA_READS = 2;

/** One item of a read window, at absolute position `pos` of the upstream list; `key` is its sort time (ms) or null. */
export interface Entry<T> {
  pos: number;
  id: string;
  key: number | null;
  value: T;
}

/** What one upstream read gave: its usable items, and how many items it answered in all (malformed ones included). */
export interface Window<T> {
  entries: Entry<T>[];
  rawCount: number;
}

export type ReadWindow<T> = (offset: number, count: number) => Promise<Window<T>>;

/** The window of an upstream page read at `offset`: each item checked on its own, a malformed one left out but counted. */
export function windowOf<T>(raw: readonly unknown[], offset: number, schema: z.ZodType<T>, idOf: (item: T) => string, keyOf: (item: T) => number | null): Window<T> {
  const entries = raw.flatMap((item, i): Entry<T>[] => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [{ pos: offset + i, id: idOf(parsed.data), key: keyOf(parsed.data), value: parsed.data }] : [];
  });
  return { entries, rawCount: raw.length };
}

/** The page size asked for (the route checked it is 1–250), Unipile's default when absent. */
export function limitOf(query: URLSearchParams | undefined): number {
  const n = Number(query?.get('limit') ?? PAGE_SIZE.default);
  return Number.isInteger(n) && n >= PAGE_SIZE.min && n <= PAGE_SIZE.max ? n : PAGE_SIZE.default;
}

const PREFIX = 'pk1:';

const cursorSchema = z.object({
  /** Fingerprint of the listing (filters, scope): a cursor continues only its own. */
  f: z.string().max(16),
  o: z.number().int().nonnegative(),
  /** Absent: no boundary yet (nothing consumed), so position alone decides. */
  k: z.number().nullable().optional(),
  t: z.array(z.string().max(16)).max(MAX_TIES),
  x: z.literal(1).optional(),
  n: z.literal(1).optional(),
});
type PageCursor = z.infer<typeof cursorSchema>;

/** FNV-1a, 32 bits, in base 36: listing fingerprints and tie ids, short enough to travel in a URL. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function encode(cursor: PageCursor): string {
  return Buffer.from(PREFIX + JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor of a listing, or null for its first page; another listing's cursor, or none of ours, is a 400 (thrown). */
export function decodeCursor(raw: string | null, fingerprint: string): PageCursor | null {
  if (raw === null) return null;
  const text = /^[A-Za-z0-9_-]+$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  let parsed: PageCursor | null = null;
  if (text.startsWith(PREFIX)) {
    try {
      const result = cursorSchema.safeParse(JSON.parse(text.slice(PREFIX.length)));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
  }
  if (parsed === null) throw new Answer(invalidParameter('cursor', 'is not a cursor this list issued'));
  if (parsed.f !== fingerprint) throw new Answer(invalidParameter('cursor', 'was issued for another list: send it with the same filters'));
  return parsed;
}

const rankOf = (key: number | null, nullsFirst: boolean): number => (key === null ? (nullsFirst ? Infinity : -Infinity) : key);

/** Whether the walk consumed this item already (or it moved above the boundary since). */
function consumed(entry: Entry<unknown>, c: PageCursor): boolean {
  if (c.k === undefined) return entry.pos < c.o;
  const rank = rankOf(entry.key, c.n === 1);
  const boundary = rankOf(c.k, c.n === 1);
  if (rank !== boundary) return rank > boundary;
  return c.t.includes(shortHash(entry.id)) || (c.x === 1 && entry.pos < c.o);
}

function inOrder(entries: readonly Entry<unknown>[], nullsFirst: boolean): boolean {
  for (let i = 1; i < entries.length; i++) {
    if (rankOf((entries[i] as Entry<unknown>).key, nullsFirst) > rankOf((entries[i - 1] as Entry<unknown>).key, nullsFirst)) return false;
  }
  return true;
}

export interface Page<T> {
  items: Entry<T>[];
  cursor: string | null;
}

/** Up to `limit` items after `cursor` (the first page when null), with the cursor of the page after. */
export async function readPage<T>(read: ReadWindow<T>, limit: number, cursor: PageCursor | null, fingerprint: string): Promise<Page<T>> {
  if (cursor === null) {
    const window = await read(0, limit);
    const nullsFirst = window.entries[0]?.key === null;
    return finish({ window, start: 0, requested: limit, candidates: window.entries, limit, prev: null, nullsFirst, fingerprint });
  }
  const nullsFirst = cursor.n === 1;
  let start = Math.max(0, cursor.o - OVERLAP);
  let window = await read(start, limit + cursor.o - start);
  const first = window.entries[0];
  if (start > 0 && (first === undefined || !consumed(first, cursor))) {
    // The whole overlap is new to this walk: more than OVERLAP items above the boundary left. Look further back, once.
    const back = Math.max(0, cursor.o - REACH_BACK);
    if (back < start) {
      start = back;
      window = await read(start, limit + cursor.o - start);
    }
  }
  let requested = limit + cursor.o - start;
  const pick = (w: Window<T>) => (inOrder(w.entries, nullsFirst) ? w.entries.filter((e) => !consumed(e, cursor)) : w.entries.filter((e) => e.pos >= cursor.o));
  let candidates = pick(window);
  // Everything read was consumed already (many chats arrived at the top since): read on rather than answer nothing.
  for (let extra = 0; candidates.length === 0 && window.rawCount === requested && extra < EXTRA_READS; extra++) {
    start += window.rawCount;
    requested = limit + OVERLAP;
    window = await read(start, requested);
    candidates = pick(window);
  }
  return finish({ window, start, requested, candidates, limit, prev: cursor, nullsFirst, fingerprint });
}

interface Finish<T> {
  window: Window<T>;
  start: number;
  requested: number;
  candidates: Entry<T>[];
  limit: number;
  prev: PageCursor | null;
  nullsFirst: boolean;
  fingerprint: string;
}

function finish<T>({ window, start, requested, candidates, limit, prev, nullsFirst, fingerprint }: Finish<T>): Page<T> {
  const items = candidates.slice(0, limit);
  // The upstream list ended inside this window, and nothing of it is left for a next page.
  if (window.rawCount < requested && items.length === candidates.length) return { items, cursor: null };
  const n = nullsFirst ? { n: 1 as const } : {};
  const last = items[items.length - 1];
  if (last === undefined) {
    // Everything read was consumed before: go on past this window, keeping the boundary.
    const o = start + window.rawCount;
    return { items, cursor: encode(prev ? { ...prev, o: Math.max(prev.o, o) } : { f: fingerprint, o, t: [], ...n }) };
  }
  const rank = rankOf(last.key, nullsFirst);
  const sameBoundary = prev !== null && prev.k !== undefined && rankOf(prev.k, nullsFirst) === rank;
  const ties = [...new Set([...(sameBoundary ? prev.t : []), ...items.filter((e) => rankOf(e.key, nullsFirst) === rank).map((e) => shortHash(e.id))])];
  const overflow = ties.length > MAX_TIES || (sameBoundary && prev.x === 1);
  const next: PageCursor = { f: fingerprint, o: last.pos + 1, k: last.key, t: ties.slice(-MAX_TIES), ...(overflow ? { x: 1 as const } : {}), ...n };
  return { items, cursor: encode(next) };
}
