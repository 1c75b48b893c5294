import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet, ApiError } from './api-client';
import { setDefaultBackendLabel } from './error-messages';
import { BACKEND_KINDS, BACKEND_LABELS, isBackendKind, type BackendInfo } from './wire/backends';

/** What serves Triage as a whole: one dialect, the embedded simulator, or several backends merged into one list. */
const SERVING_KINDS = ['simulator', ...BACKEND_KINDS, 'merged'] as const;
export type ServingKind = (typeof SERVING_KINDS)[number];

export interface AppConfig {
  backend: { kind: ServingKind; host: string };
  /** Every configured backend, each once; with one backend, that one (an older server's answer is read as such). */
  backends: BackendInfo[];
  /** The server asks for its dashboard token (a session cookie): offer Sign out. */
  auth: { required: boolean };
}

const appConfigSchema = z.object({
  backend: z.object({
    kind: z.enum(SERVING_KINDS),
    host: z.catch(z.string(), ''),
  }),
  // Checked one by one below: a malformed entry is dropped, not the whole answer.
  backends: z.catch(z.optional(z.array(z.unknown())), undefined),
  // An older server does not say: it has no sign-in.
  auth: z.catch(z.object({ required: z.boolean() }), { required: false }),
});

const backendInfoSchema = z.object({
  kind: z.enum(BACKEND_KINDS),
  label: z.catch(z.string(), ''),
  host: z.catch(z.string(), ''),
  simulated: z.catch(z.boolean(), false),
});

const SIMULATOR_HOST = 'embedded simulator';

/** What an older server (no `backends`) serves: the simulator is its Unipile dialect; a merge cannot be told apart. */
function backendsOf(backend: AppConfig['backend']): BackendInfo[] {
  if (backend.kind === 'simulator') return [{ kind: 'unipile', label: BACKEND_LABELS.unipile, host: backend.host || SIMULATOR_HOST, simulated: true }];
  if (isBackendKind(backend.kind)) return [{ kind: backend.kind, label: BACKEND_LABELS[backend.kind], host: backend.host, simulated: false }];
  return [];
}

function readBackends(raw: readonly unknown[] | undefined, backend: AppConfig['backend']): BackendInfo[] {
  const found = new Map<string, BackendInfo>();
  for (const item of raw ?? []) {
    const parsed = backendInfoSchema.safeParse(item);
    if (!parsed.success || found.has(parsed.data.kind)) continue;
    const info = parsed.data;
    found.set(info.kind, { ...info, label: info.label.trim() || BACKEND_LABELS[info.kind], host: info.host || (info.simulated ? SIMULATOR_HOST : '') });
  }
  return found.size > 0 ? [...found.values()] : backendsOf(backend);
}

/** Reads GET /api/config leniently: only the backend kind is required. */
export function readAppConfig(json: unknown): AppConfig {
  const parsed = appConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({ status: 200, type: 'client/invalid_response', title: 'Unexpected response', detail: '/api/config has no backend kind.' });
  }
  const { backend, backends, auth } = parsed.data;
  return { backend, backends: readBackends(backends, backend), auth };
}

export async function fetchAppConfig(signal?: AbortSignal): Promise<AppConfig> {
  const config = readAppConfig(await apiGet('/api/config', { signal }));
  // With one backend every error comes from it, so its words can name it; with several, only the view knows which.
  setDefaultBackendLabel(config.backends.length === 1 ? (config.backends[0]?.label ?? null) : null);
  return config;
}

export const appConfigKeys = { all: ['app-config'] as const };

export function appConfigQueryOptions() {
  return queryOptions({
    queryKey: appConfigKeys.all,
    queryFn: ({ signal }) => fetchAppConfig(signal),
    // The backend is chosen when the server starts; it does not change under a running page.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
