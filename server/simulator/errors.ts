import type { ErrorJson } from './types';

/** Unipile's error envelope: {title, detail, type, status}; titles and details follow the API reference wording. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly body: ErrorJson) {
    super(body.detail);
  }
}

const make = (status: number, type: string, title: string, detail: string): ApiError =>
  new ApiError({ title, detail, type, status });

export const errors = {
  invalidParameters: (detail: string) => make(400, 'errors/invalid_parameters', 'Invalid parameters', detail),
  tooManyCharacters: (detail: string) => make(400, 'errors/too_many_characters', 'Too many characters', detail),
  missingCredentials: () =>
    make(401, 'errors/missing_credentials', 'Missing credentials', 'Some credentials are necessary to perform the request.'),
  invalidCredentials: () => make(401, 'errors/invalid_credentials', 'Invalid credentials', 'The provided credentials are invalid.'),
  disconnectedAccount: () =>
    make(401, 'errors/disconnected_account', 'Disconnected account', 'The account appears to be disconnected from the provider service.'),
  insufficientPermissions: (detail = 'Valid authentication but insufficient permissions to perform the request.') =>
    make(403, 'errors/insufficient_permissions', 'Insufficient permissions', detail),
  accountMismatch: () => make(403, 'errors/account_mismatch', 'Account mismatch', 'This action cannot be done with your account.'),
  notFound: (detail: string) => make(404, 'errors/resource_not_found', 'Resource not found.', detail),
  unexpected: (detail = 'Something went wrong.') => make(500, 'errors/unexpected_error', 'Unexpected error', detail),
  serviceUnavailable: () => make(503, 'errors/service_unavailable', 'Service unavailable', 'Please try again later.'),
  requestTimeout: () =>
    make(504, 'errors/request_timeout', 'Request timed out', 'Request Timeout. Please try again, and if the issue persists, contact support.'),
};

export function errorResponse(err: ApiError): Response {
  return new Response(JSON.stringify(err.body), {
    status: err.body.status,
    headers: { 'content-type': 'application/json' },
  });
}
