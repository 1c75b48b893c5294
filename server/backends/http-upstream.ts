import { Cancellation, createFetchTransport, createNodeTransport, type Transport } from './node-transport';
import { idleGuarded, readBounded } from './body';
import { relayedHeaders } from './response-headers';
import { createScrubber } from './scrub';
import {
  bufferedResponse,
  isBuffered,
  MAX_UPSTREAM_JSON_BYTES,
  responseBytes,
  UpstreamTimeoutError,
  UpstreamTooLargeError,
  UpstreamUnreachableError,
  type FetchLike,
} from './types';

/** One HTTP call to an upstream, relative to its base. Every dialect adapter sends through this. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the base, beginning with `/`, every id segment percent-encoded by the caller. */
  path: string;
  query?: URLSearchParams;
  body?: BodyInit | null;
  contentType?: string;
  /** Extra request headers (a dialect's scope header, the simulator's forced fault); never the key's (set here). */
  headers?: Record<string, string>;
  /** Cancelled when the browser goes away; the timeout comes on top. */
  signal?: AbortSignal;
  /** The body is streamed to the browser: the timeout covers the wait for the headers only (see UpstreamRequest). */
  streaming?: boolean;
}

export interface HttpUpstreamOptions {
  /** The API's base, e.g. https://api1.unipile.com:13111/api/v1 or https://api.periskope.app/v1 (a trailing slash is tolerated). */
  baseUrl: string;
  /** Shown in messages and GET /api/config; never a secret. */
  host: string;
  /** The key's headers (X-API-KEY, Authorization: Bearer …), sent with every call. */
  authHeaders: Record<string, string>;
  /** What never leaves here: scrubbed from every header and body the upstream sends back. */
  secrets: readonly string[];
  timeoutMs: number;
  /**
   * The transport, as a fetch: the simulator's fetch for the embedded API, a fake in tests, or globalThis.fetch.
   * Without it, requests go out through node:http(s) with keep-alive (see node-transport.ts: much cheaper per request).
   */
  fetch?: FetchLike;
}

export type HttpUpstream = (req: HttpRequest) => Promise<Response>;

/**
 * An upstream reached over HTTP. The request carries only what the adapter passed plus the key and an accept header:
 * nothing the browser sent (cookies, authorization, its own X-API-KEY) can reach the upstream through here. The answer
 * is made safe to relay: allow-listed headers, secrets scrubbed, a non-streaming body read in full within the timeout.
 */
export function createHttpUpstream(options: HttpUpstreamOptions): HttpUpstream {
  const base = options.baseUrl.replace(/\/+$/, '');
  const { authHeaders, timeoutMs, host } = options;
  const send: Transport = options.fetch ? createFetchTransport(base, options.fetch) : createNodeTransport(base);
  const timeoutMessage = `${host} did not answer within ${timeoutMs} ms`;
  // Everything the upstream sends back is scrubbed of the key before a route sees it.
  const scrubber = createScrubber(options.secrets);

  async function request(req: HttpRequest): Promise<Response> {
    const query = req.query?.toString();
    const headers: Record<string, string> = { ...req.headers, ...authHeaders, accept: 'application/json' };
    if (req.contentType) headers['content-type'] = req.contentType;

    // Fires on our timeout, or when the browser goes away (the route's signal).
    const cancellation = new Cancellation();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      cancellation.cancel(new UpstreamTimeoutError(timeoutMessage));
    }, timeoutMs);
    const routeSignal = req.signal;
    const onRouteAbort = () => cancellation.cancel(routeSignal?.reason);
    if (routeSignal?.aborted) onRouteAbort();
    else routeSignal?.addEventListener('abort', onRouteAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      routeSignal?.removeEventListener('abort', onRouteAbort);
    };
    const fail = (error: unknown): never => {
      done();
      if (timedOut) throw new UpstreamTimeoutError(timeoutMessage);
      if (routeSignal?.aborted) throw error; // the browser left; nobody reads this answer
      if (error instanceof UpstreamTooLargeError) throw error;
      if (isNetworkError(error)) throw new UpstreamUnreachableError(`cannot reach ${host}: ${describeNetworkError(error)}`, { cause: error });
      throw error;
    };

    let response: Response;
    try {
      const path = query ? `${req.path}?${query}` : req.path;
      // Raced against the cancellation too: a transport that ignores it (a fake, the simulator) still times out.
      response = await cancellation.race(
        send({ method: req.method, path, headers, body: req.body, buffer: !req.streaming, maxBytes: MAX_UPSTREAM_JSON_BYTES, cancellation }),
      );
    } catch (error) {
      return fail(error);
    }
    const init = { status: response.status, statusText: response.statusText, headers: relayedHeaders(response.headers, scrubber) };

    if (req.streaming) {
      // The body goes to the browser as it arrives; the timeout was for the answer to start. From here an upstream that
      // stops sending for as long is cut off, the browser can cancel, and secrets are scrubbed on the way.
      clearTimeout(timer);
      if (!response.body) return new Response(null, init);
      const stalled = () => new UpstreamTimeoutError(`${host} stopped sending for ${timeoutMs} ms`);
      const body = idleGuarded(response.body, timeoutMs, (error) => cancellation.cancel(error), stalled).pipeThrough(scrubber.stream());
      return new Response(body, init);
    }
    try {
      // Read here, under the timeout, so a body that stalls half-way is a timeout and not a hung request.
      const bytes = isBuffered(response) ? await responseBytes(response) : await cancellation.race(readBounded(response, MAX_UPSTREAM_JSON_BYTES));
      done();
      // The bytes are decoded already; the upstream's length no longer describes them (nor after scrubbing).
      init.headers.delete('content-length');
      return bufferedResponse(bytes.byteLength === 0 && isNullBodyStatus(response.status) ? null : scrubber.bytes(bytes), init);
    } catch (error) {
      return fail(error);
    }
  }

  return request;
}

function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 204 || status === 205 || status === 304;
}

function systemCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** DNS, refused and reset connections: fetch rejects with a TypeError (the system error in `cause`), node:http with the system error. */
function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = systemCode(error);
  return code !== undefined && /^(?:E[A-Z]+|UND_ERR_\w+)$/.test(code);
}

function describeNetworkError(error: unknown): string {
  return systemCode(error instanceof Error ? error.cause : undefined) ?? systemCode(error) ?? (error instanceof Error ? error.message : 'network error');
}
