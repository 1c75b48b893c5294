import { BASE62, hash2, mix32 } from './prng';

/**
 * Reversible, random-looking ids. Chats, messages and attendees are generated lazily, so there is no
 * table to look an id up in: the id itself carries (kind, index, sub-index), scrambled by a 4-round
 * Feistel network keyed by the seed, then padded with seeded noise to Unipile's 22 characters.
 * Decoding re-encodes and compares, so a mistyped or foreign id is rejected rather than misread.
 */

export const ID_KIND = {
  account: 1,
  chat: 2,
  message: 3,
  attendee: 4,
  selfAttendee: 5,
} as const;
export type IdKind = (typeof ID_KIND)[keyof typeof ID_KIND];

export const MAX_INDEX = 2 ** 24; // chats per simulator
export const MAX_SUB = 2 ** 20; // messages per chat, attendees per chat

const HALF = 2 ** 24;
const MASK24 = 0xffffff;
const TWO_44 = 2 ** 44;
const TWO_48 = 2 ** 48;
const HEAD = 9; // base62 chars carrying the scrambled value
const ID_LENGTH = 22;
const idCodes: number[] = new Array<number>(ID_LENGTH).fill(0);

export interface DecodedId {
  kind: IdKind;
  index: number;
  sub: number;
}

export class IdCodec {
  private readonly keys: number[];
  private readonly salt: number;

  constructor(seed: number) {
    this.keys = [0, 1, 2, 3].map((i) => hash2(seed ^ 0x1d5eed, i));
    this.salt = hash2(seed, 0x5a17);
  }

  encode(kind: IdKind, index: number, sub = 0): string {
    if (!(index >= 0 && index < MAX_INDEX && sub >= 0 && sub < MAX_SUB)) throw new RangeError('id component out of range');
    const v = kind * TWO_44 + index * 2 ** 20 + sub;
    let l = Math.floor(v / HALF);
    let r = v % HALF;
    for (const k of this.keys) {
      const next = l ^ (mix32(r ^ k) & MASK24);
      l = r;
      r = next;
    }
    const w = l * HALF + r;
    // Spread the value over the first character too (w alone would always start with 0-4); stays below 2^53.
    const n = w + (mix32(w % 0x7fffffff ^ this.salt) % 32) * TWO_48;
    let x = n;
    for (let i = HEAD - 1; i >= 0; i--) {
      idCodes[i] = BASE62.charCodeAt(x % 62);
      x = Math.floor(x / 62);
    }
    // Seeded noise for the tail: mulberry32 inlined, and one string allocation per id (200,000 at start-up).
    let a = hash2(w % 0x7fffffff, this.salt ^ Math.floor(w / 0x7fffffff));
    for (let i = HEAD; i < ID_LENGTH; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      idCodes[i] = BASE62.charCodeAt(Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 62));
    }
    return String.fromCharCode.apply(null, idCodes);
  }

  decode(id: string): DecodedId | null {
    if (id.length !== ID_LENGTH) return null;
    let n = 0;
    for (let i = 0; i < HEAD; i++) {
      const d = BASE62.indexOf(id.charAt(i));
      if (d < 0) return null;
      n = n * 62 + d;
    }
    if (n >= 2 ** 53) return null;
    const w = n % TWO_48;
    let l = Math.floor(w / HALF);
    let r = w % HALF;
    for (let i = this.keys.length - 1; i >= 0; i--) {
      const k = this.keys[i] ?? 0;
      const prev = r ^ (mix32(l ^ k) & MASK24);
      r = l;
      l = prev;
    }
    const v = l * HALF + r;
    const kind = Math.floor(v / TWO_44);
    const index = Math.floor((v % TWO_44) / 2 ** 20);
    const sub = v % 2 ** 20;
    if (kind < ID_KIND.account || kind > ID_KIND.selfAttendee) return null;
    const decoded: DecodedId = { kind: kind as IdKind, index, sub };
    return this.encode(decoded.kind, index, sub) === id ? decoded : null;
  }
}
