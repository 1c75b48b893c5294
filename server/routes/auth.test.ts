import * as crypto from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import type { Backend } from '../backends/types';
import { loadConfig, type Config } from '../config';
import { safeNextPath, SESSION_COOKIE } from './auth';
import { createSessionKeys, SESSION_LIFETIME_SECONDS } from './sign-in-session';

// Wrapped, not replaced: the test can see that the token check goes through the constant-time comparison.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const TOKEN = 'dashboard-token-0123456789abcdef0123456789';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let staticDir: string;
beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'triage-auth-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Triage</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'index-B4x9aQ.js'), 'console.log("app")');
});
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

function makeApp(env: Record<string, string> = {}) {
  const config: Config = { ...loadConfig({ HOST: '0.0.0.0', DASHBOARD_TOKEN: TOKEN, ...env }), staticDir };
  const calls: string[] = [];
  const backend: Backend = {
    kind: 'unipile',
    simulated: true,
    host: 'simulator',
    request: (req) => {
      calls.push(req.path);
      return Promise.resolve(Response.json({ object: 'ChatList', items: [], cursor: null }));
    },
  };
  return { app: createApp({ config, backend, logger: { info: () => {}, error: () => {} } }), calls };
}

type App = ReturnType<typeof makeApp>['app'];

const signIn = (app: App, token: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  app.request('/sign-in', { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams({ token, ...extra }).toString() });

/** The session cookie's value from a Set-Cookie answer. */
function sessionOf(response: Response): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(response.headers.get('set-cookie') ?? '');
  if (!match?.[1]) throw new Error('no session cookie set');
  return match[1];
}

const withSession = (value: string, headers: Record<string, string> = {}) => ({ headers: { cookie: `${SESSION_COOKIE}=${value}`, ...headers } });

