import { isApiError, type ApiError } from './api-client';
import { BACKEND_LABELS, NOT_OFFERED_ERROR_TYPE } from './wire/backends';

/** An error in plain words: a short headline and a sentence saying what happened and what to do. */
export interface ErrorCopy {
  title: string;
  message: string;
}

export interface ErrorContext {
  /** The provider involved, when the view is narrowed to one (e.g. "LinkedIn"). */
  providerLabel?: string | undefined;
  /** The messaging API the failed request went to ("Periskope"), when the view knows; else the configured one. */
  backendLabel?: string | undefined;
}

/**
 * Who answered, when the view does not say: the only configured backend (app-config.ts sets it once /api/config
 * answers), or null with several (then the words say "the messaging API"). Unipile until then, as it always was.
 */
let defaultBackendLabel: string | null = BACKEND_LABELS.unipile;

export function setDefaultBackendLabel(label: string | null): void {
  defaultBackendLabel = label;
}

/** The messaging API in words: in a sentence, at its start, and where its accounts are reconnected. */
interface ApiWords {
  api: string;
  Api: string;
  dashboard: string;
}

function apiWords(context: ErrorContext): ApiWords {
  const label = context.backendLabel ?? defaultBackendLabel;
  if (label) return { api: label, Api: label, dashboard: `your ${label} dashboard` };
  return { api: 'the messaging API', Api: 'The messaging API', dashboard: 'your messaging API’s dashboard' };
}

type Copywriter = (context: ErrorContext, words: ApiWords, error: ApiError) => ErrorCopy;

const RETRY_SOON = 'Try again in a moment.';
const reconnect = ({ dashboard }: ApiWords) => `Reconnect it in ${dashboard}.`;

const fixed = (title: string, message: string): Copywriter => () => ({ title, message });

const serverKey: Copywriter = (_context, { Api }) => ({
  title: `${Api} rejected the API key`,
  message: `${Api} refused the access token the Triage server uses. Check the key and address configured on the server, then retry.`,
});

const accountNeedsReconnect = (title: string, what: string): Copywriter => ({ providerLabel }, words) => ({
  title,
  message: `This account ${what}${providerLabel ? ` ${providerLabel}` : ' its provider'}. ${reconnect(words)}`,
});

const withReconnect = (title: string, what: string): Copywriter => (_context, words) => ({ title, message: `${what} ${reconnect(words)}` });

const unavailable: Copywriter = (_context, { Api }) => ({ title: `${Api} is unavailable`, message: `The messaging service is temporarily unavailable. ${RETRY_SOON}` });
const unreadable = fixed('Unreadable answer', 'The messaging API answered with data Triage cannot read. Retry, and report it if it persists.');
const notFound: Copywriter = (_context, { Api }) => ({ title: 'Not found', message: `${Api} could not find what was asked for. It may have been deleted.` });

