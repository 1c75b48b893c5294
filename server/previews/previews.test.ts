import { afterEach, describe, expect, it, vi } from 'vitest';
import { htmlToText, looksLikeHtml } from '../../src/lib/wire/message-text';
import { MAX_PREVIEW_IDS, wirePreviewListSchema, wirePreviewSchema, type WirePreview } from '../../src/lib/wire/preview-wire';
import { createApp } from '../app';
import { jsonResponse } from '../backends/fake-upstream.fixture';
import { protectBackend } from '../backends/protect';
import { createUnipileBackend } from '../backends/unipile';
import { loadConfig } from '../config';
import { createSimulator } from '../simulator';
import { expectEnvelope, proxyUnderTest } from '../routes/proxy-under-test.fixture';

/** GET /api/previews in-process, over the embedded simulator (as in production) or a fake upstream; here, not in routes/, which may not import the simulator. */

function previewsOverSimulator({ chats = 700, latencyMs = 0 } = {}) {
  const simulator = createSimulator({ chats, seed: 7, latencyMs, faultRate: 0 });
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (request: Request) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await simulator.fetch(request);
    } finally {
      inFlight--;
    }
  };
  const adapter = createUnipileBackend({ kind: 'simulator', baseUrl: 'http://simulator.invalid', host: 'embedded simulator', apiKey: simulator.apiKey, timeoutMs: 5_000, fetch });
  const config = { ...loadConfig({ UPSTREAM_CONCURRENCY: '8' }), port: 0 };
  const backend = protectBackend({ ...adapter, requestCounts: simulator.requestCounts }, { concurrency: 8, queueLimit: 1_000, maxWaitMs: 5_000 });
  const app = createApp({ config, backend, logger: { info: () => undefined, error: () => undefined } });
  const store = simulator.store;
  const get = (ids: readonly string[]) => app.request(`/api/previews?chat_ids=${ids.map(encodeURIComponent).join(',')}`);
  const previews = async (ids: readonly string[]) => {
    const response = await get(ids);
    expect(response.status).toBe(200);
    const list = wirePreviewListSchema.parse(await response.json());
    return { items: list.items.map((item) => wirePreviewSchema.parse(item)), missing: list.missing };
  };
  const totalCalls = () => Object.values(simulator.requestCounts()).reduce((n, c) => n + c, 0);
  return { app, store, simulator, get, previews, totalCalls, maxInFlight: () => maxInFlight };
}

type Sim = ReturnType<typeof previewsOverSimulator>;

/** The first `n` chat ids in list order that satisfy pred (from the store, which the route never sees). */
function chatsWhere(t: Sim, pred: (idx: number) => boolean, n: number): string[] {
  const out: string[] = [];
  for (const id of t.store.orderedChatIds()) {
    if (out.length === n) break;
    if (pred(t.store.chatIndex(id))) out.push(id);
  }
  return out;
}

afterEach(() => vi.useRealTimers());

describe('GET /api/previews: what it accepts', () => {
  it.each([
    ['no chat_ids', ''],
    ['an empty list', '?chat_ids='],
    ['blank', '?chat_ids=%20'],
    ['an empty entry', '?chat_ids=a,,b'],
    ['a trailing comma', '?chat_ids=a,'],
    ['the parameter twice', '?chat_ids=a&chat_ids=b'],
    ['a dot segment', '?chat_ids=..'],
    ['an id past 1,024 characters', `?chat_ids=${'x'.repeat(1_025)}`],
    [`${MAX_PREVIEW_IDS + 1} ids`, `?chat_ids=${Array.from({ length: MAX_PREVIEW_IDS + 1 }, (_, i) => `c${i}`).join(',')}`],
  ])('refuses %s with a 400 naming chat_ids, before anything goes upstream', async (_what, query) => {
    const t = previewsOverSimulator({ chats: 10 });
    const envelope = await expectEnvelope(await t.app.request(`/api/previews${query}`), 400, 'errors/invalid_parameters');
    expect(envelope.detail).toMatch(/^chat_ids: /);
    expect(t.totalCalls()).toBe(0);
  });

  it(`accepts ${MAX_PREVIEW_IDS} ids, and repeated ids count once`, async () => {
    const t = previewsOverSimulator({ chats: 100 });
    const ids = t.store.orderedChatIds().slice(0, MAX_PREVIEW_IDS);
    const { items } = await t.previews([...ids, ...ids.slice(0, 5)]);
    expect(items.map((p) => p.chat_id)).toEqual(ids);
  });

  it('serves GET only', async () => {
    const t = previewsOverSimulator({ chats: 10 });
    expect((await t.app.request('/api/previews?chat_ids=a', { method: 'POST' })).status).toBe(404);
  });
});

