/**
 * What a chat's wire fields mean, decided once for the server's scan and the browser's model. The seeds disagree
 * (0/1 in Unipile's OpenAPI and postpress, booleans on Unipile's reference page), and real answers stray further;
 * each odd case is decided here, beside the code that decides it.
 */

/**
 * A flag (`archived`, `pinned`, `is_sender`…): `true` or any non-zero number is set (so `archived: 2` is archived
 * everywhere); `false`, `0`, null, absent are not; the strings "true"/"1" are set, any other string is not.
 */
export function readFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value === 'true' || value === '1';
  return false;
}

/** Computed at read time: a mute whose end has passed is no mute. */
export type MuteState = { kind: 'none' } | { kind: 'forever' } | { kind: 'until'; until: number };

export const NOT_MUTED: MuteState = Object.freeze({ kind: 'none' });
const FOREVER: MuteState = Object.freeze({ kind: 'forever' });

/** Below this a number is epoch seconds (year 5138 in seconds is still under it), above it milliseconds. */
const EPOCH_MS_THRESHOLD = 1e11;

/**
 * `muted_until`: -1 (or any negative number, or `true`, or "-1") → muted for good; a date → muted until then (past →
 * not muted); null, absent, 0, `false`, "" → not muted. Numbers are epoch times, in seconds below 1e11 and in ms above.
 * Text that is no date is "muted, end unknown": the API sends the field only when something is muted.
 */
export function readMute(value: unknown, now: number): MuteState {
  if (value === null || value === undefined || value === false) return NOT_MUTED;
  if (value === true) return FOREVER;
  let until: number;
  if (typeof value === 'number') {
    if (Number.isNaN(value) || value === 0) return NOT_MUTED;
    if (value < 0) return FOREVER;
    until = value < EPOCH_MS_THRESHOLD ? value * 1000 : value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return NOT_MUTED;
    if (text === '-1') return FOREVER;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return FOREVER;
    until = ms;
  } else {
    return NOT_MUTED;
  }
  return until > now ? { kind: 'until', until } : NOT_MUTED;
}

/** Muted right now (a mute read earlier may have ended since). */
export function isMutedAt(mute: MuteState, now: number): boolean {
  if (mute.kind === 'none') return false;
  if (mute.kind === 'forever') return true;
  return mute.until > now;
}

/** Text worth showing (a name, a subject): not blank and not a serialized "null"/"undefined", which is no name. */
export function readText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'null' || trimmed === 'undefined') return null;
  return trimmed;
}

/** Case- and accent-insensitive form: "Zoë" and "ZOE" both fold to "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

/** A list of names (`folder`, `disabledFeatures`): its non-blank strings; anything else, or an empty list, is none. */
export function readStrings(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return NO_STRINGS;
  const kept = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return kept.length === 0 ? NO_STRINGS : kept;
}

/** Epoch ms of an ISO time, or null when absent or unreadable. */
export function readTime(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A count (`unread_count`): a whole number ≥ 0; anything else is 0. */
export function readCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}
