import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY, createApp, PERMISSIONS_POLICY } from './app';
import { jsonResponse, recordingFetch } from './backends/fake-upstream.fixture';
import { createUnipileBackend } from './backends/unipile';
import { loadConfig, type Config } from './config';

const API_KEY = 'UNIPILE-SECRET-d41d8cd98f00b204e980';

function makeApp(overrides: Partial<Config> = {}, respond = () => jsonResponse({ object: 'ChatList', items: [], cursor: null })) {
  const config: Config = {
    ...loadConfig({ UNIPILE_DSN: 'https://api4.unipile.com:13444', UNIPILE_API_KEY: API_KEY, UPSTREAM_TIMEOUT_MS: '1000' }),
    port: 0,
    ...overrides,
  };
  const upstream = recordingFetch(respond);
  const backend = createUnipileBackend({ kind: 'unipile', baseUrl: 'https://api4.unipile.com:13444', host: 'api4.unipile.com:13444', apiKey: API_KEY, timeoutMs: 1_000, fetch: upstream.fetch });
  const logs: string[] = [];
  const app = createApp({ config, backend, logger: { info: (m) => logs.push(m), error: (m) => logs.push(m) } });
  return { app, upstream, logs };
}

describe('GET /api/config', () => {
  it('names the backend and version, and whether sign-in is required', async () => {
    const { app } = makeApp();
    const response = await app.request('/api/config');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      backend: { kind: 'unipile', host: 'api4.unipile.com:13444' },
      backends: [{ kind: 'unipile', label: 'Unipile', host: 'api4.unipile.com:13444', simulated: false }],
      version: packageJson.version,
      auth: { required: false },
    });
  });

  it('and no response of the app ever carries the key, in its body or its headers', async () => {
    const { app } = makeApp({}, () => jsonResponse({ status: 401, type: 'errors/invalid_credentials', title: 'Invalid credentials' }, 401));
    const requests: [string, RequestInit?][] = [
      ['/api/config'],
      ['/api/v1/chats'],
      ['/api/v1/chats?folder=INBOX'],
      ['/api/v1/chats?limit=0'],
      ['/api/v1/nope'],
      ['/api/v1/chats/c1', { method: 'DELETE' }],
      ['/api/v1/chats/c1', { method: 'PATCH', body: '{', headers: { 'content-type': 'application/json' } }],
      ['/nothing-here'],
    ];
    for (const [path, init] of requests) {
      const response = await app.request(path, init);
      const text = await response.text();
      expect(text, path).not.toContain(API_KEY);
      for (const [name, value] of response.headers) expect(`${name}: ${value}`, path).not.toContain(API_KEY);
    }
  });
});

describe('security headers', () => {
  it('every response says nosniff, no-referrer, its permissions policy and same-origin opener policy', async () => {
    const { app } = makeApp();
    for (const path of ['/api/config', '/api/v1/chats', '/api/v1/missing', 'http://attacker.example/api/config', '/elsewhere']) {
      const response = await app.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('permissions-policy'), path).toBe(PERMISSIONS_POLICY);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('the permissions policy turns off camera, microphone, geolocation, payment and usb', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
  });

  it('Strict-Transport-Security only when a trusted proxy says the request came over HTTPS', async () => {
    const https = { headers: { 'x-forwarded-proto': 'https' } };
    const hsts = async (overrides: Partial<Config>, init?: RequestInit) =>
      (await makeApp(overrides).app.request('/api/config', init)).headers.get('strict-transport-security');
    expect(await hsts({ trustProxy: true }, https)).toBe('max-age=31536000');
    expect(await hsts({ trustProxy: true }, { headers: { 'x-forwarded-proto': 'https, http' } })).toBe('max-age=31536000');
    expect(await hsts({ trustProxy: true }, { headers: { 'x-forwarded-proto': 'http' } })).toBeNull();
    expect(await hsts({ trustProxy: true })).toBeNull();
    expect(await hsts({ trustProxy: false }, https)).toBeNull();
  });

  it('the CSP is strict: self only, images from data: and blob:, no inline script or style', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});

describe('errors', () => {
  it('an unknown path outside /api is a 404 envelope when no SPA is built', async () => {
    const { app } = makeApp();
    const response = await app.request('/chats/abc', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'errors/not_found', status: 404 });
  });

  it('logs requests by path only when LOG_REQUESTS is on', async () => {
    const { app, logs } = makeApp({ logRequests: true });
    await app.request('/api/v1/chats?q=private%20search&limit=5');
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/GET \/api\/v1\/chats 200 /);
    expect(logs[0]).not.toContain('private');
  });
});

describe('DNS rebinding guard (listening on loopback)', () => {
  it('answers /api only for requests addressed to localhost', async () => {
    const { app, upstream } = makeApp();
    expect((await app.request('http://localhost:5173/api/v1/chats')).status).toBe(200);
    expect((await app.request('http://127.0.0.1:5173/api/v1/chats')).status).toBe(200);
    expect((await app.request('http://[::1]:5173/api/config')).status).toBe(200);
    const rebound = await app.request('http://attacker.example:5173/api/v1/chats');
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ type: 'errors/forbidden', status: 403 });
    expect(upstream.calls).toHaveLength(2);
  });

  it('is off when listening on all interfaces (behind a proxy, names vary)', async () => {
    const { app } = makeApp({ host: '0.0.0.0' });
    expect((await app.request('http://triage.example.com/api/v1/chats')).status).toBe(200);
  });
});

