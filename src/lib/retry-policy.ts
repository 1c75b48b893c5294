import { isApiError } from './api-client';

/**
 * When a failed request is tried again by itself: only where waiting can help. A request that never got an answer
 * (status 0), a 503 or 504 (the upstream is busy or slow) and a 429 (after the delay it names) may succeed a moment
 * later; any other 4xx is a refusal that repeats itself, and a 500 or 502 is a fault of the server or of the
 * upstream's answer, which a retry within seconds does not fix. Anything that is not an ApiError is a bug in reading
 * the answer and would fail again the same way.
 */

/** Retries after the first attempt: four attempts in all. */
export const MAX_RETRIES = 3;
/** The first retry waits about this long; each next one twice as long. */
export const BASE_DELAY_MS = 250;
/** No backoff step waits longer. */
export const MAX_DELAY_MS = 4_000;
/** A Retry-After longer than this is not waited out behind a spinner: the person sees the error and decides. */
export const MAX_RETRY_AFTER_MS = 30_000;

const RETRYABLE_STATUSES = new Set([0, 429, 503, 504]);

export function isRetryable(error: unknown): boolean {
  if (!isApiError(error) || !RETRYABLE_STATUSES.has(error.status)) return false;
  return error.retryAfterMs === undefined || error.retryAfterMs <= MAX_RETRY_AFTER_MS;
}

/** TanStack Query's `retry`: `failureCount` is how many attempts have failed before this one (0 after the first). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error);
}

/**
 * TanStack Query's `retryDelay`: the server's Retry-After when it gave one, else exponential backoff with "equal
 * jitter" (half the step fixed, half random), so many tabs failing together do not come back in lockstep.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** failureCount);
  return Math.round(step / 2 + random() * (step / 2));
}
