import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeError, isTransient } from './error-messages';

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
    ['errors/network_down', 503, /network/],
    ['errors/service_unavailable', 503, /temporarily unavailable/],
    ['errors/provider_error', 500, /operational problems/],
    ['errors/unexpected_error', 500, /unexpected error/],
    ['errors/invalid_parameters', 400, /did not accept these filters/],
    ['errors/not_found', 404, /could not find/],
    ['errors/too_many_requests', 429, /rate limiting/],
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

describe('isTransient', () => {
  it('retries server and network failures, not refusals', () => {
    expect(isTransient(apiError(503, 'errors/service_unavailable'))).toBe(true);
    expect(isTransient(apiError(0, 'client/network_error'))).toBe(true);
    expect(isTransient(apiError(401, 'errors/disconnected_account'))).toBe(false);
    expect(isTransient(apiError(400, 'errors/invalid_parameters'))).toBe(false);
  });
});
