/** Periskope's times: ISO text ("2025-01-21T11:10:13+00:00") or epoch numbers, in ms (as the types say) or seconds. */

/** Below this a number is epoch seconds, above it milliseconds (the same threshold as src/lib/wire/readers.ts). */
const EPOCH_MS_THRESHOLD = 1e11;
const MAX_DATE_MS = 8.64e15;

/** Epoch ms of a Periskope time, or null when absent or unreadable. */
export function epochMs(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    if (!/^\d+(?:\.\d+)?$/.test(text)) {
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? null : ms;
    }
    value = Number(text);
  }
  const ms = Math.abs(value) < EPOCH_MS_THRESHOLD ? value * 1000 : value;
  // Past what a Date can hold, toISOString would throw.
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : null;
}

/** Unipile's timestamp form (`2025-01-21T11:10:13.000Z`), or null. */
export function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
