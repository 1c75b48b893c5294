import type { Context } from 'hono';
import { PAGE_SIZE } from '../../../src/lib/wire/vocabulary';
import { decodeCursor, encodeCursor, offsetCursorSchema, type OffsetCursor } from '../cursor';
import { errors, type ApiError } from '../errors';
import type { SimulatorStore } from '../store';

/** Reading a request the way the API validates it: query parameters, bodies, ids in the path, cursors. */

/** What a list answers with when the request names no limit. */
export const DEFAULT_LIMIT = 100;
const DATE_PATTERN = /^[1-2]\d{3}-[0-1]\d-[0-3]\dT\d{2}:\d{2}:\d{2}.\d{3}Z$/;

export const invalid = (param: string, why: string): ApiError => errors.invalidParameters(`${param}: ${why}`);

export function badCursor(): ApiError {
  return invalid('cursor', 'is not a cursor returned by this list');
}

/** Query access that rejects repeated parameters, as the API's validation does. */
export class Query {
  private readonly params: URLSearchParams;
  constructor(url: string) {
    this.params = new URL(url).searchParams;
  }

  get(name: string): string | undefined {
    const all = this.params.getAll(name);
    if (all.length > 1) throw invalid(name, 'must be given at most once');
    return all[0];
  }

  limit(): number | undefined {
    const raw = this.get('limit');
    if (raw === undefined) return undefined;
    const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= PAGE_SIZE.min && n <= PAGE_SIZE.max)) throw invalid('limit', `must be an integer from ${PAGE_SIZE.min} to ${PAGE_SIZE.max} (got ${JSON.stringify(raw)})`);
    return n;
  }

  date(name: 'before' | 'after'): number | undefined {
    const raw = this.get(name);
    if (raw === undefined) return undefined;
    const ms = DATE_PATTERN.test(raw) ? Date.parse(raw) : NaN;
    // The round trip also rejects dates the pattern lets through, such as February 30th.
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== raw) {
      throw invalid(name, `must be an ISO 8601 UTC datetime like 2025-12-31T23:59:59.999Z (got ${JSON.stringify(raw)})`);
    }
    return ms;
  }

  nonEmpty(name: string): string | undefined {
    const raw = this.get(name);
    if (raw !== undefined && raw.length === 0) throw invalid(name, 'must not be empty');
    return raw;
  }
}

/** Body of a PATCH or POST: JSON, urlencoded or multipart, as the API accepts all three. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    try {
      return await c.req.parseBody({ all: true });
    } catch {
      throw errors.invalidParameters('body: could not be parsed as form data');
    }
  }
  let parsed: unknown;
  try {
    parsed = await c.req.json();
  } catch {
    throw errors.invalidParameters('body: must be a JSON object (or form data)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.invalidParameters('body: must be a JSON object');
  return parsed as Record<string, unknown>;
}

/** The chat a path names, or the API's 404. */
export function chatIndexOf(store: SimulatorStore, id: string): number {
  const idx = store.chatIndex(id);
  if (idx < 0) throw errors.notFound(`No chat with id ${JSON.stringify(id)}.`);
  return idx;
}

/** A page of a list paged by offset (accounts, a chat's attendees); its cursor names the list, only limit may change. */
export function offsetPage<T>(
  all: readonly T[], list: { k: OffsetCursor['k']; of: string }, rawCursor: string | undefined, limitParam: number | undefined, defaultLimit: number,
): { items: T[]; cursor: string | null } {
  let offset = 0;
  let limit = limitParam ?? defaultLimit;
  if (rawCursor !== undefined) {
    const cur = decodeCursor<OffsetCursor>(rawCursor, offsetCursorSchema);
    if (!cur || cur.k !== list.k || cur.of !== list.of) throw badCursor();
    offset = cur.offset;
    limit = limitParam ?? cur.l;
  }
  const items = all.slice(offset, offset + limit);
  const end = offset + items.length;
  const cursor = end < all.length ? encodeCursor({ k: list.k, of: list.of, offset: end, l: limit } satisfies OffsetCursor) : null;
  return { items, cursor };
}
