/**
 * The browser's only way to the API: same-origin `/api/...` paths (the server holds the key and proxies), the
 * caller's AbortSignal passed on, and a typed ApiError for every failure fetch itself would not throw.
 */

export interface ApiErrorInit {
  status: number;
  /** The envelope type, e.g. `errors/disconnected_account`; `client/*` for failures that never reached the API. */
  type: string;
  title: string;
  detail?: string | undefined;
  instance?: string | undefined;
  /** How long the server asked to wait before trying again (a 429's or 503's Retry-After), in ms. */
  retryAfterMs?: number | undefined;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.instance = init.instance;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ApiRequest {
  query?: URLSearchParams | undefined;
  signal?: AbortSignal | undefined;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A Retry-After value (delay-seconds or an HTTP-date) as ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date has a weekday, a day, a month name and a GMT time; anything looser is not one.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Builds an ApiError from an error response body, which may be the Unipile envelope, other JSON, or not JSON. */
export function errorFromResponse(status: number, statusText: string, body: unknown, headers?: Headers): ApiError {
  const envelope = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return new ApiError({
    status,
    type: str(envelope.type) ?? `http/${status}`,
    title: str(envelope.title) ?? (statusText || `HTTP ${status}`),
    detail: str(envelope.detail) ?? str(envelope.message),
    instance: str(envelope.instance),
    retryAfterMs: parseRetryAfter(headers?.get('retry-after')),
  });
}

/** What fetch throws when no answer came back at all (server down, connection cut, offline). */
export function networkError(error: unknown): ApiError {
  return new ApiError({ status: 0, type: 'client/network_error', title: 'Network error', detail: error instanceof Error ? error.message : undefined });
}

export function assertApiPath(path: string): void {
  // A full URL here would send the request (and cookies) somewhere else; the server is the only upstream.
  if (!path.startsWith('/api/') || path.startsWith('//')) throw new Error(`api-client: not a same-origin API path: ${path}`);
}

/** The body as JSON; undefined when empty or not JSON (an error's status still says what happened). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** GET a same-origin JSON resource; resolves with the parsed body, rejects with ApiError (or the AbortError). */
export async function apiGet(path: string, { query, signal }: ApiRequest = {}): Promise<unknown> {
  assertApiPath(path);
  const qs = query?.toString();
  const url = qs ? `${path}?${qs}` : path;
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin', signal });
  } catch (error) {
    // Cancellation is TanStack Query's business, not an error to show.
    if (signal?.aborted) throw error;
    throw networkError(error);
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromResponse(response.status, response.statusText, body, response.headers);
  if (body === undefined) {
    throw new ApiError({ status: response.status, type: 'client/invalid_response', title: 'Unexpected response', detail: `${path} did not answer with JSON.` });
  }
  return body;
}
