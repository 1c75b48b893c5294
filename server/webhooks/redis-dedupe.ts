import type { Redis } from 'ioredis';
import { DEFAULT_DEDUPE_TTL_MS, type WebhookDedupe } from './dedupe';

/**
 * The dedupe shared by every server copy: Unipile may retry a delivery to another copy behind the load balancer, and
 * only one of them must process it. `SET key 1 PX ttl NX` is atomic: exactly one copy's SET happens (answers OK).
 * The caller owns the connection (the event bus's writer does fine) and closes it.
 */
export function createRedisDedupe(redis: Pick<Redis, 'set'>, { ttlMs = DEFAULT_DEDUPE_TTL_MS, prefix = 'triage:webhook-seen:' } = {}): WebhookDedupe {
  return {
    async claim(key) {
      return (await redis.set(`${prefix}${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
  };
}
