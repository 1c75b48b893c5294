/**
 * GET /api/previews?chat_ids=a,b,c — Triage's own batch route: each chat's last message as a row shows it, and the
 * name and picture a 1:1 chat lacks (shape: src/lib/wire/preview-wire.ts; contract and upstream cost: README.md).
 */
import { Hono } from 'hono';
import { MAX_PREVIEW_IDS } from '../../src/lib/wire/preview-wire';
import { UpstreamBusyError, UpstreamTimeoutError, UpstreamTooLargeError, UpstreamUnreachableError } from '../backends/types';
import type { PreviewService } from '../previews/service';
import { BadGatewayError, InvalidParameterError, UpstreamErrorResponse } from './errors';
import { quote, searchParamsOf } from './query';

/** As for the proxy's path ids: real ids are far shorter. */
const MAX_ID_LENGTH = 1024;

/** The ids asked for, each once, in the order given; throws InvalidParameterError naming `chat_ids`. */
export function parseChatIds(params: URLSearchParams): string[] {
  const values = params.getAll('chat_ids');
  const refuse = (why: string) => new InvalidParameterError('chat_ids', why);
  if (values.length === 0) throw refuse('is required: a comma-separated list of chat ids');
  if (values.length > 1) throw refuse('must be given at most once');
  const raw = values[0] ?? '';
  if (raw.trim() === '') throw refuse('must not be empty');
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw refuse(`must be a comma-separated list of chat ids, without empty entries (got ${quote(raw)})`);
  const unique = [...new Set(ids)];
  if (unique.length > MAX_PREVIEW_IDS) throw refuse(`must name at most ${MAX_PREVIEW_IDS} chats (got ${unique.length})`);
  for (const id of unique) {
    if (id.length > MAX_ID_LENGTH) throw refuse(`each id must be at most ${MAX_ID_LENGTH} characters`);
    // They become path segments upstream, where these would be dot segments.
    if (id === '.' || id === '..') throw refuse(`${quote(id)} is not a chat id`);
  }
  return unique;
}

/** A failure that says the upstream cannot answer now (rather than that a chat is unknown): worth telling the browser. */
function isUpstreamDown(error: unknown): boolean {
  if (error instanceof UpstreamErrorResponse) {
    const { status } = error.response;
    return status === 401 || status === 403 || status === 429 || status >= 500;
  }
  return error instanceof UpstreamBusyError || error instanceof UpstreamTimeoutError || error instanceof UpstreamUnreachableError || error instanceof UpstreamTooLargeError || error instanceof BadGatewayError;
}

export function createPreviewRoutes(service: PreviewService): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    const ids = parseChatIds(searchParamsOf(c.req.url));
    const { items, failed } = await service.previews(ids);
    // Nothing to show and the upstream is the reason: its error (429 with Retry-After, 503, 504…) tells the browser
    // when to try again. Otherwise the ids without a preview are listed and the rest answered.
    const down = failed.find((f) => isUpstreamDown(f.error));
    if (items.length === 0 && down) {
      // One failure can be shared by batches that asked at once: each relays a copy of the upstream's answer.
      throw down.error instanceof UpstreamErrorResponse ? new UpstreamErrorResponse(down.error.response.clone()) : down.error;
    }
    return c.json({ object: 'PreviewList', items, missing: failed.map((f) => f.id) }, 200, { 'cache-control': 'no-store' });
  });
  return routes;
}