/** Every envelope type the seeds list (Unipile's, postpress's extra ones, Triage's own), by what the person can do. */
const COPY: Record<string, Copywriter> = {
  // 401: credentials
  'errors/missing_credentials': serverKey,
  'errors/invalid_credentials': serverKey,
  'errors/wrong_account': withReconnect('Wrong account', 'The sign-in given belongs to another account than this one.'),
  'errors/expired_credentials': accountNeedsReconnect('Account sign-in expired', 'needs to sign in again to'),
  'errors/disconnected_account': accountNeedsReconnect('Account disconnected', 'is disconnected from'),
  'errors/disconnected_feature': ({ providerLabel }, words) => ({
    title: 'Feature disconnected',
    message: `This feature is disconnected for the account${providerLabel ? ` on ${providerLabel}` : ''}. ${reconnect(words)}`,
  }),
  'errors/multiple_sessions': (_context, { dashboard }) => ({
    title: 'Too many LinkedIn sessions',
    message: `LinkedIn limits sessions on this Recruiter account. Reconnect it in ${dashboard} using the cookie method.`,
  }),
  'errors/checkpoint_error': accountNeedsReconnect('Sign-in check failed', 'could not pass a sign-in check for'),
  'errors/invalid_checkpoint_solution': accountNeedsReconnect('Sign-in check failed', 'could not pass a sign-in check for'),
  'errors/invalid_proxy_credentials': withReconnect('Proxy sign-in failed', 'The account’s proxy credentials are invalid.'),
  'errors/invalid_imap_configuration': withReconnect('Mail settings rejected', 'The account’s IMAP settings are invalid.'),
  'errors/invalid_smtp_configuration': withReconnect('Mail settings rejected', 'The account’s SMTP settings are invalid.'),
  'errors/invalid_credentials_but_valid_account_imap': withReconnect(
    'Mail sign-in failed',
    'The mail server knows this account but refused its IMAP/SMTP password.',
  ),
  'errors/captcha_not_supported': accountNeedsReconnect('Sign-in check failed', 'hit a captcha that cannot be solved here for'),
  'errors/expired_link': (_context, { dashboard }) => ({
    title: 'Connection link expired',
    message: `The link used to connect this account has expired. Generate a new one in ${dashboard}.`,
  }),
  'errors/unknown_authentication_context': fixed('Sign-in not recognised', 'The provider does not recognise this sign-in. Sign in to the provider in your browser once, then retry.'),
  'errors/authentication_intent_error': withReconnect('Sign-in not finished', 'Connecting this account could not be completed.'),
  'errors/session_mismatch': withReconnect('Session mismatch', 'The account’s session no longer matches the person signed in on the provider.'),
  'errors/insufficient_privileges': (_context, { api }) => ({
    title: 'Not allowed by the API key',
    message: `The API key the server uses for ${api} does not cover this. Ask whoever runs Triage to widen its scopes.`,
  }),
  // 403: permissions
  'errors/insufficient_permissions': fixed('Not allowed', 'This account does not have permission to do that on the provider.'),
  'errors/account_restricted': ({ providerLabel }) => ({
    title: 'Account restricted',
    message: `${providerLabel ?? 'The provider'} has restricted this account. Check it in the provider's own app.`,
  }),
  'errors/account_mismatch': fixed('Not allowed', 'This action cannot be done with this account.'),
  'errors/feature_not_subscribed': fixed('Feature not included', 'This account’s plan does not include the feature needed here. Add it to the plan, then retry.'),
  'errors/subscription_required': fixed('Subscription required', 'This needs a paid subscription on the provider (e.g. LinkedIn Sales Navigator). Subscribe, then retry.'),
  'errors/resource_access_restricted': fixed('No access', 'This account has no access to these chats on the provider. Ask for access, or use another account.'),
  'errors/action_required': fixed('Action needed on the provider', 'The provider is waiting for you, e.g. to confirm the sign-in in its app. Do it there, then retry.'),
  // 400 / 404 / 429 / 501
  'errors/invalid_parameters': (_context, { Api }) => ({ title: 'Invalid request', message: `${Api} did not accept these filters. Clear them and retry.` }),
  'errors/not_found': notFound,
  'errors/resource_not_found': notFound,
  'errors/too_many_requests': (_context, { Api }) => ({ title: 'Too many requests', message: `${Api} asked Triage to slow down. ${RETRY_SOON}` }),
  'errors/payload_too_large': fixed('Too large', 'That is more than the server accepts in one request.'),
  // What the backend has no way to do: its own words say what (a retry cannot change it).
  [NOT_OFFERED_ERROR_TYPE]: (_context, { api, Api }, error) => ({ title: `Not offered by ${api}`, message: error.detail ?? `${Api} does not offer this.` }),
  // Triage's own refusals
  'errors/sign_in_required': fixed('Signed out', 'Your Triage session has ended. Sign in again to continue.'),
  'errors/forbidden': fixed('Refused by Triage', 'The Triage server refused this request from this page. Reload the page, then retry.'),
  // 5xx: transient
  'errors/request_timeout': (_context, { Api }) => ({ title: 'Request timed out', message: `${Api} took too long to answer. ${RETRY_SOON}` }),
  // Unipile's own (its network is down) and Triage's (it cannot reach the API): either way, the API is out of reach.
  'errors/network_down': (_context, { api }) => ({ title: `Cannot reach ${api}`, message: `The messaging API cannot be reached right now. ${RETRY_SOON}` }),
  'errors/service_unavailable': unavailable,
  // postpress's: its side has no live connection to the account's provider right now.
  'errors/no_client_session': (_context, { Api }) => ({ title: 'No session for this account', message: `${Api} has no open session for this account right now. ${RETRY_SOON}` }),
  'errors/no_channel': (_context, { Api }) => ({ title: 'Provider not reachable', message: `${Api} has no channel open to this account’s provider right now. ${RETRY_SOON}` }),
  'errors/no_handler': (_context, { Api }) => ({ title: 'Not handled right now', message: `${Api} could not handle this request for this account right now. ${RETRY_SOON}` }),
  'errors/provider_error': ({ providerLabel }) => ({
    title: 'Provider problem',
    message: `${providerLabel ?? 'The messaging provider'} is having operational problems. ${RETRY_SOON}`,
  }),
  'errors/unexpected_error': (_context, { Api }) => ({ title: 'Something went wrong', message: `${Api} hit an unexpected error. ${RETRY_SOON}` }),
  'errors/bad_gateway': unreadable,
  // Failures that never reached the API, or answers the browser cannot use
  'client/network_error': fixed('Cannot reach Triage', 'The Triage server did not answer. Check your connection, then retry.'),
  'client/invalid_response': unreadable,
  'client/missing_cursor': fixed(
    'Incomplete answer',
    'The answer did not say whether more chats follow, so the list stops here. Retry, and report it if it persists.',
  ),
};

function byStatus(status: number, words: ApiWords): ErrorCopy {
  if (status === 401) return { title: 'Not signed in', message: `${words.Api} did not accept the credentials. Check the server's API key, or reconnect the account.` };
  if (status === 403) return { title: 'Not allowed', message: 'This account is not allowed to do that.' };
  if (status === 404) return { title: 'Not found', message: `${words.Api} could not find what was asked for. It may have been deleted.` };
  if (status === 429) return { title: 'Too many requests', message: `${words.Api} asked Triage to slow down. ${RETRY_SOON}` };
  if (status === 504 || status === 408) return { title: 'Request timed out', message: `${words.Api} took too long to answer. ${RETRY_SOON}` };
  if (status >= 500) return { title: 'Something went wrong', message: `The server hit an error. ${RETRY_SOON}` };
  if (status >= 400) return { title: 'Request refused', message: 'The server did not accept the request. Clear any filters and retry.' };
  return { title: 'Something went wrong', message: `Triage could not load this. ${RETRY_SOON}` };
}

/** A backend's answer that it has no way to do this (a 501 `errors/not_offered`): a fact to state, not a failure to retry. */
export function isNotOffered(error: unknown): error is ApiError {
  return isApiError(error) && error.type === NOT_OFFERED_ERROR_TYPE;
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
  const words = apiWords(context);
  if (!isApiError(error)) return byStatus(0, words);
  const write = COPY[error.type];
  const copy = write ? write(context, words, error) : byStatus(error.status, words);
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
