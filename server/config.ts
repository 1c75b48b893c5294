import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BACKEND_KINDS, isBackendKind, type BackendKind } from '../src/lib/wire/backends';

/** Read once at start-up; every environment variable Triage understands is here (and in the README). */
const intIn = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max} (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    });

const flag = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = raw?.trim().toLowerCase() ?? '';
      if (v === '' || v === '0' || v === 'false') return false;
      if (v === '1' || v === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `${name} must be true, false, 1 or 0 (got "${raw}")` });
      return z.NEVER;
    });

/** A value where blank means unset. */
const optionalText = () => z.string().optional().transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** A secret of at least `min` characters, or unset. */
const secretOf = (name: string, min: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const secret = v?.trim() ?? '';
      if (secret === '') return undefined;
      if (secret.length < min) {
        ctx.addIssue({ code: 'custom', message: `${name} must be at least ${min} characters (got ${secret.length}); e.g. \`openssl rand -hex 32\`` });
        return z.NEVER;
      }
      return secret;
    });

const LOOPBACK_BIND = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** A bind address only this machine can reach. */
export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_BIND.test(host);
}

const envSchema = z.object({
  HOST: z.string().optional().transform((v) => (v && v.trim() !== '' ? v.trim() : '127.0.0.1')),
  PORT: intIn('PORT', 0, 65535, 5173),
  UNIPILE_DSN: optionalText(),
  UNIPILE_API_KEY: optionalText(),
  POSTPRESS_API_KEY: optionalText(),
  POSTPRESS_BASE_URL: optionalText(),
  PERISKOPE_API_KEY: optionalText(),
  PERISKOPE_BASE_URL: optionalText(),
  PERISKOPE_PHONE: z.string().optional().transform((v, ctx) => {
    const phone = v?.trim() ?? '';
    if (phone === '') return undefined;
    // Country code + number without spaces or signs (919876543210), or a phone id (phone-xxxxxxxxxxxx).
    if (!/^(?:\d{6,15}|phone-[a-z0-9]+)$/i.test(phone)) {
      ctx.addIssue({ code: 'custom', message: `PERISKOPE_PHONE must be the phone's country code and number without spaces or signs (e.g. 919876543210) or its phone id (phone-…), got "${phone}"` });
      return z.NEVER;
    }
    return phone;
  }),
  SIMULATOR_BACKENDS: z.string().optional().transform((v, ctx) => {
    const names = (v ?? '').split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
    if (names.length === 0) return ['unipile'] as BackendKind[];
    const unknown = names.find((n) => !isBackendKind(n));
    if (unknown !== undefined) {
      ctx.addIssue({ code: 'custom', message: `SIMULATOR_BACKENDS must list some of ${BACKEND_KINDS.join(', ')} separated by commas (got "${unknown}")` });
      return z.NEVER;
    }
    return [...new Set(names)] as BackendKind[];
  }),
  UPSTREAM_TIMEOUT_MS: intIn('UPSTREAM_TIMEOUT_MS', 1, 600_000, 30_000),
  SIMULATOR_CHATS: intIn('SIMULATOR_CHATS', 0, 1_000_000, 5_000),
  SIMULATOR_LATENCY_MS: intIn('SIMULATOR_LATENCY_MS', 0, 60_000, 0),
  SIMULATOR_SEED: intIn('SIMULATOR_SEED', 0, 2 ** 31 - 1, 42),
  SIMULATOR_FAULT_RATE: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return 0;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0 || n > 1) {
        ctx.addIssue({ code: 'custom', message: `SIMULATOR_FAULT_RATE must be a number from 0 to 1 (got "${raw}")` });
        return z.NEVER;
      }
      return n;
    }),
  TRIAGE_STATIC_DIR: z.string().optional(),
  LOG_REQUESTS: flag('LOG_REQUESTS'),
  DASHBOARD_TOKEN: secretOf('DASHBOARD_TOKEN', 32),
  ALLOWED_HOSTS: z.string().optional().transform((v) => (v ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '')),
  TRUST_PROXY: flag('TRUST_PROXY'),
  MAX_UPLOAD_MB: intIn('MAX_UPLOAD_MB', 1, 1024, 25),
  UPSTREAM_CONCURRENCY: intIn('UPSTREAM_CONCURRENCY', 1, 256, 8),
  UPSTREAM_QUEUE_LIMIT: intIn('UPSTREAM_QUEUE_LIMIT', 0, 100_000, 1_000),
  UNIPILE_WEBHOOK_SECRET: secretOf('UNIPILE_WEBHOOK_SECRET', 16),
  PUBLIC_URL: z.string().optional().transform((v, ctx) => {
    const raw = v?.trim() ?? '';
    if (raw === '') return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin + url.pathname.replace(/\/$/, '');
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `PUBLIC_URL must be the http(s) address Unipile can reach this server at (got "${raw}")` });
    return z.NEVER;
  }),
  SIMULATOR_ACTIVITY: z.string().optional(),
  LIVE_POLL_SECONDS: intIn('LIVE_POLL_SECONDS', 0, 3_600, 10),
  REDIS_URL: z.string().optional().transform((v, ctx) => {
    const raw = v?.trim() ?? '';
    if (raw === '') return undefined;
    if (!/^rediss?:\/\//.test(raw)) {
      ctx.addIssue({ code: 'custom', message: `REDIS_URL must start with redis:// or rediss:// (got "${raw.replace(/\/\/[^@]*@/, '//…@')}")` });
      return z.NEVER;
    }
    return raw;
  }),
});

