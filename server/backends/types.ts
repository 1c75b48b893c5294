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
}

/** One adapter per upstream dialect. The simulator is reached through the Unipile adapter, like the real API. */
export interface Backend {
  kind: 'unipile' | 'simulator';
  /** Host shown in GET /api/config (never a secret). */
  host: string;
  /** Resolves with the upstream response as is; rejects with UpstreamTimeoutError or UpstreamUnreachableError. */
  request(req: UpstreamRequest): Promise<Response>;
}

export class UpstreamTimeoutError extends Error {
  override name = 'UpstreamTimeoutError';
}

export class UpstreamUnreachableError extends Error {
  override name = 'UpstreamUnreachableError';
}

export type FetchLike = (input: Request) => Promise<Response>;
