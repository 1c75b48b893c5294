import type { Context } from 'hono';
import { LIVE_EVENT_NAME, type LiveEvent } from '../../src/lib/wire/live-events';
import type { BusLogger, EventBus } from './event-bus';
import { compareEventIds } from './event-ids';

/*
 * GET /api/events: the live events as Server-Sent Events (contract: src/lib/wire/live-events.ts and the README).
 * Each client gets its own pull-based stream with a bounded queue: bytes go to the socket only as fast as it drains
 * (@hono/node-server reads the next chunk on 'drain'), and a client whose queue passes the bound is dropped, its
 * socket destroyed, rather than buffered without limit. Written by hand instead of hono's streamSSE, whose writes
 * wait on the consumer and so cannot tell a slow client from a quiet one.
 */

export type ClientCloseReason = 'disconnected' | 'slow' | 'error' | 'shutdown';

export interface EventsRouteOptions {
  /** A `: ping` comment this often keeps proxies from closing an idle stream and finds dead sockets. */
  heartbeatMs?: number;
  /** What the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs?: number;
  /** Live events and bytes a client may have waiting; past either, it is dropped. */
  maxQueuedEvents?: number;
  maxQueuedBytes?: number;
  logger?: BusLogger;
  /** Called once per client when its stream ends, with why (for tests and figures). */
  onClientClosed?: (reason: ClientCloseReason) => void;
}

export type EventsHandler = ((c: Context) => Response) & {
  /** Ends every open stream (on shutdown: browsers reconnect, to another copy if there is one). */
  close(): void;
  /** How many clients are connected now. */
  clients(): number;
};

/** Longer than any id we hand out; anything longer is not worth asking the bus about. */
const MAX_LAST_ID_LENGTH = 64;

const encoder = new TextEncoder();
const PING = encoder.encode(': ping\n\n');

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The socket under a response served by @hono/node-server (`c.env.outgoing`), when there is one. */
function destroyableOutgoing(env: unknown): { destroy(): void } | null {
  if (typeof env !== 'object' || env === null || !('outgoing' in env)) return null;
  const outgoing: unknown = env.outgoing;
  if (typeof outgoing !== 'object' || outgoing === null || !('destroy' in outgoing) || typeof outgoing.destroy !== 'function') return null;
  const destroy: unknown = outgoing.destroy;
  return typeof destroy === 'function' ? { destroy: () => void destroy.call(outgoing) } : null;
}

