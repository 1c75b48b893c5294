import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse, recordingFetch } from './fake-upstream.fixture';
import { UpstreamTimeoutError, UpstreamUnreachableError, type FetchLike } from './types';
import { createUnipileBackend } from './unipile';

const KEY = 'key-under-test';

function backendWith(fetch: FetchLike, timeoutMs = 1_000, baseUrl = 'https://api.test:13111/') {
  return createUnipileBackend({ kind: 'unipile', baseUrl, host: 'api.test:13111', apiKey: KEY, timeoutMs, fetch });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the request it sends', () => {
  it('is base + path + query, with only the key, accept and the given content type', async () => {
    const upstream = recordingFetch();
    const backend = backendWith(upstream.fetch);
    await backend.request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams({ limit: '5', cursor: 'a+b/c=' }) });
    await backend.request({ method: 'GET', path: '/api/v1/accounts', query: new URLSearchParams() });
    await backend.request({ method: 'POST', path: '/api/v1/chats/c1/messages', body: '{"text":"hi"}', contentType: 'application/json' });
    const [list, accounts, post] = upstream.calls;
    expect(list!.url.href).toBe('https://api.test:13111/api/v1/chats?limit=5&cursor=a%2Bb%2Fc%3D');
    expect(list!.url.searchParams.get('cursor')).toBe('a+b/c=');
    expect(accounts!.url.href).toBe('https://api.test:13111/api/v1/accounts');
    expect([...list!.headers.keys()].sort()).toEqual(['accept', 'x-api-key']);
    expect(list!.headers.get('x-api-key')).toBe(KEY);
    expect(list!.headers.get('accept')).toBe('application/json');
    expect(post!.headers.get('content-type')).toBe('application/json');
    expect(post!.body).toBe('{"text":"hi"}');
  });

  it('keeps the key out of the backend object itself', () => {
    const backend = backendWith(recordingFetch().fetch);
    expect(JSON.stringify(backend)).not.toContain(KEY);
    expect(Object.values(backend)).not.toContain(KEY);
  });

  it('does not follow redirects (the key would go with them)', async () => {
    let keyLeaked = false;
    const elsewhere = await listen((req, res) => {
      keyLeaked = req.headers['x-api-key'] !== undefined;
      res.end('{}');
    });
    const origin = await listen((_req, res) => {
      res.writeHead(302, { location: `${elsewhere}/steal` });
      res.end();
    });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    const response = await backend.request({ method: 'GET', path: '/api/v1/chats' });
    expect(response.status).toBe(302);
    expect(keyLeaked).toBe(false);
  });
});

describe('failures', () => {
  it('rejects UpstreamTimeoutError when no answer comes in time', async () => {
    const backend = backendWith(() => new Promise<Response>(() => undefined), 20);
    await expect(backend.request({ method: 'GET', path: '/api/v1/chats' })).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('rejects UpstreamTimeoutError when the body stalls half-way', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"items":['));
      },
    });
    const backend = backendWith(async () => new Response(stalled, { headers: { 'content-type': 'application/json' } }), 30);
    await expect(backend.request({ method: 'GET', path: '/api/v1/chats' })).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });

  it('lets a streamed download outlive the timeout while bytes keep coming', async () => {
    let sent = 0;
    const steady = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        if (sent === 6) return controller.close();
        controller.enqueue(new Uint8Array([sent++]));
      },
    });
    const backend = backendWith(async () => new Response(steady, { headers: { 'content-type': 'image/png' } }), 40);
    const response = await backend.request({ method: 'GET', path: '/api/v1/chat_attendees/a/picture', streaming: true });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 3, 4, 5]));
  });

  it('cuts off a streamed download that stops sending for the timeout', async () => {
    let cancelled = false;
    const stalls = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(64).fill(7));
      },
      cancel() {
        cancelled = true;
      },
    });
    const backend = backendWith(async () => new Response(stalls, { headers: { 'content-type': 'image/png' } }), 40);
    const response = await backend.request({ method: 'GET', path: '/api/v1/chat_attendees/a/picture', streaming: true });
    await expect(response.arrayBuffer()).rejects.toBeInstanceOf(UpstreamTimeoutError);
    expect(cancelled).toBe(true);
  });

  it('stops when the browser goes away, without calling it a timeout', async () => {
    const controller = new AbortController();
    const backend = backendWith(() => new Promise<Response>(() => undefined), 5_000);
    const pending = backend.request({ method: 'GET', path: '/api/v1/chats', signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UpstreamTimeoutError);
    expect(error).not.toBeInstanceOf(UpstreamUnreachableError);
  });

  it('rejects UpstreamUnreachableError when nothing listens (real fetch)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: `http://127.0.0.1:${port}`, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    const error: unknown = await backend.request({ method: 'GET', path: '/api/v1/chats' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnreachableError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('rejects UpstreamUnreachableError when the connection drops mid-answer (real fetch)', async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"items":[');
      setTimeout(() => res.destroy(), 10);
    });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    await expect(backend.request({ method: 'GET', path: '/api/v1/chats' })).rejects.toBeInstanceOf(UpstreamUnreachableError);
  });

  it('passes error statuses through as answers, not failures', async () => {
    const backend = backendWith(async () => jsonResponse({ status: 401, type: 'errors/invalid_credentials' }, 401));
    const response = await backend.request({ method: 'GET', path: '/api/v1/chats' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, type: 'errors/invalid_credentials' });
  });
});

