import { describe, expect, it } from 'vitest';
import { protectBackend, resumeDelayMs } from './protect';
import { bufferedResponse, UpstreamBusyError, type Backend, type UpstreamRequest } from './types';

/** A backend whose calls stay open until the test answers them, in the order they arrived. */
function gatedBackend() {
  const pending: { req: UpstreamRequest; answer: (response: Response) => void }[] = [];
  let maxInFlight = 0;
  let inFlight = 0;
  const backend: Backend = {
    kind: 'unipile',
    simulated: false,
    host: 'api.test',
    request: (req) =>
      new Promise<Response>((resolve) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        pending.push({
          req,
          answer: (response) => {
            inFlight--;
            resolve(response);
          },
        });
      }),
  };
  const ok = (body: unknown = { object: 'ChatList', items: [] }, status = 200, headers: Record<string, string> = {}) =>
    bufferedResponse(new TextEncoder().encode(JSON.stringify(body)) as Uint8Array<ArrayBuffer>, { status, headers: { 'content-type': 'application/json', ...headers } });
  return { backend, pending, ok, maxInFlight: () => maxInFlight };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const get = (path: string, query = ''): UpstreamRequest => ({ method: 'GET', path, query: new URLSearchParams(query) });

describe('coalescing', () => {
  it('sends 100 identical concurrent GETs upstream once, and gives each caller its own readable answer', async () => {
    const gate = gatedBackend();
    const protectedBackend = protectBackend(gate.backend, { concurrency: 8, queueLimit: 1000, maxWaitMs: 5_000 });
    const answers = Array.from({ length: 100 }, () => protectedBackend.request(get('/api/v1/chats', 'limit=100')));
    await flush();
    expect(gate.pending).toHaveLength(1);
    gate.pending[0]!.answer(gate.ok({ object: 'ChatList', items: [{ id: 'a' }] }));
    const bodies = await Promise.all(answers.map(async (a) => (await a).json()));
    expect(bodies.every((b) => JSON.stringify(b) === '{"object":"ChatList","items":[{"id":"a"}]}')).toBe(true);
    expect(protectedBackend.stats()).toMatchObject({ upstreamCalls: 1, coalesced: 99 });
  });

  it('keeps different URLs, writes and streamed downloads apart, and asks again once the answer is in', async () => {
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 8, queueLimit: 1000, maxWaitMs: 5_000 });
    void p.request(get('/api/v1/chats', 'limit=1'));
    void p.request(get('/api/v1/chats', 'limit=2'));
    void p.request({ method: 'PATCH', path: '/api/v1/chats/a', body: '{}' });
    void p.request({ method: 'PATCH', path: '/api/v1/chats/a', body: '{}' });
    void p.request({ method: 'GET', path: '/api/v1/chat_attendees/a/picture', streaming: true });
    void p.request({ method: 'GET', path: '/api/v1/chat_attendees/a/picture', streaming: true });
    await flush();
    expect(gate.pending).toHaveLength(6);
    for (const call of gate.pending.splice(0)) call.answer(gate.ok());
    await flush();
    void p.request(get('/api/v1/chats', 'limit=1'));
    await flush();
    expect(gate.pending).toHaveLength(1);
  });

  it('does not fail the other callers when the first one goes away', async () => {
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 8, queueLimit: 1000, maxWaitMs: 5_000 });
    const leaving = new AbortController();
    const first = p.request({ ...get('/api/v1/chats'), signal: leaving.signal });
    const second = p.request(get('/api/v1/chats'));
    await flush();
    leaving.abort(new Error('browser left'));
    await expect(first).rejects.toThrow('browser left');
    gate.pending[0]!.answer(gate.ok());
    expect((await second).status).toBe(200);
  });
});

