import { z } from 'zod';
import { NOT_OFFERED_ERROR_TYPE } from '../../../src/lib/wire/backends';
import type { ErrorEnvelope } from '../../routes/errors';
import { bufferedResponse, responseBytes } from '../types';

/** The adapter's answers in Unipile's shapes: JSON bodies, and every error as Unipile's envelope. */

const encoder = new TextEncoder();

/** A JSON answer, already buffered (as the Backend contract promises every non-streamed answer is). */
export function jsonAnswer(body: unknown, status = 200, headers?: Headers): Response {
  const out = new Headers(headers);
  out.set('content-type', 'application/json; charset=utf-8');
  return bufferedResponse(encoder.encode(JSON.stringify(body)), { status, headers: out });
}

export function envelope(error: ErrorEnvelope, headers?: Headers): Response {
  return jsonAnswer(error, error.status, headers);
}

/** Thrown inside a handler to answer with `response` (an error envelope, or an upstream error mapped to one). */
export class Answer extends Error {
  override name = 'Answer';
  constructor(
    readonly response: Response,
    /** What the upstream said, when the answer is its error. */
    readonly upstreamDetail: string | null = null,
  ) {
    super(`answer ${response.status}`);
  }
}

export const notFound = (method: string, path: string): Response =>
  envelope({ title: 'Not Found', detail: `${method} ${path} is not a route Triage serves.`, type: 'errors/not_found', status: 404 });

export const resourceNotFound = (detail: string): Response => envelope({ title: 'Resource not found.', detail, type: 'errors/resource_not_found', status: 404 });

/** Something Periskope has no way to do; the browser disables it with `detail`. */
export const notOffered = (detail: string): Response => envelope({ title: 'Not offered', detail, type: NOT_OFFERED_ERROR_TYPE, status: 501 });

export const invalidParameter = (param: string, why: string): Response =>
  envelope({ title: 'Invalid parameters', detail: `${param}: ${why}`, type: 'errors/invalid_parameters', status: 400 });

export const badGateway = (why: string): Response =>
  envelope({ title: 'Bad Gateway', detail: `Periskope answered with something Triage cannot read (${why}).`, type: 'errors/bad_gateway', status: 502 });

/** Unipile's type and title for an upstream status; the status itself is kept. */
function typeFor(status: number): { type: string; title: string } {
  if (status === 400 || status === 422) return { type: 'errors/invalid_parameters', title: 'Invalid parameters' };
  if (status === 401) return { type: 'errors/invalid_credentials', title: 'Invalid credentials' };
  if (status === 403) return { type: 'errors/insufficient_permissions', title: 'Insufficient permissions' };
  if (status === 404) return { type: 'errors/resource_not_found', title: 'Resource not found.' };
  // Periskope refuses to act through a phone that is not connected to WhatsApp.
  if (status === 409) return { type: 'errors/disconnected_account', title: 'Disconnected account' };
  if (status === 429) return { type: 'errors/too_many_requests', title: 'Too many requests' };
  if (status === 503) return { type: 'errors/service_unavailable', title: 'Service unavailable' };
  if (status === 504) return { type: 'errors/request_timeout', title: 'Request timed out' };
  return { type: 'errors/unexpected_error', title: 'Unexpected error' };
}

/** Periskope's error body: `{code, message, name, status, fields}` (422) or just `{message}`. */
const upstreamErrorSchema = z.object({
  message: z.string().nullish().catch(null),
  fields: z.record(z.string(), z.object({ message: z.string().nullish().catch(null) }).catch({ message: null })).nullish().catch(null),
});

const decoder = new TextDecoder();

/** What Periskope said, in a sentence: its message, plus each field's when it names fields. */
async function upstreamMessage(response: Response): Promise<string | null> {
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(await responseBytes(response)));
  } catch {
    return null;
  }
  const parsed = upstreamErrorSchema.safeParse(body);
  if (!parsed.success) return null;
  const fields = Object.entries(parsed.data.fields ?? {}).flatMap(([name, f]) => (f.message ? [`${name}: ${f.message}`] : []));
  const parts = [parsed.data.message?.trim(), ...fields].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join('; ') : null;
}

/** Headers an error answer keeps: when to retry and the rate-limit counters (server/backends/protect.ts pauses on them). */
function retryHeaders(upstream: Headers): Headers {
  const out = new Headers();
  upstream.forEach((value, name) => {
    if (name === 'retry-after' || name.startsWith('x-ratelimit-')) out.set(name, value);
  });
  return out;
}

/** Periskope's error answer as Unipile's envelope (with the upstream status), to throw. */
export async function upstreamFailure(response: Response): Promise<Answer> {
  // Redirects are not followed (the key would go with them) and are no answer either.
  if (response.status < 400) return new Answer(badGateway(`status ${response.status}`));
  const { type, title } = typeFor(response.status);
  const said = await upstreamMessage(response);
  const answer = envelope({ title, detail: said ?? `Periskope answered ${response.status}.`, type, status: response.status }, retryHeaders(response.headers));
  return new Answer(answer, said);
}
