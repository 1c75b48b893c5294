import { describe, expect, it } from 'vitest';
import { FORCED_FAULT_HEADER } from '../faults';
import { RATE_LIMIT } from './rate-limit';
import { makePeriskope, ORIGIN } from './test-helpers.fixture';
import type { PeriskopeErrorJson, PeriskopePhoneJson } from './wire';

/** Bearer auth and the x-phone scope, phones, unknown routes, rate-limit headers, forced faults, latency, counts. */

describe('auth', () => {
  const t = makePeriskope();

  it.each([
    ['no Authorization header', '', 'Missing Authorization header: Bearer <token>'],
    ['a wrong key', 'Bearer sim_periskope_wrong', 'Invalid API key'],
    ['the key without Bearer', 'KEY', 'Invalid API key'],
  ])('answers 401 in Periskope\'s error body for %s', async (_what, auth, message) => {
    const res = await t.sim.fetch(new Request(`${ORIGIN}/v1/chats`, { headers: auth === '' ? {} : { authorization: auth.replace('KEY', t.sim.apiKey) } }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'UNAUTHORIZED', message, name: 'Unauthorized', status: 401 });
  });

  it('answers 401 for an x-phone outside the org, and ignores an empty one', async () => {
    const res = await t.json<PeriskopeErrorJson>('/v1/chats', { headers: { 'x-phone': '919999999999' } });
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('919999999999');
    expect((await t.json('/v1/chats?limit=1', { headers: { 'x-phone': '' } })).status).toBe(200);
  });
});

describe('phones', () => {
  const t = makePeriskope();

  it('lists both phones: one connected and ready, one disconnected waiting for its QR code', async () => {
    const res = await t.json<PeriskopePhoneJson[]>('/v1/phones/all');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const [on, off] = res.body;
    expect(on).toMatchObject({ wa_state: 'CONNECTED', is_ready: true, qr_code: null });
    expect(off).toMatchObject({ wa_state: 'DISCONNECTED', is_ready: false, qr_code: expect.any(String) });
    for (const p of res.body) {
      expect(p.org_phone).toMatch(/^\d{12}@c\.us$/);
      expect(p.phone_id).toMatch(/^phone-[a-z]{16}$/);
    }
  });

  it('answers GET /v1/phones for the x-phone phone, and 422 without one', async () => {
    const [, off] = t.sim.store.phones;
    const res = await t.json<PeriskopePhoneJson>('/v1/phones', { headers: { 'x-phone': off!.number } });
    expect(res.body).toMatchObject({ phone_id: off!.phoneId, org_phone: off!.orgPhone, wa_state: 'DISCONNECTED' });
    const missing = await t.json<PeriskopeErrorJson>('/v1/phones');
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Missing Header: {x-phone}', fields: { 'x-phone': { message: expect.any(String) } } });
  });
});

describe('unknown routes', () => {
  const t = makePeriskope();

  it.each([
    ['GET', '/v1/contacts'],
    ['DELETE', '/v1/chats'],
    ['GET', '/api/v1/chats'],
    ['PATCH', '/v1/chats/1@c.us'],
  ])('%s %s answers 404 in Periskope\'s error body', async (method, path) => {
    const res = await t.json<PeriskopeErrorJson>(path, { method });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: `Cannot ${method} ${path}`, name: 'Not Found', status: 404 });
  });
});

describe('rate-limit headers', () => {
  it('come on every answer, counting down within the window, its reset in epoch seconds', async () => {
    const t = makePeriskope();
    const first = await t.request('/v1/chats?limit=1');
    const second = await t.request('/v1/nope');
    const third = await t.sim.fetch(new Request(`${ORIGIN}/v1/chats`));
    for (const res of [first, second, third]) {
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(RATE_LIMIT));
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset * 1000).toBeGreaterThan(t.clock.now);
      expect(reset * 1000 - t.clock.now).toBeLessThanOrEqual(60_000);
    }
    expect([first, second, third].map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual([RATE_LIMIT - 1, RATE_LIMIT - 2, RATE_LIMIT - 3].map(String));
    t.clock.now += 60_000;
    expect((await t.request('/v1/chats?limit=1')).headers.get('x-ratelimit-remaining')).toBe(String(RATE_LIMIT - 1));
  });
});

