import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeError, retryingText, setDefaultBackendLabel, waitInWords } from './error-messages';
import { isRetryable } from './retry-policy';
import { NOT_OFFERED_ERROR_TYPE } from './wire/backends';

const apiError = (status: number, type: string) => new ApiError({ status, type, title: 'T' });

describe('describeError', () => {
  it('says a disconnected account needs reconnecting, naming the provider when known', () => {
    expect(describeError(apiError(401, 'errors/disconnected_account'), { providerLabel: 'LinkedIn' }).message).toBe(
      'This account is disconnected from LinkedIn. Reconnect it in your Unipile dashboard.',
    );
    expect(describeError(apiError(401, 'errors/disconnected_account')).message).toBe(
      'This account is disconnected from its provider. Reconnect it in your Unipile dashboard.',
    );
  });

  it.each([
    ['errors/missing_credentials', 401, /access token/],
    ['errors/invalid_credentials', 401, /access token/],
    ['errors/insufficient_permissions', 403, /permission/],
    ['errors/request_timeout', 504, /too long/],
    ['errors/network_down', 503, /cannot be reached/],
    ['errors/service_unavailable', 503, /temporarily unavailable/],
    ['errors/provider_error', 500, /operational problems/],
    ['errors/unexpected_error', 500, /unexpected error/],
    ['errors/invalid_parameters', 400, /did not accept these filters/],
    ['errors/not_found', 404, /could not find/],
    ['errors/too_many_requests', 429, /slow down/],
    ['client/network_error', 0, /did not answer/],
  ])('maps %s to plain words', (type, status, pattern) => {
    const copy = describeError(apiError(status, type));
    expect(copy.message).toMatch(pattern);
    expect(copy.message).not.toContain('errors/');
  });

  it('falls back on the status for an unknown type, and on a generic sentence for anything else', () => {
    expect(describeError(apiError(502, 'errors/brand_new')).title).toBe('Something went wrong');
    expect(describeError(apiError(418, 'errors/teapot')).title).toBe('Request refused');
    expect(describeError(new Error('boom')).message).toMatch(/could not load/);
  });
});

/** Every fault the e2e suite forces (e2e/faults.spec.ts), as the browser receives it. */
const FAULTS: [status: number, type: string, expected: RegExp][] = [
  [401, 'errors/missing_credentials', /access token/],
  [401, 'errors/multiple_sessions', /cookie method/],
  [401, 'errors/invalid_checkpoint_solution', /sign-in check/],
  [401, 'errors/checkpoint_error', /sign-in check/],
  [401, 'errors/invalid_credentials', /access token/],
  [401, 'errors/expired_credentials', /sign in again/],
  [401, 'errors/insufficient_privileges', /widen its scopes/],
  [401, 'errors/disconnected_account', /disconnected from/],
  [401, 'errors/disconnected_feature', /feature is disconnected/],
  [401, 'errors/invalid_credentials_but_valid_account_imap', /IMAP\/SMTP password/],
  [401, 'errors/expired_link', /link .* has expired/],
  [401, 'errors/wrong_account', /belongs to another account/],
  [401, 'errors/invalid_proxy_credentials', /proxy credentials/],
  [401, 'errors/invalid_imap_configuration', /IMAP settings/],
  [401, 'errors/invalid_smtp_configuration', /SMTP settings/],
  [401, 'errors/captcha_not_supported', /captcha/],
  [401, 'errors/sign_in_required', /Sign in again/],
  [403, 'errors/insufficient_permissions', /permission/],
  [403, 'errors/forbidden', /refused this request/],
  [413, 'errors/payload_too_large', /more than the server accepts/],
  [429, 'errors/too_many_requests', /slow down/],
  [500, 'errors/unexpected_error', /unexpected error/],
  [502, 'errors/bad_gateway', /cannot read/],
  [503, 'errors/service_unavailable', /temporarily unavailable/],
  [503, 'errors/network_down', /cannot be reached/],
  [504, 'errors/request_timeout', /too long/],
  [0, 'client/network_error', /did not answer/],
  [200, 'client/invalid_response', /cannot read/],
  [200, 'client/missing_cursor', /whether more chats follow/],
];

describe('every forced fault in plain words', () => {
  it.each(FAULTS)('%i %s', (status, type, expected) => {
    const copy = describeError(apiError(status, type));
    expect(copy.message).toMatch(expected);
    for (const text of [copy.title, copy.message]) {
      expect(text).not.toMatch(/errors\/|client\/|undefined|HTTP/);
      expect(text.trim()).not.toBe('');
    }
  });

  it('names the wait a Retry-After gave, instead of "in a moment"', () => {
    const limited = new ApiError({ status: 429, type: 'errors/too_many_requests', title: 'T', retryAfterMs: 30_000 });
    expect(describeError(limited).message).toBe('Unipile asked Triage to slow down. Try again in 30 seconds.');
    expect(describeError(apiError(429, 'errors/too_many_requests')).message).toBe('Unipile asked Triage to slow down. Try again in a moment.');
  });
});

