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
const unreadable = fixed('Unreadable answer', 'The messaging API answered with data Triage cannot read. Retry, and report it if it persists.');

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
  'errors/invalid_imap_configuration': fixed('Mail settings rejected', `The account's IMAP settings are invalid. ${RECONNECT}`),
  'errors/invalid_smtp_configuration': fixed('Mail settings rejected', `The account's SMTP settings are invalid. ${RECONNECT}`),
  'errors/invalid_credentials_but_valid_account_imap': fixed('Mail sign-in failed', `The account's IMAP/SMTP password was refused. ${RECONNECT}`),
  'errors/captcha_not_supported': accountNeedsReconnect('Sign-in check failed', 'hit a captcha that cannot be solved here for'),
  'errors/expired_link': fixed('Connection link expired', 'The link used to connect this account has expired. Generate a new one in your Unipile dashboard.'),
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
  'errors/too_many_requests': fixed('Too many requests', `Unipile asked Triage to slow down. ${RETRY_SOON}`),
  'errors/payload_too_large': fixed('Too large', 'That is more than the server accepts in one request.'),
  // Triage's own refusals
  'errors/sign_in_required': fixed('Signed out', 'Your Triage session has ended. Sign in again to continue.'),
  'errors/forbidden': fixed('Refused by Triage', 'The Triage server refused this request from this page. Reload the page, then retry.'),
  // 5xx: transient
  'errors/request_timeout': fixed('Request timed out', `Unipile took too long to answer. ${RETRY_SOON}`),
  // Unipile's own (its network is down) and Triage's (it cannot reach the API): either way, the API is out of reach.
  'errors/network_down': fixed('Cannot reach Unipile', `The messaging API cannot be reached right now. ${RETRY_SOON}`),
  'errors/service_unavailable': unavailable,
  'errors/no_client_session': unavailable,
  'errors/no_channel': unavailable,
  'errors/no_handler': unavailable,
  'errors/provider_error': ({ providerLabel }) => ({
    title: 'Provider problem',
    message: `${providerLabel ?? 'The messaging provider'} is having operational problems. ${RETRY_SOON}`,
  }),
  'errors/unexpected_error': fixed('Something went wrong', `Unipile hit an unexpected error. ${RETRY_SOON}`),
  'errors/bad_gateway': unreadable,
  // Failures that never reached the API, or answers the browser cannot use
  'client/network_error': fixed('Cannot reach Triage', 'The Triage server did not answer. Check your connection, then retry.'),
  'client/invalid_response': unreadable,
  'client/missing_cursor': fixed(
    'Incomplete answer',
    'The answer did not say whether more chats follow, so the list stops here. Retry, and report it if it persists.',
  ),
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

/** "in 30 seconds", "in 2 minutes": a wait the server named, in words. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 90 ? `in ${minutes} minutes` : `in ${Math.ceil(minutes / 60)} hours`;
}

/** Maps any error (an ApiError with a Unipile envelope type, or anything else) to plain words. */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorCopy {
  if (!isApiError(error)) return byStatus(0);
  const write = COPY[error.type];
  const copy = write ? write(context) : byStatus(error.status);
  // A named wait is more useful than "in a moment".
  if (error.retryAfterMs !== undefined && copy.message.endsWith(RETRY_SOON)) {
    return { ...copy, message: `${copy.message.slice(0, -RETRY_SOON.length)}Try again ${waitInWords(error.retryAfterMs)}.` };
  }
  return copy;
}

/** "Unipile is unavailable. Retrying…": what a pane says while the retry policy tries a failed request again. */
export function retryingText(reason: unknown, context: ErrorContext = {}): string {
  return `${describeError(reason, context).title}. Retrying…`;
}