describe('forced faults (x-simulator-fault, with the right key only)', () => {
  const t = makePeriskope();
  const faulty = (value: string, init: RequestInit = {}) => t.request('/v1/chats?limit=1', { ...init, headers: { [FORCED_FAULT_HEADER]: value } });

  it('429 answers Retry-After and an exhausted rate limit, resetting when it says', async () => {
    const res = await faulty('429:7');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBe(Math.ceil(t.clock.now / 1000) + 7);
    expect(await res.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: expect.any(String), name: 'Too Many Requests', status: 429 });
    expect((await faulty('429')).headers.get('retry-after')).toBe('1');
  });

  it.each([['403', 403], ['500', 500], ['503', 503], ['504', 504], ['401:errors/expired_credentials', 401]])('%s answers %i in Periskope\'s error body', async (value, status) => {
    const res = await faulty(value);
    expect(res.status).toBe(status);
    const body = (await res.json()) as PeriskopeErrorJson;
    expect(body).toMatchObject({ status, code: expect.any(String), message: expect.any(String), name: expect.any(String) });
    expect(res.headers.get('x-ratelimit-limit')).toBe(String(RATE_LIMIT));
  });

  it('refused rejects the fetch; timeout waits until aborted; malformed is a cut-off 200', async () => {
    await expect(faulty('refused')).rejects.toThrow(TypeError);
    const controller = new AbortController();
    const pending = faulty('timeout', { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
    const malformed = await faulty('malformed');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
  });

  it('a value naming no fault is a 422; a wrong key gets the 401 whatever the header says', async () => {
    const res = await faulty('teapot');
    expect(res.status).toBe(422);
    expect(((await res.json()) as PeriskopeErrorJson).fields?.[FORCED_FAULT_HEADER]?.value).toBe('teapot');
    const wrong = await t.sim.fetch(new Request(`${ORIGIN}/v1/chats`, { headers: { authorization: 'Bearer nope', [FORCED_FAULT_HEADER]: '500' } }));
    expect(wrong.status).toBe(401);
  });
});

describe('latency and counts', () => {
  it('waits latencyMs, abortably', async () => {
    const t = makePeriskope({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = t.request('/v1/chats', { signal: controller.signal });
    controller.abort(new Error('left'));
    await expect(pending).rejects.toThrow('left');
  });

  it('counts requests per route, ids folded, refusals included', async () => {
    const t = makePeriskope();
    const chatId = t.sim.store.chatIds()[0]!;
    await t.request('/v1/chats');
    await t.request('/v1/chats?offset=10');
    await t.request(`/v1/chats/${encodeURIComponent(chatId)}`);
    await t.request(`/v1/chats/${chatId}/messages`);
    await t.request('/v1/chats/messages');
    await t.request(`/v1/chats/${chatId}/read`, { method: 'POST' });
    await t.request('/v1/message/send', { method: 'POST', body: '{}' });
    await t.request('/v1/phones/all');
    await t.sim.fetch(new Request(`${ORIGIN}/v1/phones`));
    expect(t.sim.requestCounts()).toEqual({
      'GET /v1/chats': 2,
      'GET /v1/chats/:id': 1,
      'GET /v1/chats/:id/messages': 1,
      'GET /v1/chats/messages': 1,
      'POST /v1/chats/:id/read': 1,
      'POST /v1/message/send': 1,
      'GET /v1/phones/all': 1,
      'GET /v1/phones': 1,
    });
  });

  it('refuses bad options', () => {
    expect(() => makePeriskope({ chats: -1 })).toThrow(RangeError);
    expect(() => makePeriskope({ chats: 1.5 })).toThrow(RangeError);
    expect(() => makePeriskope({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => makePeriskope({ seed: Number.NaN })).toThrow(RangeError);
  });
});
