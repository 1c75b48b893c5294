import { describe, expect, it } from 'vitest';
import { createSimulator } from './index';
import { ANCHOR, ORIGIN, makeSim } from './test-helpers.fixture';
import type { ErrorJson } from './types';

describe('auth', () => {
  const t = makeSim();

  it('401 missing_credentials without X-API-KEY, invalid_credentials with a wrong one', async () => {
    const missing = await t.sim.fetch(new Request(`${ORIGIN}/api/v1/chats`));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(await missing.json()).toEqual({ title: 'Missing credentials', detail: 'Some credentials are necessary to perform the request.', type: 'errors/missing_credentials', status: 401 });
    const wrong = await t.json<ErrorJson>('/api/v1/chats', { headers: { 'x-api-key': 'sim_nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ type: 'errors/invalid_credentials', status: 401 });
    const other = makeSim({ seed: 8 });
    expect((await t.json('/api/v1/chats', { headers: { 'x-api-key': other.sim.apiKey } })).status).toBe(401);
  });

  it('checks the key before anything else, including unknown routes and binaries', async () => {
    for (const path of ['/api/v1/nope', '/api/v1/chat_attendees/x/picture', '/api/v1/chats?limit=0', '/']) {
      expect((await t.sim.fetch(new Request(`${ORIGIN}${path}`))).status).toBe(401);
    }
  });

  it('accepts any origin: only path and query matter', async () => {
    const res = await t.sim.fetch(new Request('https://api1.unipile.com:13111/api/v1/chats?limit=1', { headers: { 'X-API-KEY': t.sim.apiKey } }));
    expect(res.status).toBe(200);
  });
});

describe('unknown routes', () => {
  const t = makeSim();
  it.each([
    ['GET', '/api/v1/nope'], ['GET', '/api/v1/users/me'], ['DELETE', '/api/v1/chats/x'], ['PUT', '/api/v1/chats/x'],
    ['POST', '/api/v1/chats'], ['GET', '/api/v2/chats'], ['GET', '/'],
  ])('%s %s → 404 envelope', async (method, path) => {
    const res = await t.json<ErrorJson>(path, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body).toEqual({ title: expect.any(String), detail: expect.any(String), type: 'errors/resource_not_found', status: 404 });
  });
});

describe('faults', () => {
  const allowed = [
    [500, 'errors/unexpected_error'],
    [503, 'errors/service_unavailable'],
    [504, 'errors/request_timeout'],
  ];

  it('rate 1 answers every request with one of the allowed errors, all of them eventually', async () => {
    const t = makeSim({ faultRate: 1 });
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const res = await t.json<ErrorJson>('/api/v1/chats?limit=1');
      expect(allowed).toContainEqual([res.status, res.body.type]);
      expect(res.body.status).toBe(res.status);
      expect(typeof res.body.title).toBe('string');
      expect(typeof res.body.detail).toBe('string');
      seen.add(res.body.type);
    }
    expect(seen.size).toBe(3);
  });

  it('rate 0 never fails', async () => {
    const t = makeSim({ faultRate: 0 });
    for (let i = 0; i < 100; i++) expect((await t.request('/api/v1/chats?limit=1')).status).toBe(200);
  });

  it('is a deterministic sequence for a seed, roughly at the requested rate, and has no side effects', async () => {
    const run = async () => {
      const t = makeSim({ faultRate: 0.3, seed: 21 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await t.request('/api/v1/chats?limit=1')).status);
      return statuses;
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    const failed = a.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(90);
    const t = makeSim({ faultRate: 1 });
    const id = t.sim.store.orderedChatIds()[0] ?? '';
    const before = t.sim.store.chatJson(t.sim.store.chatIndex(id));
    await t.request(`/api/v1/chats/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"action":"setPinnedStatus","value":true}' });
    expect(t.sim.store.chatJson(t.sim.store.chatIndex(id))).toEqual(before);
  });

  it('auth comes before faults', async () => {
    const t = makeSim({ faultRate: 1 });
    for (let i = 0; i < 20; i++) expect((await t.request('/api/v1/chats', { headers: { 'x-api-key': 'bad' } })).status).toBe(401);
  });
});

describe('latency', () => {
  it('delays every answer by latencyMs', async () => {
    const t = makeSim({ latencyMs: 80 });
    const start = performance.now();
    await Promise.all([t.request('/api/v1/chats?limit=1'), t.request('/api/v1/nope', { headers: { 'x-api-key': 'bad' } })]);
    const elapsed = performance.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(75);
    expect(elapsed).toBeLessThan(1000);
  });

  it('an aborted request rejects like a network fetch', async () => {
    const t = makeSim({ latencyMs: 5_000 });
    const controller = new AbortController();
    const pending = t.request('/api/v1/chats', { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('gone', 'AbortError')), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createSimulator options', () => {
  it('validates its options', () => {
    const base = { chats: 10, seed: 1, latencyMs: 0, faultRate: 0 };
    expect(() => createSimulator({ ...base, chats: -1 })).toThrow(RangeError);
    expect(() => createSimulator({ ...base, chats: 1.5 })).toThrow(RangeError);
    expect(() => createSimulator({ ...base, faultRate: 2 })).toThrow(RangeError);
    expect(() => createSimulator({ ...base, latencyMs: -5 })).toThrow(RangeError);
  });

  it('defaults the anchor to now() floored to the minute, and works with zero chats', async () => {
    const sim = createSimulator({ chats: 0, seed: 1, latencyMs: 0, faultRate: 0, now: () => ANCHOR + 59_999 });
    expect(sim.store.anchor).toBe(ANCHOR);
    const res = await sim.fetch(new Request(`${ORIGIN}/api/v1/chats`, { headers: { 'X-API-KEY': sim.apiKey } }));
    expect(await res.json()).toEqual({ object: 'ChatList', items: [], cursor: null });
  });
});
