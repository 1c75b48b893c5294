import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { notFound } from './errors';

export interface StaticRoutesOptions {
  /** The built SPA (vite build's outDir). */
  root: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built SPA. Files under /assets/ carry a content hash in their name and are cached for good; index.html is
 * revalidated every time so a new build is picked up. Any other GET that asks for HTML and is not a file gets
 * index.html: the client router owns deep links such as /chats/abc%40s.whatsapp.net.
 */
export function createStaticRoutes({ root }: StaticRoutesOptions): Hono {
  const base = resolve(root);
  const indexFile = join(base, 'index.html');
  const app = new Hono();

  // serveStatic refuses `..` segments, backslashes and any percent-encoding (those fall through to the SPA below);
  // dot files (e.g. dist/.build-stamp) are not part of the app either.
  const files = serveStatic({ root: base });
  app.get('*', async (c, next) => {
    if (/(?:^|\/)\./.test(c.req.path)) return next();
    let missing = false;
    const response = await files(c, async () => {
      missing = true;
    });
    if (missing || !response) return next();
    response.headers.set('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return response;
  });

  app.get('*', async (c) => {
    const accept = c.req.header('accept') ?? '';
    // The app's own routes are pages whatever a client accepts (curl and fetch send */*); elsewhere only an HTML request
    // gets index.html, so a missing file stays a 404.
    const appRoute = c.req.path === '/' || /^\/chats\/[^/]+$/.test(c.req.path);
    const wantsHtml = accept.includes('text/html') || (appRoute && (accept === '' || accept.includes('*/*')));
    // A missing hashed asset is a stale page asking for an old build: index.html there would be cached as the asset.
    if (!wantsHtml || c.req.path.startsWith('/assets/')) return notFound(c.req.method, c.req.path);
    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      return notFound(c.req.method, c.req.path);
    }
    return c.html(html, 200, { 'cache-control': 'no-cache' });
  });

  return app;
}
