import { errorResponse, errors, isUnauthorizedType, tooManyRequests, unauthorized, UNAUTHORIZED_TYPES, type ApiError } from './errors';
import { hash2, mulberry32, type Rng } from './prng';

/**
 * Fault knobs. Latency is a plain timer (abortable, like a real network wait). Faults come from their own
 * seeded stream, one draw per authenticated request, so a given seed and request sequence always fails
 * the same requests; a failed request has no side effect.
 */

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as unknown);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const FAULTS: readonly (() => ApiError)[] = [errors.unexpected, errors.serviceUnavailable, errors.requestTimeout];

export class FaultInjector {
  private readonly rng: Rng;

  constructor(seed: number, private readonly rate: number) {
    this.rng = mulberry32(hash2(seed, 0xfa17));
  }

  /** The error to answer this request with, or null to serve it. */
  next(): ApiError | null {
    const u = this.rng();
    const which = this.rng();
    if (u >= this.rate) return null;
    const make = FAULTS[Math.floor(which * FAULTS.length)] ?? errors.unexpected;
    return make();
  }
}

// ----- forced faults (e2e) -----------------------------------------------------------------------------------

/**
 * A fault one request asks for with `x-simulator-fault` (the Triage server passes the browser's header on to the
 * simulator only, never to a real upstream). Values: `401:<type>` (any documented 401 type), `403`, `429` (or
 * `429:<seconds>`, Retry-After 1 s by default), `500`, `503`, `504`, `timeout` (no answer until the request is
 * aborted), `refused` (the fetch rejects like a refused connection), `malformed` (200 with a cut-off JSON body),
 * `no-cursor` (the real answer without its `cursor` field).
 */
export const FORCED_FAULT_HEADER = 'x-simulator-fault';

export type ForcedFault =
  | { kind: 'error'; error: ApiError; headers?: Record<string, string> }
  | { kind: 'timeout' }
  | { kind: 'refused' }
  | { kind: 'malformed' }
  | { kind: 'no-cursor' };

const MAX_RETRY_AFTER_S = 86_400;

/** The fault a header value names, or null when it names none (the request is then refused with a 400). */
export function parseForcedFault(value: string): ForcedFault | null {
  const raw = value.trim();
  if (raw.startsWith('401:')) {
    const type = raw.slice(4);
    return isUnauthorizedType(type) ? { kind: 'error', error: unauthorized(type) } : null;
  }
  const rate = /^429(?::(\d{1,5}))?$/.exec(raw);
  if (rate) {
    const seconds = rate[1] === undefined ? 1 : Number(rate[1]);
    return seconds <= MAX_RETRY_AFTER_S ? { kind: 'error', error: tooManyRequests(), headers: { 'retry-after': String(seconds) } } : null;
  }
  switch (raw) {
    case '403':
      return { kind: 'error', error: errors.insufficientPermissions() };
    case '500':
      return { kind: 'error', error: errors.unexpected() };
    case '503':
      return { kind: 'error', error: errors.serviceUnavailable() };
    case '504':
      return { kind: 'error', error: errors.requestTimeout() };
    case 'timeout':
    case 'refused':
    case 'malformed':
    case 'no-cursor':
      return { kind: raw };
    default:
      return null;
  }
}

const FAULT_VALUES = `401:<type> (${Object.keys(UNAUTHORIZED_TYPES).join(', ')}), 403, 429, 429:<seconds>, 500, 503, 504, timeout, refused, malformed, no-cursor`;

/** Waits until the request is aborted (the caller's timeout or the browser leaving), then rejects as fetch would. */
function answerNever(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(signal.reason as unknown);
    else signal.addEventListener('abort', () => reject(signal.reason as unknown), { once: true });
  });
}

/** What undici's fetch throws when nothing listens on the port. */
function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
  return new TypeError('fetch failed', { cause });
}

/** A page cut off half-way: starts like JSON, so only a full parse finds it is not. */
const MALFORMED_BODY = '{"object":"ChatList","items":[{"object":"Chat","id":"';

async function withoutCursor(response: Response): Promise<Response> {
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const body = (await response.json()) as unknown;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) delete (body as Record<string, unknown>).cursor;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

/**
 * Answers a request that carries `x-simulator-fault` with the fault it names; `serve` is the simulator's real
 * answer (for `no-cursor`). A value naming no fault is a 400, so a typo in a test fails loudly instead of passing.
 */
export async function answerForcedFault(value: string, req: Request, serve: (req: Request) => Promise<Response>): Promise<Response> {
  const fault = parseForcedFault(value);
  if (!fault) return errorResponse(errors.invalidParameters(`${FORCED_FAULT_HEADER}: must be one of ${FAULT_VALUES} (got ${JSON.stringify(value)})`));
  switch (fault.kind) {
    case 'error':
      return errorResponse(fault.error, fault.headers);
    case 'timeout':
      return answerNever(req.signal);
    case 'refused':
      throw connectionRefused();
    case 'malformed':
      return new Response(MALFORMED_BODY, { status: 200, headers: { 'content-type': 'application/json' } });
    case 'no-cursor':
      return withoutCursor(await serve(req));
  }
}