describe('GET /api/previews: what it answers', () => {
  it('each chat\'s last message as the upstream has it, reduced to a row\'s words', async () => {
    const t = previewsOverSimulator();
    const ids = t.store.orderedChatIds().slice(0, 30);
    const { items, missing } = await t.previews(ids);
    expect(missing).toEqual([]);
    for (const preview of items) {
      const idx = t.store.chatIndex(preview.chat_id);
      const last = t.store.chatWithLastMessage(idx).lastMessage;
      expect(preview.last_message?.at, preview.chat_id).toBe(last?.timestamp);
      expect(preview.last_message?.sender.kind).toBe(last?.is_sender ? 'self' : 'other');
      expect(preview.last_message?.deleted).toBe(last?.deleted === 1);
      expect(preview.last_message?.text.length).toBeLessThanOrEqual(200);
    }
  });

  it('names the other attendee of a 1:1 chat without a name, with the picture the attendee panel shows', async () => {
    const t = previewsOverSimulator({ chats: 2_500 });
    const unnamed = chatsWhere(t, (idx) => t.store.chatJson(idx).type === 0 && t.store.chatJson(idx).name === null, 6);
    const named = chatsWhere(t, (idx) => t.store.chatJson(idx).type === 0 && t.store.chatJson(idx).name !== null, 6);
    expect(unnamed.length).toBeGreaterThan(2);
    const { items: firstItems } = await t.previews([...unnamed, ...named]);
    // The words come at once; a named chat's picture is looked up meanwhile, and the answer says to ask again.
    for (const item of firstItems) expect(item.partial ?? false).toBe(named.includes(item.chat_id) && !unnamed.includes(item.chat_id));
    let items = firstItems;
    await vi.waitFor(async () => {
      items = (await t.previews([...unnamed, ...named])).items;
      expect(items.every((p) => !p.partial)).toBe(true);
    });
    const byId = new Map(items.map((p) => [p.chat_id, p]));
    for (const id of [...unnamed, ...named]) {
      const other = t.store.attendees(t.store.chatIndex(id)).find((a) => a.is_self === 0);
      const preview = byId.get(id) as WirePreview;
      expect(preview.display_name).toBe(unnamed.includes(id) ? other?.name : null);
      expect(preview.picture).toBe(Boolean(other?.picture_url));
      expect(preview.picture_id).toBe(other?.picture_url ? other.id : null);
    }
  });

  it('names who wrote last in a group, and never promises a group picture it cannot know of', async () => {
    const t = previewsOverSimulator();
    const groups = chatsWhere(t, (idx) => t.store.chatJson(idx).type === 1 && t.store.chatWithLastMessage(idx).lastMessage?.is_sender === 0 && !t.store.chatWithLastMessage(idx).lastMessage?.is_event, 5);
    const { items } = await t.previews(groups);
    for (const preview of items) {
      const idx = t.store.chatIndex(preview.chat_id);
      const last = t.store.chatWithLastMessage(idx).lastMessage;
      const sender = t.store.attendees(idx).find((a) => a.id === last?.sender_attendee_id);
      expect(preview.last_message?.sender).toEqual({ kind: 'other', name: sender?.name ?? null });
      expect([preview.display_name, preview.picture]).toEqual([null, false]);
    }
  });

  it('gives LinkedIn HTML as plain text, never markup', async () => {
    const t = previewsOverSimulator({ chats: 2_500 });
    const html = chatsWhere(t, (idx) => {
      const last = t.store.chatWithLastMessage(idx);
      return last.account_type === 'LINKEDIN' && typeof last.lastMessage?.text === 'string' && looksLikeHtml(last.lastMessage.text) && !last.lastMessage.deleted;
    }, 4);
    expect(html.length).toBeGreaterThan(0);
    const { items } = await t.previews(html);
    for (const preview of items) {
      const text = t.store.chatWithLastMessage(t.store.chatIndex(preview.chat_id)).lastMessage?.text as string;
      expect(preview.last_message?.text).not.toMatch(/<\/?(?:p|br|strong|em|a|ul|ol|li)\b/i);
      expect(preview.last_message?.text.startsWith(htmlToText(text).replace(/\s+/g, ' ').trim().slice(0, 20))).toBe(true);
    }
  });

  it('lists an id the upstream does not know under missing, and answers the rest', async () => {
    const t = previewsOverSimulator({ chats: 50 });
    const known = t.store.orderedChatIds()[0] as string;
    const { items, missing } = await t.previews([known, 'no-such-chat']);
    expect(items.map((p) => p.chat_id)).toEqual([known]);
    expect(missing).toEqual(['no-such-chat']);
  });
});

