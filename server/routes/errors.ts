import { UpstreamBusyError, UpstreamTimeoutError, UpstreamTooLargeError, UpstreamUnreachableError } from '../backends/types';

/** Unipile's error envelope: every error Triage itself produces has this shape, so the browser handles one dialect. */
export interface ErrorEnvelope {
  title: string;
  detail: string;
  type: string;
  status: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function errorResponse(envelope: ErrorEnvelope, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(envelope), {
    status: envelope.status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  });
}

export function notFound(method: string, path: string): Response {
  return errorResponse({
    title: 'Not Found',
    detail: `${method} ${path} is not a route Triage serves.`,
    type: 'errors/not_found',
    status: 404,
  });
}

/** A query parameter or body field the route refuses; the message names it as `<param>: <why>`. */
export class InvalidParameterError extends Error {
  override name = 'InvalidParameterError';
  constructor(
    readonly param: string,
    readonly why: string,
  ) {
    super(`${param}: ${why}`);
  }
}

/** The upstream answered with something Triage cannot relay (not JSON, not the documented shape, a redirect). */
export class BadGatewayError extends Error {
  override name = 'BadGatewayError';
}

export const NOT_JSON_DETAIL = 'The messaging API answered with something that is not JSON.';

/** An upstream error answer to pass on as it is (thrown from deep inside a multi-page scan). */
export class UpstreamErrorResponse extends Error {
  override name = 'UpstreamErrorResponse';
  constructor(readonly response: Response) {
    super(`upstream answered ${response.status}`);
  }
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** A request body past its limit, noticed before or while it streams in. */
export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${formatLimit(limitBytes)}.`);
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Maps the errors routes throw on purpose to their answers; anything else is unexpected (500, logged). */
export function knownErrorResponse(error: unknown): Response | null {
  if (error instanceof InvalidParameterError) {
    return errorResponse({ title: 'Invalid parameters', detail: error.message, type: 'errors/invalid_parameters', status: 400 });
  }
  if (error instanceof UpstreamErrorResponse) return error.response;
  if (error instanceof UpstreamTimeoutError) {
    return errorResponse({
      title: 'Request timed out',
      detail: 'The messaging API did not answer in time. Please try again.',
      type: 'errors/request_timeout',
      status: 504,
    });
  }
  if (error instanceof UpstreamUnreachableError) {
    return errorResponse({
      title: 'Network down',
      detail: 'Triage cannot reach the messaging API. Please wait a moment and retry.',
      type: 'errors/network_down',
      status: 503,
    });
  }
  if (error instanceof BadGatewayError || error instanceof UpstreamTooLargeError) {
    const detail = error instanceof UpstreamTooLargeError ? 'The messaging API answered with more data than Triage accepts in one answer.' : error.message;
    return errorResponse({ title: 'Bad Gateway', detail, type: 'errors/bad_gateway', status: 502 });
  }
  if (error instanceof PayloadTooLargeError) {
    return errorResponse({ title: 'Payload too large', detail: error.message, type: 'errors/payload_too_large', status: 413 });
  }
  if (error instanceof UpstreamBusyError) {
    const retryAfter = { 'retry-after': String(error.retryAfterSeconds) };
    if (error.reason === 'rate_limited') {
      return errorResponse(
        { title: 'Too many requests', detail: 'The messaging API asked Triage to slow down. Please retry in a moment.', type: 'errors/too_many_requests', status: 429 },
        retryAfter,
      );
    }
    return errorResponse(
      { title: 'Service unavailable', detail: 'Triage is busy with other requests to the messaging API. Please retry in a moment.', type: 'errors/service_unavailable', status: 503 },
      retryAfter,
    );
  }
  if (error instanceof ForbiddenError) {
    return errorResponse({ title: 'Forbidden', detail: error.message, type: 'errors/forbidden', status: 403 });
  }
  return null;
}

export function unexpectedErrorResponse(): Response {
  return errorResponse({ title: 'Unexpected error', detail: 'Something went wrong.', type: 'errors/unexpected_error', status: 500 });
}
