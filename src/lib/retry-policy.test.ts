import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { BASE_DELAY_MS, isRetryable, MAX_DELAY_MS, MAX_RETRIES, MAX_RETRY_AFTER_MS, retryDelay, shouldRetry } from './retry-policy';

const apiError = (status: number, type = `http/${status}`, retryAfterMs?: number) => new ApiError({ status, type, title: 'T', retryAfterMs });

describe('isRetryable', () => {
  it.each([
    [0, 'client/network_error'],
    [503, 'errors/service_unavailable'],
    [503, 'errors/network_down'],
    [504, 'errors/request_timeout'],
    [429, 'errors/too_many_requests'],
  ])('retries %i %s', (status, type) => expect(isRetryable(apiError(status, type))).toBe(true));

  it.each([
    [400, 'errors/invalid_parameters'],
    [401, 'errors/disconnected_account'],
    [401, 'errors/invalid_credentials'],
    [401, 'errors/sign_in_required'],
    [403, 'errors/insufficient_permissions'],
    [404, 'errors/resource_not_found'],
    [408, 'http/408'],
    [413, 'errors/payload_too_large'],
    [500, 'errors/unexpected_error'],
    [502, 'errors/bad_gateway'],
    [200, 'client/invalid_response'],
    [200, 'client/missing_cursor'],
  ])('never retries %i %s', (status, type) => expect(isRetryable(apiError(status, type))).toBe(false));

  it('does not retry what is not an ApiError (a bug reading the answer fails again the same way)', () => {
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetryable('boom')).toBe(false);
  });

  it('waits out a Retry-After up to its limit, and leaves a longer one to the person', () => {
    expect(isRetryable(apiError(429, 'errors/too_many_requests', MAX_RETRY_AFTER_MS))).toBe(true);
    expect(isRetryable(apiError(429, 'errors/too_many_requests', MAX_RETRY_AFTER_MS + 1))).toBe(false);
    expect(isRetryable(apiError(503, 'errors/service_unavailable', 3_600_000))).toBe(false);
  });
});

describe('shouldRetry', () => {
  it('allows at most three retries, four attempts in all', () => {
    const error = apiError(503, 'errors/service_unavailable');
    const attempts = [0, 1, 2, 3, 4].map((failureCount) => shouldRetry(failureCount, error));
    expect(attempts).toEqual([true, true, true, false, false]);
    expect(MAX_RETRIES).toBe(3);
    expect(shouldRetry(0, apiError(500, 'errors/unexpected_error'))).toBe(false);
  });
});

describe('retryDelay', () => {
  const error = apiError(503, 'errors/service_unavailable');

  it('doubles from the base, with half of each step random', () => {
    expect(retryDelay(0, error, () => 0)).toBe(BASE_DELAY_MS / 2);
    expect(retryDelay(0, error, () => 1)).toBe(BASE_DELAY_MS);
    expect(retryDelay(1, error, () => 0)).toBe(BASE_DELAY_MS);
    expect(retryDelay(2, error, () => 1)).toBe(BASE_DELAY_MS * 4);
    for (let failureCount = 0; failureCount < 3; failureCount++) {
      for (let i = 0; i < 50; i++) {
        const delay = retryDelay(failureCount, error);
        const step = BASE_DELAY_MS * 2 ** failureCount;
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });

  it('never waits longer than the cap between two attempts', () => {
    expect(retryDelay(20, error, () => 1)).toBe(MAX_DELAY_MS);
    expect(retryDelay(20, error, () => 0)).toBe(MAX_DELAY_MS / 2);
  });

  it('takes the Retry-After the server named, whatever the attempt', () => {
    expect(retryDelay(0, apiError(429, 'errors/too_many_requests', 1_000), () => 0)).toBe(1_000);
    expect(retryDelay(2, apiError(429, 'errors/too_many_requests', 0), () => 1)).toBe(0);
    expect(retryDelay(0, apiError(503, 'errors/service_unavailable', 2_000), () => 0)).toBe(2_000);
  });
});