describe('GET /api/previews: what it costs the upstream', () => {
  it('answers the newest chats from one GET /messages page and one GET /chats page, not one call per chat', async () => {
    const t = previewsOverSimulator();
    await t.previews(t.store.orderedChatIds().slice(0, 20));
    const counts = t.simulator.requestCounts();
    expect(counts['GET /api/v1/messages']).toBe(1);
    expect(counts['GET /api/v1/chats']).toBe(1);
    expect(counts['GET /api/v1/chats/:id'] ?? 0).toBe(0);
    // Attendees only where a name or a picture needs them, at most one call per chat.
    expect(counts['GET /api/v1/chats/:id/attendees'] ?? 0).toBeLessThanOrEqual(20);
  });

  it('asks for a chat at most once per 5 minutes: a second request within them makes no upstream call', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = previewsOverSimulator();
    const ids = [...t.store.orderedChatIds().slice(0, 10), ...t.store.orderedChatIds().slice(400, 410)];
    let first = await t.previews(ids);
    // Partial answers (pictures still being looked up) are not kept: once complete, the answer is.
    await vi.waitFor(async () => {
      first = await t.previews(ids);
      expect(first.items.every((p) => !p.partial)).toBe(true);
    });
    const calls = t.totalCalls();
    vi.advanceTimersByTime(4 * 60_000 + 59_000);
    expect(await t.previews(ids)).toEqual(first);
    expect(t.totalCalls()).toBe(calls);
    vi.advanceTimersByTime(2_000);
    await t.previews(ids);
    expect(t.totalCalls()).toBeGreaterThan(calls);
  });

  it(`fetches ${MAX_PREVIEW_IDS} older chats within half the upstream cap, at most two calls each`, async () => {
    const t = previewsOverSimulator({ latencyMs: 2 });
    const ids = t.store.orderedChatIds().slice(500, 500 + MAX_PREVIEW_IDS);
    const { items } = await t.previews(ids);
    expect(items).toHaveLength(MAX_PREVIEW_IDS);
    const counts = t.simulator.requestCounts();
    expect(counts['GET /api/v1/chats/:id']).toBe(MAX_PREVIEW_IDS);
    expect(t.totalCalls()).toBeLessThanOrEqual(2 + 2 * MAX_PREVIEW_IDS);
    expect(t.maxInFlight()).toBeLessThanOrEqual(4);
  });

  it('two batches asking for the same chats at once share one fetch of each', async () => {
    const t = previewsOverSimulator({ latencyMs: 1 });
    const ids = t.store.orderedChatIds().slice(300, 310);
    await Promise.all([t.previews(ids), t.previews(ids)]);
    expect(t.simulator.requestCounts()['GET /api/v1/chats/:id']).toBe(10);
  });
});

describe('GET /api/previews over a real-shaped upstream', () => {
  const KEY = 'sk_live_previews-key-0123456789abcdef';
  const chat = (id: string, name: string | null, text: string) => ({
    object: 'Chat', id, account_id: 'acc1', account_type: 'LINKEDIN', provider_id: `p-${id}`, name, type: 0, timestamp: '2026-01-01T00:00:00.000Z',
    lastMessage: { id: `m-${id}`, chat_id: id, is_sender: 0, sender_id: 'other', text, attachments: [], timestamp: '2026-01-01T00:00:00.000Z' },
  });

  it('never hands the key back, wherever the upstream echoes it', async () => {
    const { app } = proxyUnderTest((request) => {
      const key = request.headers.get('x-api-key') ?? '';
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/messages' || path === '/api/v1/chats') return jsonResponse({ object: 'List', items: [], cursor: null, echo: key });
      if (path.endsWith('/attendees')) {
        return jsonResponse({ object: 'ChatAttendeeList', items: [{ id: 'att1', provider_id: 'other', name: `Eve ${key}`, is_self: 0, picture_url: `https://cdn/${key}` }], cursor: null });
      }
      return jsonResponse(chat('c1', null, `<p>the key is <strong>${key}</strong></p>`));
    }, { apiKey: KEY });
    const response = await app.request('/api/previews?chat_ids=c1');
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).not.toContain(KEY);
    expect(body).not.toContain(encodeURIComponent(KEY));
    const preview = wirePreviewSchema.parse(wirePreviewListSchema.parse(JSON.parse(body)).items[0]);
    expect(preview.last_message?.text).toBe('the key is [redacted]');
    expect(preview.display_name).toBe('Eve [redacted]');
  });

  it('relays the upstream\'s 429 with its Retry-After when no chat could be had', async () => {
    const { app } = proxyUnderTest(() => jsonResponse({ title: 'Too many requests', detail: 'slow down', type: 'errors/too_many_requests', status: 429 }, 429, { 'retry-after': '7' }));
    const response = await app.request('/api/previews?chat_ids=c1,c2');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('answers 200 with every id missing when the upstream knows none of the chats', async () => {
    const { app } = proxyUnderTest(() => jsonResponse({ title: 'Not Found', detail: 'no chat', type: 'errors/resource_not_found', status: 404 }, 404));
    const response = await app.request('/api/previews?chat_ids=c1,c2');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ object: 'PreviewList', items: [], missing: ['c1', 'c2'] });
  });
});

describe('GET /api/simulator/requests', () => {
  it('says, in simulator mode only, how many calls reached the upstream per route', async () => {
    const t = previewsOverSimulator({ chats: 50 });
    await t.previews(t.store.orderedChatIds().slice(0, 3));
    const response = await t.app.request('/api/simulator/requests');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ object: 'SimulatorRequestCounts', counts: t.simulator.requestCounts() });
    const { app } = proxyUnderTest();
    expect((await app.request('/api/simulator/requests')).status).toBe(404);
  });
});