/** A real upstream, with its key. */
export type BackendConfig =
  | { kind: 'unipile'; dsn: string; apiKey: string; host: string }
  | { kind: 'postpress'; apiRoot: string; apiKey: string; host: string }
  | { kind: 'periskope'; apiRoot: string; apiKey: string; host: string; phone: string | null };

/** The embedded simulator, used when no upstream is configured: one data set per dialect it answers. */
export interface SimulatorConfig {
  chats: number;
  latencyMs: number;
  faultRate: number;
  seed: number;
  dialects: BackendKind[];
}

export interface Config {
  host: string;
  port: number;
  upstreamTimeoutMs: number;
  /** Every configured upstream, in the order Settings lists them; empty on the simulator. */
  backends: BackendConfig[];
  /** Set exactly when `backends` is empty. */
  simulator: SimulatorConfig | null;
  /** Folder of the built SPA; null serves the API only. */
  staticDir: string | null;
  logRequests: boolean;
  /** Required on a non-loopback bind: every page and API request then needs a session signed with it. */
  dashboardToken: string | null;
  /** Host names (lower case, no port) a non-loopback bind answers to; empty: any. */
  allowedHosts: string[];
  /** Believe X-Forwarded-For / X-Forwarded-Proto (only behind a proxy that sets them). */
  trustProxy: boolean;
  /** Multipart message bodies (attachments) are cut off with 413 past this many bytes. */
  maxUploadBytes: number;
  /** Upstream calls in flight per backend at most; the rest wait in order. */
  upstreamConcurrency: number;
  /** Calls waiting for a slot at most; past it, 503 with Retry-After. */
  upstreamQueueLimit: number;
  /** Turns on POST /webhooks/unipile (requests must carry it in X-Webhook-Secret); a random one on the simulator. */
  webhookSecret: string | null;
  /** Where Unipile reaches this server: with it, the webhooks are registered at start-up. */
  publicUrl: string | null;
  /** Simulated incoming messages per minute, delivered through the webhook path (0: none). */
  simulatorActivity: number;
  /** Live events go through this Redis, so every server copy's browsers get every event. */
  redisUrl: string | null;
  /** Backends that push no webhooks to Triage (Periskope) have their newest messages read this often (0: never). */
  livePollMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** SIMULATOR_ACTIVITY: events per minute, 0 to 600; unset means the default. */
function parseActivity(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 600) throw new ConfigError(`SIMULATOR_ACTIVITY must be a whole number of events per minute from 0 to 600 (got "${raw}")`);
  return n;
}

/** An API base up to but excluding `/chats` (postpress, Periskope): http(s), no query or credentials. */
function parseApiRoot(variable: string, raw: string, example: string): { apiRoot: string; host: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${variable} must be a URL such as ${example} (got "${raw}")`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`${variable} must be the API's https:// base with no query or credentials, e.g. ${example} (got "${raw}")`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/chats$/.test(path)) throw new ConfigError(`${variable} is the base up to but excluding /chats, e.g. ${example} (got "${raw}")`);
  return { apiRoot: url.origin + path, host: url.host };
}

export const POSTPRESS_DEFAULT_BASE_URL = 'https://api.postpress.ai/v1';
export const PERISKOPE_DEFAULT_BASE_URL = 'https://api.periskope.app/v1';

