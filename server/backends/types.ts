import type { BackendKind, BackendUnavailable } from '../../src/lib/wire/backends';

/** What a route asks of an upstream: a Unipile-dialect request under /api/v1, already validated and encoded. */
export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path beginning with /api/v1/, with every id segment percent-encoded by the caller. */
  path: string;
  query?: URLSearchParams;
  body?: BodyInit | null;
  contentType?: string;
  /** Cancelled when the browser goes away; the adapter adds its own timeout on top. */
  signal?: AbortSignal;
  /**
   * The route streams the response body to the browser (pictures, attachments): the timeout then covers only the wait
   * for the response headers, so a large download is not cut off; `signal` still cancels it. Otherwise the timeout
   * also covers reading the body.
   */
  streaming?: boolean;
  /**
   * A forced fault the browser asked for (`x-simulator-fault`, e2e only). Only the simulator adapter sends it on; any
   * other backend drops it, so a real upstream never sees it.
   */
  simulatorFault?: string;
  /**
   * A merged chat list resumed from its first page (the filtered scan's cursor): the backends that were missing from
   * the listing so far stay out (their chats would come at the wrong place) and are named again.
   */
  backendsOut?: readonly BackendUnavailable[];
}

/**
 * One adapter per upstream dialect, speaking Unipile's dialect to the routes. The simulator is reached through the same
 * adapters, like the real APIs.
 */
export interface Backend {
  /** The dialect behind it; `merged` for the registry over several (server/backends/registry.ts). */
  kind: BackendKind | 'merged';
  /** Answered by the embedded simulator (forced faults pass through, request counts exist). */
  simulated: boolean;
  /** Host shown in GET /api/config (never a secret). */
  host: string;
  /**
   * Resolves with the upstream response, already made safe to relay: only allow-listed headers, every secret scrubbed
   * from headers and body, a non-streaming body read in full (at most MAX_UPSTREAM_JSON_BYTES). Rejects with
   * UpstreamTimeoutError, UpstreamUnreachableError, UpstreamTooLargeError or UpstreamBusyError.
   */
  request(req: UpstreamRequest): Promise<Response>;
  /** The embedded simulator only: requests it received, per route ("GET /api/v1/chats/:id"). */
  requestCounts?: () => Record<string, number>;
}

/** An upstream answer Triage reads in memory is refused past this size (a chat page of 250 is well under 1 MB). */
export const MAX_UPSTREAM_JSON_BYTES = 20 * 1024 * 1024;

export class UpstreamTimeoutError extends Error {
  override name = 'UpstreamTimeoutError';
}

export class UpstreamUnreachableError extends Error {
  override name = 'UpstreamUnreachableError';
}

/** The upstream answer is larger than Triage reads into memory. */
export class UpstreamTooLargeError extends Error {
  override name = 'UpstreamTooLargeError';
}

/**
 * Triage will not send this call upstream now: too many are waiting, or the upstream asked to slow down for longer
 * than a call can wait. `retryAfterSeconds` is what the browser is told.
 */
export class UpstreamBusyError extends Error {
  override name = 'UpstreamBusyError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly reason: 'queue_full' | 'rate_limited',
  ) {
    super(message);
  }
}

export type FetchLike = (input: Request) => Promise<Response>;

const bufferedBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** A response whose body the adapter already read in full; `responseBytes` hands its bytes over without a copy. */
export function bufferedResponse(bytes: Uint8Array<ArrayBuffer> | null, init: ResponseInit): Response {
  const response = new Response(bytes, init);
  if (bytes) bufferedBodies.set(response, bytes);
  return response;
}

export function isBuffered(response: Response): boolean {
  return bufferedBodies.has(response);
}

/** The body of an upstream answer as bytes: free for a buffered one, read otherwise. */
export async function responseBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  return bufferedBodies.get(response) ?? new Uint8Array(await response.arrayBuffer());
}