describe('signing in', () => {
  it('serves a sign-in page that works without JavaScript: one labelled field, focused, and a Sign in button', async () => {
    const { app } = makeApp();
    const response = await app.request('/sign-in', { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/<form[^>]*method="post" action="\/sign-in"/);
    expect(html).toContain('<label for="token">Dashboard token</label>');
    expect(html).toMatch(/<input id="token" name="token" type="password" required autofocus/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toMatch(/<script|style=|<style/);
    expect(html).not.toContain('role="alert"');
    const css = await app.request('/sign-in.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('prefers-color-scheme: dark');
  });

  it('the right token sets an HttpOnly, SameSite=Strict session cookie (never the token) and 303s to /', async () => {
    const { app } = makeApp();
    const response = await signIn(app, TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_LIFETIME_SECONDS}`));
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toContain(TOKEN);
    expect(cookie).not.toContain(encodeURIComponent(TOKEN));
    // The session opens the API and the pages.
    const session = sessionOf(response);
    expect((await app.request('/api/v1/chats', withSession(session))).status).toBe(200);
    expect((await app.request('/', withSession(session, HTML))).status).toBe(200);
    expect((await app.request('/assets/index-B4x9aQ.js', withSession(session))).status).toBe(200);
  });

  it('the cookie is Secure only when a trusted proxy says the request came over HTTPS', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await signIn(makeApp({ TRUST_PROXY: '1' }).app, TOKEN, {}, https)).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await signIn(makeApp().app, TOKEN, {}, https)).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('compares the token in constant time (timingSafeEqual over equal-length digests)', async () => {
    const { app } = makeApp();
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    await signIn(app, 'short');
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0] ?? [];
    expect((a as Buffer).length).toBe(32);
    expect((b as Buffer).length).toBe(32);
  });

  it('a wrong token answers 401 with the page and an alert in words; the token is trimmed of stray spaces', async () => {
    const { app } = makeApp();
    const response = await signIn(app, `${TOKEN}x`);
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).not.toContain(TOKEN);
    expect(html).toMatch(/<p id="sign-in-error" class="error" role="alert">That token is not the one set on this server/);
    expect(html).toContain('aria-invalid="true"');
    expect((await signIn(app, '')).status).toBe(400);
    expect((await signIn(app, ` ${TOKEN}\n`)).status).toBe(303);
  });

  it('after 5 wrong tokens in a minute a client gets 429 with Retry-After, even with the right token, until the minute passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const { app } = makeApp();
    for (let i = 0; i < 5; i += 1) expect((await signIn(app, `wrong-${i}`)).status).toBe(401);
    const limited = await signIn(app, TOKEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect(await limited.text()).toMatch(/role="alert">Too many wrong tokens\. Wait 60 seconds/);
    vi.setSystemTime(new Date('2026-12-01T10:00:45Z'));
    expect((await signIn(app, TOKEN)).headers.get('retry-after')).toBe('15');
    vi.setSystemTime(new Date('2026-12-01T10:01:00Z'));
    expect((await signIn(app, TOKEN)).status).toBe(303);
  });

  it('counts per client: behind a trusted proxy, by the address the proxy saw (the last X-Forwarded-For entry)', async () => {
    const { app } = makeApp({ TRUST_PROXY: 'true' });
    const from = (chain: string) => ({ 'x-forwarded-for': chain });
    for (let i = 0; i < 5; i += 1) await signIn(app, 'wrong', {}, from(`${i}.1.1.1, 203.0.113.9`));
    expect((await signIn(app, 'wrong', {}, from('9.9.9.9, 203.0.113.9'))).status).toBe(429);
    expect((await signIn(app, 'wrong', {}, from('198.51.100.7'))).status).toBe(401);
    expect((await signIn(app, TOKEN, {}, from('198.51.100.7'))).status).toBe(303);
  });

  it('goes on to a same-site `next` path, and refuses every other destination', async () => {
    const { app } = makeApp();
    const next = async (value: string) => (await signIn(app, TOKEN, { next: value })).headers.get('location');
    expect(await next('/chats/abc%40s.whatsapp.net?x=1')).toBe('/chats/abc%40s.whatsapp.net?x=1');
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example', '/\t/evil.example', 'evil.example', '/sign-in', 'javascript:alert(1)', `/${'a'.repeat(3000)}`]) {
      expect(await next(evil), evil).toBe('/');
    }
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it('a form posted from another site is refused', async () => {
    const { app } = makeApp();
    const response = await signIn(app, TOKEN, {}, { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await app.request('/sign-out', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('an oversized form is refused without reading it', async () => {
    const { app } = makeApp();
    expect((await signIn(app, 'x'.repeat(10_000))).status).toBe(413);
  });

  it('GET /sign-in with a session goes straight on', async () => {
    const { app } = makeApp();
    const session = sessionOf(await signIn(app, TOKEN));
    const response = await app.request('/sign-in?next=%2Fchats%2Fc1', withSession(session, HTML));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/chats/c1');
  });

  it('POST /sign-out clears the cookie and lands on the sign-in page', async () => {
    const { app } = makeApp();
    const response = await app.request('/sign-out', { method: 'POST' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in');
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0;.*HttpOnly`));
    expect((await app.request('/sign-out', { headers: HTML })).status).toBe(404);
  });
});

describe('without a session', () => {
  it('/api answers 401 errors/sign_in_required and nothing goes upstream', async () => {
    const { app, calls } = makeApp();
    for (const path of ['/api/config', '/api/v1/chats', '/api/v1/nope', '/api']) {
      const response = await app.request(path, { headers: HTML });
      expect(response.status, path).toBe(401);
      expect(await response.json()).toEqual({
        title: 'Sign-in required',
        detail: expect.stringContaining('/sign-in') as string,
        type: 'errors/sign_in_required',
        status: 401,
      });
    }
    expect((await app.request('/api/v1/chats/c1', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('a page navigation 303s to /sign-in keeping the path as `next`; assets answer 401', async () => {
    const { app } = makeApp();
    const deep = await app.request('/chats/abc%40s.whatsapp.net?folder=INBOX', { headers: HTML });
    expect(deep.status).toBe(303);
    expect(deep.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent('/chats/abc%40s.whatsapp.net?folder=INBOX')}`);
    expect((await app.request('/', { headers: HTML })).headers.get('location')).toBe('/sign-in');
    expect((await app.request('/', { headers: { 'sec-fetch-mode': 'navigate' } })).status).toBe(303);
    const asset = await app.request('/assets/index-B4x9aQ.js');
    expect(asset.status).toBe(401);
    expect(await asset.text()).not.toContain('console.log');
    // The sign-in page names next in its form, escaped.
    const page = await app.request('/sign-in?next=%2Fchats%2F%22%3E%3Cx', { headers: HTML });
    expect(await page.text()).toContain('<input type="hidden" name="next" value="/chats/%22%3E%3Cx">');
  });

  it('a page opened from another site gets a same-site refresh to /sign-in, since the Strict cookie was not sent', async () => {
    const { app } = makeApp();
    const response = await app.request('/chats/c1', { headers: { ...HTML, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/sign-in?next=%2Fchats%2Fc1">');
    expect(html).not.toMatch(/<script|style=|id="root"/);
    // /sign-in itself never bounces: no loop, whatever the browser sends.
    const signInPage = await app.request('/sign-in', { headers: { ...HTML, 'sec-fetch-site': 'cross-site' } });
    expect(await signInPage.text()).toContain('Dashboard token');
  });

  it('/webhooks/* is left to authenticate on its own: its secret, never a session or the sign-in page', async () => {
    const { app } = makeApp();
    // On the simulator the webhook route is on (a secret of its own): without the secret it answers 401 itself.
    const response = await app.request('/webhooks/unipile', { method: 'POST', headers: { ...HTML, 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toMatch(/^errors\/(missing|invalid)_credentials$/);
    expect((await app.request('/webhooks/unipile', { headers: HTML })).status).toBe(404);
  });

  it('refuses a forged, tampered, expired or another token’s session', async () => {
    const { app } = makeApp();
    const keys = createSessionKeys(TOKEN);
    const good = keys.issue(Date.now());
    const [version, issued, expires, signature] = good.split('.') as [string, string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1) ?? ''}`;
    const refused = [
      'x',
      '',
      `${version}.${issued}.${expires}.${'A'.repeat(43)}`,
      `${version}.${issued}.${Number(expires) + 3600}.${signature}`,
      `${version}.${issued}.${expires}.${flipped}`,
      `v2.${issued}.${expires}.${signature}`,
      `${good}.extra`,
      keys.issue(Date.now() - (SESSION_LIFETIME_SECONDS + 1) * 1000),
      keys.issue(Date.now() + 3_600_000),
      createSessionKeys(`${TOKEN}-other`).issue(Date.now()),
      TOKEN,
    ];
    expect((await app.request('/api/v1/chats', withSession(good))).status).toBe(200);
    for (const value of refused) expect((await app.request('/api/v1/chats', withSession(value))).status, value).toBe(401);
  });

  it('a session from another copy of the server with the same token is accepted', async () => {
    const session = sessionOf(await signIn(makeApp().app, TOKEN));
    expect((await makeApp().app.request('/api/v1/chats', withSession(session))).status).toBe(200);
  });

  it('a session lasts 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    const { app } = makeApp();
    const session = sessionOf(await signIn(app, TOKEN));
    vi.setSystemTime(new Date('2026-12-31T09:59:59Z'));
    expect((await app.request('/api/v1/chats', withSession(session))).status).toBe(200);
    vi.setSystemTime(new Date('2026-12-31T10:00:00Z'));
    expect((await app.request('/api/v1/chats', withSession(session))).status).toBe(401);
  });
});

describe('without a dashboard token (loopback bind)', () => {
  it('there is no sign-in at all, and /api/config says so', async () => {
    const config: Config = { ...loadConfig({}), staticDir: null };
    const backend: Backend = { kind: 'unipile', simulated: true, host: 'simulator', request: () => Promise.resolve(Response.json({})) };
    const app = createApp({ config, backend });
    expect((await app.request('http://127.0.0.1/sign-in', { headers: HTML })).status).toBe(404);
    expect((await app.request('http://127.0.0.1/sign-in.css')).status).toBe(404);
    expect((await app.request('http://127.0.0.1/sign-in', { method: 'POST', headers: FORM, body: `token=${TOKEN}` })).status).toBe(404);
    expect((await app.request('http://127.0.0.1/sign-out', { method: 'POST' })).status).toBe(404);
    expect(await (await app.request('http://127.0.0.1/api/config')).json()).toMatchObject({ auth: { required: false } });
  });

  it('with the app built, /sign-in is just another path of the app (no sign-in form)', async () => {
    const config: Config = { ...loadConfig({}), staticDir };
    const backend: Backend = { kind: 'unipile', simulated: true, host: 'simulator', request: () => Promise.resolve(Response.json({})) };
    const response = await createApp({ config, backend }).request('http://127.0.0.1/sign-in', { headers: HTML });
    expect(await response.text()).not.toContain('Dashboard token');
  });

  it('with one, /api/config says sign-in is required', async () => {
    const { app } = makeApp();
    const session = sessionOf(await signIn(app, TOKEN));
    expect(await (await app.request('/api/config', withSession(session))).json()).toMatchObject({ auth: { required: true } });
  });
});
