import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIVE_EVENT_NAME } from '../../src/lib/wire/live-events';
import { createEventBus, type EventBus } from './event-bus';
import { eventsRoute, type ClientCloseReason, type EventsRouteOptions } from './events-route';
import { accountStatus, sseReader } from './sse-reader.fixture';

/** A bus that counts live subscriptions, and can hold `since` until the test lets it answer. */
function observedBus(inner: EventBus = createEventBus({ backlog: 5 })) {
  let subscriptions = 0;
  let gate: Promise<void> | null = null;
  const bus: EventBus = {
    ...inner,
    subscribe(listener) {
      subscriptions += 1;
      const off = inner.subscribe(listener);
      return () => {
        subscriptions -= 1;
        off();
      };
    },
    async since(lastId) {
      if (gate) await gate;
      return inner.since(lastId);
    },
  };
  return {
    bus,
    subscriptions: () => subscriptions,
    holdSince() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
  };
}

function setup(bus: EventBus, options: EventsRouteOptions = {}) {
  const closed: ClientCloseReason[] = [];
  const events = eventsRoute(bus, { ...options, onClientClosed: (reason) => closed.push(reason) });
  const app = new Hono();
  app.get('/api/events', events);
  const connect = async (headers: Record<string, string> = {}, query = '') => {
    const response = await app.request(`/api/events${query}`, { headers });
    if (!response.body) throw new Error('no body');
    return { response, stream: sseReader(response.body) };
  };
  return { events, connect, closed };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('GET /api/events', () => {
  it('streams each event with its id under the `triage` name, after `retry` and a resume id', async () => {
    const bus = createEventBus();
    const before = await bus.publish(accountStatus('acc-0'));
    const { connect } = setup(bus);
    const { response, stream } = await connect();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toContain('no-cache');
    expect(await stream.next()).toEqual({ retry: '3000' });
    // The browser keeps this id without an event: a reconnect replays from it.
    expect(await stream.next()).toEqual({ id: before });
    const id = await bus.publish(accountStatus('acc-1', 'CREDENTIALS'));
    expect(await stream.next()).toEqual({ id, event: LIVE_EVENT_NAME, data: JSON.stringify(accountStatus('acc-1', 'CREDENTIALS')) });
    await stream.cancel();
  });

  it('replays what came after Last-Event-ID, then goes on live, each event once', async () => {
    const bus = createEventBus();
    const ids = [await bus.publish(accountStatus('a')), await bus.publish(accountStatus('b')), await bus.publish(accountStatus('c'))];
    const { connect } = setup(bus);
    const { stream } = await connect({ 'last-event-id': ids[0] ?? '' });
    expect((await stream.nextEvent()).id).toBe(ids[1]);
    expect((await stream.nextEvent()).id).toBe(ids[2]);
    const live = await bus.publish(accountStatus('d'));
    expect(await stream.nextEvent()).toMatchObject({ id: live, parsed: accountStatus('d') });
    await stream.cancel();
  });

  it('takes ?last_event_id= on a first connection, the header over it', async () => {
    const bus = createEventBus();
    const ids = [await bus.publish(accountStatus('a')), await bus.publish(accountStatus('b')), await bus.publish(accountStatus('c'))];
    const { connect } = setup(bus);
    const byQuery = await connect({}, `?last_event_id=${ids[1]}`);
    expect((await byQuery.stream.nextEvent()).id).toBe(ids[2]);
    const both = await connect({ 'last-event-id': ids[0] ?? '' }, `?last_event_id=${ids[1]}`);
    expect((await both.stream.nextEvent()).id).toBe(ids[1]);
    await byQuery.stream.cancel();
    await both.stream.cancel();
  });

  it('sends `reset` (data {}) with the newest id when Last-Event-ID is too old or unknown', async () => {
    const { bus } = observedBus(createEventBus({ backlog: 2 }));
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await bus.publish(accountStatus(`acc-${i}`)));
    const { connect } = setup(bus);
    for (const lastId of [ids[0] ?? '', 'not-an-id', '9'.repeat(80)]) {
      const { stream } = await connect({ 'last-event-id': lastId });
      expect(await stream.nextEvent()).toEqual({ id: ids.at(-1), event: 'reset', data: '{}', parsed: {} });
      const next = await bus.publish(accountStatus('after'));
      expect((await stream.nextEvent()).id).toBe(next);
      ids.push(next);
      await stream.cancel();
    }
  });

  it('loses and repeats nothing published while the replay is read', async () => {
    const observed = observedBus(createEventBus({ backlog: 50 }));
    const { bus } = observed;
    const first = await bus.publish(accountStatus('a'));
    const release = observed.holdSince();
    const { connect } = setup(bus);
    const { stream } = await connect({ 'last-event-id': first });
    expect(await stream.next()).toEqual({ retry: '3000' });
    // Subscribed already, replay not read yet: this one is both in the replay and heard live.
    const during = await bus.publish(accountStatus('b'));
    release();
    expect((await stream.nextEvent()).id).toBe(during);
    const after = await bus.publish(accountStatus('c'));
    expect((await stream.nextEvent()).id).toBe(after);
    await stream.cancel();
  });

  it('sends a `: ping` comment every 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { connect } = setup(createEventBus());
    const { stream } = await connect();
    await stream.next();
    await stream.next();
    vi.advanceTimersByTime(14_999);
    const ping = stream.next();
    vi.advanceTimersByTime(1);
    expect(await ping).toEqual({ comment: 'ping' });
    vi.advanceTimersByTime(15_000);
    expect(await stream.next()).toEqual({ comment: 'ping' });
    await stream.cancel();
  });

  it('cleans up the subscription and the heartbeat when the client goes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const observed = observedBus();
    const { connect, closed, events } = setup(observed.bus);
    const { stream } = await connect();
    await stream.next();
    expect(observed.subscriptions()).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    expect(events.clients()).toBe(1);
    await stream.cancel();
    expect(observed.subscriptions()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(events.clients()).toBe(0);
    expect(closed).toEqual(['disconnected']);
  });

  it('drops a client that stops reading once its queue passes the bound, and keeps one that reads', async () => {
    const observed = observedBus();
    const { connect, closed } = setup(observed.bus, { maxQueuedEvents: 20 });
    const slow = await connect();
    const fast = await connect();
    await fast.stream.next();
    for (let i = 0; i < 40; i++) {
      const id = await observed.bus.publish(accountStatus(`acc-${i}`));
      expect((await fast.stream.nextEvent()).id).toBe(id);
    }
    expect(closed).toEqual(['slow']);
    expect(observed.subscriptions()).toBe(1);
    // The dropped stream errors rather than ending: the browser reconnects and replays from its last id.
    await expect(slow.stream.next()).rejects.toThrow(/too slow/);
    await fast.stream.cancel();
  });

  it('bounds the queue in bytes too', async () => {
    const bus = createEventBus();
    const { connect, closed } = setup(bus, { maxQueuedBytes: 4_096 });
    await connect();
    // About 1,070 bytes a frame: three fit in 4 KiB, the fourth does not.
    const big = accountStatus('x'.repeat(1_000));
    for (let i = 0; i < 3; i++) await bus.publish(big);
    expect(closed).toEqual([]);
    await bus.publish(big);
    expect(closed).toEqual(['slow']);
  });

  it('close() ends every open stream', async () => {
    const { connect, events, closed } = setup(createEventBus());
    const { stream } = await connect();
    await stream.next();
    events.close();
    await stream.next();
    expect(await stream.next()).toBeNull();
    expect(closed).toEqual(['shutdown']);
  });
});
