export interface FailureLimiterOptions {
  /** Failures a client may make within the window; the next attempt is refused. */
  maxFailures?: number;
  windowMs?: number;
  /** Clients remembered at most: past it, expired ones go first, then the oldest. */
  maxClients?: number;
}

/** Counts failed sign-ins per client over a sliding window. In memory, per process: a copy of the server counts its own. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxClients: number;

  constructor({ maxFailures = 5, windowMs = 60_000, maxClients = 10_000 }: FailureLimiterOptions = {}) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
    this.maxClients = maxClients;
  }

  /** Seconds the client must wait before trying again, or null when it may try now. */
  retryAfter(client: string, nowMs: number): number | null {
    const recent = this.recent(client, nowMs);
    if (recent.length < this.maxFailures) return null;
    const oldest = recent[recent.length - this.maxFailures] ?? nowMs;
    return Math.max(1, Math.ceil((oldest + this.windowMs - nowMs) / 1000));
  }

  fail(client: string, nowMs: number): void {
    const recent = this.recent(client, nowMs);
    if (recent.length === 0) this.makeRoom(nowMs);
    recent.push(nowMs);
    // Only the last few matter; a client hammering away does not grow its entry.
    if (recent.length > this.maxFailures) recent.shift();
    // Re-inserted so the Map's order stays "least recently failed first" for eviction.
    this.failures.delete(client);
    this.failures.set(client, recent);
  }

  reset(client: string): void {
    this.failures.delete(client);
  }

  get size(): number {
    return this.failures.size;
  }

  private recent(client: string, nowMs: number): number[] {
    const times = this.failures.get(client);
    if (!times) return [];
    const live = times.filter((t) => nowMs - t < this.windowMs);
    if (live.length === 0) this.failures.delete(client);
    return live;
  }

  private makeRoom(nowMs: number): void {
    if (this.failures.size < this.maxClients) return;
    for (const [client, times] of this.failures) {
      if (times.every((t) => nowMs - t >= this.windowMs)) this.failures.delete(client);
    }
    while (this.failures.size >= this.maxClients) {
      const oldest = this.failures.keys().next();
      if (oldest.done) break;
      this.failures.delete(oldest.value);
    }
  }
}
