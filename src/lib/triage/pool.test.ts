import { describe, expect, it } from 'vitest';
import { runPool } from './pool';

describe('runPool', () => {
  it('never has more than the limit in flight, settles every item in order, and counts progress', async () => {
    let inFlight = 0;
    let most = 0;
    const progress: number[] = [];
    const results = await runPool(
      Array.from({ length: 23 }, (_, i) => i),
      4,
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
        inFlight -= 1;
        if (i % 5 === 0) throw new Error(`refused ${i}`);
        return i * 2;
      },
      (finished) => progress.push(finished),
    );
    expect(most).toBe(4);
    expect(progress).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(
      Array.from({ length: 23 }, (_, i) => (i % 5 === 0 ? `refused ${i}` : i * 2)),
    );
  });

  it('settles at once with nothing to do', async () => {
    await expect(runPool([], 4, async () => 1)).resolves.toEqual([]);
  });
});
