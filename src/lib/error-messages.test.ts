import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeError, retryingText, waitInWords } from './error-messages';

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
  [401, 'errors/wrong_account', /access token/],
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
