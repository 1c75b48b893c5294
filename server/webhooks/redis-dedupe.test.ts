import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../live/redis-server.fixture';
import { createRedisDedupe } from './redis-dedupe';

let server: RedisServer;
const clients: Redis[] = [];
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.stop();
});

const connect = () => {
  const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
};

describe('createRedisDedupe (a real redis-server)', () => {
  it('one claim wins across copies, even when they race; the key expires after its window', async () => {
    // Two copies, two connections, the same delivery at once.
    const copyA = createRedisDedupe(connect(), { ttlMs: 60_000 });
    const copyB = createRedisDedupe(connect(), { ttlMs: 60_000 });
    const claims = await Promise.all([copyA.claim('delivery-1'), copyB.claim('delivery-1'), copyA.claim('delivery-1'), copyB.claim('delivery-1')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await copyB.claim('delivery-2')).toBe(true);

    const admin = connect();
    const ttl = await admin.pttl('triage:webhook-seen:delivery-1');
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // Expiry is Redis's own PX: once the key is gone, the delivery is new again.
    await admin.del('triage:webhook-seen:delivery-1');
    expect(await copyA.claim('delivery-1')).toBe(true);
  });
});