describe('over node:http (the default transport for the real API)', () => {
  it('sends exactly the key, accept, query and body, and keeps the connection alive', async () => {
    const seen: { method?: string; url?: string; headers: Record<string, string | string[] | undefined>; body: string; socket: unknown }[] = [];
    const origin = await listen((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body, socket: req.socket });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"object":"Ok"}');
      });
    });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    const first = await backend.request({ method: 'GET', path: '/api/v1/chats/a%40b', query: new URLSearchParams({ limit: '3' }) });
    expect(await first.json()).toEqual({ object: 'Ok' });
    await backend.request({ method: 'PATCH', path: '/api/v1/chats/c1', body: '{"action":"setReadStatus","value":true}', contentType: 'application/json' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/chats/a%40b?limit=3' });
    expect(Object.keys(seen[0]!.headers).sort()).toEqual(['accept', 'connection', 'host', 'x-api-key']);
    expect(seen[0]!.headers['x-api-key']).toBe(KEY);
    expect(seen[1]).toMatchObject({ method: 'PATCH', body: '{"action":"setReadStatus","value":true}' });
    expect(seen[1]!.headers['content-type']).toBe('application/json');
    expect(seen[1]!.headers['content-length']).toBe('39');
    expect(seen[1]!.socket).toBe(seen[0]!.socket);
  });

  it('streams a request body through (multipart with an attachment)', async () => {
    let received = '';
    let contentType: string | undefined;
    const origin = await listen((req, res) => {
      contentType = req.headers['content-type'];
      req.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end('{"object":"MessageSent","message_id":"m1"}');
      });
    });
    const form = new FormData();
    form.append('text', 'hello');
    form.append('attachments', new Blob([new Uint8Array(100_000).fill(7)]), 'big.bin');
    const multipart = new Request('http://x/', { method: 'POST', body: form });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    const response = await backend.request({ method: 'POST', path: '/api/v1/chats/c1/messages', body: multipart.body, contentType: multipart.headers.get('content-type') ?? '' });
    expect(response.status).toBe(201);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received).toContain('name="text"');
    expect(received.length).toBeGreaterThan(100_000);
  });

  it('hands a streamed download over before it has finished arriving', async () => {
    let finish: () => void = () => undefined;
    const origin = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(Buffer.alloc(1000, 1));
      finish = () => res.end(Buffer.from([4]));
    });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 2_000 });
    const response = await backend.request({ method: 'GET', path: '/api/v1/chat_attendees/a/picture', streaming: true });
    const reader = response.body!.getReader();
    // The scrubber holds back the last bytes of a chunk (a key split across two chunks is caught), never the rest.
    const first = (await reader.read()).value ?? new Uint8Array();
    expect(first.byteLength).toBe(1000 - (KEY.length - 1));
    finish();
    const rest: number[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest.push(...chunk.value);
    expect(rest).toEqual([...Array<number>(KEY.length - 1).fill(1), 4]);
  });

  it('times out on an answer that starts but never ends', async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
    });
    const backend = createUnipileBackend({ kind: 'unipile', baseUrl: origin, host: 'local', apiKey: KEY, timeoutMs: 50 });
    await expect(backend.request({ method: 'GET', path: '/api/v1/chats' })).rejects.toBeInstanceOf(UpstreamTimeoutError);
  });
});
