import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { protectBackend } from './backends/protect';
import type { FetchLike } from './backends/types';
import { createUnipileBackend } from './backends/unipile';
import { loadConfig } from './config';

/*
 * The critical property of issue 10, from the browser's side: an upstream (or a gateway in front of it) that echoes
 * every request header back, into its body and its headers, on every route and status, still never hands the key to
 * a browser or a log line. Run over both transports: a fetch (as the simulator is reached) and node:http (the real API).
 */

const KEY = 'sk_live_Zq9/8x+7w=="echo"-d41d8cd98f00';
const FORMS = [KEY, JSON.stringify(KEY).slice(1, -1), encodeURIComponent(KEY), JSON.stringify(KEY).slice(1, -1).replace(/\//g, '\\/')];
const STATUSES = [200, 201, 400, 401, 403, 404, 422, 429, 500, 502, 503, 504];

const ROUTES: { method: string; path: string; body?: string; contentType?: string }[] = [
  { method: 'GET', path: '/api/v1/accounts' },
  { method: 'GET', path: '/api/v1/accounts/acc1' },
  { method: 'GET', path: '/api/v1/chats?limit=5' },
  { method: 'GET', path: '/api/v1/chats?limit=5&pinned=false' },
  { method: 'GET', path: '/api/v1/chats?q=sk_live' },
  { method: 'GET', path: '/api/v1/chats/c1' },
  { method: 'PATCH', path: '/api/v1/chats/c1', body: JSON.stringify({ action: 'setReadStatus', value: true }), contentType: 'application/json' },
  { method: 'GET', path: '/api/v1/chats/c1/messages' },
  { method: 'POST', path: '/api/v1/chats/c1/messages', body: JSON.stringify({ text: 'hi' }), contentType: 'application/json' },
  { method: 'POST', path: '/api/v1/chats/c1/messages', body: '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nhi\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' },
  { method: 'GET', path: '/api/v1/chats/c1/attendees' },
  { method: 'GET', path: '/api/v1/chat_attendees/a1/picture' },
  { method: 'GET', path: '/api/v1/messages/m1/attachments/f1' },
];

type Flavour = 'json' | 'html' | 'image';

/** What the echoing upstream answers: the request's headers everywhere it can put them. */
function echo(status: number, flavour: Flavour, headers: Record<string, string>): { status: number; headers: Record<string, string>; body: string } {
  const dump = JSON.stringify(headers);
  const out: Record<string, string> = {
    'set-cookie': `sid=${headers['x-api-key']}`,
    'retry-after': headers['x-api-key'] ?? '',
    'x-ratelimit-reset': `${headers['x-api-key']}`,
    'content-disposition': `attachment; filename="${headers['x-api-key']}"`,
    'cache-control': `private, key=${encodeURIComponent(headers['x-api-key'] ?? '')}`,
    'www-authenticate': `Key ${headers['x-api-key']}`,
  };
  for (const [name, value] of Object.entries(headers)) out[`x-echo-${name}`] = value;
  if (flavour === 'html') return { status, headers: { ...out, 'content-type': 'text/html' }, body: `<html><pre>${dump}</pre></html>` };
  if (flavour === 'image') return { status, headers: { ...out, 'content-type': 'image/png' }, body: `\u0089PNG${dump}${headers['x-api-key']}` };
  const body = {
    object: 'ChatList',
    items: [{ object: 'Chat', id: 'c1', name: `sk_live ${headers['x-api-key']}`, timestamp: '2026-01-01T00:00:00.000Z', pinned: 0, archived: 0, echo: headers }],
    cursor: null,
    title: 'Echo',
    detail: `request headers: ${dump}`,
    type: 'errors/echo',
    status,
  };
  return { status, headers: { ...out, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

let flavour: Flavour = 'json';
let status = 200;
const logs: string[] = [];

const fakeFetch: FetchLike = async (request) => {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = echo(status, flavour, headers);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
};

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers as IncomingHttpHeaders)) if (typeof value === 'string') headers[name] = value;
    req.resume();
    req.on('end', () => {
      const answer = echo(status, flavour, headers);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function appOver(transport: 'fetch' | 'node:http') {
  const config = { ...loadConfig({ UNIPILE_DSN: origin || 'http://127.0.0.1:9', UNIPILE_API_KEY: KEY }), staticDir: null };
  const adapter = createUnipileBackend({
    kind: 'unipile',
    baseUrl: transport === 'fetch' ? 'https://api.test' : origin,
    host: 'api.test',
    apiKey: KEY,
    timeoutMs: 2_000,
    ...(transport === 'fetch' ? { fetch: fakeFetch } : {}),
  });
  const backend = protectBackend(adapter, { concurrency: 8, queueLimit: 100, maxWaitMs: 2_000 });
  return createApp({ config, backend, logger: { info: (m) => logs.push(m), error: (m) => logs.push(m) } });
}

function assertNoKey(where: string, text: string): void {
  for (const form of FORMS) expect(text.includes(form), `${where} carries the key (${form})`).toBe(false);
}

describe.each(['fetch', 'node:http'] as const)('an upstream that echoes every request header, over %s', (transport) => {
  it.each(['json', 'html', 'image'] as const)('never hands the key to the browser or the log: every route, every status (%s answers)', async (kind) => {
    const app = appOver(transport);
    flavour = kind;
    let checked = 0;
    for (const code of STATUSES) {
      status = code;
      for (const route of ROUTES) {
        const init: RequestInit = { method: route.method };
        if (route.body) init.body = route.body;
        if (route.contentType) init.headers = { 'content-type': route.contentType };
        const response = await app.request(route.path, init);
        const where = `${route.method} ${route.path} (upstream ${code} ${kind}) → ${response.status}`;
        const headerDump = [...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n');
        assertNoKey(`${where} headers`, headerDump);
        expect(response.headers.get('set-cookie'), where).toBeNull();
        assertNoKey(`${where} body`, await response.text());
        expect(response.status, where).toBeLessThan(600);
        checked++;
      }
    }
    assertNoKey('the log', logs.join('\n'));
    expect(checked).toBe(STATUSES.length * ROUTES.length);
  });
});