export function eventsRoute(bus: EventBus, options: EventsRouteOptions = {}): EventsHandler {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 3_000;
  const maxQueuedEvents = options.maxQueuedEvents ?? 256;
  const maxQueuedBytes = options.maxQueuedBytes ?? 1024 * 1024;
  const { logger, onClientClosed } = options;
  const open = new Set<(reason: ClientCloseReason) => void>();

  // Every client hears the same event at once: it is serialised once, not once per client.
  let memo: { id: string; bytes: Uint8Array } | null = null;
  const frameOf = (id: string, event: LiveEvent): Uint8Array => {
    if (memo?.id !== id) memo = { id, bytes: encoder.encode(`id: ${id}\nevent: ${LIVE_EVENT_NAME}\ndata: ${JSON.stringify(event)}\n\n`) };
    return memo.bytes;
  };

  const handler = (c: Context): Response => {
    const lastId = c.req.header('last-event-id') ?? c.req.query('last_event_id') ?? null;
    const env: unknown = c.env;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    let queue: Uint8Array[] = [];
    let queuedEvents = 0;
    let queuedBytes = 0;
    let wake: (() => void) | null = null;
    let unsubscribe = () => undefined as void;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    // Until the replay is written, live events wait here; then `sentUpTo` keeps out any the replay already held.
    let early: { id: string; event: LiveEvent }[] | null = [];
    let sentUpTo = '';

    const finish = (reason: ClientCloseReason) => {
      if (closed) return false;
      closed = true;
      open.delete(finish);
      unsubscribe();
      clearInterval(heartbeat);
      queue = [];
      early = null;
      wake?.();
      wake = null;
      onClientClosed?.(reason);
      if (reason === 'slow') {
        logger?.info(`triage: dropped a live-events client that stopped reading (${queuedEvents} events, ${queuedBytes} bytes waiting)`);
        // A stream error would reach the socket only on the next read, which a stuck socket never asks for: the
        // socket itself goes (and the server cancels the stream). In-process, with no socket, the stream errors.
        const outgoing = destroyableOutgoing(env);
        if (outgoing) outgoing.destroy();
        else controller.error(new Error('live-events client too slow'));
      } else if (reason !== 'disconnected') {
        controller.close();
      }
      return true;
    };

    /** `counted`: live traffic, held to the bound; the opening lines and a replay (bounded by the backlog) are not. */
    const push = (chunk: Uint8Array, counted: boolean) => {
      if (closed) return;
      if (wake) {
        // The socket is waiting for bytes: they go straight through.
        controller.enqueue(chunk);
        const resolve = wake;
        wake = null;
        resolve();
        return;
      }
      queue.push(chunk);
      if (!counted) return;
      queuedEvents += 1;
      queuedBytes += chunk.byteLength;
      if (queuedEvents > maxQueuedEvents || queuedBytes > maxQueuedBytes) finish('slow');
    };

    const send = (id: string, event: LiveEvent, counted: boolean) => {
      if (compareEventIds(id, sentUpTo) <= 0) return;
      sentUpTo = id;
      push(frameOf(id, event), counted);
    };

    const resume = async () => {
      const replay = lastId !== null && lastId.length <= MAX_LAST_ID_LENGTH ? await bus.since(lastId) : null;
      if (closed) return;
      if (replay) {
        sentUpTo = lastId ?? '';
        for (const { id, event } of replay) send(id, event, false);
      } else {
        const head = await bus.head();
        if (closed) return;
        sentUpTo = head;
        // Without data the browser dispatches nothing, but it keeps the id: a reconnect replays from here.
        push(encoder.encode(lastId === null ? `id: ${head}\n\n` : `id: ${head}\nevent: reset\ndata: {}\n\n`), false);
      }
      const waiting = early ?? [];
      early = null;
      for (const { id, event } of waiting) send(id, event, true);
    };

    const stream = new ReadableStream<Uint8Array>(
      {
        start(ctrl) {
          controller = ctrl;
          open.add(finish);
          push(encoder.encode(`retry: ${retryMs}\n\n`), false);
          // Subscribed before the replay is read, so nothing published meanwhile falls between the two.
          unsubscribe = bus.subscribe((id, event) => {
            if (early) early.push({ id, event });
            else send(id, event, true);
          });
          heartbeat = setInterval(() => push(PING, true), heartbeatMs);
          resume().catch((error: unknown) => {
            logger?.error(`triage: live events could not resume a client: ${error instanceof Error ? error.message : String(error)}`);
            // Closed, the browser reconnects after `retry` and tries again.
            finish('error');
          });
        },
        pull(ctrl) {
          if (closed) return;
          if (queue.length > 0) {
            ctrl.enqueue(concat(queue));
            queue = [];
            queuedEvents = 0;
            queuedBytes = 0;
            return;
          }
          return new Promise<void>((resolve) => (wake = resolve));
        },
        cancel() {
          finish('disconnected');
        },
      },
      // Nothing is buffered inside the stream itself: the queue above is the only one, and it is bounded.
      { highWaterMark: 0 },
    );

    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream',
        // no-transform: a proxy must not compress (and so buffer) the stream; x-accel-buffering: nor must nginx.
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  };

  return Object.assign(handler, {
    close: () => {
      for (const finish of [...open]) finish('shutdown');
    },
    clients: () => open.size,
  });
}
