import { answerForcedFault, delay, FaultInjector, FORCED_FAULT_HEADER } from './faults';
import { hash2, hex, mulberry32 } from './prng';
import { RequestCounter } from './request-counter';
import { createRoutes } from './routes';
import { SimulatorStore } from './store';

/**
 * An embedded, deterministic stand-in for the Unipile messaging API (v1 routes Triage uses), reached
 * in-process through a fetch function exactly as the real API is reached over the network.
 */

export interface SimulatorOptions {
  chats: number;
  seed: number;
  latencyMs: number;
  faultRate: number;
  /** ms clock, default Date.now. */
  now?: () => number;
  /** ms; data timestamps are generated relative to it; default: now() floored to the minute. */
  anchor?: number;
}

export interface Simulator {
  apiKey: string;
  fetch: (req: Request) => Promise<Response>;
  /** For tests. */
  store: SimulatorStore;
  /** Requests received so far, per route ("GET /api/v1/chats/:id"), faults and refusals included. */
  requestCounts(): Record<string, number>;
}

export function createSimulator(opts: SimulatorOptions): Simulator {
  if (!Number.isInteger(opts.chats) || opts.chats < 0 || opts.chats > 2 ** 24) throw new RangeError('chats must be an integer from 0 to 16777216');
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  if (!(opts.latencyMs >= 0)) throw new RangeError('latencyMs must be >= 0');
  if (!(opts.faultRate >= 0 && opts.faultRate <= 1)) throw new RangeError('faultRate must be from 0 to 1');
  const now = opts.now ?? Date.now;
  const anchor = opts.anchor ?? Math.floor(now() / 60_000) * 60_000;
  const seed = opts.seed >>> 0;
  const store = new SimulatorStore({ chats: opts.chats, seed, anchor, now });
  // Derived from the seed so restarts keep working with the same key; it guards nothing but the simulator.
  const apiKey = `sim_${hex(mulberry32(hash2(seed, 0x4b3e)), 40)}`;
  const app = createRoutes({ store, apiKey, faults: new FaultInjector(seed, opts.faultRate) });
  const { latencyMs } = opts;
  const serve = async (req: Request): Promise<Response> => app.fetch(req);
  const counter = new RequestCounter();
  return {
    apiKey,
    store,
    requestCounts: () => counter.snapshot(),
    // Latency and forced faults sit outside Hono, so an abort or a refused connection rejects the fetch, as a network
    // fetch would, instead of becoming a 500. A forced fault needs the right key: a wrong one is always the 401.
    fetch: async (req: Request) => {
      counter.count(req);
      await delay(latencyMs, req.signal);
      const fault = req.headers.get(FORCED_FAULT_HEADER);
      if (fault !== null && req.headers.get('x-api-key') === apiKey) return answerForcedFault(fault, req, serve);
      return serve(req);
    },
  };
}
