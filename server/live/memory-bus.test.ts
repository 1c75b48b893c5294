import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import { createEventBus } from './event-bus';
import { compareEventIds } from './event-ids';
import { createMemoryBus } from './memory-bus';
import { accountStatus } from './sse-reader.fixture';

describe('memory bus', () => {
  it('gives increasing ids and hands each event to every listener, in order', async () => {
    const bus = createEventBus();
    const heard: [string, string, LiveEvent][] = [];
    const offA = bus.subscribe((id, event) => heard.push(['a', id, event]));
    bus.subscribe((id, event) => heard.push(['b', id, event]));
    const first = await bus.publish(accountStatus('acc-1'));
    const second = await bus.publish(accountStatus('acc-2'));
    expect(compareEventIds(first, second)).toBeLessThan(0);
    expect(heard).toEqual([
      ['a', first, accountStatus('acc-1')],
      ['b', first, accountStatus('acc-1')],
      ['a', second, accountStatus('acc-2')],
      ['b', second, accountStatus('acc-2')],
    ]);
    offA();
    const third = await bus.publish(accountStatus('acc-3'));
    expect(heard.slice(4)).toEqual([['b', third, accountStatus('acc-3')]]);
    await bus.close();
  });

  it('replays what came after an id, and nothing after the newest', async () => {
    const bus = createEventBus({ backlog: 10 });
    const start = await bus.head();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await bus.publish(accountStatus(`acc-${i}`)));
    expect(await bus.since(start)).toEqual(ids.map((id, i) => ({ id, event: accountStatus(`acc-${i}`) })));
    expect(await bus.since(ids[1] ?? '')).toEqual([
      { id: ids[2], event: accountStatus('acc-2') },
      { id: ids[3], event: accountStatus('acc-3') },
    ]);
    expect(await bus.head()).toBe(ids[3]);
    expect(await bus.since(ids[3] ?? '')).toEqual([]);
  });

  it('keeps only `backlog` events: an id older than that is null (refetch), the one just before the oldest kept is not', async () => {
    const bus = createEventBus({ backlog: 3 });
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await bus.publish(accountStatus(`acc-${i}`)));
    // Kept: 3, 4, 5. A client holding 2 misses nothing; one holding 1 missed 2.
    expect(await bus.since(ids[1] ?? '')).toBeNull();
    expect((await bus.since(ids[2] ?? ''))?.map((e) => e.id)).toEqual(ids.slice(3));
    expect((await bus.since(ids[4] ?? ''))?.map((e) => e.id)).toEqual(ids.slice(5));
  });

  it('answers null for ids it never gave: another start time, the future, garbage', async () => {
    const bus = createMemoryBus({ backlog: 10, epoch: 1_700_000_000_000 });
    await bus.publish(accountStatus('acc-1'));
    expect(await bus.since('1700000000000-0')).toHaveLength(1);
    expect(await bus.since('1600000000000-1')).toBeNull();
    expect(await bus.since('1700000000000-2')).toBeNull();
    for (const garbage of ['', '12', 'abc-1', '1-2-3', '-1', '1700000000000-1 ']) expect(await bus.since(garbage)).toBeNull();
  });

  it('a listener that unsubscribes while an event is handed out does not stop the others', async () => {
    const bus = createEventBus();
    const heard: string[] = [];
    const off = bus.subscribe(() => {
      heard.push('first');
      off();
    });
    bus.subscribe(() => heard.push('second'));
    await bus.publish(accountStatus('acc-1'));
    await bus.publish(accountStatus('acc-2'));
    expect(heard).toEqual(['first', 'second', 'second']);
  });

  it('refuses a backlog that is not a positive whole number', () => {
    expect(() => createEventBus({ backlog: 0 })).toThrow(RangeError);
    expect(() => createEventBus({ backlog: 1.5 })).toThrow(RangeError);
  });
});

describe('compareEventIds', () => {
  it('orders by time, then sequence, as numbers', () => {
    expect(compareEventIds('10-0', '9-5')).toBeGreaterThan(0);
    expect(compareEventIds('10-2', '10-10')).toBeLessThan(0);
    expect(compareEventIds('10-2', '10-2')).toBe(0);
    expect(compareEventIds('', '0-0')).toBeLessThan(0);
  });
});
