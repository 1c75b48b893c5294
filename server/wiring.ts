import { BACKEND_LABELS, type BackendInfo, type BackendKind } from '../src/lib/wire/backends';
import { createPeriskopeBackend } from './backends/periskope';
import { createPostpressBackend } from './backends/postpress';
import { protectBackend, type ProtectedBackend } from './backends/protect';
import { createRegistry } from './backends/registry';
import { createUnipileBackend } from './backends/unipile';
import type { Backend } from './backends/types';
import type { BackendConfig, Config, SimulatorConfig } from './config';
import { createSimulator, type Simulator } from './simulator';
import { createPeriskopeSimulator, type PeriskopeSimulator } from './simulator/periskope';
import { postpressDialect, POSTPRESS_SIMULATOR_ROOT } from './simulator/postpress-dialect';

const SIMULATOR_HOST = 'embedded simulator';
const PERISKOPE_SIMULATOR_ROOT = 'http://periskope.simulator.invalid/v1';

export interface Upstream {
  /** What the routes talk to: the one backend, or the registry merging several. */
  backend: Backend;
  /** Each backend on its own (protected), in config order. */
  members: readonly { info: BackendInfo; backend: ProtectedBackend }[];
  /** The simulator's Unipile-dialect data, when it serves one (its activity delivers live events). */
  simulator: Simulator | null;
  /** The simulator's Periskope-dialect data, when it serves one. */
  periskopeSimulator: PeriskopeSimulator | null;
  /** Every key, for the logs' last redaction. */
  secrets: readonly string[];
}

/**
 * The one place that chooses the upstreams: the real APIs configured, or the embedded simulator in the dialects asked
 * for, each behind its own protection (coalescing, concurrency cap, 429 pause), merged when there are several.
 */
export function createBackend(config: Config): Backend {
  return createUpstream(config).backend;
}

export function createUpstream(config: Config): Upstream {
  const adapters = config.simulator ? simulatedAdapters(config.simulator, config.upstreamTimeoutMs) : config.backends.map((b) => realAdapter(b, config.upstreamTimeoutMs));
  const members = adapters.map(({ adapter, info }) => ({
    info,
    backend: protectBackend(adapters.length > 1 ? faultsFor(info.kind, adapter) : adapter, { concurrency: config.upstreamConcurrency, queueLimit: config.upstreamQueueLimit, maxWaitMs: config.upstreamTimeoutMs }),
  }));
  const backend = createRegistry(members.map((m) => ({ kind: m.info.kind, label: m.info.label, backend: m.backend })));
  return {
    backend,
    members,
    simulator: adapters.find((a) => a.simulator)?.simulator ?? null,
    periskopeSimulator: adapters.find((a) => a.periskope)?.periskope ?? null,
    secrets: adapters.map((a) => a.secret),
  };
}

/**
 * With several simulated backends, a forced fault written `<kind>=<fault>` (e2e: `periskope=500`) reaches that backend
 * only, so a test can fail one and watch the others keep working; a plain fault reaches every one.
 */
function faultsFor(kind: BackendKind, adapter: Backend): Backend {
  return {
    ...adapter,
    request: (req) => {
      const fault = req.simulatorFault;
      const at = fault?.indexOf('=') ?? -1;
      if (fault === undefined || at === -1) return adapter.request(req);
      const { simulatorFault: _, ...rest } = req;
      return adapter.request(fault.slice(0, at) === kind ? { ...rest, simulatorFault: fault.slice(at + 1) } : rest);
    },
  };
}

interface Adapter {
  adapter: Backend;
  info: BackendInfo;
  secret: string;
  simulator?: Simulator;
  periskope?: PeriskopeSimulator;
}

function infoOf(kind: BackendKind, host: string, simulated: boolean): BackendInfo {
  return { kind, label: BACKEND_LABELS[kind], host, simulated };
}

function realAdapter(config: BackendConfig, timeoutMs: number): Adapter {
  const { apiKey, host } = config;
  const info = infoOf(config.kind, host, false);
  if (config.kind === 'unipile') return { info, secret: apiKey, adapter: createUnipileBackend({ kind: 'unipile', baseUrl: config.dsn, host, apiKey, timeoutMs }) };
  if (config.kind === 'postpress') return { info, secret: apiKey, adapter: createPostpressBackend({ apiRoot: config.apiRoot, host, apiKey, timeoutMs }) };
  return { info, secret: apiKey, adapter: createPeriskopeBackend({ apiRoot: config.apiRoot, host, apiKey, phone: config.phone, timeoutMs }) };
}

/** One data set per dialect (seeds apart, so the merged demo does not show every chat twice). */
function simulatedAdapters(sim: SimulatorConfig, timeoutMs: number): Adapter[] {
  return sim.dialects.map((kind, i): Adapter => {
    const seed = sim.seed + i;
    const info = infoOf(kind, SIMULATOR_HOST, true);
    if (kind === 'periskope') {
      const periskope = createPeriskopeSimulator({ chats: sim.chats, seed, latencyMs: sim.latencyMs });
      const adapter = createPeriskopeBackend({ apiRoot: PERISKOPE_SIMULATOR_ROOT, host: SIMULATOR_HOST, apiKey: periskope.apiKey, phone: null, timeoutMs, fetch: periskope.fetch, simulated: true });
      return { info, secret: periskope.apiKey, periskope, adapter: { ...adapter, requestCounts: periskope.requestCounts } };
    }
    const simulator = createSimulator({ chats: sim.chats, seed, latencyMs: sim.latencyMs, faultRate: sim.faultRate });
    if (kind === 'postpress') {
      const dialect = postpressDialect(simulator);
      const adapter = createPostpressBackend({ apiRoot: POSTPRESS_SIMULATOR_ROOT, host: SIMULATOR_HOST, apiKey: simulator.apiKey, timeoutMs, fetch: dialect.fetch, simulated: true });
      return { info, secret: simulator.apiKey, adapter: { ...adapter, requestCounts: simulator.requestCounts } };
    }
    const adapter = createUnipileBackend({ kind: 'simulator', baseUrl: 'http://simulator.invalid', host: SIMULATOR_HOST, apiKey: simulator.apiKey, timeoutMs, fetch: simulator.fetch });
    return { info, secret: simulator.apiKey, simulator, adapter: { ...adapter, requestCounts: simulator.requestCounts } };
  });
}
