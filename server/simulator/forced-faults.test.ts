import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createBackend } from '../wiring';
import { UNAUTHORIZED_TYPES } from './errors';
import { createSimulator } from './index';
import { parseForcedFault } from './faults';
import { makeSim, type ChatList } from './test-helpers.fixture';
import type { ErrorJson } from './types';

/*
 * Forced faults (`x-simulator-fault`): what the simulator answers for each, in-process through its fetch, and what
 * the Triage server makes of it through the embedded wiring. A real upstream never receives the header.
 */

const withFault = (fault: string, headers: Record<string, string> = {}) => ({ headers: { 'x-simulator-fault': fault, ...headers } });

/** Lets every pending microtask and I/O callback run, without waiting on a timer. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('forced faults, through the simulator', () => {
  const t = makeSim();

  it.each(Object.entries(UNAUTHORIZED_TYPES))('401:%s answers that type with the reference title and detail', async (type, [title, detail]) => {
    const res = await t.json<ErrorJson>('/api/v1/chats?limit=1', withFault(`401:${type}`));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toEqual({ title, detail, type, status: 401 });
  });

  it('covers every 401 type the list-chats reference enumerates', () => {
    const documented = [
      'errors/missing_credentials', 'errors/multiple_sessions', 'errors/invalid_checkpoint_solution', 'errors/checkpoint_error',
      'errors/invalid_credentials', 'errors/expired_credentials', 'errors/insufficient_privileges', 'errors/disconnected_account',
      'errors/disconnected_feature', 'errors/invalid_credentials_but_valid_account_imap', 'errors/expired_link', 'errors/wrong_account',
    ];
    for (const type of documented) expect(parseForcedFault(`401:${type}`), type).not.toBeNull();
  });

  it.each([
    ['403', 403, 'errors/insufficient_permissions'],
    ['500', 500, 'errors/unexpected_error'],
    ['503', 503, 'errors/service_unavailable'],
    ['504', 504, 'errors/request_timeout'],
  ])('%s answers %i %s in the envelope', async (fault, status, type) => {
    const res = await t.json<ErrorJson>('/api/v1/chats', withFault(fault));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ title: expect.any(String), detail: expect.any(String), type, status });
  });

  it('429 says when to retry: 1 s by default, or the seconds it names', async () => {
    const res = await t.json<ErrorJson>('/api/v1/chats', withFault('429'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toMatchObject({ type: 'errors/too_many_requests', status: 429 });
    expect((await t.request('/api/v1/chats', withFault('429:30'))).headers.get('retry-after')).toBe('30');
  });

  it('timeout never answers, and rejects as a fetch does once the request is aborted', async () => {
    const controller = new AbortController();
    let settled = false;
    const pending = t.request('/api/v1/chats', { ...withFault('timeout'), signal: controller.signal }).finally(() => {
      settled = true;
    });
    for (let i = 0; i < 20; i++) await settle();
    expect(settled).toBe(false);
    const reason = new Error('gave up');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('refused rejects the fetch with the TypeError of a refused connection', async () => {
    const failure = await t.request('/api/v1/chats', withFault('refused')).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('malformed is a 200 whose JSON body is cut off', async () => {
    const res = await t.request('/api/v1/chats', withFault('malformed'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(text.startsWith('{')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('no-cursor is the real page without its cursor field', async () => {
    const real = await t.json<ChatList>('/api/v1/chats?limit=5');
    expect(real.body.cursor).toEqual(expect.any(String));
    const res = await t.json<Partial<ChatList>>('/api/v1/chats?limit=5', withFault('no-cursor'));
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('cursor');
    expect(res.body.items).toEqual(real.body.items);
    // An error answer has no cursor to remove: it passes as it is.
    expect((await t.json<ErrorJson>('/api/v1/chats?limit=0', withFault('no-cursor'))).body.type).toBe('errors/invalid_parameters');
  });

  it.each(['', '418', '401', '401:errors/nope', '401:errors/insufficient_permissions', '429:abc', '429:999999', 'TIMEOUT', 'hasOwnProperty'])('refuses the unknown value %j with a 400 naming the header', async (fault) => {
    const res = await t.json<ErrorJson>('/api/v1/chats', withFault(fault));
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('errors/invalid_parameters');
    expect(res.body.detail).toContain('x-simulator-fault');
  });

  it('needs the right key: without it the answer is the 401 of any unauthenticated request', async () => {
    const res = await t.json<ErrorJson>('/api/v1/chats', withFault('503', { 'x-api-key': 'sim_wrong' }));
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('errors/invalid_credentials');
  });

  it('has no side effect: a forced fault on a PATCH leaves the chat as it was', async () => {
    const chat = (await t.json<ChatList>('/api/v1/chats?limit=1')).body.items[0]!;
    const res = await t.request(`/api/v1/chats/${chat.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ action: 'setPinnedStatus', value: chat.pinned !== 1 }),
      ...withFault('503', { 'content-type': 'application/json' }),
    });
    expect(res.status).toBe(503);
    expect((await t.json<{ pinned: number }>(`/api/v1/chats/${chat.id}`)).body.pinned).toBe(chat.pinned);
  });
});

function simulatorApp(env: Record<string, string> = {}) {
  const config = { ...loadConfig({ SIMULATOR_CHATS: '300', SIMULATOR_SEED: '7', ...env }), staticDir: null };
  return createApp({ config, backend: createBackend(config), logger: { info: () => undefined, error: () => undefined } });
}

describe('forced faults, through the Triage server on the embedded simulator', () => {
  const app = simulatorApp({ UPSTREAM_TIMEOUT_MS: '150' });
  const get = async (path: string, fault: string) => {
    const res = await app.request(path, withFault(fault));
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: (text.startsWith('{') ? JSON.parse(text) : null) as Record<string, unknown> | null };
  };

  it.each([
    ['401:errors/disconnected_account', 401, 'errors/disconnected_account'],
    ['401:errors/invalid_credentials', 401, 'errors/invalid_credentials'],
    ['403', 403, 'errors/insufficient_permissions'],
    ['500', 500, 'errors/unexpected_error'],
    ['503', 503, 'errors/service_unavailable'],
    ['504', 504, 'errors/request_timeout'],
    ['timeout', 504, 'errors/request_timeout'],
    ['refused', 503, 'errors/network_down'],
    ['malformed', 502, 'errors/bad_gateway'],
  ])('%s reaches the browser as %i %s', async (fault, status, type) => {
    const res = await get('/api/v1/chats?limit=5', fault);
    expect(res.status, res.text).toBe(status);
    expect(res.body).toMatchObject({ type, status });
  });

  it('429 keeps its Retry-After on the way through', async () => {
    // An app of its own: a 429 pauses the backend for its Retry-After, which would hold up the other tests' calls.
    const paused = simulatorApp();
    const res = await paused.request('/api/v1/chats', withFault('429'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ type: 'errors/too_many_requests', status: 429 });
  });

  it('no-cursor reaches the browser as a page without cursor; the filtered path asks upstream with the fault too', async () => {
    const plain = await get('/api/v1/chats?limit=5', 'no-cursor');
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('cursor');
    expect((await get('/api/v1/chats?limit=5&pinned=true', '503')).status).toBe(503);
  });

  it('applies to the other routes too', async () => {
    expect((await get('/api/v1/accounts', '503')).status).toBe(503);
    expect((await get('/api/v1/accounts', '401:errors/expired_credentials')).body).toMatchObject({ type: 'errors/expired_credentials' });
  });
});

describe('forced faults never reach a real upstream', () => {
  const servers: ServerType[] = [];
  afterAll(() => {
    for (const server of servers) server.close();
  });

  it('with UNIPILE_DSN set, the header is dropped and the answer is the real one', async () => {
    // The simulator on a port of its own, reached over HTTP as Unipile would be: it would obey the header if it got it.
    const simulator = createSimulator({ chats: 50, seed: 7, latencyMs: 0, faultRate: 0 });
    const server = serve({ fetch: simulator.fetch, hostname: '127.0.0.1', port: 0 });
    servers.push(server);
    await once(server, 'listening');
    const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const direct = await fetch(`${upstream}/api/v1/chats?limit=1`, { headers: { 'x-api-key': simulator.apiKey, 'x-simulator-fault': '503' } });
    expect(direct.status).toBe(503);

    const config = { ...loadConfig({ UNIPILE_DSN: upstream, UNIPILE_API_KEY: simulator.apiKey }), staticDir: null };
    const app = createApp({ config, backend: createBackend(config), logger: { info: () => undefined, error: () => undefined } });
    const res = await app.request('/api/v1/chats?limit=1', withFault('503'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as ChatList).items).toHaveLength(1);
  });
});

