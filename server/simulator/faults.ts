import { errors, type ApiError } from './errors';
import { hash2, mulberry32, type Rng } from './prng';

/**
 * Fault knobs. Latency is a plain timer (abortable, like a real network wait). Faults come from their own
 * seeded stream, one draw per authenticated request, so a given seed and request sequence always fails
 * the same requests; a failed request has no side effect.
 */

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as unknown);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const FAULTS: readonly (() => ApiError)[] = [errors.unexpected, errors.serviceUnavailable, errors.requestTimeout];

export class FaultInjector {
  private readonly rng: Rng;

  constructor(seed: number, private readonly rate: number) {
    this.rng = mulberry32(hash2(seed, 0xfa17));
  }

  /** The error to answer this request with, or null to serve it. */
  next(): ApiError | null {
    const u = this.rng();
    const which = this.rng();
    if (u >= this.rate) return null;
    const make = FAULTS[Math.floor(which * FAULTS.length)] ?? errors.unexpected;
    return make();
  }
}