describe('waitInWords', () => {
  it.each([
    [0, 'in 1 second'],
    [1_000, 'in 1 second'],
    [1_001, 'in 2 seconds'],
    [89_000, 'in 89 seconds'],
    [120_000, 'in 2 minutes'],
    [3 * 3_600_000, 'in 3 hours'],
  ])('%i ms → %s', (ms, words) => expect(waitInWords(ms)).toBe(words));
});

describe('retryingText', () => {
  it('says why, then that it is being tried again', () => {
    expect(retryingText(apiError(503, 'errors/service_unavailable'))).toBe('Unipile is unavailable. Retrying…');
    expect(retryingText(apiError(0, 'client/network_error'))).toBe('Cannot reach Triage. Retrying…');
  });
});

describe('postpress’s own error types', () => {
  it.each([
    ['errors/invalid_credentials_but_valid_account_imap', 401, /refused its IMAP\/SMTP password\. Reconnect it in your postpress dashboard\.$/],
    ['errors/expired_link', 401, /has expired\. Generate a new one in your postpress dashboard\.$/],
    ['errors/wrong_account', 401, /belongs to another account than this one\. Reconnect it/],
    ['errors/feature_not_subscribed', 403, /plan does not include the feature/],
    ['errors/subscription_required', 403, /paid subscription/],
    ['errors/unknown_authentication_context', 401, /does not recognise this sign-in/],
    ['errors/action_required', 403, /Do it there, then retry\.$/],
    ['errors/resource_access_restricted', 403, /no access to these chats/],
    ['errors/session_mismatch', 401, /no longer matches.*Reconnect it in your postpress dashboard\.$/],
    ['errors/authentication_intent_error', 401, /could not be completed\. Reconnect it in your postpress dashboard\.$/],
    ['errors/no_client_session', 503, /^postpress has no open session for this account right now\. Try again in a moment\.$/],
    ['errors/no_channel', 503, /^postpress has no channel open/],
    ['errors/no_handler', 503, /^postpress could not handle this request/],
  ])('%s says what happened and what to do, naming postpress', (type, status, pattern) => {
    const copy = describeError(apiError(status, type), { backendLabel: 'postpress' });
    expect(copy.message).toMatch(pattern);
    for (const text of [copy.title, copy.message]) expect(text).not.toMatch(/errors\/|Unipile|undefined/);
    // Each has words of its own: none falls back on the status's generic sentence.
    expect(copy.message).not.toBe(describeError(apiError(status, 'errors/brand_new'), { backendLabel: 'postpress' }).message);
  });
});

describe('which messaging API the words name', () => {
  afterEach(() => setDefaultBackendLabel('Unipile'));

  it('names the chat’s backend when the view knows it', () => {
    expect(describeError(apiError(504, 'errors/request_timeout'), { backendLabel: 'Periskope' }).message).toBe('Periskope took too long to answer. Try again in a moment.');
    expect(describeError(apiError(401, 'errors/disconnected_account'), { backendLabel: 'Periskope' }).message).toBe(
      'This account is disconnected from its provider. Reconnect it in your Periskope dashboard.',
    );
    expect(retryingText(apiError(503, 'errors/service_unavailable'), { backendLabel: 'Periskope' })).toBe('Periskope is unavailable. Retrying…');
  });

  it('names the only configured backend otherwise, and "the messaging API" when several are', () => {
    setDefaultBackendLabel('postpress');
    expect(describeError(apiError(500, 'errors/unexpected_error')).message).toBe('postpress hit an unexpected error. Try again in a moment.');
    setDefaultBackendLabel(null);
    const words = [
      describeError(apiError(500, 'errors/unexpected_error')),
      describeError(apiError(401, 'errors/invalid_credentials')),
      describeError(apiError(401, 'errors/expired_credentials')),
      describeError(apiError(429, 'errors/too_many_requests')),
      describeError(apiError(404, 'http/404')),
    ];
    expect(words[0]!.message).toBe('The messaging API hit an unexpected error. Try again in a moment.');
    expect(words[2]!.message).toMatch(/Reconnect it in your messaging API’s dashboard\.$/);
    for (const copy of words) expect(`${copy.title} ${copy.message}`).not.toMatch(/Unipile|postpress|Periskope/);
  });
});

describe('something a backend does not offer', () => {
  const notOffered = (detail?: string) => new ApiError({ status: 501, type: NOT_OFFERED_ERROR_TYPE, title: 'Not offered', detail });

  it('says it in the backend’s own words, titled with its name', () => {
    expect(describeError(notOffered('A chat’s messages are not offered by postpress.'), { backendLabel: 'postpress' })).toEqual({
      title: 'Not offered by postpress',
      message: 'A chat’s messages are not offered by postpress.',
    });
  });

  it('still says something without words of its own', () => {
    expect(describeError(notOffered(), { backendLabel: 'Periskope' })).toEqual({ title: 'Not offered by Periskope', message: 'Periskope does not offer this.' });
  });

  it('is never tried again: no wait makes a backend offer it', () => {
    expect(isRetryable(notOffered('Periskope has no way to archive a chat.'))).toBe(false);
  });
});
