import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../wire/live-events';
import { connectLive, parseLiveEvent, type EventSourceLike } from './live-client';
import type { LiveStatus } from './status-store';

/** A stand-in EventSource: the test plays the server (open, messages, errors) and reads what the client did. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: string) {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<unknown>);
  }
  open() {
    this.readyState = 1;
    this.emit('open');
  }
  /** A dropped stream: the browser retries by itself (CONNECTING) or, after an error answer, gives up (CLOSED). */
  fail(gaveUp: boolean) {
    this.readyState = gaveUp ? 2 : 0;
    this.emit('error');
  }
}

const event: LiveEvent = { type: 'account.status', account_id: 'acc-1', status: 'ERROR' };

function harness() {
  const sources: FakeSource[] = [];
  const events: LiveEvent[] = [];
  const resyncs: string[] = [];
  const statuses: LiveStatus[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const stop = connectLive({
    onEvent: (e) => events.push(e),
    onResync: (reason) => resyncs.push(reason),
    onStatus: (s) => statuses.push(s),
    createSource: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    retryDelays: [10, 20],
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  return { sources, events, resyncs, statuses, timers, stop, last: () => sources.at(-1)! };
}

describe('parseLiveEvent', () => {
  it('reads a valid triage event and drops bad JSON, unknown kinds and missing fields', () => {
    expect(parseLiveEvent(JSON.stringify(event))).toEqual(event);
    expect(parseLiveEvent('{not json')).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ type: 'chat.exploded', chat_id: 'x' }))).toBeNull();
    expect(parseLiveEvent(JSON.stringify({ type: 'message.created', chat_id: 'c', account_id: 'a' }))).toBeNull();
    expect(parseLiveEvent(undefined)).toBeNull();
  });
});

describe('connectLive', () => {
  it('connects to /api/events, says live on open, and hands over valid events only', () => {
    const h = harness();
    expect(h.last().url).toBe('/api/events');
    expect(h.statuses).toEqual(['connecting']);
    h.last().open();
    h.last().emit('triage', JSON.stringify(event));
    h.last().emit('triage', '{"type":"nope"}');
    h.last().emit('message', JSON.stringify(event));
    expect(h.statuses).toEqual(['connecting', 'live']);
    expect(h.events).toEqual([event]);
    expect(h.resyncs).toEqual([]);
  });

  it('after the browser reconnects by itself: paused meanwhile, then live and a resync, on the same EventSource', () => {
    const h = harness();
    h.last().open();
    h.last().fail(false);
    expect(h.statuses.at(-1)).toBe('paused');
    expect(h.timers).toHaveLength(0);
    h.last().open();
    expect(h.sources).toHaveLength(1);
    expect(h.statuses.at(-1)).toBe('live');
    expect(h.resyncs).toEqual(['reconnect']);
  });

  it('opens a new EventSource after the server refused one, with growing delays, and resyncs once it is back', () => {
    const h = harness();
    h.last().fail(true);
    expect(h.sources[0]!.closed).toBe(true);
    expect(h.timers.map((t) => t.ms)).toEqual([10]);
    h.timers[0]!.run();
    h.last().fail(true);
    h.timers[1]!.run();
    h.last().fail(true);
    expect(h.timers.map((t) => t.ms)).toEqual([10, 20, 20]);
    h.timers[2]!.run();
    h.last().open();
    expect(h.sources).toHaveLength(4);
    expect(h.statuses).toEqual(['connecting', 'paused', 'live']);
    // The first open ever is no gap; this one followed refusals, but nothing was open before: no resync either way.
    expect(h.resyncs).toEqual([]);
    h.last().fail(true);
    h.timers[3]!.run();
    expect(h.timers[3]!.ms).toBe(10);
    h.last().open();
    expect(h.resyncs).toEqual(['reconnect']);
  });

  it('passes a reset on, and stops for good when closed', () => {
    const h = harness();
    h.last().open();
    h.last().emit('reset');
    expect(h.resyncs).toEqual(['reset']);
    h.last().fail(true);
    h.stop();
    expect(h.timers[0]!.cleared).toBe(true);
    h.last().emit('triage', JSON.stringify(event));
    expect(h.events).toEqual([]);
  });
});
