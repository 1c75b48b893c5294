/**
 * POST /webhooks/unipile — Unipile's pushes (new messages, reads, reactions, edits, deletions, account status).
 * Mounted only when UNIPILE_WEBHOOK_SECRET is set. The caller proves itself with that secret in X-Webhook-Secret
 * (Unipile sends the headers the webhook was registered with), so this route needs no session and is no part of the
 * /api/v1 proxy. It answers at once and processes after: Unipile retries what is not answered within 30 s.
 *   missing or wrong secret → 401, nothing read; not JSON / a known kind with bad fields → 400;
 *   another kind (mail, relations…) → 200, ignored; a repeat of a delivery already processed → 200, ignored.
 */
import { Hono } from 'hono';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import { createMemoryDedupe, type WebhookDedupe } from '../webhooks/dedupe';
import { dedupeKey, parseUnipileWebhook, toLiveEvents, WEBHOOK_SECRET_HEADER, type UnipileWebhook } from '../webhooks/unipile-webhook';
import { createSessionKeys } from './sign-in-session';
import type { BackendKind } from '../../src/lib/wire/backends';
import { namespaceLiveEvent } from '../webhooks/namespace-event';
import { errorResponse, InvalidParameterError, knownErrorResponse, notFound, unexpectedErrorResponse } from './errors';
import { readJsonBody } from './request-body';

export interface WebhookRoutesOptions {
  secret: string;
  /** Hands one event to the event bus (server/live/). */
  publish: (event: LiveEvent) => Promise<unknown>;
  /** Default: in this process only; pass a Redis one when several copies run. */
  dedupe?: WebhookDedupe;
  /** A delivery that was answered 200 but could not be processed (the bus or the dedupe store failed). */
  onProcessingError?: (error: unknown) => void;
  /** With several backends merged: Unipile's ids become `unipile~<id>`, as the browser knows them. */
  namespace?: BackendKind;
}

const unauthorized = (missing: boolean) =>
  errorResponse(
    missing
      ? { title: 'Missing credentials', detail: `This webhook needs its secret in ${WEBHOOK_SECRET_HEADER}.`, type: 'errors/missing_credentials', status: 401 }
      : { title: 'Invalid credentials', detail: `The ${WEBHOOK_SECRET_HEADER} sent is not this server's.`, type: 'errors/invalid_credentials', status: 401 },
  );

export function createWebhookRoutes({ secret, publish, dedupe = createMemoryDedupe(), onProcessingError = () => {}, namespace }: WebhookRoutesOptions): Hono {
  if (secret === '') throw new RangeError('the webhook secret must not be empty');
  // The dashboard token's comparison: HMACs of both sides, so neither where they differ nor the length leaks.
  const { tokenMatches } = createSessionKeys(secret);

  async function process(webhook: UnipileWebhook): Promise<void> {
    const key = dedupeKey(webhook);
    if (key !== null && !(await dedupe.claim(key))) return;
    for (const event of toLiveEvents(webhook)) await publish(namespace ? namespaceLiveEvent(event, namespace) : event);
  }

  const routes = new Hono();
  routes.onError((error) => knownErrorResponse(error) ?? unexpectedErrorResponse());

  routes.post('/unipile', async (c) => {
    const given = c.req.header(WEBHOOK_SECRET_HEADER);
    if (given === undefined || given === '') return unauthorized(true);
    if (!tokenMatches(given)) return unauthorized(false);
    const parsed = parseUnipileWebhook(await readJsonBody(c));
    if (!parsed.ok) throw new InvalidParameterError('body', parsed.error);
    if (parsed.webhook !== null) {
      const { webhook } = parsed;
      // After the answer is on its way: the bus may be slow (Redis), and Unipile only needs to know we have it.
      setImmediate(() => {
        process(webhook).catch(onProcessingError);
      });
    }
    return c.json({ object: 'WebhookReceived', processed: parsed.webhook !== null }, 200, { 'cache-control': 'no-store' });
  });

  routes.all('*', (c) => notFound(c.req.method, c.req.path));
  return routes;
}
