import { z } from 'zod';
import { BACKEND_KINDS } from '../../src/lib/wire/backends';
import { decodeBase64Json, encodeBase64Json } from '../base64-json';
import { InvalidParameterError } from '../routes/errors';
import { quote } from '../routes/query';
import { EXTENSION_PARAMS } from './filters';

/*
 * The scan's own cursor: base64 of `tx1:` + JSON (../base64-json.ts). The prefix makes an upstream cursor
 * recognisable as not ours.
 */

const CURSOR_PREFIX = 'tx1:';
// base64('tx1') — every cursor of ours starts with it, a cheap first test before decoding.
const ENCODED_PREFIX = 'dHgx';

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
  /** Backends a merged list was missing so far: they stay out of this listing (server/backends/registry). */
  x: z.array(z.object({ backend: z.enum(BACKEND_KINDS), label: z.string(), title: z.string(), detail: z.string(), type: z.string(), status: z.number() })).optional(),
});
export type ScanCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ScanCursor): string {
  return encodeBase64Json(cursor, CURSOR_PREFIX);
}

export function isOurCursor(raw: string): boolean {
  return raw.startsWith(ENCODED_PREFIX) && decodeCursor(raw) !== null;
}

export function decodeCursor(raw: string): ScanCursor | null {
  if (!raw.replace(/ /g, '+').startsWith(ENCODED_PREFIX)) return null;
  const parsed = cursorSchema.safeParse(decodeBase64Json(raw, CURSOR_PREFIX));
  return parsed.success ? parsed.data : null;
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
