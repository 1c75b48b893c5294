/**
 * /api/v1/* — the allow-list proxy to the messaging API (Unipile's dialect), holding the key so the browser never
 * does. The contract (routes, validation, limits, extension filters, what is relayed) is written once, in README.md,
 * "The API the browser speaks".
 */
import { Hono, type Context } from 'hono';
import { CHAT_ACTIONS } from '../../src/lib/wire/vocabulary';
import type { Backend, UpstreamRequest } from '../backends/types';
import { filterFingerprint, isOurCursor, readScanCursor } from '../chat-scan/cursor';
import { DEFAULT_FILTERED_LIMIT, parseChatFilters } from '../chat-scan/filters';
import { scanChats } from '../chat-scan/scan';
import { ForbiddenError, InvalidParameterError, knownErrorResponse, notFound, PayloadTooLargeError, unexpectedErrorResponse, UpstreamErrorResponse } from './errors';
import { countedStream, readJsonBody, refuseDeclaredOver } from './request-body';
import { ACCOUNT_LIST_QUERY, ALL_MESSAGES_QUERY, CHAT_LIST_QUERY, CHAT_QUERY, MESSAGE_LIST_QUERY, pickQuery, searchParamsOf } from './query';
import { isJsonContentType, relayBinary, relayJson } from './relay';

export interface ApiRoutesOptions {
  backend: Backend;
  /**
   * Called for every 5xx Triage answers itself: `expected` for an upstream that timed out, could not be reached or
   * answered garbage (worth a line in the log), not for a bug (worth a stack).
   */
  onServerError?: (error: unknown, c: Context, expected: boolean) => void;
  /** Multipart message bodies past this many bytes are cut off with 413 (default 25 MB). */
  maxUploadBytes?: number;
  /** A message was sent to this chat through Triage: what is cached of its last message is out of date. */
  onMessageSent?: (chatId: string) => void;
  /** A list's first page was asked for: its rows' previews will be asked for next. */
  onFirstListPage?: () => void;
}

const DEFAULT_MAX_UPLOAD = 25 * 1024 * 1024;
/** Real ids are far shorter; a longer one is a mistake or an attack, answered before anything goes upstream. */
const MAX_ID_LENGTH = 1024;

class NotFoundError extends Error {}

/** Decoded once by the router, encoded once here: `@` survives, `/`, `?`, `#` cannot leave the segment. */
function segment(c: Context, name = 'id'): string {
  const value = c.req.param(name) ?? '';
  // `.` and `..` would be dot segments in the upstream URL (even as %2E%2E) and climb out of the route.
  if (value === '.' || value === '..') throw new NotFoundError();
  if (value.length > MAX_ID_LENGTH) throw new InvalidParameterError(name, `must be at most ${MAX_ID_LENGTH} characters`);
  return encodeURIComponent(value);
}

/**
 * Writes come from Triage's own page. A form on another site can POST here without a preflight, so a browser that
 * says the request is cross-site is refused: by Sec-Fetch-Site when it sends it (every current browser; behind a
 * proxy that rewrites Host it is the only reliable signal), else by comparing Origin with the host addressed.
 * Clients that are not browsers send neither and are unaffected.
 */