describe('Host allow-list (ALLOWED_HOSTS, listening beyond loopback)', () => {
  const open = { host: '0.0.0.0', allowedHosts: ['triage.example.com', 'inbox.example.org'] };

  it('answers only requests addressed to a listed name, with or without a port', async () => {
    const { app, upstream } = makeApp(open);
    expect((await app.request('http://triage.example.com/api/v1/chats')).status).toBe(200);
    expect((await app.request('http://INBOX.example.org:8443/api/config')).status).toBe(200);
    const api = await app.request('http://attacker.example/api/v1/chats');
    expect(api.status).toBe(403);
    expect(await api.json()).toMatchObject({ title: 'Forbidden', type: 'errors/forbidden', status: 403 });
    const page = await app.request('http://attacker.example/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await page.text()).toMatch(/^403 Forbidden: .*triage\.example\.com/);
    expect((await app.request('http://triage.example.com.attacker.example/api/config')).status).toBe(403);
    expect(upstream.calls).toHaveLength(1);
  });

  it('reads X-Forwarded-Host only behind a trusted proxy', async () => {
    const forwarded = (name: string) => ({ headers: { 'x-forwarded-host': name } });
    const trusting = makeApp({ ...open, trustProxy: true }).app;
    expect((await trusting.request('http://10.0.0.5:5173/api/config', forwarded('triage.example.com'))).status).toBe(200);
    expect((await trusting.request('http://triage.example.com/api/config', forwarded('attacker.example'))).status).toBe(403);
    const direct = makeApp(open).app;
    expect((await direct.request('http://attacker.example/api/config', forwarded('triage.example.com'))).status).toBe(403);
  });

  it('is off with an empty list, and the loopback guard is unchanged by it', async () => {
    expect((await makeApp({ host: '0.0.0.0', allowedHosts: [] }).app.request('http://anything.example/api/config')).status).toBe(200);
    expect((await makeApp({ allowedHosts: ['triage.example.com'] }).app.request('http://triage.example.com/api/config')).status).toBe(403);
  });
});

describe('the SPA', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Triage</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-B4x9aQ.js'), 'console.log("app")');
    writeFileSync(join(dir, 'assets', 'index-Cq2.css'), 'body{}');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, '.build-stamp'), 'STAMP-CONTENT');
    writeFileSync(join(tmpdir(), 'triage-outside-secret.txt'), 'OUTSIDE-CONTENT');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it('serves index.html at / with no-cache and the security headers', async () => {
    const { app } = makeApp({ staticDir: dir });
    const response = await app.request('/', { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('serves hashed assets with their type and a year-long immutable cache', async () => {
    const { app } = makeApp({ staticDir: dir });
    const js = await app.request('/assets/index-B4x9aQ.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await js.text()).toBe('console.log("app")');
    const css = await app.request('/assets/index-Cq2.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const svg = await app.request('/favicon.svg');
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('cache-control')).toBe('no-cache');
  });

  it.each(['/chats/abc%40s.whatsapp.net', '/chats/123@g.us', '/settings', '/index.html', '/a/b/c?x=1'])('falls back to index.html for %s', async (path) => {
    const { app } = makeApp({ staticDir: dir });
    const response = await app.request(path, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('answers a deep link to a chat with index.html for any client that accepts anything (curl, fetch)', async () => {
    const { app } = makeApp({ staticDir: dir });
    for (const accept of ['*/*', '']) {
      const response = await app.request('/chats/3361234567%40s.whatsapp.net', { headers: accept ? { accept } : {} });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
    expect((await app.request('/unknown/page.txt', { headers: { accept: '*/*' } })).status).toBe(404);
  });

  it('does not fall back for non-HTML requests, missing assets, or /api', async () => {
    const { app } = makeApp({ staticDir: dir });
    expect((await app.request('/chats/abc', { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await app.request('/assets/index-OLD.js', { headers: html })).status).toBe(404);
    const api = await app.request('/api/v1/unknown', { headers: html });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each([
    '/../triage-outside-secret.txt',
    '/%2e%2e/triage-outside-secret.txt',
    '/assets/..%2F..%2Ftriage-outside-secret.txt',
    '/..%5Ctriage-outside-secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2ftriage-outside-secret.txt',
    '/.build-stamp',
    '/%2ebuild-stamp',
  ])('never serves a file outside the app: %s', async (path) => {
    const { app } = makeApp({ staticDir: dir });
    const response = await app.request(path, { headers: { accept: '*/*' } });
    const body = await response.text();
    expect(body).not.toContain('OUTSIDE-CONTENT');
    expect(body).not.toContain('STAMP-CONTENT');
    expect(response.status).toBe(404);
  });
});
