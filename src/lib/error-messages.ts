import { isApiError } from './api-client';

/** An error in plain words: a short headline and a sentence saying what happened and what to do. */
export interface ErrorCopy {
  title: string;
  message: string;
}

export interface ErrorContext {
  /** The provider involved, when the view is narrowed to one (e.g. "LinkedIn"). */
  providerLabel?: string | undefined;
}

type Copywriter = (context: ErrorContext) => ErrorCopy;

const RECONNECT = 'Reconnect it in your Unipile dashboard.';
const RETRY_SOON = 'Try again in a moment.';

const fixed = (title: string, message: string): Copywriter => () => ({ title, message });

const serverKey = fixed(
  'Unipile rejected the API key',
  'Unipile refused the access token the Triage server uses. Check the token and DSN configured on the server, then retry.',
);

const accountNeedsReconnect = (title: string, what: string): Copywriter => ({ providerLabel }) => ({
  title,
  message: `This account ${what}${providerLabel ? ` ${providerLabel}` : ' its provider'}. ${RECONNECT}`,
});

const unavailable = fixed('Unipile is unavailable', `The messaging service is temporarily unavailable. ${RETRY_SOON}`);

/** Every envelope type the seeds list for the chat endpoints, grouped by what the person can do about it. */
const COPY: Record<string, Copywriter> = {
  // 401: credentials
  'errors/missing_credentials': serverKey,
  'errors/invalid_credentials': serverKey,
  'errors/wrong_account': serverKey,
  'errors/expired_credentials': accountNeedsReconnect('Account sign-in expired', 'needs to sign in again to'),
  'errors/disconnected_account': accountNeedsReconnect('Account disconnected', 'is disconnected from'),
  'errors/disconnected_feature': ({ providerLabel }) => ({
    title: 'Feature disconnected',
    message: `This feature is disconnected for the account${providerLabel ? ` on ${providerLabel}` : ''}. ${RECONNECT}`,
  }),
  'errors/multiple_sessions': fixed(
    'Too many LinkedIn sessions',
    'LinkedIn limits sessions on this Recruiter account. Reconnect it in your Unipile dashboard using the cookie method.',
  ),
  'errors/checkpoint_error': accountNeedsReconnect('Sign-in check failed', 'could not pass a sign-in check for'),
  'errors/invalid_checkpoint_solution': accountNeedsReconnect('Sign-in check failed', 'could not pass a sign-in check for'),
  'errors/invalid_proxy_credentials': fixed('Proxy sign-in failed', `The account's proxy credentials are invalid. ${RECONNECT}`),
  'errors/insufficient_privileges': fixed(
    'Not allowed by the API key',
    'The Unipile API key used by the server does not cover this. Ask whoever runs Triage to widen its scopes.',
  ),
  // 403: permissions
  'errors/insufficient_permissions': fixed('Not allowed', 'This account does not have permission to do that on the provider.'),
  'errors/account_restricted': ({ providerLabel }) => ({
    title: 'Account restricted',
    message: `${providerLabel ?? 'The provider'} has restricted this account. Check it in the provider's own app.`,
  }),
  'errors/account_mismatch': fixed('Not allowed', 'This action cannot be done with this account.'),
  'errors/feature_not_subscribed': fixed('Feature not included', 'This account has not subscribed to the feature needed here.'),
  'errors/subscription_required': fixed('Subscription required', 'A provider subscription is required for this.'),
  'errors/resource_access_restricted': fixed('No access', 'This account has no access to these chats.'),
  'errors/action_required': fixed('Action needed on the provider', 'Finish signing in from the provider\'s own app, then retry.'),
  'errors/unknown_authentication_context': fixed('Action needed on the provider', 'Sign in to the provider in your browser once, then retry.'),
  'errors/session_mismatch': serverKey,
  // 400 / 404 / 429
  'errors/invalid_parameters': fixed('Invalid request', 'Unipile did not accept these filters. Clear them and retry.'),
  'errors/not_found': fixed('Not found', 'Unipile could not find what was asked for. It may have been deleted.'),
  'errors/resource_not_found': fixed('Not found', 'Unipile could not find what was asked for. It may have been deleted.'),
  'errors/too_many_requests': fixed('Too many requests', `The provider is rate limiting this account. ${RETRY_SOON}`),
  // 5xx: transient
  'errors/request_timeout': fixed('Request timed out', `Unipile took too long to answer. ${RETRY_SOON}`),
  'errors/network_down': fixed('Network down at Unipile', `Unipile cannot reach the network right now. ${RETRY_SOON}`),
  'errors/service_unavailable': unavailable,
  'errors/no_client_session': unavailable,
  'errors/no_channel': unavailable,
  'errors/no_handler': unavailable,
  'errors/provider_error': ({ providerLabel }) => ({
    title: 'Provider problem',
    message: `${providerLabel ?? 'The messaging provider'} is having operational problems. ${RETRY_SOON}`,
  }),
  'errors/unexpected_error': fixed('Something went wrong', `Unipile hit an unexpected error. ${RETRY_SOON}`),
  // Failures that never reached the API
  'client/network_error': fixed('Cannot reach Triage', 'The Triage server did not answer. Check your connection, then retry.'),
  'client/invalid_response': fixed('Unexpected response', 'The server answered with data Triage cannot read. Retry, and report it if it persists.'),
};

function byStatus(status: number): ErrorCopy {
  if (status === 401) return { title: 'Not signed in', message: 'Unipile did not accept the credentials. Check the server\'s API key, or reconnect the account.' };
  if (status === 403) return { title: 'Not allowed', message: 'This account is not allowed to do that.' };
  if (status === 404) return COPY['errors/not_found']!({});
  if (status === 429) return COPY['errors/too_many_requests']!({});
  if (status === 504 || status === 408) return COPY['errors/request_timeout']!({});
  if (status >= 500) return { title: 'Something went wrong', message: `The server hit an error. ${RETRY_SOON}` };
  if (status >= 400) return { title: 'Request refused', message: 'The server did not accept the request. Clear any filters and retry.' };
  return { title: 'Something went wrong', message: `Triage could not load this. ${RETRY_SOON}` };
}

/** Maps any error (an ApiError with a Unipile envelope type, or anything else) to plain words. */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorCopy {
  if (!isApiError(error)) return byStatus(0);
  const copy = COPY[error.type];
  return copy ? copy(context) : byStatus(error.status);
}

/** Whether retrying by itself may help (the query client retries these; others wait for the person). */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}