function upstreamsOf(e: z.infer<typeof envSchema>): BackendConfig[] {
  const backends: BackendConfig[] = [];
  if (e.UNIPILE_DSN && e.UNIPILE_API_KEY) {
    backends.push({ kind: 'unipile', apiKey: e.UNIPILE_API_KEY, ...parseDsn(e.UNIPILE_DSN) });
  } else if (e.UNIPILE_DSN || e.UNIPILE_API_KEY) {
    const missing = e.UNIPILE_DSN ? 'UNIPILE_API_KEY' : 'UNIPILE_DSN';
    const present = e.UNIPILE_DSN ? 'UNIPILE_DSN' : 'UNIPILE_API_KEY';
    throw new ConfigError(`${present} is set but ${missing} is not: set both to use Unipile, or neither to run on the embedded simulator`);
  }
  if (e.POSTPRESS_API_KEY) {
    backends.push({ kind: 'postpress', apiKey: e.POSTPRESS_API_KEY, ...parseApiRoot('POSTPRESS_BASE_URL', e.POSTPRESS_BASE_URL ?? POSTPRESS_DEFAULT_BASE_URL, POSTPRESS_DEFAULT_BASE_URL) });
  } else if (e.POSTPRESS_BASE_URL) {
    throw new ConfigError('POSTPRESS_BASE_URL is set but POSTPRESS_API_KEY is not: set the key to use postpress');
  }
  if (e.PERISKOPE_API_KEY) {
    backends.push({ kind: 'periskope', apiKey: e.PERISKOPE_API_KEY, phone: e.PERISKOPE_PHONE ?? null, ...parseApiRoot('PERISKOPE_BASE_URL', e.PERISKOPE_BASE_URL ?? PERISKOPE_DEFAULT_BASE_URL, PERISKOPE_DEFAULT_BASE_URL) });
  } else if (e.PERISKOPE_BASE_URL || e.PERISKOPE_PHONE) {
    throw new ConfigError(`${e.PERISKOPE_BASE_URL ? 'PERISKOPE_BASE_URL' : 'PERISKOPE_PHONE'} is set but PERISKOPE_API_KEY is not: set the key to use Periskope`);
  }
  return backends;
}

function parseDsn(raw: string): { dsn: string; host: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`UNIPILE_DSN must be a URL such as https://api1.unipile.com:13111 (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`UNIPILE_DSN must start with https:// or http:// (got "${raw}")`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`UNIPILE_DSN must be the base URL with no path, query or credentials, e.g. https://api1.unipile.com:13111 (got "${raw}")`);
  }
  return { dsn: url.origin, host: url.host };
}

export function loadConfig(env: Record<string, string | undefined> = process.env, defaults: { staticDir?: string | null } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const message = issue?.message ?? 'invalid value';
    throw new ConfigError(message.includes(variable) ? message : `${variable}: ${message}`);
  }
  const e = parsed.data;
  if (!isLoopbackBind(e.HOST) && !e.DASHBOARD_TOKEN) {
    throw new ConfigError(`HOST=${e.HOST} is reachable from other machines: set DASHBOARD_TOKEN (at least 32 characters) so only people with it get in, or bind 127.0.0.1`);
  }
  const backends = upstreamsOf(e);
  if (backends.length > 0 && e.SIMULATOR_BACKENDS.join(',') !== 'unipile') {
    throw new ConfigError('SIMULATOR_BACKENDS only applies to the embedded simulator: leave it unset when an API key is set');
  }
  const simulator: SimulatorConfig | null =
    backends.length === 0 ? { chats: e.SIMULATOR_CHATS, latencyMs: e.SIMULATOR_LATENCY_MS, faultRate: e.SIMULATOR_FAULT_RATE, seed: e.SIMULATOR_SEED, dialects: e.SIMULATOR_BACKENDS } : null;
  const simulatorActivity = parseActivity(e.SIMULATOR_ACTIVITY, simulator ? 4 : 0);
  if (simulatorActivity > 0 && !simulator) throw new ConfigError('SIMULATOR_ACTIVITY only applies to the embedded simulator: leave it unset with a real API');
  const unipile = backends.some((b) => b.kind === 'unipile');
  if (unipile && e.PUBLIC_URL && !e.UNIPILE_WEBHOOK_SECRET) {
    throw new ConfigError('PUBLIC_URL is set but UNIPILE_WEBHOOK_SECRET is not: webhooks need a secret so nobody else can post to them');
  }
  return {
    // The simulator delivers its activity through the real webhook path: a secret of its own turns it on.
    webhookSecret: e.UNIPILE_WEBHOOK_SECRET ?? (simulator ? randomBytes(32).toString('base64url') : null),
    publicUrl: e.PUBLIC_URL ?? null,
    simulatorActivity,
    redisUrl: e.REDIS_URL ?? null,
    livePollMs: e.LIVE_POLL_SECONDS * 1000,
    host: e.HOST,
    port: e.PORT,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    backends,
    simulator,
    staticDir: e.TRIAGE_STATIC_DIR ?? defaults.staticDir ?? null,
    logRequests: e.LOG_REQUESTS,
    dashboardToken: e.DASHBOARD_TOKEN ?? null,
    allowedHosts: e.ALLOWED_HOSTS,
    trustProxy: e.TRUST_PROXY,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    upstreamConcurrency: e.UPSTREAM_CONCURRENCY,
    upstreamQueueLimit: e.UPSTREAM_QUEUE_LIMIT,
  };
}
