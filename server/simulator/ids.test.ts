import { describe, expect, it } from 'vitest';
import { ID_KIND, IdCodec } from './ids';
import { mulberry32 } from './prng';

describe('IdCodec', () => {
  const codec = new IdCodec(42);

  it('round-trips kind, index and sub-index through a 22-character base62 id', () => {
    const r = mulberry32(1);
    for (let n = 0; n < 2000; n++) {
      const kind = ([ID_KIND.chat, ID_KIND.message, ID_KIND.attendee, ID_KIND.account, ID_KIND.selfAttendee] as const)[n % 5] ?? ID_KIND.chat;
      const index = Math.floor(r() * 2 ** 24);
      const sub = Math.floor(r() * 2 ** 20);
      const id = codec.encode(kind, index, sub);
      expect(id).toMatch(/^[0-9A-Za-z]{22}$/);
      expect(codec.decode(id)).toEqual({ kind, index, sub });
    }
  });

  it('looks random: neighbouring indices share no obvious prefix and first characters spread out', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => codec.encode(ID_KIND.chat, i));
    expect(new Set(ids.map((id) => id.slice(0, 2))).size).toBeGreaterThan(500);
    expect(new Set(ids.map((id) => id[0])).size).toBeGreaterThan(30);
  });

  it('rejects foreign, altered and malformed ids', () => {
    const id = codec.encode(ID_KIND.chat, 12);
    expect(new IdCodec(43).decode(id)).toBeNull();
    expect(codec.decode(`${id.slice(0, 21)}${id[21] === 'a' ? 'b' : 'a'}`)).toBeNull();
    expect(codec.decode(id.slice(1))).toBeNull();
    expect(codec.decode('zzzzzzzzzzzzzzzzzzzzzz')).toBeNull();
    expect(codec.decode('123@s.whatsapp.net')).toBeNull();
    expect(codec.decode('')).toBeNull();
  });
});
