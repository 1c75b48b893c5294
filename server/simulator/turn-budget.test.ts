import { describe, expect, it } from 'vitest';
import { createTurnBudget } from './turn-budget';

/** A fake event loop: `turn()` runs one check phase, the immediates queued before it, each followed by its microtasks. */
function fakeLoop(budgetMs: number) {
  let clock = 0;
  let immediates: (() => void)[] = [];
  const budget = createTurnBudget({ budgetMs, now: () => clock, defer: (callback) => immediates.push(callback) });
  const started: number[] = [];
  /** Admits a job that takes `costMs` of (fake) synchronous time. */
  const admit = (id: number, costMs: number) =>
    budget.run(() => {
      started.push(id);
      clock += costMs;
      return id;
    });
  const turn = async (): Promise<number[]> => {
    const before = started.length;
    const list = immediates;
    immediates = [];
    for (const callback of list) {
      callback();
      await Promise.resolve();
    }
    clock += 1; // the poll phase
    return started.slice(before);
  };
  return { budget, admit, turn, started };
}

describe('turn budget', () => {
  it('starts a job in the turn it arrives in when the server is not behind', async () => {
    const loop = fakeLoop(5);
    const result = loop.admit(1, 3);
    expect(await loop.turn()).toEqual([1]);
    await expect(result).resolves.toBe(1);
    expect(loop.budget.waiting).toBe(0);
  });

  it('spreads a backlog over turns, about budgetMs of work per turn, in arrival order', async () => {
    const loop = fakeLoop(5);
    for (let i = 0; i < 20; i++) void loop.admit(i, 2);
    const turns: number[][] = [];
    while (loop.started.length < 20 && turns.length < 50) turns.push(await loop.turn());
    // 0, 2 and 4 ms into a turn are under budget; at 6 ms the rest waits for the next turn.
    expect(turns.map((t) => t.length)).toEqual([3, 3, 3, 3, 3, 3, 2]);
    expect(loop.started).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('puts a job that arrives during a backlog behind it', async () => {
    const loop = fakeLoop(5);
    for (let i = 0; i < 6; i++) void loop.admit(i, 2);
    expect(await loop.turn()).toEqual([0, 1, 2]);
    void loop.admit(99, 0);
    expect(await loop.turn()).toEqual([3, 4, 5]);
    expect(await loop.turn()).toEqual([99]);
  });

  it('starts at most 64 jobs per turn however cheap they are', async () => {
    const loop = fakeLoop(5);
    for (let i = 0; i < 100; i++) void loop.admit(i, 0);
    expect((await loop.turn()).length).toBe(64);
    expect((await loop.turn()).length).toBe(36);
    expect(loop.budget.waiting).toBe(0);
  });

  it("hands back the job's value or error", async () => {
    const budget = createTurnBudget({ budgetMs: 5 });
    await expect(budget.run(() => 42)).resolves.toBe(42);
    await expect(budget.run(async () => 'async')).resolves.toBe('async');
    await expect(budget.run(() => { throw new Error('thrown'); })).rejects.toThrow('thrown');
    await expect(budget.run(() => Promise.reject(new Error('rejected')))).rejects.toThrow('rejected');
  });

  it('lets the event loop run timers and I/O between slices of a backlog (real loop)', async () => {
    const budget = createTurnBudget({ budgetMs: 10 });
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    let started = 0;
    const jobs = Array.from({ length: 30 }, () => budget.run(() => { started++; busy(5); }));
    // Unbudgeted, the 30 jobs (150 ms) would all run before the timer; budgeted, the loop comes back after ~10 ms.
    const startedWhenTimerFired = await new Promise<number>((resolve) => setTimeout(() => resolve(started), 0));
    await Promise.all(jobs);
    expect(startedWhenTimerFired).toBeLessThanOrEqual(6);
    expect(started).toBe(30);
  });
});
