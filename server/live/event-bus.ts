import type { LiveEvent } from '../../src/lib/wire/live-events';
import { createMemoryBus } from './memory-bus';
import { createRedisBus } from './redis-bus';

/**
 * Where live events meet: whatever produces them (the webhook route, the simulator's activity) publishes; every SSE
 * client of this process listens. In memory for one process; through a Redis stream when several copies serve the
 * same inbox, so that each copy's browsers receive every event and a reconnecting browser can resume on any copy.
 */
export interface EventBus {
  /** Appends the event to the backlog and hands it to every listener (of every copy, with Redis); resolves with its id. */
  publish(event: LiveEvent): Promise<string>;
  /** Calls `listener` for each event published from now on, in order; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /**
   * The events published after `lastId`, oldest first; `[]` when nothing came since. `null` when `lastId` is older
   * than the backlog or unknown (another process's, from before a restart): the client must refetch instead.
   */
  since(lastId: string): Promise<{ id: string; event: LiveEvent }[] | null>;
  /** The id of the newest event (or an id that `since` accepts when there is none yet): where a new client resumes from. */
  head(): Promise<string>;
  close(): Promise<void>;
}

export type EventListener = (id: string, event: LiveEvent) => void;

/** The few lines a bus writes (server/app.ts's Logger fits). */
export interface BusLogger {
  info(message: string): void;
  error(message: string): void;
}

export interface EventBusOptions {
  /** With it, events go through Redis (a capped stream); without it, they stay in this process. */
  redisUrl?: string;
  /** How many past events a reconnecting client can replay. */
  backlog?: number;
  logger?: BusLogger;
}

export const DEFAULT_BACKLOG = 1_000;

const consoleLogger: BusLogger = { info: (m) => console.log(m), error: (m) => console.error(m) };

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const backlog = options.backlog ?? DEFAULT_BACKLOG;
  if (!Number.isInteger(backlog) || backlog < 1) throw new RangeError(`backlog must be a whole number of at least 1 (got ${backlog})`);
  const logger = options.logger ?? consoleLogger;
  return options.redisUrl ? createRedisBus({ url: options.redisUrl, backlog, logger }) : createMemoryBus({ backlog });
}
