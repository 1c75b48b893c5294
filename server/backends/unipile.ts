import { createHttpUpstream } from './http-upstream';
import type { Backend, FetchLike, UpstreamRequest } from './types';

export interface UnipileBackendOptions {
  /** The dialect's vendor; `simulator` is the embedded simulator's Unipile dialect (the same as unipile + simulated). */
  kind: 'unipile' | 'postpress' | 'simulator';
  simulated?: boolean;
  /** Origin of the API, e.g. https://api1.unipile.com:13111 (no path; a trailing slash is tolerated). */
  baseUrl: string;
  /**
   * Where the API's routes live, when not at `<baseUrl>/api/v1`: the base up to but excluding `/chats`
   * (postpress: https://api.postpress.ai/v1). The browser's `/api/v1/…` paths are sent under it.
   */
  apiRoot?: string;
  /** Shown in GET /api/config; never a secret. */
  host: string;
  apiKey: string;
  timeoutMs: number;
  /** See HttpUpstreamOptions.fetch. */
  fetch?: FetchLike;
}

const API_PREFIX = '/api/v1';

/**
 * The Unipile dialect adapter (Unipile, postpress, the embedded simulator): the browser's request as it is, under the
 * API's root, with the key in X-API-KEY.
 */
export function createUnipileBackend(options: UnipileBackendOptions): Backend {
  const { apiKey, host } = options;
  const kind = options.kind === 'simulator' ? 'unipile' : options.kind;
  const simulated = options.kind === 'simulator' || options.simulated === true;
  const root = (options.apiRoot ?? `${options.baseUrl.replace(/\/+$/, '')}${API_PREFIX}`).replace(/\/+$/, '');
  const upstream = createHttpUpstream({ baseUrl: root, host, authHeaders: { 'X-API-KEY': apiKey }, secrets: [apiKey], timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });

  function request(req: UpstreamRequest): Promise<Response> {
    const path = req.path.startsWith(`${API_PREFIX}/`) ? req.path.slice(API_PREFIX.length) : req.path;
    const headers = simulated && req.simulatorFault ? { 'x-simulator-fault': req.simulatorFault } : undefined;
    return upstream({ ...req, path, ...(headers ? { headers } : {}) });
  }

  return { kind, simulated, host, request };
}
