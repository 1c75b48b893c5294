import type { PeriskopeErrorJson } from './wire';

/**
 * Periskope's error body `{code, message, name, status, fields?}`: the seed documents it for the 422; the simulator
 * answers every other error status with the same fields (the client reads `message` and `code` from any of them).
 */
export class PeriskopeError extends Error {
  override name = 'PeriskopeError';
  constructor(readonly body: PeriskopeErrorJson) {
    super(body.message);
  }
}

const make = (status: number, code: string, name: string, message: string): PeriskopeError => new PeriskopeError({ code, message, name, status });

/** A 422 naming the fields at fault, as Periskope's validation answers (`fields.<param>.message`, `.value`). */
export function validationError(message: string, fields: PeriskopeErrorJson['fields']): PeriskopeError {
  return new PeriskopeError({ code: 'VALIDATION_ERROR', message, name: 'Validation Error', status: 422, ...(fields ? { fields } : {}) });
}

/** A 422 for one query parameter or body field. */
export function invalidField(field: string, message: string, value?: string): PeriskopeError {
  return validationError(message, { [field]: value === undefined ? { message } : { message, value } });
}

export const periskopeErrors = {
  missingToken: () => make(401, 'UNAUTHORIZED', 'Unauthorized', 'Missing Authorization header: Bearer <token>'),
  invalidToken: () => make(401, 'UNAUTHORIZED', 'Unauthorized', 'Invalid API key'),
  phoneOutOfScope: (phone: string) => make(401, 'UNAUTHORIZED', 'Unauthorized', `Phone ${phone} is not in the scope of this token`),
  chatNotFound: (chatId: string) => make(404, 'NOT_FOUND', 'Not Found', `Chat not found: ${chatId}`),
  routeNotFound: (method: string, path: string) => make(404, 'NOT_FOUND', 'Not Found', `Cannot ${method} ${path}`),
  phoneDisconnected: (phone: string) =>
    make(409, 'PHONE_NOT_CONNECTED', 'Conflict', `Phone ${phone} is not connected to WhatsApp: scan the QR code to reconnect it`),
  forbidden: () => make(403, 'FORBIDDEN', 'Forbidden', 'You do not have access to this resource'),
  tooManyRequests: () => make(429, 'TOO_MANY_REQUESTS', 'Too Many Requests', 'Too many requests, please try again later'),
  internal: () => make(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error', 'Something went wrong'),
  unavailable: () => make(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable', 'Service unavailable, please try again later'),
  timeout: () => make(504, 'GATEWAY_TIMEOUT', 'Gateway Timeout', 'The request timed out, please try again'),
};

export function periskopeErrorResponse(err: PeriskopeError, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(err.body), { status: err.body.status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}
