import { describe, expect, it } from 'vitest';
import { jsonResponse, type Responder } from '../backends/fake-upstream.fixture';
import { proxyUnderTest } from './proxy-under-test.fixture';

const API_KEY = 'sk_live_9f8e7d6c5b4a-never-in-a-response';
const ORIGIN = 'https://api9.unipile.test:13111';

function setup(respond?: Responder, options: { timeoutMs?: number; fetch?: (request: Request) => Promise<Response> } = {}) {
  return proxyUnderTest(respond, { apiKey: API_KEY, timeoutMs: options.timeoutMs ?? 2_000, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

async function envelopeOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as { title: string; detail: string; type: string; status: number };
}

describe('forwarding', () => {
  const routes: { method: string; path: string; upstreamPath: string; body?: string }[] = [
    { method: 'GET', path: '/api/v1/accounts', upstreamPath: '/api/v1/accounts' },
    { method: 'GET', path: '/api/v1/accounts/acc%201', upstreamPath: '/api/v1/accounts/acc%201' },
    { method: 'GET', path: '/api/v1/chats', upstreamPath: '/api/v1/chats' },
    { method: 'GET', path: '/api/v1/chats/123%40s.whatsapp.net', upstreamPath: '/api/v1/chats/123%40s.whatsapp.net' },
    { method: 'GET', path: '/api/v1/chats/123@s.whatsapp.net', upstreamPath: '/api/v1/chats/123%40s.whatsapp.net' },
    {
      method: 'PATCH',
      path: '/api/v1/chats/123%40g.us',
      upstreamPath: '/api/v1/chats/123%40g.us',
      body: JSON.stringify({ action: 'setReadStatus', value: true }),
    },
    { method: 'GET', path: '/api/v1/chats/c1/messages', upstreamPath: '/api/v1/chats/c1/messages' },
    { method: 'POST', path: '/api/v1/chats/c1/messages', upstreamPath: '/api/v1/chats/c1/messages', body: JSON.stringify({ text: 'hi' }) },
    { method: 'GET', path: '/api/v1/chats/c1/attendees', upstreamPath: '/api/v1/chats/c1/attendees' },
    { method: 'GET', path: '/api/v1/chat_attendees/att%3A1/picture', upstreamPath: '/api/v1/chat_attendees/att%3A1/picture' },
    { method: 'GET', path: '/api/v1/messages/m1/attachments/a%2B1', upstreamPath: '/api/v1/messages/m1/attachments/a%2B1' },
  ];

  it.each(routes)('$method $path goes upstream with the key, accept, and the id encoded', async ({ method, path, upstreamPath, body }) => {
    const binary = /picture|attachments/.test(path);
    const { app, upstream } = setup(() => (binary ? new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } }) : jsonResponse({ object: 'Ok' })));
    const response = await app.request(path, {
      method,
      ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
    });
    expect(response.status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
    const call = upstream.calls[0]!;
    expect(call.method).toBe(method);
    expect(call.url.origin).toBe(ORIGIN);
    expect(call.url.pathname).toBe(upstreamPath);
    expect(call.headers.get('x-api-key')).toBe(API_KEY);
    expect(call.headers.get('accept')).toBe('application/json');
    if (body) {
      expect(call.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(call.body ?? 'null')).toEqual(JSON.parse(body));
    }
  });

  it('forwards only the documented query parameters of each route', async () => {
    const { app, upstream } = setup();
    await app.request('/api/v1/chats?unread=true&limit=10&account_type=LINKEDIN&account_id=a,b&before=2025-01-02T03:04:05.678Z&after=2024-01-02T03:04:05.678Z&cursor=abc&sender_id=x&foo=bar');
    await app.request('/api/v1/chats/c1/messages?limit=5&sender_id=s1&cursor=k&before=2025-01-02T03:04:05.678Z&unread=true');
    await app.request('/api/v1/accounts?limit=3&cursor=z&account_type=SLACK');
    await app.request('/api/v1/chats/c1?account_id=acc&limit=3');
    await app.request('/api/v1/chats/c1/attendees?limit=3&cursor=x');
    await app.request('/api/v1/chat_attendees/a1/picture?size=big');
    const queries = upstream.calls.map((call) => Object.fromEntries(call.url.searchParams));
    expect(queries).toEqual([
      {
        unread: 'true',
        cursor: 'abc',
        before: '2025-01-02T03:04:05.678Z',
        after: '2024-01-02T03:04:05.678Z',
        limit: '10',
        account_type: 'LINKEDIN',
        account_id: 'a,b',
      },
      { cursor: 'k', before: '2025-01-02T03:04:05.678Z', limit: '5', sender_id: 's1' },
      { cursor: 'z', limit: '3' },
      { account_id: 'acc' },
      {},
      {},
    ]);
  });

  it.each([
    ['..%2Faccounts', '/api/v1/chats/..%2Faccounts'],
    ['a%2Fb', '/api/v1/chats/a%2Fb'],
    ['%3F', '/api/v1/chats/%3F'],
    ['%23frag', '/api/v1/chats/%23frag'],
    ['a%252F', '/api/v1/chats/a%252F'],
    ['%2E%2E%2Fsecrets', '/api/v1/chats/..%2Fsecrets'],
  ])('an id %s stays inside its segment', async (id, upstreamPath) => {
    const { app, upstream } = setup();
    const response = await app.request(`/api/v1/chats/${id}/messages?limit=1`);
    expect(response.status).toBe(200);
    expect(upstream.calls[0]!.url.pathname).toBe(`${upstreamPath}/messages`);
    expect(upstream.calls[0]!.url.search).toBe('?limit=1');
  });

  it('never lets an id be a dot segment', async () => {
    const { app, upstream } = setup();
    // (A literal /chats/../accounts is resolved by URL parsing before any router sees it: that is GET /accounts.)
    for (const path of ['/api/v1/chats/%2E%2E', '/api/v1/chats/%2e', '/api/v1/messages/%2E%2E/attachments/x', '/api/v1/messages/m1/attachments/%2E%2E']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
    expect(upstream.calls).toHaveLength(0);
  });

  it('sends nothing the browser sent: no cookie, authorization, or browser X-API-KEY', async () => {
    const { app, upstream } = setup();
    await app.request('/api/v1/chats?limit=2', {
      headers: {
        cookie: 'session=abc',
        authorization: 'Bearer browser-token',
        'x-api-key': 'browser-supplied-key',
        'x-forwarded-for': '10.0.0.1',
        'accept-language': 'fr',
        referer: 'http://localhost/',
      },
    });
    const headers = [...upstream.calls[0]!.headers.keys()].sort();
    expect(headers).toEqual(['accept', 'x-api-key']);
    expect(upstream.calls[0]!.headers.get('x-api-key')).toBe(API_KEY);
  });

  it('streams a multipart message body through with its boundary', async () => {
    const { app, upstream } = setup(() => jsonResponse({ object: 'MessageSent', message_id: 'm9' }, 201));
    const form = new FormData();
    form.append('text', 'with a file');
    form.append('attachments', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'a.png');
    const response = await app.request('/api/v1/chats/c1/messages', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ object: 'MessageSent', message_id: 'm9' });
    const call = upstream.calls[0]!;
    expect(call.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.body).toContain('with a file');
    expect(call.body).toContain('filename="a.png"');
  });
});

