import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fakeChat, jsonResponse, recordingFetch, type Responder } from '../backends/fake-upstream.fixture';
import { protectBackend } from '../backends/protect';
import type { FetchLike } from '../backends/types';
import { createUnipileBackend } from '../backends/unipile';
import { loadConfig } from '../config';

/* Issue 10, scope 2 and 5: every body is bounded (in and out), and malformed upstream answers never pass as good. */

const KEY = 'limits-test-key-0123456789';

function setup(respond?: Responder, env: Record<string, string> = {}, fetch?: FetchLike, baseUrl = 'https://api.test') {
  const upstream = recordingFetch(respond);
  const config = { ...loadConfig({ UNIPILE_DSN: baseUrl, UNIPILE_API_KEY: KEY, ...env }), staticDir: null };
  const adapter = createUnipileBackend({
    kind: 'unipile',
    baseUrl,
    host: 'api.test',
    apiKey: KEY,
    timeoutMs: 2_000,
    ...(fetch === undefined && baseUrl.startsWith('https://api.test') ? { fetch: upstream.fetch } : fetch ? { fetch } : {}),
  });
  const backend = protectBackend(adapter, { concurrency: 8, queueLimit: 100, maxWaitMs: 2_000 });
  const app = createApp({ config, backend, logger: { info: () => undefined, error: () => undefined } });
  return { app, upstream, backend };
}

const envelope = async (response: Response) => (await response.json()) as { type: string; status: number; detail: string };

function chunked(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

const servers: (Server | ServerType)[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('request bodies', () => {
  it.each(['PATCH /api/v1/chats/c1', 'POST /api/v1/chats/c1/messages'])('%s: JSON over 1 MB without Content-Length → 413, nothing upstream', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const { app, upstream } = setup();
    const response = await app.request(path, { method, body: chunked(3 * 1024 * 1024), headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await envelope(response)).toMatchObject({ type: 'errors/payload_too_large', status: 413 });
    expect(upstream.calls).toHaveLength(0);
  });

  it('a declared Content-Length over 1 MB is refused before reading', async () => {
    const { app, upstream } = setup();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await app.request('/api/v1/chats/c1', { method: 'PATCH', body, headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) }, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(upstream.calls).toHaveLength(0);
  });

  it('multipart over MAX_UPLOAD_MB → 413 while streaming', async () => {
    const { app } = setup(undefined, { MAX_UPLOAD_MB: '1' });
    const response = await app.request('/api/v1/chats/c1/messages', {
      method: 'POST',
      body: chunked(3 * 1024 * 1024),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await envelope(response)).toMatchObject({ type: 'errors/payload_too_large' });
  });

  it('multipart within the limit streams through', async () => {
    const { app, upstream } = setup(undefined, { MAX_UPLOAD_MB: '1' });
    const response = await app.request('/api/v1/chats/c1/messages', {
      method: 'POST',
      body: chunked(900 * 1024),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(upstream.calls[0]?.body).toHaveLength(900 * 1024);
  });

  it('over a real socket: a 200 MB chunked JSON body is answered 413 without the server keeping it', async () => {
    const { app } = setup();
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    const before = process.memoryUsage().rss;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'PATCH', path: '/api/v1/chats/c1', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a reply forwards only its text: no other field reaches the upstream', async () => {
    const { app, upstream } = setup();
    const response = await app.request('/api/v1/chats/c1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello', account_id: 'other', attachments: ['x'], thread_id: 't' }),
    });
    expect(response.status).toBe(200);
    expect(upstream.calls[0]?.body).toBe('{"text":"hello"}');
  });

  it.each(['/api/v1/chats/ID', '/api/v1/chats/ID/messages', '/api/v1/messages/m1/attachments/ID', '/api/v1/accounts/ID'])('an id over 1 KB in %s → 400 naming it', async (template) => {
    const { app, upstream } = setup();
    const response = await app.request(template.replace('ID', 'x'.repeat(1025)));
    expect(response.status).toBe(400);
    expect((await envelope(response)).detail).toMatch(/^(id|attachment_id): must be at most 1024 characters/);
    expect(upstream.calls).toHaveLength(0);
    expect((await app.request(template.replace('ID', 'x'.repeat(1024)))).status).not.toBe(400);
  });
});

describe('upstream answers', () => {
  it.each(['{"object":"ChatList","items":[', '{"a":1}}', '[1,2', '{ nope }'])('a 200 that is not valid JSON (%s) → 502 bad_gateway', async (body) => {
    const { app } = setup(() => new Response(body, { headers: { 'content-type': 'application/json' } }));
    for (const path of ['/api/v1/chats', '/api/v1/chats?pinned=true', '/api/v1/chats/c1', '/api/v1/accounts']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(502);
      expect(await envelope(response)).toMatchObject({ type: 'errors/bad_gateway' });
    }
  });

  it('a filtered list over a page without `cursor` → 502 (the end cannot be told apart), never a silent end', async () => {
    const { app } = setup(() => jsonResponse({ object: 'ChatList', items: [fakeChat(1)] }));
    const response = await app.request('/api/v1/chats?archived=false');
    expect(response.status).toBe(502);
    expect((await envelope(response)).detail).toContain('no cursor');
  });

  it('an answer over 20 MB → 502, over fetch', async () => {
    const { app } = setup(() => new Response(chunked(21 * 1024 * 1024), { headers: { 'content-type': 'application/json' } }));
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(502);
  });

  it('an answer over 20 MB → 502, over node:http, cut off without reading it all', async () => {
    let written = 0;
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (written < 200 && !res.destroyed) {
          written++;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    servers.push(upstream);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { app } = setup(undefined, {}, undefined, `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(502);
    expect(written).toBeLessThan(100);
  });

  it('a filtered request never holds more than one upstream page in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const chats = Array.from({ length: 2_000 }, (_, i) => fakeChat(i, { pinned: 0 }));
    const fetch: FetchLike = async (request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      const offset = Number(new URL(request.url).searchParams.get('cursor') ?? 0);
      return jsonResponse({ object: 'ChatList', items: chats.slice(offset, offset + 250), cursor: offset + 250 < chats.length ? String(offset + 250) : null });
    };
    const { app } = setup(undefined, {}, fetch);
    const response = await app.request('/api/v1/chats?pinned=true');
    expect(response.status).toBe(200);
    expect(most).toBe(1);
  });
});
