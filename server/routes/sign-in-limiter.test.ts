import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './sign-in-limiter';

describe('FailureLimiter', () => {
  it('lets 5 failures through, then asks for the rest of the minute since the oldest of them', () => {
    const limiter = new FailureLimiter();
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.retryAfter('a', i * 1000)).toBeNull();
      limiter.fail('a', i * 1000);
    }
    expect(limiter.retryAfter('a', 5_000)).toBe(55);
    expect(limiter.retryAfter('b', 5_000)).toBeNull();
    // A sliding window: once the first failure is a minute old, one more try is allowed.
    expect(limiter.retryAfter('a', 60_000)).toBeNull();
    limiter.fail('a', 60_000);
    expect(limiter.retryAfter('a', 60_500)).toBe(1);
  });

  it('forgets a client on success', () => {
    const limiter = new FailureLimiter({ maxFailures: 2 });
    limiter.fail('a', 0);
    limiter.fail('a', 1);
    expect(limiter.retryAfter('a', 2)).not.toBeNull();
    limiter.reset('a');
    expect(limiter.retryAfter('a', 2)).toBeNull();
  });

  it('holds at most maxClients, dropping expired entries first, then the least recent', () => {
    const limiter = new FailureLimiter({ maxClients: 100, maxFailures: 1 });
    for (let i = 0; i < 50; i += 1) limiter.fail(`old-${i}`, 0);
    for (let i = 0; i < 50; i += 1) limiter.fail(`new-${i}`, 59_000);
    limiter.fail('late', 61_000);
    expect(limiter.size).toBe(51);
    expect(limiter.retryAfter('new-0', 61_000)).not.toBeNull();
    for (let i = 0; i < 100_000; i += 1) limiter.fail(`flood-${i}`, 70_000);
    expect(limiter.size).toBe(100);
    expect(limiter.retryAfter('flood-99999', 70_000)).not.toBeNull();
  });

  it('keeps a bounded entry for a client that keeps failing', () => {
    const limiter = new FailureLimiter();
    for (let i = 0; i < 10_000; i += 1) limiter.fail('a', i);
    expect(limiter.size).toBe(1);
    expect(limiter.retryAfter('a', 10_000)).toBe(60);
  });
});
