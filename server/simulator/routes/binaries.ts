import type { Hono } from 'hono';
import { errors } from '../errors';
import { hashString } from '../prng';
import type { SimulatorStore } from '../store';

/** Pictures (with an ETag: they never change for a seed) and message attachments. */

function binary(bytes: Uint8Array, contentType: string, cacheControl: string, etag?: string): Response {
  const headers: Record<string, string> = { 'content-type': contentType, 'content-length': String(bytes.length), 'cache-control': cacheControl };
  if (etag) headers.etag = etag;
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

export function binaryRoutes(app: Hono, v1: string, store: SimulatorStore): void {
  app.get(`${v1}/chat_attendees/:id/picture`, (c) => {
    const id = c.req.param('id');
    const png = store.picture(id);
    if (!png) throw errors.notFound(`No picture for ${JSON.stringify(id)}.`);
    const etag = `"${hashString(`${store.seed}:${id}`).toString(36)}"`;
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'private, max-age=86400' } });
    return binary(png, 'image/png', 'private, max-age=86400', etag);
  });

  app.get(`${v1}/messages/:id/attachments/:attachment_id`, (c) => {
    const file = store.attachment(c.req.param('id'), c.req.param('attachment_id'));
    if (!file) throw errors.notFound(`No attachment ${JSON.stringify(c.req.param('attachment_id'))} on message ${JSON.stringify(c.req.param('id'))}.`);
    return binary(file.bytes, file.contentType, 'private, max-age=3600');
  });
}
