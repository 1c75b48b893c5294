/**
 * "Have we processed this delivery already?" Unipile retries a webhook it thinks failed, so the same event can arrive
 * twice. One process keeps the keys it saw in memory; several copies behind a load balancer need a shared store:
 * a Redis implementation is `SET <key> 1 NX PX <ttl>` and answers true when the SET happened.
 */
export interface WebhookDedupe {
  /** True the first time `key` is claimed within the window; false for a repeat. */
  claim(key: string): boolean | Promise<boolean>;
}

export interface MemoryDedupeOptions {
  /** How long a key is remembered (Unipile's retries span minutes); default 10 minutes. */
  ttlMs?: number;
  /** At most this many keys are kept: past it the oldest go first, so a flood cannot grow memory without bound. */
  maxKeys?: number;
  now?: () => number;
}

export const DEFAULT_DEDUPE_TTL_MS = 10 * 60_000;
const DEFAULT_MAX_KEYS = 100_000;

export function createMemoryDedupe({ ttlMs = DEFAULT_DEDUPE_TTL_MS, maxKeys = DEFAULT_MAX_KEYS, now = Date.now }: MemoryDedupeOptions = {}): WebhookDedupe {
  // Insertion order is expiry order (one TTL for all), so expired keys are always at the front of the map.
  const expiries = new Map<string, number>();
  // Drops expired keys, and the oldest ones past `room` (to make room for one more).
  const prune = (at: number, room: number) => {
    for (const [key, expires] of expiries) {
      if (expires > at && expiries.size <= room) break;
      expiries.delete(key);
    }
  };
  return {
    claim(key) {
      const at = now();
      prune(at, maxKeys);
      if (expiries.has(key)) return false;
      prune(at, maxKeys - 1);
      expiries.set(key, at + ttlMs);
      return true;
    },
  };
}
