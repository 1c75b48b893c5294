import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet, ApiError } from './api-client';

export interface AppConfig {
  backend: { kind: 'simulator' | 'unipile'; host: string };
  /** The server asks for its dashboard token (a session cookie): offer Sign out. */
  auth: { required: boolean };
}

const appConfigSchema = z.object({
  backend: z.object({
    kind: z.enum(['simulator', 'unipile']),
    host: z.catch(z.string(), ''),
  }),
  // An older server does not say: it has no sign-in.
  auth: z.catch(z.object({ required: z.boolean() }), { required: false }),
});

export async function fetchAppConfig(signal?: AbortSignal): Promise<AppConfig> {
  const parsed = appConfigSchema.safeParse(await apiGet('/api/config', { signal }));
  if (!parsed.success) {
    throw new ApiError({ status: 200, type: 'client/invalid_response', title: 'Unexpected response', detail: '/api/config has no backend kind.' });
  }
  return parsed.data;
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
