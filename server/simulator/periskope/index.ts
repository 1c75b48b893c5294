import { answerForcedFault, delay, FORCED_FAULT_HEADER, parseForcedFault } from '../faults';
import { hash2, hex, mulberry32 } from '../prng';
import { invalidField, PeriskopeError, periskopeErrorResponse, periskopeErrors } from './errors';
import { SALT } from './generate';
import { messageJson } from './json';
import { RateWindow } from './rate-limit';
import { createPeriskopeRequestCounter } from './request-counts';
import { createPeriskopeRoutes } from './routes';
import { PeriskopeStore } from './store';
import type { PeriskopeMessageJson } from './wire';

/**
 * An embedded, deterministic stand-in for Periskope's REST API (base path /v1, the routes Triage's adapter calls),
 * reached in-process through a fetch function as the real API is over the network; shaped like the Unipile simulator
 * (../index.ts): a key derived from the seed, latency, forced faults, request counts.
 */

export interface PeriskopeSimulatorOptions {
  chats: number;
  seed: number;
  latencyMs: number;
  /** ms clock, default Date.now. */
  now?: () => number;
  /** ms; data timestamps are generated relative to it; default: now() floored to the minute. */
  anchor?: number;
}

export interface PeriskopeSimulator {
  apiKey: string;
  fetch: (req: Request) => Promise<Response>;
  /** For tests. */
  store: PeriskopeStore;
  /** Requests received so far, per route ("GET /v1/chats/:id"), faults and refusals included. */
  requestCounts(): Record<string, number>;
  /** A new incoming message in `chatId` (default: a seeded pick among the connected phone's chats), unread and newest. */
  receiveMessage(chatId?: string): { chat_id: string; message: PeriskopeMessageJson };
}

/** A forced fault's status as Periskope's error body; the Unipile detail says which fault it was. */
function faultError(status: number, detail: string): PeriskopeError {
  switch (status) {
    case 401:
      return new PeriskopeError({ code: 'UNAUTHORIZED', message: detail, name: 'Unauthorized', status });
    case 403:
      return periskopeErrors.forbidden();
    case 429:
      return periskopeErrors.tooManyRequests();
    case 503:
      return periskopeErrors.unavailable();
    case 504:
      return periskopeErrors.timeout();
    default:
      return periskopeErrors.internal();
  }
}

/** Rate-limit headers go on every answer; a relayed Response may have immutable headers, so copy when needed. */
function withHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}

export function createPeriskopeSimulator(opts: PeriskopeSimulatorOptions): PeriskopeSimulator {
  if (!Number.isInteger(opts.chats) || opts.chats < 0 || opts.chats > 200_000) throw new RangeError('chats must be an integer from 0 to 200000');
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  if (!(opts.latencyMs >= 0)) throw new RangeError('latencyMs must be >= 0');
  const now = opts.now ?? Date.now;
  const anchor = opts.anchor ?? Math.floor(now() / 60_000) * 60_000;
  const seed = opts.seed >>> 0;
  const store = new PeriskopeStore({ chats: opts.chats, seed, anchor, now });
  // Derived from the seed so restarts keep working with the same key; it guards nothing but the simulator.
  const apiKey = `sim_periskope_${hex(mulberry32(hash2(seed, SALT.org ^ 0x4b3e)), 40)}`;
  const app = createPeriskopeRoutes(store, apiKey);
  const serve = async (req: Request): Promise<Response> => app.fetch(req);
  const counter = createPeriskopeRequestCounter();
  const rate = new RateWindow(now);
  const { latencyMs } = opts;

  /** A forced fault (`x-simulator-fault`, see ../faults.ts) in Periskope's dialect; a value naming none is a 422. */
  const forced = async (value: string, req: Request): Promise<Response> => {
    const fault = parseForcedFault(value);
    if (!fault) return periskopeErrorResponse(invalidField(FORCED_FAULT_HEADER, `${FORCED_FAULT_HEADER} names no fault the simulator knows`, value), rate.take());
    if (fault.kind === 'error') {
      const { status, detail } = fault.error.body;
      const wait = status === 429 ? Number(fault.headers?.['retry-after'] ?? 1) : undefined;
      return periskopeErrorResponse(faultError(status, detail), rate.take(wait));
    }
    // timeout, refused, malformed: the shared answers (no-cursor has nothing to drop here and serves as is).
    return withHeaders(await answerForcedFault(value, req, serve), rate.take());
  };

  return {
    apiKey,
    store,
    requestCounts: () => counter.snapshot(),
    receiveMessage: (chatId) => {
      const { chat, message } = store.receive(chatId);
      return { chat_id: chat.chatId, message: messageJson(store, chat, message) };
    },
    // Latency and forced faults sit outside Hono, so an abort or a refused connection rejects the fetch, as a network
    // fetch would. A forced fault needs the right key: a wrong one is always the 401.
    fetch: async (req: Request) => {
      counter.count(req);
      await delay(latencyMs, req.signal);
      const fault = req.headers.get(FORCED_FAULT_HEADER);
      if (fault !== null && req.headers.get('authorization') === `Bearer ${apiKey}`) return forced(fault, req);
      return withHeaders(await serve(req), rate.take());
    },
  };
}
