import { createHttpUpstream } from '../http-upstream';
import type { Backend, FetchLike } from '../types';
import { handle } from './adapter';
import { createCalls } from './client';
import { Answer } from './errors';

export interface PeriskopeBackendOptions {
  /** The API's base, e.g. https://api.periskope.app/v1 (a trailing slash is tolerated). */
  apiRoot: string;
  /** Shown in GET /api/config; never a secret. */
  host: string;
  apiKey: string;
  /** The `x-phone` scope (a number, an org_phone or a phone_id); null: every phone the key can see. */
  phone: string | null;
  timeoutMs: number;
  /** See HttpUpstreamOptions.fetch. */
  fetch?: FetchLike;
  /** Answered by the embedded simulator's Periskope dialect: forced faults are passed on. */
  simulated?: boolean;
}

/**
 * The Periskope adapter: Unipile's dialect to the routes, Periskope's API upstream (Bearer key, `x-phone` scope,
 * offset paging). Routes and mappings: ./adapter.ts; paging and what it guarantees: ./cursor.ts.
 */
export function createPeriskopeBackend(options: PeriskopeBackendOptions): Backend {
  const { apiKey, host } = options;
  const simulated = options.simulated === true;
  const phone = options.phone?.trim() ? options.phone.trim() : null;
  const upstream = createHttpUpstream({
    baseUrl: options.apiRoot,
    host,
    authHeaders: { Authorization: `Bearer ${apiKey}` },
    secrets: [apiKey],
    timeoutMs: options.timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function request(req: Parameters<Backend['request']>[0]): Promise<Response> {
    const fault = simulated ? req.simulatorFault : undefined;
    const calls = createCalls(upstream, { ...(req.signal ? { signal: req.signal } : {}), ...(fault ? { fault } : {}) });
    try {
      return await handle({ calls, phone }, req);
    } catch (error) {
      if (error instanceof Answer) return error.response;
      throw error;
    }
  }

  return { kind: 'periskope', simulated, host, request };
}