describe('routes that are not forwarded', () => {
  it.each([
    ['GET', '/api/v1/users/me'],
    ['POST', '/api/v1/messages'],
    ['GET', '/api/v1/chat_attendees'],
    ['GET', '/api/v1/webhooks'],
    ['POST', '/api/v1/chats'],
    ['DELETE', '/api/v1/chats/c1'],
    ['PUT', '/api/v1/chats/c1'],
    ['POST', '/api/v1/accounts'],
    ['DELETE', '/api/v1/accounts/a1'],
    ['PATCH', '/api/v1/chats/c1/messages'],
    ['OPTIONS', '/api/v1/chats'],
    ['HEAD', '/api/v1/chats'],
    ['GET', '/api/v1/chats/'],
    ['GET', '/api/v1/chats/c1/sync'],
    ['GET', '/api/v2/chats'],
    ['GET', '/api/v1'],
    ['POST', '/api/config'],
  ])('%s %s → 404 envelope naming it, nothing upstream', async (method, path) => {
    const { app, upstream } = setup();
    const response = await app.request(path, { method });
    expect(response.status).toBe(404);
    if (method !== 'HEAD') {
      const body = await envelopeOf(response);
      expect(body).toMatchObject({ title: 'Not Found', type: 'errors/not_found', status: 404 });
      expect(body.detail).toContain(`${method} ${path}`);
    }
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('validation before anything goes upstream', () => {
  it.each([
    ['/api/v1/chats?limit=0', 'limit'],
    ['/api/v1/chats?limit=251', 'limit'],
    ['/api/v1/chats?limit=abc', 'limit'],
    ['/api/v1/chats?limit=1.5', 'limit'],
    ['/api/v1/chats?limit=', 'limit'],
    ['/api/v1/chats?limit=-1', 'limit'],
    ['/api/v1/chats?limit=1&limit=2', 'limit'],
    ['/api/v1/chats?before=2025-01-01', 'before'],
    ['/api/v1/chats?before=2025-01-01T00:00:00Z', 'before'],
    ['/api/v1/chats?after=yesterday', 'after'],
    ['/api/v1/chats?account_type=EMAIL', 'account_type'],
    ['/api/v1/chats?account_type=whatsapp', 'account_type'],
    ['/api/v1/chats?unread=yes', 'unread'],
    ['/api/v1/chats?unread=1', 'unread'],
    ['/api/v1/chats?cursor=', 'cursor'],
    ['/api/v1/chats?account_id=', 'account_id'],
    ['/api/v1/chats?account_id=a,,b', 'account_id'],
    ['/api/v1/chats?account_id=a,', 'account_id'],
    ['/api/v1/chats?folder=', 'folder'],
    ['/api/v1/chats?archived=1', 'archived'],
    ['/api/v1/chats?pinned=yes', 'pinned'],
    ['/api/v1/chats?muted=TRUE', 'muted'],
    ['/api/v1/chats?q=', 'q'],
    ['/api/v1/chats?q=%20%20', 'q'],
    ['/api/v1/chats?q=%CC%81', 'q'],
    [`/api/v1/chats?q=${'a'.repeat(201)}`, 'q'],
    ['/api/v1/chats?q=a&q=b', 'q'],
    ['/api/v1/chats/c1/messages?limit=300', 'limit'],
    ['/api/v1/chats/c1/messages?after=2025-13', 'after'],
    ['/api/v1/chats/c1/messages?sender_id=', 'sender_id'],
    ['/api/v1/chats/c1/messages?cursor=', 'cursor'],
    ['/api/v1/accounts?limit=0', 'limit'],
    ['/api/v1/accounts?cursor=', 'cursor'],
    ['/api/v1/chats/c1?account_id=', 'account_id'],
  ])('%s → 400 naming %s', async (path, param) => {
    const { app, upstream } = setup();
    const response = await app.request(path);
    expect(response.status).toBe(400);
    const body = await envelopeOf(response);
    expect(body).toMatchObject({ type: 'errors/invalid_parameters', title: 'Invalid parameters', status: 400 });
    expect(body.detail.startsWith(`${param}: `)).toBe(true);
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    [{ action: 'setReadStatus' }, 'value'],
    [{ action: 'setReadStatus', value: 'true' }, 'value'],
    [{ action: 'delete', value: true }, 'action'],
    [{ value: true }, 'action'],
    [[1, 2], 'body'],
    ['not json', 'body'],
  ])('PATCH %j → 400 naming %s', async (payload, param) => {
    const { app, upstream } = setup();
    const response = await app.request('/api/v1/chats/c1', {
      method: 'PATCH',
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await envelopeOf(response)).detail.startsWith(`${param}: `)).toBe(true);
    expect(upstream.calls).toHaveLength(0);
  });

  it('PATCH forwards only action and value', async () => {
    const { app, upstream } = setup(() => jsonResponse({ object: 'ChatPatched' }));
    for (const action of ['setReadStatus', 'setMuteStatus', 'setArchiveStatus', 'setPinnedStatus']) {
      const response = await app.request('/api/v1/chats/c1', {
        method: 'PATCH',
        body: JSON.stringify({ action, value: false, account_id: 'sneaky' }),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(200);
    }
    expect(upstream.calls.map((call) => JSON.parse(call.body ?? ''))).toEqual([
      { action: 'setReadStatus', value: false },
      { action: 'setMuteStatus', value: false },
      { action: 'setArchiveStatus', value: false },
      { action: 'setPinnedStatus', value: false },
    ]);
  });

  it('PATCH needs a JSON content type', async () => {
    const { app, upstream } = setup();
    const response = await app.request('/api/v1/chats/c1', { method: 'PATCH', body: JSON.stringify({ action: 'setReadStatus', value: true }), headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(400);
    expect((await envelopeOf(response)).detail).toMatch(/^content-type: /);
    expect(upstream.calls).toHaveLength(0);
  });

  it.each([
    [JSON.stringify({ text: '' }), 'application/json', 'text'],
    [JSON.stringify({ text: '   ' }), 'application/json', 'text'],
    [JSON.stringify({ text: 42 }), 'application/json', 'text'],
    [JSON.stringify({}), 'application/json', 'text'],
    ['{', 'application/json', 'body'],
    ['text=hi', 'application/x-www-form-urlencoded', 'content-type'],
    ['hi', 'text/plain', 'content-type'],
  ])('POST message %s (%s) → 400 naming %s', async (body, contentType, param) => {
    const { app, upstream } = setup();
    const response = await app.request('/api/v1/chats/c1/messages', { method: 'POST', body, headers: { 'content-type': contentType } });
    expect(response.status).toBe(400);
    expect((await envelopeOf(response)).detail.startsWith(`${param}: `)).toBe(true);
    expect(upstream.calls).toHaveLength(0);
  });
});

describe('writes from other sites', () => {
  it.each([
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
  ])('are refused (%j) and nothing goes upstream', async (headers) => {
    const { app, upstream } = setup();
    const form = new FormData();
    form.append('text', 'sent by another site');
    const post = await app.request('/api/v1/chats/c1/messages', { method: 'POST', body: form, headers });
    const patch = await app.request('/api/v1/chats/c1', {
      method: 'PATCH',
      body: JSON.stringify({ action: 'setArchiveStatus', value: true }),
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(post.status).toBe(403);
    expect(patch.status).toBe(403);
    expect((await envelopeOf(post)).type).toBe('errors/forbidden');
    expect(upstream.calls).toHaveLength(0);
  });

  it('are accepted when the browser says same-origin, even if a proxy rewrote Host', async () => {
    const { app, upstream } = setup();
    const response = await app.request('http://127.0.0.1:5173/api/v1/chats/c1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: 'hi' }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });

  it('are accepted from our own origin', async () => {
    const { app, upstream } = setup();
    const response = await app.request('http://localhost/api/v1/chats/c1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: 'hi' }),
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status).toBe(200);
    expect(upstream.calls).toHaveLength(1);
  });
});

describe('upstream answers', () => {
  it('passes an upstream 401 through with its status and body', async () => {
    const envelope = { status: 401, type: 'errors/invalid_credentials', title: 'Invalid credentials', detail: 'The provided credentials are invalid.' };
    const { app } = setup(() => jsonResponse(envelope, 401));
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(envelope);
  });

  it('passes a 429 through with its Retry-After', async () => {
    const { app } = setup(() => jsonResponse({ status: 429, type: 'errors/too_many_requests', title: 'Too Many Requests' }, 429, { 'retry-after': '7' }));
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('passes the JSON body of a success through unchanged', async () => {
    const page = { object: 'ChatList', items: [{ object: 'Chat', id: 'é@x', name: 'Zoë' }], cursor: 'next' };
    const { app } = setup(() => jsonResponse(page));
    const response = await app.request('/api/v1/chats');
    expect(await response.json()).toEqual(page);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['an HTML page with 200', () => new Response('<html>hello</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['a 502 HTML error page', () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })],
    ['JSON content type, HTML body', () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'application/json' } })],
    ['a broken JSON error body', () => new Response('{"title":', { status: 500, headers: { 'content-type': 'application/json' } })],
    ['an empty body', () => new Response(null, { status: 200 })],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } })],
  ])('%s → 502 errors/bad_gateway', async (_name, respond) => {
    const { app } = setup(respond);
    const response = await app.request('/api/v1/chats/c1');
    expect(response.status).toBe(502);
    expect(await envelopeOf(response)).toEqual({
      title: 'Bad Gateway',
      detail: 'The messaging API answered with something that is not JSON.',
      type: 'errors/bad_gateway',
      status: 502,
    });
  });

  it('times out with 504 errors/request_timeout, and says so in the log', async () => {
    const { app, logs } = setup(undefined, { timeoutMs: 30, fetch: () => new Promise<Response>(() => undefined) });
    const started = Date.now();
    const response = await app.request('/api/v1/chats');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(504);
    expect(await envelopeOf(response)).toMatchObject({ type: 'errors/request_timeout', status: 504 });
    expect(logs).toEqual(['triage: GET /api/v1/chats failed: api9.unipile.test:13111 did not answer within 30 ms']);
  });

  it('answers 503 errors/network_down when the API is unreachable', async () => {
    const { app } = setup(undefined, {
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })),
    });
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(503);
    expect(await envelopeOf(response)).toMatchObject({ type: 'errors/network_down', status: 503 });
  });

  it('answers 500 errors/unexpected_error without internals, and logs without the key', async () => {
    const { app, logs } = setup(undefined, { fetch: () => Promise.reject(new RangeError(`internal detail ${API_KEY}`)) });
    const response = await app.request('/api/v1/chats');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ title: 'Unexpected error', detail: 'Something went wrong.', type: 'errors/unexpected_error', status: 500 });
    expect(text).not.toContain('internal detail');
    expect(logs.join('\n')).toContain('internal detail');
    expect(logs.join('\n')).not.toContain(API_KEY);
  });
});

describe('binary routes', () => {
  it('stream the body through with its type and cache headers, and no other upstream header', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    let pulls = 0;
    const { app } = setup(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              const start = pulls * 65_536;
              pulls++;
              if (start >= bytes.length) controller.close();
              else controller.enqueue(bytes.slice(start, start + 65_536));
            },
          }),
          { headers: { 'content-type': 'image/jpeg', 'content-length': String(bytes.length), 'cache-control': 'max-age=600', etag: '"p1"', 'set-cookie': 'up=1' } },
        ),
    );
    const response = await app.request('/api/v1/chat_attendees/a1/picture');
    expect(response.status).toBe(200);
    // Nothing was read ahead beyond the stall guard and the scrubber's one chunk: the body is a stream, not a buffer.
    expect(pulls).toBeLessThanOrEqual(3);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    // Scrubbing may change the length, so the stream's end says it; etag is not on the relay allow-list.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('max-age=600');
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it.each(['text/html', 'application/json', 'application/problem+json; charset=utf-8'])('refuse a 200 %s on a binary route as an error page (502)', async (type) => {
    const { app } = setup(() => new Response('<script>alert(1)</script>', { headers: { 'content-type': type } }));
    const response = await app.request('/api/v1/messages/m1/attachments/a1');
    expect(response.status).toBe(502);
    expect(await envelopeOf(response)).toMatchObject({ type: 'errors/bad_gateway' });
  });

  it('relay any other type as an inert download, never as something a browser renders', async () => {
    const { app } = setup(() => new Response('<svg onload="alert(1)"/>', { headers: { 'content-type': 'image/svg+xml', 'content-disposition': 'inline; filename="x.svg"' } }));
    const response = await app.request('/api/v1/messages/m1/attachments/a1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="x.svg"');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
  });

  it('relay an upstream error envelope as JSON', async () => {
    const { app } = setup(() => jsonResponse({ status: 404, type: 'errors/resource_not_found', title: 'Not found' }, 404));
    const response = await app.request('/api/v1/messages/m1/attachments/a1');
    expect(response.status).toBe(404);
    expect((await response.json()) as unknown).toMatchObject({ type: 'errors/resource_not_found' });
  });
});
