import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import { createEventBus, type BusLogger, type EventBus } from './event-bus';
import { startLiveCopy, type LiveCopy } from './live-copy.fixture';
import { STREAM_KEY } from './redis-bus';
import { startRedis, type RedisServer } from './redis-server.fixture';
import { accountStatus, sseReader } from './sse-reader.fixture';

/* Against a real redis-server (started here; fails, not skips, without one): copies share events and the backlog. */

let redis: RedisServer;
const quiet: BusLogger = { info: () => undefined, error: () => undefined };
const open: EventBus[] = [];
const busOn = (url: string, options: { backlog?: number; logger?: BusLogger } = {}) => {
  const bus = createEventBus({ redisUrl: url, logger: quiet, ...options });
  open.push(bus);
  return bus;
};
const nextEvent = (bus: EventBus) =>
  new Promise<{ id: string; event: LiveEvent }>((resolve) => {
    const off = bus.subscribe((id, event) => {
      off();
      resolve({ id, event });
    });
  });

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
  await redis?.stop();
});
beforeEach(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
  const admin = new Redis(redis.url);
  await admin.flushall();
  admin.disconnect();
});

describe('Redis bus', () => {
  it('an event published on one bus reaches the other bus’s subscribers (and its own), with the stream id', async () => {
    const a = busOn(redis.url);
    const b = busOn(redis.url);
    await Promise.all([a.head(), b.head()]);
    const onB = nextEvent(b);
    const onA = nextEvent(a);
    const id = await a.publish(accountStatus('acc-1', 'ERROR'));
    expect(id).toMatch(/^\d+-\d+$/);
    expect(await onB).toEqual({ id, event: accountStatus('acc-1', 'ERROR') });
    expect(await onA).toEqual({ id, event: accountStatus('acc-1', 'ERROR') });
  });

  it('since on the second bus replays what the first published; null for unknown, future and garbage ids', async () => {
    const a = busOn(redis.url);
    const b = busOn(redis.url);
    expect(await b.head()).toBe('0-0');
    expect(await b.since('0-0')).toEqual([]);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await a.publish(accountStatus(`acc-${i}`)));
    expect(await b.since(ids[0] ?? '')).toEqual([
      { id: ids[1], event: accountStatus('acc-1') },
      { id: ids[2], event: accountStatus('acc-2') },
    ]);
    expect(await b.head()).toBe(ids[2]);
    expect(await b.since(ids[2] ?? '')).toEqual([]);
    expect(await b.since('99999999999999-0')).toBeNull();
    expect(await b.since('1-0')).toBeNull();
    expect(await b.since('nope')).toBeNull();
  });

  it('keeps a capped stream: an id trimmed away is null (MAXLEN ~ trims whole nodes of 100 entries)', async () => {
    const a = busOn(redis.url, { backlog: 10 });
    const first = await a.publish(accountStatus('acc-first'));
    for (let i = 0; i < 300; i++) await a.publish(accountStatus(`acc-${i}`));
    const admin = new Redis(redis.url);
    const length = await admin.xlen(STREAM_KEY);
    admin.disconnect();
    expect(length).toBeLessThan(200);
    expect(await a.since(first)).toBeNull();
  });

  it('skips an entry that is no LiveEvent, saying so once', async () => {
    const errors: string[] = [];
    const a = busOn(redis.url, { logger: { info: () => undefined, error: (m) => errors.push(m) } });
    await a.head();
    const admin = new Redis(redis.url);
    await admin.xadd(STREAM_KEY, '*', 'e', '{"type":"nonsense"}');
    await admin.xadd(STREAM_KEY, '*', 'e', 'not json');
    admin.disconnect();
    const heard = nextEvent(a);
    const id = await a.publish(accountStatus('acc-ok'));
    expect(await heard).toEqual({ id, event: accountStatus('acc-ok') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/malformed live event/);
  });

  it('says once that Redis went away, reconnects by itself, and events flow again', async () => {
    const own = await startRedis();
    try {
      const lines: string[] = [];
      let notify = () => undefined as void;
      const logger: BusLogger = { info: (m) => (lines.push(m), notify()), error: (m) => (lines.push(m), notify()) };
      const until = (pattern: RegExp) =>
        new Promise<void>((resolve) => {
          notify = () => void (lines.some((l) => pattern.test(l)) && resolve());
          notify();
        });
      const bus = busOn(own.url, { logger });
      await bus.head();
      const lost = until(/lost the connection to Redis/);
      await own.stop();
      await lost;
      const back = until(/reconnected to Redis/);
      const again = await startRedis(own.port);
      own.stop = () => again.stop();
      await back;
      const heard = nextEvent(bus);
      const id = await bus.publish(accountStatus('acc-back'));
      expect(await heard).toEqual({ id, event: accountStatus('acc-back') });
      expect(lines.filter((l) => /lost the connection/.test(l))).toHaveLength(1);
      expect(lines.filter((l) => /reconnected/.test(l))).toHaveLength(1);
    } finally {
      await own.stop();
    }
  }, 30_000);
});

describe('two server processes on one Redis', () => {
  let copies: LiveCopy[] = [];
  afterAll(async () => {
    await Promise.all(copies.map((copy) => copy.stop()));
  });

  it('an event published in process A reaches an SSE client of process B; reconnecting to A replays what it missed', async () => {
    copies = await Promise.all([startLiveCopy(redis.url), startLiveCopy(redis.url)]);
    const [a, b] = copies as [LiveCopy, LiveCopy];
    const publish = async (origin: string, event: LiveEvent) => {
      const response = await fetch(`${origin}/publish`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    const response = await fetch(`${b.origin}/api/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const onB = sseReader(response.body ?? new ReadableStream());
    expect(await onB.next()).toEqual({ retry: '3000' });
    expect((await onB.next())?.id).toMatch(/^\d+-\d+$/);

    const first = await publish(a.origin, accountStatus('acc-1', 'CREDENTIALS'));
    expect(await onB.nextEvent()).toMatchObject({ id: first, event: 'triage', parsed: accountStatus('acc-1', 'CREDENTIALS') });
    await onB.cancel();

    // The browser is away; two events happen; it comes back to the other copy with its last id.
    const missed = [await publish(b.origin, accountStatus('acc-2')), await publish(a.origin, accountStatus('acc-3'))];
    const resumed = await fetch(`${a.origin}/api/events`, { headers: { 'last-event-id': first } });
    const onA = sseReader(resumed.body ?? new ReadableStream());
    expect((await onA.nextEvent()).id).toBe(missed[0]);
    expect((await onA.nextEvent()).id).toBe(missed[1]);
    await onA.cancel();
  }, 30_000);
});
