import { bufferedResponse, responseBytes, UpstreamBusyError, type Backend, type UpstreamRequest } from './types';

/**
 * What stands between the routes and one backend, so that no browser can overwhelm the upstream (or get Triage's key
 * rate-limited): identical GETs in flight at once become one upstream call; at most `concurrency` calls are in flight,
 * the rest wait in order in a bounded queue; an upstream 429 pauses the backend until it says calls may resume.
 */
export interface ProtectOptions {
  concurrency: number;
  /** Calls waiting for a slot at most; past it a call is refused at once (503 with Retry-After). */
  queueLimit: number;
  /** A call waits for a slot this long at most (then 503), so a browser gets an answer within the upstream timeout. */
  maxWaitMs: number;
  now?: () => number;
}

export interface ProtectedBackend extends Backend {
  /** For tests and the benchmark: what has gone upstream and what is waiting. */
  stats(): { upstreamCalls: number; coalesced: number; inFlight: number; queued: number; pausedUntil: number };
}

/** A pause shorter than this is waited out in the queue; a longer one is answered with 429 and its Retry-After. */
const MAX_PAUSE_WAIT_MS = 2_000;
/** When a 429 says nothing about when to come back. */
const DEFAULT_PAUSE_MS = 1_000;
/** An upstream asking for more than this is taken to mean "a while", not an hour. */
const MAX_PAUSE_MS = 5 * 60_000;

interface Waiter {
  /** Takes the slot: stops the wait timer and the abort listener. */
  admit: () => void;
}

interface SharedAnswer {
  bytes: Uint8Array<ArrayBuffer> | null;
  init: ResponseInit;
}

/** When a 429 (or 503) says calls may resume, in ms from `now`; null when it does not say. */
export function resumeDelayMs(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const value = Number(reset);
    if (Number.isFinite(value)) {
      // An epoch time (seconds or ms) or a number of seconds from now: both forms are in use.
      if (value > 1e12) return Math.max(0, value - now);
      if (value > 1e9) return Math.max(0, value * 1000 - now);
      return value * 1000;
    }
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return null;
}

export function protectBackend(backend: Backend, options: ProtectOptions): ProtectedBackend {
  const now = options.now ?? Date.now;
  const queue: Waiter[] = [];
  const inFlightGets = new Map<string, Promise<SharedAnswer>>();
  let inFlight = 0;
  let upstreamCalls = 0;
  let coalesced = 0;
  let pausedUntil = 0;
  let resumeTimer: NodeJS.Timeout | undefined;

  const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  /** Hands free slots to waiters in order, unless the backend is paused. */
  function drain(): void {
    const pause = pausedUntil - now();
    if (pause > 0) {
      if (!resumeTimer && queue.length > 0) {
        resumeTimer = setTimeout(() => {
          resumeTimer = undefined;
          drain();
        }, pause);
        resumeTimer.unref?.();
      }
      return;
    }
    while (inFlight < options.concurrency && queue.length > 0) {
      const waiter = queue.shift() as Waiter;
      inFlight++;
      waiter.admit();
    }
  }

  async function acquire(signal: AbortSignal | undefined): Promise<void> {
    const pause = pausedUntil - now();
    if (pause > MAX_PAUSE_WAIT_MS) throw new UpstreamBusyError(`${backend.host} asked to slow down`, secondsUntil(pause), 'rate_limited');
    if (pause <= 0 && inFlight < options.concurrency && queue.length === 0) {
      inFlight++;
      return;
    }
    if (queue.length >= options.queueLimit) throw new UpstreamBusyError(`${queue.length} calls to ${backend.host} are waiting already`, 1, 'queue_full');
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => leave(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      const stop = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        admit: () => {
          stop();
          resolve();
        },
      };
      const leave = (error: Error) => {
        const at = queue.indexOf(waiter);
        if (at === -1) return;
        queue.splice(at, 1);
        stop();
        reject(error);
      };
      const timer = setTimeout(() => leave(new UpstreamBusyError(`no free slot for ${backend.host} within ${options.maxWaitMs} ms`, 1, 'queue_full')), options.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      drain();
    });
  }

  function release(): void {
    inFlight--;
    drain();
  }

  function notePause(response: Response): void {
    if (response.status !== 429) return;
    const delay = Math.min(resumeDelayMs(response.headers, now()) ?? DEFAULT_PAUSE_MS, MAX_PAUSE_MS);
    pausedUntil = Math.max(pausedUntil, now() + delay);
  }

  async function limited(req: UpstreamRequest): Promise<Response> {
    await acquire(req.signal);
    upstreamCalls++;
    try {
      const response = await backend.request(req);
      notePause(response);
      return response;
    } finally {
      // A streamed body (picture, attachment) holds no slot once its headers are in: a slow download must not block
      // every other call. Its bytes are bounded by the adapter's stall timeout instead.
      release();
    }
  }

  /** Identical GETs share one call; each caller gets a response of its own over the same bytes. */
  async function coalescedGet(req: UpstreamRequest): Promise<Response> {
    const key = `${req.simulatorFault ?? ''} ${req.path}?${req.query?.toString() ?? ''}`;
    let shared = inFlightGets.get(key);
    if (shared) {
      coalesced++;
    } else {
      // The shared call follows no single caller's signal: one browser leaving must not fail the others.
      shared = limited({ ...req, signal: undefined }).then(async (response) => ({
        bytes: response.body === null ? null : await responseBytes(response),
        init: { status: response.status, statusText: response.statusText, headers: response.headers },
      }));
      inFlightGets.set(key, shared);
      const forget = () => inFlightGets.delete(key);
      shared.then(forget, forget);
    }
    const answer = await raceSignal(shared, req.signal);
    return bufferedResponse(answer.bytes, { ...answer.init, headers: new Headers(answer.init.headers) });
  }

  return {
    kind: backend.kind,
    simulated: backend.simulated,
    host: backend.host,
    request: (req) => (req.method === 'GET' && !req.streaming ? coalescedGet(req) : limited(req)),
    stats: () => ({ upstreamCalls, coalesced, inFlight, queued: queue.length, pausedUntil }),
    ...(backend.requestCounts ? { requestCounts: backend.requestCounts } : {}),
  };
}

function raceSignal<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
