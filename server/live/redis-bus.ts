import { Redis } from 'ioredis';
import { z } from 'zod';
import { liveEventSchema, type LiveEvent } from '../../src/lib/wire/live-events';
import { escapeForLog } from '../log';
import type { BusLogger, EventBus, EventListener } from './event-bus';
import { compareEventIds, parseEventId } from './event-ids';

/**
 * The bus across server copies: every event is appended to one capped Redis stream (XADD … MAXLEN ~ backlog), and
 * each process follows the stream with a blocking XREAD on a second connection (a blocked connection can send
 * nothing else), handing what it reads to its own listeners. A process hears its own events the same way, so all
 * copies deliver them in the same order with the same ids. The stream is the replay backlog: a browser can resume on
 * any copy.
 */
export const STREAM_KEY = 'triage:events';
const FIELD = 'e';
const BLOCK_MS = 5_000;
const READ_BATCH = 500;
const RETRY_MS = 1_000;
/** The empty stream's head: a client that saw no event yet resumes from here. */
const EMPTY_HEAD = '0-0';
const STOPPED = Symbol('stopped');

// RESP2 replies (the connection asks for protocol 2): an entry is [id, [field, value, …]].
const entrySchema = z.tuple([z.string(), z.array(z.string())]);
const entriesSchema = z.array(entrySchema);
const xreadSchema = z.nullable(z.array(z.tuple([z.string(), entriesSchema])));

type Entry = z.infer<typeof entrySchema>;

export interface RedisBusOptions {
  url: string;
  backlog: number;
  logger: BusLogger;
}

