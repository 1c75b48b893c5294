import { describe, expect, it } from 'vitest';
import type { ChatPosition } from './store';
import { isWritable, makeSim, type ChatList } from './test-helpers.fixture';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const MB = 1024 * 1024;

/**
 * Rough budget checks at 200,000 chats. Bounds are loose (shared CI machines are noisy); the measured figures
 * are printed so a regression is visible long before a bound trips.
 */
describe('200,000 chats', () => {
  it('generates quickly and compactly, serves pages fast and keeps the snapshot walk exact', { timeout: 60_000 }, async () => {
    const m0 = process.memoryUsage();
    const t0 = performance.now();
    const t = makeSim({ chats: 200_000, seed: 42 });
    const genMs = performance.now() - t0;
    const m1 = process.memoryUsage();
    expect(t.sim.store.chatCount).toBe(200_000);

    const pageTimes: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 60; i++) {
      const start = performance.now();
      const res = await t.request(`/api/v1/chats?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const body = (await res.json()) as ChatList;
      if (i >= 10) pageTimes.push(performance.now() - start); // after warm-up
      expect(body.items).toHaveLength(100);
      cursor = body.cursor;
    }
    const filteredTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const res = await t.request('/api/v1/chats?limit=250&unread=true&account_type=TELEGRAM');
      await res.arrayBuffer();
      filteredTimes.push(performance.now() - start);
    }

    // Full snapshot walk through the store while chats keep moving to the top.
    const store = t.sim.store;
    const writable = isWritable(t);
    const expected = store.orderedChatIds();
    const movers = expected.filter((_, i) => i % 997 === 500).map((id) => store.chatJson(store.chatIndex(id))).filter(writable);
    const walkStart = performance.now();
    let from: ChatPosition | undefined;
    let count = 0;
    let pages = 0;
    let mismatch = -1;
    for (;;) {
      const page = store.listChats({}, 250, from);
      for (const c of page.items) {
        if (mismatch < 0 && c.id !== expected[count]) mismatch = count;
        count++;
      }
      const mover = movers[pages++];
      if (mover) {
        t.clock.advance(10);
        store.sendMessage(store.chatIndex(mover.id), { text: 'bump' });
      }
      if (!page.next) break;
      from = page.next;
    }
    const walkMs = performance.now() - walkStart;
    const m2 = process.memoryUsage();

    const figures = {
      generationMs: Math.round(genMs),
      rssMB: Math.round(m1.rss / MB),
      rssDeltaMB: Math.round((m1.rss - m0.rss) / MB),
      heapDeltaMB: Math.round((m1.heapUsed - m0.heapUsed) / MB),
      pageMedianMs: Number(median(pageTimes).toFixed(2)),
      filteredPage250MedianMs: Number(median(filteredTimes).toFixed(2)),
      fullWalk250Ms: Math.round(walkMs),
      movesDuringWalk: Math.min(movers.length, pages),
      rssAfterWalkMB: Math.round(m2.rss / MB),
    };
    console.log('simulator @200k', JSON.stringify(figures));

    expect(mismatch).toBe(-1);
    expect(count).toBe(200_000);
    expect(genMs).toBeLessThan(8_000);
    expect(m1.rss - m0.rss).toBeLessThan(400 * MB);
    expect(m2.rss).toBeLessThan(1024 * MB);
    expect(median(pageTimes)).toBeLessThan(25);
  });
});
