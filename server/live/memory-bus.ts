import type { LiveEvent } from '../../src/lib/wire/live-events';
import type { EventBus, EventListener } from './event-bus';
import { parseEventId } from './event-ids';

/**
 * One process's bus: a ring buffer of the last `backlog` events. Ids are `<start time>-<sequence>`, so a browser
 * that kept an id across a server restart gets `null` from `since` (and refetches) instead of a wrong replay.
 */
export function createMemoryBus({ backlog, epoch = Date.now() }: { backlog: number; epoch?: number }): EventBus {
  const ring: ({ seq: number; event: LiveEvent } | undefined)[] = new Array<undefined>(backlog);
  const listeners = new Set<EventListener>();
  const epochPart = BigInt(epoch);
  let lastSeq = 0;
  const idOf = (seq: number) => `${epoch}-${seq}`;

  return {
    publish(event) {
      const seq = ++lastSeq;
      ring[seq % backlog] = { seq, event };
      const id = idOf(seq);
      // A copy of the set: a listener that unsubscribes (a client dropped while it is being written to) is safe.
      for (const listener of [...listeners]) listener(id, event);
      return Promise.resolve(id);
    },
    subscribe(listener) {
      // A wrapper per call, so the same function subscribed twice gets two independent subscriptions.
      const entry: EventListener = (id, event) => listener(id, event);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    since(lastId) {
      const parsed = parseEventId(lastId);
      if (!parsed || parsed[0] !== epochPart || parsed[1] > BigInt(lastSeq)) return Promise.resolve(null);
      const after = Number(parsed[1]);
      const oldest = Math.max(1, lastSeq - backlog + 1);
      // The client has everything up to `after`; it can resume only if the next one is still here.
      if (after + 1 < oldest) return Promise.resolve(null);
      const events: { id: string; event: LiveEvent }[] = [];
      for (let seq = after + 1; seq <= lastSeq; seq++) {
        const slot = ring[seq % backlog];
        if (slot?.seq === seq) events.push({ id: idOf(seq), event: slot.event });
      }
      return Promise.resolve(events);
    },
    head: () => Promise.resolve(idOf(lastSeq)),
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