export function createRedisBus({ url, backlog, logger }: RedisBusOptions): EventBus {
  // Protocol 2 keeps reply shapes the same on every Redis version (RESP3 turns XREAD's reply into a map).
  const writer = new Redis(url, { protocol: 2, lazyConnect: false });
  // The follower waits across reconnects (no retry cap): its command is re-sent when the connection is back.
  const reader = writer.duplicate({ maxRetriesPerRequest: null });
  const listeners = new Set<EventListener>();
  let closed = false;

  // One line when the connection goes, one when it is back: ioredis retries by itself and repeats its errors.
  const down = new Set<Redis>();
  for (const connection of [writer, reader]) {
    const lost = (why: string) => {
      if (closed || down.has(connection)) return;
      const wasUp = down.size === 0;
      down.add(connection);
      if (wasUp) logger.error(`triage: lost the connection to Redis (${escapeForLog(why)}); reconnecting`);
    };
    // A server that shuts down cleanly closes without an error; a refused or reset connection errors first.
    connection.on('error', (error: Error) => lost(error.message));
    connection.on('close', () => lost('connection closed'));
    connection.on('ready', () => {
      if (!down.delete(connection) || down.size > 0) return;
      logger.info('triage: reconnected to Redis; live events flow again');
    });
  }

  let warnedMalformed = false;
  const decode = ([id, fields]: Entry): { id: string; event: LiveEvent } | null => {
    const index = fields.indexOf(FIELD);
    const raw = index !== -1 && index % 2 === 0 ? fields[index + 1] : undefined;
    let parsed: unknown;
    try {
      parsed = raw === undefined ? undefined : JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const result = liveEventSchema.safeParse(parsed);
    if (result.success) return { id, event: result.data };
    // Another version of Triage (or a person with redis-cli) wrote it: skipped, said once.
    if (!warnedMalformed) logger.error(`triage: skipped a malformed live event ${escapeForLog(id)} in Redis stream ${STREAM_KEY}`);
    warnedMalformed = true;
    return null;
  };

  const newestId = async (): Promise<string> => {
    const newest = entriesSchema.parse(await writer.call('XREVRANGE', [STREAM_KEY, '+', '-', 'COUNT', 1]));
    return newest[0]?.[0] ?? EMPTY_HEAD;
  };

  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  // A command queued while Redis is away may never settle once the client is closed: following stops on this instead.
  let stop: () => void = () => undefined;
  const stopped = new Promise<typeof STOPPED>((resolve) => (stop = () => resolve(STOPPED)));
  const unlessStopped = <T>(command: Promise<T>): Promise<T | typeof STOPPED> => {
    command.catch(() => undefined);
    return Promise.race([command, stopped]);
  };

  /*
   * Where following starts is asked on the writer connection before anything is read, so an event this process
   * publishes after `head()` or `since()` answered is never missed: both wait for it.
   */
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  const follow = async () => {
    let cursor: string | null = null;
    while (!closed && cursor === null) {
      try {
        const newest = await unlessStopped(newestId());
        if (newest === STOPPED) break;
        cursor = newest;
      } catch {
        if (!closed) await Promise.race([pause(RETRY_MS), stopped]);
      }
    }
    markStarted();
    while (!closed && cursor !== null) {
      let reply: z.infer<typeof xreadSchema>;
      try {
        const raw = await unlessStopped(reader.call('XREAD', ['COUNT', READ_BATCH, 'BLOCK', BLOCK_MS, 'STREAMS', STREAM_KEY, cursor]));
        if (raw === STOPPED) break;
        reply = xreadSchema.parse(raw);
      } catch {
        // Closing rejects the blocked read; anything else (a reply of the wrong shape) waits a little, not a spin.
        if (!closed) await Promise.race([pause(RETRY_MS), stopped]);
        continue;
      }
      for (const [, entries] of reply ?? []) {
        for (const entry of entries) {
          cursor = entry[0];
          const decoded = decode(entry);
          if (!decoded) continue;
          for (const listener of [...listeners]) listener(decoded.id, decoded.event);
        }
      }
    }
  };
  const following = follow();

  // Far more than MAXLEN ~ ever keeps (it trims whole stream nodes, ~100 entries): more than this is no replay.
  const replayLimit = backlog * 2 + 200;

  return {
    async publish(event) {
      const id = await writer.call('XADD', [STREAM_KEY, 'MAXLEN', '~', backlog, '*', FIELD, JSON.stringify(event)]);
      if (typeof id !== 'string') throw new Error('Redis answered XADD without an id');
      return id;
    },
    subscribe(listener) {
      const entry: EventListener = (id, event) => listener(id, event);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    async since(lastId) {
      if (!parseEventId(lastId)) return null;
      await started;
      // One transaction: the oldest, the newest and what came after `lastId` describe the same stream.
      const replies = await writer
        .multi()
        .call('XRANGE', STREAM_KEY, '-', '+', 'COUNT', 1)
        .call('XREVRANGE', STREAM_KEY, '+', '-', 'COUNT', 1)
        .call('XRANGE', STREAM_KEY, `(${lastId}`, '+', 'COUNT', replayLimit)
        .exec();
      if (!replies) throw new Error('Redis discarded the replay transaction');
      const [oldest, newest, after] = replies.map(([error, reply]) => {
        if (error) throw error;
        return entriesSchema.parse(reply);
      });
      const first = oldest?.[0]?.[0];
      const last = newest?.[0]?.[0];
      if (first === undefined || last === undefined) return lastId === EMPTY_HEAD ? [] : null;
      // Newer than the stream (Redis was emptied) or trimmed away: the client cannot know what it missed.
      if (compareEventIds(lastId, last) > 0 || compareEventIds(lastId, first) < 0) return null;
      if (!after || after.length >= replayLimit) return null;
      return after.map(decode).filter((e) => e !== null);
    },
    async head() {
      await started;
      return newestId();
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      stop();
      markStarted();
      reader.disconnect();
      // QUIT lets sent commands finish; with Redis away it would wait for a reconnect that may never come.
      if (writer.status === 'ready') await writer.quit().catch(() => writer.disconnect());
      else writer.disconnect();
      await following;
    },
  };
}
