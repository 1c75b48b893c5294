import type * as z from 'zod/mini';
import { ApiError } from './api-client';
import { wireListEnvelopeSchema } from './wire/chat-wire';

export interface ListPage<T> {
  items: T[];
  /** Next page cursor; null ends the list. */
  cursor: string | null;
  /** How many items were malformed and left out of `items`. */
  skipped: number;
}

type Warn = (message: string, ...details: unknown[]) => void;

/** A cursor is opaque text; anything else (absent, null, empty, an object) ends the list. */
export function readCursor(raw: unknown): string | null {
  if (typeof raw === 'string') return raw === '' ? null : raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

/**
 * Reads a `{ items, cursor }` page item by item: a malformed item is skipped and the page reports it once (one
 * console.warn per page, not per item), so one bad record never blanks the list. A malformed envelope is an
 * ApiError, because then nothing on the page can be trusted.
 */
export function readListPage<S extends z.ZodMiniType, T>(
  json: unknown,
  itemSchema: S,
  normalize: (item: z.output<S>) => T,
  what: string,
  warn: Warn = console.warn,
): ListPage<T> {
  const envelope = wireListEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new ApiError({
      status: 200,
      type: 'client/invalid_response',
      title: 'Unexpected response',
      detail: `The ${what} list response has no items array.`,
    });
  }
  const items: T[] = [];
  let skipped = 0;
  let firstProblem: unknown;
  for (const raw of envelope.data.items) {
    const parsed = itemSchema.safeParse(raw);
    if (parsed.success) {
      items.push(normalize(parsed.data));
    } else {
      skipped += 1;
      firstProblem ??= { item: raw, issues: parsed.error.issues };
    }
  }
  if (skipped > 0) {
    warn(`triage: skipped ${skipped} malformed ${what} item${skipped === 1 ? '' : 's'} of ${envelope.data.items.length} on one page`, firstProblem);
  }
  return { items, cursor: readCursor(envelope.data.cursor), skipped };
}
