import { protectBackend, type ProtectedBackend } from './backends/protect';
import { createUnipileBackend } from './backends/unipile';
import type { Backend } from './backends/types';
import type { Config } from './config';
import { createSimulator, type Simulator } from './simulator';

/**
 * The one place that chooses the upstream: the real Unipile API, or the embedded simulator behind the same adapter;
 * either way behind the same protection (coalescing, concurrency cap, 429 pause).
 */
export function createBackend(config: Config): ProtectedBackend {
  return createUpstream(config).backend;
}

/** The backend, and the embedded simulator behind it when there is one (its activity delivers live events). */
export function createUpstream(config: Config): { backend: ProtectedBackend; simulator: Simulator | null } {
  const { adapter, simulator } = createAdapter(config);
  const backend = protectBackend(adapter, {
    concurrency: config.upstreamConcurrency,
    queueLimit: config.upstreamQueueLimit,
    maxWaitMs: config.upstreamTimeoutMs,
  });
  return { backend, simulator };
}

function createAdapter(config: Config): { adapter: Backend; simulator: Simulator | null } {
  if (config.backend.kind === 'unipile') {
    const adapter = createUnipileBackend({
      kind: 'unipile',
      baseUrl: config.backend.dsn,
      host: config.backend.host,
      apiKey: config.backend.apiKey,
      timeoutMs: config.upstreamTimeoutMs,
    });
    return { adapter, simulator: null };
  }
  const simulator = createSimulator({
    chats: config.backend.chats,
    seed: config.backend.seed,
    latencyMs: config.backend.latencyMs,
    faultRate: config.backend.faultRate,
  });
  const adapter = createUnipileBackend({
    kind: 'simulator',
    baseUrl: 'http://simulator.invalid',
    host: 'embedded simulator',
    apiKey: simulator.apiKey,
    timeoutMs: config.upstreamTimeoutMs,
    fetch: simulator.fetch,
  });
  return { adapter: { ...adapter, requestCounts: simulator.requestCounts }, simulator };
}
