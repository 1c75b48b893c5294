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

/**
 * Every 401 type the seeds document (the list-chats enum, plus the types the reference page and the other routes
 * add), with the reference's title and detail. The forced faults (faults.ts) answer with any of them.
 */
export const UNAUTHORIZED_TYPES = {
  'errors/missing_credentials': ['Missing credentials', 'Some credentials are necessary to perform the request.'],
  'errors/multiple_sessions': ['Multiple sessions', 'LinkedIn limits the use of multiple sessions on certain Recruiter accounts.'],
  'errors/wrong_account': ['Wrong account', 'The provided credentials do not match the correct account.'],
  'errors/invalid_credentials': ['Invalid credentials', 'The provided credentials are invalid.'],
  'errors/invalid_proxy_credentials': ['Invalid proxy credentials', 'The provided proxy credentials are invalid.'],
  'errors/invalid_imap_configuration': ['Invalid IMAP configuration', 'The provided IMAP configuration is invalid.'],
  'errors/invalid_smtp_configuration': ['Invalid SMTP configuration', 'The provided SMTP configuration is invalid.'],
  'errors/invalid_checkpoint_solution': ['Invalid checkpoint solution', 'The checkpoint resolution did not pass successfully. Please retry.'],
  'errors/checkpoint_error': ['Checkpoint error', 'The checkpoint does not appear to be resolvable. Please try again and contact support if the problem persists.'],
  'errors/expired_credentials': ['Expired credentials', 'Invalid credentials. Please check your username and password and try again.'],
  'errors/expired_link': ['Expired link', 'This link has expired. Please return to the application and generate a new one.'],
  'errors/insufficient_privileges': ['Insufficient privileges', 'This resource seems to be out of your scopes.'],
  'errors/disconnected_account': ['Disconnected account', 'The account appears to be disconnected from the provider service.'],
  'errors/disconnected_feature': ['Disconnected feature', "The service you're trying to reach appears to be disconnected."],
  'errors/invalid_credentials_but_valid_account_imap': [
    'Invalid credentials but valid account IMAP',
    'IMAP/SMTP credentials are invalid but the account is otherwise valid.',
  ],
  'errors/captcha_not_supported': ['Captcha not supported', 'We encounter captcha checkpoint, we currently working to manage it'],
} as const satisfies Record<string, readonly [title: string, detail: string]>;

export type UnauthorizedType = keyof typeof UNAUTHORIZED_TYPES;

export function isUnauthorizedType(type: string): type is UnauthorizedType {
  return Object.hasOwn(UNAUTHORIZED_TYPES, type);
}

export function unauthorized(type: UnauthorizedType): ApiError {
  const [title, detail] = UNAUTHORIZED_TYPES[type];
  return make(401, type, title, detail);
}

/** The seeds document no 429 envelope for these routes: this one has the shape of the others, with Retry-After beside it. */
export function tooManyRequests(): ApiError {
  return make(429, 'errors/too_many_requests', 'Too many requests', 'Too many requests. Retry after the delay in the Retry-After header.');
}

export function errorResponse(err: ApiError, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(err.body), {
    status: err.body.status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
