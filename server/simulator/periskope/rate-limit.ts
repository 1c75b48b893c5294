/**
 * Periskope's rate-limit headers (`X-RateLimit-Limit`, `-Remaining`, `-Reset` in epoch seconds, as the seed shows) over
 * a fixed window. The simulator reports them but never refuses on its own: a 429 comes only from the forced fault,
 * so tests decide when the limit is hit.
 */

export const RATE_LIMIT = 1000;
const WINDOW_MS = 60_000;

export class RateWindow {
  private windowStart = -Infinity;
  private used = 0;

  constructor(private readonly now: () => number) {}

  /** Counts one request and answers the headers it carries; `exhaustedForSeconds` is the forced 429's wait. */
  take(exhaustedForSeconds?: number): Record<string, string> {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = Math.floor(now / WINDOW_MS) * WINDOW_MS;
      this.used = 0;
    }
    this.used++;
    if (exhaustedForSeconds !== undefined) {
      return {
        'X-RateLimit-Limit': String(RATE_LIMIT),
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Math.ceil(now / 1000) + exhaustedForSeconds),
        'Retry-After': String(exhaustedForSeconds),
      };
    }
    return {
      'X-RateLimit-Limit': String(RATE_LIMIT),
      'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMIT - this.used)),
      'X-RateLimit-Reset': String(Math.ceil((this.windowStart + WINDOW_MS) / 1000)),
    };
  }
}