describe('the concurrency cap', () => {
  it('keeps at most `concurrency` calls in flight and serves the rest in order', async () => {
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 3, queueLimit: 100, maxWaitMs: 5_000 });
    const answers = Array.from({ length: 10 }, (_, i) => p.request(get('/api/v1/chats', `limit=${i + 1}`)));
    await flush();
    expect(gate.pending.map((c) => c.req.query?.get('limit'))).toEqual(['1', '2', '3']);
    expect(p.stats()).toMatchObject({ inFlight: 3, queued: 7 });
    const order: string[] = [];
    while (order.length < 10) {
      const call = gate.pending.shift();
      if (!call) {
        await flush();
        continue;
      }
      order.push(call.req.query?.get('limit') ?? '');
      call.answer(gate.ok());
    }
    await Promise.all(answers);
    expect(order).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(gate.maxInFlight()).toBe(3);
  });

  it('refuses at once with 503-worthy UpstreamBusyError when the queue is full', async () => {
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 1, queueLimit: 2, maxWaitMs: 5_000 });
    const calls = Array.from({ length: 3 }, (_, i) => p.request(get('/api/v1/chats', `limit=${i + 1}`)));
    const refused = p.request(get('/api/v1/chats', 'limit=9'));
    await expect(refused).rejects.toMatchObject({ name: 'UpstreamBusyError', reason: 'queue_full', retryAfterSeconds: 1 });
    await flush();
    for (let i = 0; i < 3; i++) {
      await flush();
      gate.pending.shift()?.answer(gate.ok());
    }
    await Promise.all(calls);
  });

  it('gives up on a wait longer than maxWaitMs, and drops a waiter whose browser left', async () => {
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 1, queueLimit: 10, maxWaitMs: 30 });
    const holder = p.request(get('/api/v1/chats', 'limit=1'));
    const leaving = new AbortController();
    const left = p.request({ ...get('/api/v1/chats', 'limit=2'), signal: leaving.signal });
    const waits = p.request(get('/api/v1/chats', 'limit=3'));
    leaving.abort(new Error('gone'));
    await expect(left).rejects.toThrow('gone');
    await expect(waits).rejects.toBeInstanceOf(UpstreamBusyError);
    expect(p.stats().queued).toBe(0);
    gate.pending[0]!.answer(gate.ok());
    await holder;
    expect(gate.pending).toHaveLength(1);
  });
});

describe('an upstream 429', () => {
  it('pauses the backend until its Retry-After: short pauses are waited out, nothing goes upstream meanwhile', async () => {
    let clock = 1_000_000;
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 4, queueLimit: 10, maxWaitMs: 5_000, now: () => clock });
    const first = p.request(get('/api/v1/chats', 'limit=1'));
    await flush();
    gate.pending.shift()!.answer(gate.ok({ type: 'errors/too_many_requests' }, 429, { 'retry-after': '1' }));
    expect((await first).status).toBe(429);
    const next = p.request(get('/api/v1/chats', 'limit=2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gate.pending).toHaveLength(0);
    clock += 1_000;
    await expect.poll(() => gate.pending.length, { timeout: 2_000 }).toBe(1);
    gate.pending.shift()!.answer(gate.ok());
    expect((await next).status).toBe(200);
  });

  it('answers 429 at once with what is left of a long pause', async () => {
    let clock = Date.UTC(2026, 11, 1);
    const gate = gatedBackend();
    const p = protectBackend(gate.backend, { concurrency: 4, queueLimit: 10, maxWaitMs: 5_000, now: () => clock });
    const first = p.request(get('/api/v1/chats'));
    await flush();
    gate.pending.shift()!.answer(gate.ok({}, 429, { 'x-ratelimit-reset': String((clock + 30_000) / 1000) }));
    await first;
    clock += 5_000;
    await expect(p.request(get('/api/v1/chats', 'limit=3'))).rejects.toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 25 });
    expect(gate.pending).toHaveLength(0);
  });
});

describe('resumeDelayMs', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    [{ 'retry-after': '3' }, 3_000],
    [{ 'retry-after': new Date(now + 10_000).toUTCString() }, 10_000],
    [{ 'x-ratelimit-reset': '7' }, 7_000],
    [{ 'x-ratelimit-reset': String(now / 1000 + 20) }, 20_000],
    [{ 'x-ratelimit-reset': String(now + 4_000) }, 4_000],
    [{}, null],
    [{ 'retry-after': 'later' }, null],
  ])('%j → %s ms', (headers, expected) => {
    expect(resumeDelayMs(new Headers(headers), now)).toBe(expected);
  });
});
