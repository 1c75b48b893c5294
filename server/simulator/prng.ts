/**
 * Small seeded randomness helpers. Everything the simulator generates flows from these, never from
 * Math.random, so a seed always reproduces the same mailbox.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for test data; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** lowbias32 integer mix: decorrelates neighbouring inputs (chat 1 vs chat 2) before they seed a stream. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash2(a: number, b: number): number {
  return mix32(mix32(a) ^ Math.imul((b >>> 0) + 0x9e3779b9, 0x85ebca6b));
}

export function hash3(a: number, b: number, c: number): number {
  return hash2(hash2(a, b), c);
}

/** FNV-1a over UTF-16 code units, then mixed; for deriving seeds from strings. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Integer in [min, max], both inclusive. */
export function int(r: Rng, min: number, max: number): number {
  return min + Math.floor(r() * (max - min + 1));
}

/** Element at i; throws instead of returning undefined so callers stay simple under noUncheckedIndexedAccess. */
export function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range (length ${arr.length})`);
  return v;
}

export function pick<T>(r: Rng, arr: readonly T[]): T {
  return at(arr, Math.floor(r() * arr.length));
}

/** Picks from [value, weight] pairs; weights need not sum to 1. */
export function weighted<T>(r: Rng, entries: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = r() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return at(entries, entries.length - 1)[0];
}

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const codes: number[] = [];

/** Builds the string in one allocation (char-by-char concatenation made generation allocation-bound). */
export function randomChars(r: Rng, alphabet: string, length: number): string {
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(Math.floor(r() * alphabet.length));
  return String.fromCharCode.apply(null, codes);
}

export function base62(r: Rng, length: number): string {
  return randomChars(r, BASE62, length);
}

export function digits(r: Rng, length: number): string {
  // No leading zero: these are used for numeric provider ids.
  return String(1 + Math.floor(r() * 9)) + randomChars(r, '0123456789', length - 1);
}

export function hex(r: Rng, length: number, upper = false): string {
  return randomChars(r, upper ? '0123456789ABCDEF' : '0123456789abcdef', length);
}
