import { describe, expect, it } from 'vitest';
import { isoMs } from './data-generator';
import { mulberry32 } from './prng';
import { SimulatorStore } from './store';
import { ANCHOR } from './test-helpers.fixture';

describe('data generator', () => {
  it('isoMs formats exactly like Date#toISOString', () => {
    const r = mulberry32(9);
    for (let i = 0; i < 50_000; i++) {
      const ms = Math.floor(r() * 8_000_000_000_000);
      expect(isoMs(ms)).toBe(new Date(ms).toISOString());
    }
    expect(isoMs(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoMs(ANCHOR - 1)).toBe(new Date(ANCHOR - 1).toISOString());
  });

  it('each chat depends only on (seed, index): a bigger mailbox starts with the same chats', () => {
    const small = new SimulatorStore({ chats: 300, seed: 5, anchor: ANCHOR, now: () => ANCHOR });
    const big = new SimulatorStore({ chats: 900, seed: 5, anchor: ANCHOR, now: () => ANCHOR });
    for (let i = 0; i < 300; i += 7) {
      expect(big.chatJson(i)).toEqual(small.chatJson(i));
      expect(big.messages(i)).toEqual(small.messages(i));
      expect(big.attendees(i)).toEqual(small.attendees(i));
    }
  });

  it('the anchor moves timestamps but nothing else', () => {
    const a = new SimulatorStore({ chats: 50, seed: 5, anchor: ANCHOR, now: () => ANCHOR });
    const b = new SimulatorStore({ chats: 50, seed: 5, anchor: ANCHOR + 86_400_000, now: () => ANCHOR });
    for (let i = 0; i < 50; i++) {
      const x = a.chatJson(i);
      const y = b.chatJson(i);
      expect({ ...y, timestamp: null, muted_until: null }).toEqual({ ...x, timestamp: null, muted_until: null });
      if (x.timestamp !== null) expect(Date.parse(y.timestamp ?? '') - Date.parse(x.timestamp)).toBe(86_400_000);
    }
  });
});
