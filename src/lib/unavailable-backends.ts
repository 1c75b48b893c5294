import * as z from 'zod/mini';
import { ApiError } from './api-client';
import { describeError } from './error-messages';
import { BACKEND_KINDS, BACKEND_LABELS, type BackendUnavailable } from './wire/backends';

/**
 * `unavailable` beside `items` on a merged answer (accounts, chat list pages): the backends that failed for it, the
 * others' items being there. Read item by item: a malformed entry is dropped, never the page.
 */
const unavailableSchema = z.object({
  backend: z.enum(BACKEND_KINDS),
  label: z.catch(z.string(), ''),
  title: z.catch(z.string(), ''),
  detail: z.catch(z.string(), ''),
  type: z.catch(z.string(), ''),
  status: z.catch(z.number(), 0),
});

/** Shared by every answer that names no failing backend, so "none" keeps its identity across renders. */
export const NO_UNAVAILABLE: readonly BackendUnavailable[] = Object.freeze([]);

/** The failing backends an answer names, each once (the first entry for it); none when it names none. */
export function readUnavailable(json: unknown): readonly BackendUnavailable[] {
  const raw = json !== null && typeof json === 'object' ? (json as { unavailable?: unknown }).unavailable : undefined;
  if (!Array.isArray(raw) || raw.length === 0) return NO_UNAVAILABLE;
  const found = new Map<string, BackendUnavailable>();
  for (const item of raw) {
    const parsed = unavailableSchema.safeParse(item);
    if (!parsed.success || found.has(parsed.data.backend)) continue;
    const entry = parsed.data;
    found.set(entry.backend, { ...entry, label: entry.label.trim() || BACKEND_LABELS[entry.backend] });
  }
  return found.size === 0 ? NO_UNAVAILABLE : [...found.values()];
}

/** Several answers' failing backends as one list, each backend once: a later answer's entry replaces an earlier one. */
export function mergeUnavailable(...lists: readonly (readonly BackendUnavailable[])[]): readonly BackendUnavailable[] {
  const merged = new Map<string, BackendUnavailable>();
  for (const list of lists) for (const entry of list) merged.set(entry.backend, entry);
  return merged.size === 0 ? NO_UNAVAILABLE : [...merged.values()];
}

/** Why a backend did not answer, in plain words naming it ("Periskope took too long to answer. Try again in a moment."). */
export function unavailableReason(failure: BackendUnavailable): string {
  const type = failure.type || `http/${failure.status}`;
  const error = new ApiError({ status: failure.status, type, title: failure.title || failure.label, detail: failure.detail || undefined });
  return describeError(error, { backendLabel: failure.label }).message;
}
