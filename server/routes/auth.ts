/**
 * Sign-in for a Triage that others can reach (DASHBOARD_TOKEN set). Every page and API request then needs a session:
 *   GET  /sign-in        the sign-in page (`next`: a path of this site to go to afterwards)
 *   GET  /sign-in.css    its stylesheet (the app's assets need a session, the sign-in page cannot)
 *   POST /sign-in        form `token` (+ `next`): right → session cookie and 303 to `next`; wrong → 401 page;
 *                        after 5 wrong tokens in a minute from one client → 429 with Retry-After
 *   POST /sign-out       clears the cookie → 303 to /sign-in
 * Without a session, /api/* answers 401 `errors/sign_in_required`, a page navigation 303s to /sign-in?next=<path>
 * (from another site: a page that refreshes there, so the SameSite=Strict cookie is sent), anything else (assets) 401. /webhooks/* authenticate on their own and are let through.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { errorResponse, notFound } from './errors';
import { FailureLimiter } from './sign-in-limiter';
import { renderSameSiteBounce, renderSignInPage, SIGN_IN_CSS } from './sign-in-page';
import { createSessionKeys, SESSION_LIFETIME_SECONDS } from './sign-in-session';

export const SESSION_COOKIE = 'triage_session';
const OPEN_PATHS = new Set(['/sign-in', '/sign-in.css', '/sign-out']);
const MAX_FORM_BYTES = 4 * 1024;
const MAX_NEXT_LENGTH = 2048;

/** The first value of a comma-separated forwarded header: what the client-facing proxy saw. */
function firstEntry(value: string | undefined): string | undefined {
  const first = value?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/** Served over HTTPS: knowable only from a trusted proxy's X-Forwarded-Proto (Node itself serves plain HTTP). */
export function servedOverHttps(c: Context, trustProxy: boolean): boolean {
  return trustProxy && firstEntry(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https';
}

/**
 * Who is asking, for rate limiting. Behind a trusted proxy, the LAST X-Forwarded-For entry: the address that proxy
 * saw; earlier entries are whatever the client sent, and an attacker would rotate them to dodge the limit.
 */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // In-process requests (tests) have no socket.
    return null;
  }
}

/** A path of this site to continue to after signing in; anything else (another origin, `//host`, `/\host`) is `/`. */
export function safeNextPath(raw: string | undefined | null): string {
  if (!raw || raw.length > MAX_NEXT_LENGTH || !raw.startsWith('/') || raw.startsWith('//')) return '/';
  // A backslash or a control character (the URL parser drops tabs and newlines) could turn the path into `//host`.
  if (raw.includes('\\') || [...raw].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '/';
  let url: URL;
  try {
    url = new URL(raw, 'http://triage.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://triage.invalid') return '/';
  if (OPEN_PATHS.has(url.pathname)) return '/';
  return `${url.pathname}${url.search}`;
}

const isPage = (c: Context) =>
  (c.req.method === 'GET' || c.req.method === 'HEAD') &&
  ((c.req.header('accept') ?? '').includes('text/html') || c.req.header('sec-fetch-mode') === 'navigate');

const PAGE_HEADERS = { 'cache-control': 'no-store' };

export interface AuthOptions {
  token: string;
  trustProxy: boolean;
  now?: () => number;
  limiter?: FailureLimiter;
}

export interface Auth {
  /** The sign-in routes above. */
  routes: Hono;
  /** Lets a request through only with a valid session (or to the open paths and /webhooks/*). */
  requireSession: MiddlewareHandler;
}

export function createAuth({ token, trustProxy, now = () => Date.now(), limiter = new FailureLimiter() }: AuthOptions): Auth {
  const keys = createSessionKeys(token);
  const signedIn = (c: Context) => keys.verify(getCookie(c, SESSION_COOKIE), now());
  // Without an address (in-process requests) every client shares one bucket: stricter, never looser.
  const clientOf = (c: Context) => clientAddress(c, trustProxy) ?? 'unknown';
  const page = (c: Context, status: 200 | 400 | 401 | 403 | 413 | 429, next: string, error?: string, headers: Record<string, string> = {}) =>
    c.html(renderSignInPage({ next, error }), status, { ...PAGE_HEADERS, ...headers });

  const requireSession: MiddlewareHandler = async (c, next) => {
    const path = c.req.path;
    if (OPEN_PATHS.has(path) || path.startsWith('/webhooks/') || signedIn(c)) return next();
    if (path === '/api' || path.startsWith('/api/')) {
      return errorResponse({
        title: 'Sign-in required',
        detail: 'This Triage needs its dashboard token: sign in at /sign-in, then retry.',
        type: 'errors/sign_in_required',
        status: 401,
      });
    }
    if (isPage(c)) {
      const url = new URL(c.req.url);
      const target = safeNextPath(`${url.pathname}${url.search}`);
      const signInUrl = target === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(target)}`;
      // A link from another site (chat, mail) arrives without the SameSite=Strict cookie even when signed in.
      if (c.req.header('sec-fetch-site') === 'cross-site') return c.html(renderSameSiteBounce(signInUrl), 200, PAGE_HEADERS);
      return c.redirect(signInUrl, 303);
    }
    return c.text('Sign in at /sign-in first.\n', 401, PAGE_HEADERS);
  };

  const routes = new Hono();

  // A form on another site must not sign people in or out (Sec-Fetch-Site is sent by every current browser).
  const refuseCrossSite: MiddlewareHandler = async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return page(c, 403, '/', 'This form was sent from another site, so it was refused. Open Triage directly and sign in here.');
    }
    await next();
  };

  routes.get('/sign-in.css', (c) => c.body(SIGN_IN_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));

  routes.get('/sign-in', (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (signedIn(c)) return c.redirect(next, 303);
    return page(c, 200, next);
  });

  routes.post(
    '/sign-in',
    refuseCrossSite,
    bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => page(c, 413, '/', 'That form was too large to be a sign-in.') }),
    async (c) => {
      const client = clientOf(c);
      const wait = limiter.retryAfter(client, now());
      const isForm = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
      const form = new URLSearchParams(isForm ? await c.req.text() : '');
      const next = safeNextPath(form.get('next'));
      if (wait !== null) {
        const seconds = wait === 1 ? '1 second' : `${wait} seconds`;
        return page(c, 429, next, `Too many wrong tokens. Wait ${seconds}, then try again.`, { 'retry-after': String(wait) });
      }
      const candidate = form.get('token')?.trim() ?? '';
      if (candidate === '') return page(c, 400, next, 'Enter the dashboard token.');
      if (!keys.tokenMatches(candidate)) {
        limiter.fail(client, now());
        return page(c, 401, next, 'That token is not the one set on this server. Check DASHBOARD_TOKEN and try again.');
      }
      limiter.reset(client);
      setCookie(c, SESSION_COOKIE, keys.issue(now()), {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: servedOverHttps(c, trustProxy),
        maxAge: SESSION_LIFETIME_SECONDS,
      });
      c.header('cache-control', 'no-store');
      return c.redirect(next, 303);
    },
  );

  routes.post('/sign-out', refuseCrossSite, (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: servedOverHttps(c, trustProxy) });
    c.header('cache-control', 'no-store');
    return c.redirect('/sign-in', 303);
  });

  // Other methods on these paths are no route at all (and never fall through to the app's pages).
  for (const path of OPEN_PATHS) routes.all(path, (c) => notFound(c.req.method, c.req.path));

  return { routes, requireSession };
}
