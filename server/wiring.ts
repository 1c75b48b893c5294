import { protectBackend, type ProtectedBackend } from './backends/protect';
import { createUnipileBackend } from './backends/unipile';
import type { Backend } from './backends/types';
import type { Config } from './config';
import { createSimulator } from './simulator';

/**
 * The one place that chooses the upstream: the real Unipile API, or the embedded simulator behind the same adapter;
 * either way behind the same protection (coalescing, concurrency cap, 429 pause).
 */
export function createBackend(config: Config): ProtectedBackend {
  return protectBackend(createAdapter(config), {
    concurrency: config.upstreamConcurrency,
    queueLimit: config.upstreamQueueLimit,
    maxWaitMs: config.upstreamTimeoutMs,
  });
}

function createAdapter(config: Config): Backend {
  if (config.backend.kind === 'unipile') {
    return createUnipileBackend({
      kind: 'unipile',
      baseUrl: config.backend.dsn,
      host: config.backend.host,
      apiKey: config.backend.apiKey,
      timeoutMs: config.upstreamTimeoutMs,
    });
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
  return { ...adapter, requestCounts: simulator.requestCounts };
}