function assertSameOrigin(c: Context): void {
  const refuse = () => new ForbiddenError('Cross-site requests are not accepted.');
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return;
    throw refuse();
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw refuse();
  }
  if (originHost !== new URL(c.req.url).host) throw refuse();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createApiRoutes({ backend, onServerError, maxUploadBytes = DEFAULT_MAX_UPLOAD, onMessageSent, onFirstListPage }: ApiRoutesOptions): Hono {
  const api = new Hono();
  // Single calls do not watch the browser's signal: it costs an AbortController per request, and a call that outlives
  // its browser just ends at the timeout. Multi-page scans do watch it; streamed bodies stop when the browser does.
  const forward = (c: Context, req: UpstreamRequest) => backendFor(c).request(req);
  // The e2e suite forces upstream faults per request; only the simulator's adapter passes the header on.
  const backendFor = (c: Context): Backend => {
    const fault = backend.simulated ? c.req.header('x-simulator-fault') : undefined;
    return fault ? { ...backend, request: (req) => backend.request({ ...req, simulatorFault: fault }) } : backend;
  };

  api.onError((error, c) => {
    if (error instanceof NotFoundError) return notFound(c.req.method, c.req.path);
    const known = knownErrorResponse(error);
    if (known) {
      if (known.status >= 500 && !(error instanceof UpstreamErrorResponse)) onServerError?.(error, c, true);
      return known;
    }
    onServerError?.(error, c, false);
    return unexpectedErrorResponse();
  });

  // Hono answers HEAD with the GET route; the proxy forwards only the listed methods.
  api.use('*', async (c, next) => {
    if (c.req.method === 'HEAD') return notFound('HEAD', c.req.path);
    await next();
  });

  api.get('/accounts', async (c) => {
    const query = pickQuery(searchParamsOf(c.req.url), ACCOUNT_LIST_QUERY);
    return relayJson(await forward(c, { method: 'GET', path: '/api/v1/accounts', query }));
  });

  api.get('/accounts/:id', async (c) => {
    return relayJson(await forward(c, { method: 'GET', path: `/api/v1/accounts/${segment(c)}` }));
  });

  api.get('/chats', async (c) => {
    const params = searchParamsOf(c.req.url);
    const upstreamQuery = pickQuery(params, CHAT_LIST_QUERY);
    const filters = parseChatFilters(params);
    const cursor = upstreamQuery.get('cursor') ?? undefined;
    if (cursor === undefined) onFirstListPage?.();
    if (filters === null) {
      if (cursor !== undefined && isOurCursor(cursor)) {
        throw new InvalidParameterError('cursor', 'belongs to a filtered chat list: send it with the same filters (folder, archived, pinned, muted, q)');
      }
      return relayJson(await forward(c, { method: 'GET', path: '/api/v1/chats', query: upstreamQuery }));
    }
    const fingerprint = filterFingerprint(upstreamQuery, params);
    const scanCursor = readScanCursor(cursor, fingerprint);
    const limit = Number(upstreamQuery.get('limit') ?? DEFAULT_FILTERED_LIMIT);
    upstreamQuery.delete('cursor');
    upstreamQuery.delete('limit');
    const list = await scanChats({ backend: backendFor(c), upstreamQuery, filters, limit, cursor: scanCursor, fingerprint, signal: c.req.raw.signal });
    return c.json(list, 200, { 'cache-control': 'no-store' });
  });

  api.get('/chats/:id', async (c) => {
    const query = pickQuery(searchParamsOf(c.req.url), CHAT_QUERY);
    return relayJson(await forward(c, { method: 'GET', path: `/api/v1/chats/${segment(c)}`, query }));
  });

  api.patch('/chats/:id', async (c) => {
    const path = `/api/v1/chats/${segment(c)}`;
    assertSameOrigin(c);
    const body = await readJsonBody(c);
    if (!isRecord(body)) throw new InvalidParameterError('body', 'must be a JSON object');
    const { action, value } = body;
    if (typeof action !== 'string' || !(CHAT_ACTIONS as readonly string[]).includes(action)) {
      throw new InvalidParameterError('action', `must be one of ${CHAT_ACTIONS.join(', ')}`);
    }
    if (typeof value !== 'boolean') throw new InvalidParameterError('value', 'must be true or false');
    return relayJson(await forward(c, { method: 'PATCH', path, body: JSON.stringify({ action, value }), contentType: 'application/json' }));
  });

  api.get('/chats/:id/messages', async (c) => {
    const query = pickQuery(searchParamsOf(c.req.url), MESSAGE_LIST_QUERY);
    return relayJson(await forward(c, { method: 'GET', path: `/api/v1/chats/${segment(c)}/messages`, query }));
  });

  api.post('/chats/:id/messages', async (c) => {
    const path = `/api/v1/chats/${segment(c)}/messages`;
    assertSameOrigin(c);
    const contentType = c.req.header('content-type') ?? '';
    if (/^multipart\/form-data\s*;\s*boundary=/i.test(contentType)) {
      // Attachments can be large: the body streams through untouched, with its boundary, counted on the way.
      refuseDeclaredOver(c, maxUploadBytes);
      const raw = c.req.raw.body;
      if (!raw) throw new InvalidParameterError('body', 'must not be empty');
      const counted = countedStream(raw, maxUploadBytes);
      let upstream: Response;
      try {
        upstream = await forward(c, { method: 'POST', path, body: counted.stream, contentType });
      } catch (error) {
        throw counted.tooLarge() ? new PayloadTooLargeError(maxUploadBytes) : error;
      }
      if (counted.tooLarge()) throw new PayloadTooLargeError(maxUploadBytes);
      if (upstream.ok) onMessageSent?.(c.req.param('id'));
      return relayJson(upstream);
    }
    if (!isJsonContentType(contentType)) throw new InvalidParameterError('content-type', 'must be application/json or multipart/form-data');
    const body = await readJsonBody(c);
    if (!isRecord(body)) throw new InvalidParameterError('body', 'must be a JSON object');
    if (typeof body.text !== 'string' || body.text.trim() === '') throw new InvalidParameterError('text', 'must be a non-empty string');
    // Only what the UI sends goes upstream: other fields (attachments by URL, account switches…) are not a reply's business.
    const upstream = await forward(c, { method: 'POST', path, body: JSON.stringify({ text: body.text }), contentType: 'application/json' });
    if (upstream.ok) onMessageSent?.(c.req.param('id'));
    return relayJson(upstream);
  });

  api.get('/chats/:id/attendees', async (c) => {
    return relayJson(await forward(c, { method: 'GET', path: `/api/v1/chats/${segment(c)}/attendees` }));
  });

  api.get('/chat_attendees/:id/picture', async (c) => {
    return relayBinary(await forward(c, { method: 'GET', path: `/api/v1/chat_attendees/${segment(c)}/picture`, streaming: true }));
  });

  api.get('/messages', async (c) => {
    const query = pickQuery(searchParamsOf(c.req.url), ALL_MESSAGES_QUERY);
    return relayJson(await forward(c, { method: 'GET', path: '/api/v1/messages', query }));
  });

  api.get('/messages/:id/attachments/:attachment_id', async (c) => {
    const path = `/api/v1/messages/${segment(c)}/attachments/${segment(c, 'attachment_id')}`;
    return relayBinary(await forward(c, { method: 'GET', path, streaming: true }));
  });

  api.all('*', (c) => notFound(c.req.method, c.req.path));

  return api;
}
