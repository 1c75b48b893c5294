import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import { createWebhookRoutes } from '../routes/webhooks';
import { localWebhookUrl } from '../webhooks/self-url';
import { createSimulatorActivityRoutes } from '../webhooks/simulator-activity-route';
import { parseUnipileWebhook, toLiveEvents } from '../webhooks/unipile-webhook';
import { createSimulatorActivity, simulateIncomingMessage, type MessageWebhookJson } from './activity';
import { findChat, makeSim, type ChatList, type MessageList } from './test-helpers.fixture';
import { createWebhookDelivery, WebhookDeliveryError } from './webhook-delivery';

const SECRET = 'sim-webhook-secret-0123456789';

const servers: ServerType[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A sequence of "random" numbers, repeating: deterministic picks. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('simulateIncomingMessage', () => {
  it('adds the message to the store: top of the list, unread + 1, its time now, last in the chat', async () => {
    const t = makeSim();
    const chat = findChat(t, (c) => c.archived === 0 && c.unread_count === 0 && t.sim.store.orderedChatIds().indexOf(c.id) > 10);
    t.clock.advance(5_000);
    const payload = simulateIncomingMessage(t.sim.store, { chatId: chat.id, text: 'Are you there?' });
    expect(payload).not.toBeNull();

    const list = await t.json<ChatList>('/api/v1/chats?limit=5');
    expect(list.body.items[0]).toMatchObject({ id: chat.id, unread_count: 1, timestamp: new Date(t.clock.now).toISOString() });
    const messages = await t.json<MessageList>(`/api/v1/chats/${chat.id}/messages?limit=1`);
    expect(messages.body.items[0]).toMatchObject({ id: payload?.message_id, text: 'Are you there?', is_sender: 0, chat_id: chat.id });

    expect(payload).toMatchObject({ event: 'message_received', chat_id: chat.id, account_id: chat.account_id, account_type: chat.account_type, message: 'Are you there?' });
    expect(payload?.sender.attendee_id).toBe(messages.body.items[0]?.sender_attendee_id);
  });

  it('gives a payload that the webhook route accepts, standing for that very message', () => {
    const t = makeSim();
    const payload = simulateIncomingMessage(t.sim.store, { random: sequence(0.3, 0.7) });
    const parsed = parseUnipileWebhook(JSON.parse(JSON.stringify(payload)));
    expect(parsed.ok && parsed.webhook?.kind).toBe('message');
    if (!parsed.ok || parsed.webhook === null) throw new Error('not accepted');
    const [event] = toLiveEvents(parsed.webhook);
    const stored = t.sim.store.findMessage(payload?.message_id ?? '');
    expect(event).toEqual({
      type: 'message.created',
      chat_id: payload?.chat_id,
      account_id: payload?.account_id,
      message: {
        id: stored?.message.id,
        text: stored?.message.text,
        timestamp: stored?.message.timestamp,
        is_sender: 0,
        sender_name: payload?.sender.attendee_name,
        sender_attendee_id: stored?.message.sender_attendee_id,
        attachment_count: 0,
      },
    });
  });

  it('picks random chats that are neither archived nor on a disconnected account', () => {
    const t = makeSim();
    const store = t.sim.store;
    const random = sequence(...Array.from({ length: 97 }, (_, i) => (i * 37 % 97) / 97));
    const picked = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const payload = simulateIncomingMessage(store, { random });
      if (!payload) throw new Error('nothing picked');
      picked.add(payload.chat_id);
      const idx = store.chatIndex(payload.chat_id);
      expect(store.chatJson(idx).archived).toBe(0);
      expect(store.isDisconnected(idx)).toBe(false);
    }
    expect(picked.size).toBeGreaterThan(20);
  });

  it('a chat the simulator does not have: null, nothing changes', () => {
    const t = makeSim();
    const before = t.sim.store.orderedChatIds();
    expect(simulateIncomingMessage(t.sim.store, { chatId: 'no-such-chat' })).toBeNull();
    expect(t.sim.store.orderedChatIds()).toEqual(before);
  });
});

describe('createSimulatorActivity', () => {
  it('delivers perMinute messages a minute, irregularly spaced, until stopped', async () => {
    vi.useFakeTimers();
    const t = makeSim();
    const delivered: MessageWebhookJson[] = [];
    // 0.5 → exactly the mean gap (15 s at 4 a minute); the chat picks use the same numbers.
    const activity = createSimulatorActivity({ store: t.sim.store, perMinute: 4, random: () => 0.5, deliver: async (p) => void delivered.push(p) });
    activity.start();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(delivered).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(60_001 - 14_999);
    expect(delivered).toHaveLength(4);
    activity.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(delivered).toHaveLength(4);
  });

  it('at 0 a minute it sends nothing by itself, and triggerNow still works', async () => {
    vi.useFakeTimers();
    const t = makeSim();
    const delivered: MessageWebhookJson[] = [];
    const activity = createSimulatorActivity({ store: t.sim.store, perMinute: 0, deliver: async (p) => void delivered.push(p) });
    activity.start();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(delivered).toHaveLength(0);
    const chat = findChat(t, (c) => c.archived === 1);
    // Named explicitly, even an archived chat gets it (a test may want exactly that).
    expect(await activity.triggerNow(chat.id)).toEqual({ chat_id: chat.id, message_id: delivered[0]?.message_id });
    expect(await activity.triggerNow('no-such-chat')).toBeNull();
    expect(delivered).toHaveLength(1);
  });

  it('reports a failed delivery and carries on', async () => {
    vi.useFakeTimers();
    const t = makeSim();
    const errors: unknown[] = [];
    let attempts = 0;
    const activity = createSimulatorActivity({
      store: t.sim.store,
      perMinute: 60,
      random: () => 0.5,
      deliver: () => {
        attempts++;
        return Promise.reject(new Error('refused'));
      },
      onError: (error) => errors.push(error),
    });
    activity.start();
    await vi.advanceTimersByTimeAsync(3_000);
    activity.stop();
    expect(attempts).toBe(3);
    expect(errors).toHaveLength(3);
  });

  it.each([-1, Number.NaN, 601])('refuses perMinute %s', (perMinute) => {
    const t = makeSim();
    expect(() => createSimulatorActivity({ store: t.sim.store, perMinute, deliver: async () => {} })).toThrow(RangeError);
  });
});

describe('the simulator activity through a real webhook POST', () => {
  async function listeningTriage() {
    const published: LiveEvent[] = [];
    const waiters: ((e: LiveEvent) => void)[] = [];
    const app = new Hono();
    app.route('/webhooks', createWebhookRoutes({ secret: SECRET, publish: async (e) => (published.push(e), waiters.shift()?.(e)) }));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address() as AddressInfo;
    return { url: localWebhookUrl(address), published, next: () => new Promise<LiveEvent>((resolve) => waiters.push(resolve)) };
  }

  it('reaches the webhook route with the secret, which publishes the new message', async () => {
    const triage = await listeningTriage();
    const t = makeSim();
    const deliver = createWebhookDelivery({ url: () => triage.url, headers: { 'X-Webhook-Secret': SECRET } });
    const activity = createSimulatorActivity({ store: t.sim.store, perMinute: 0, deliver });
    const next = triage.next();
    const done = await activity.triggerNow();
    expect(await next).toMatchObject({ type: 'message.created', chat_id: done?.chat_id, message: { id: done?.message_id } });
  });

  it('a wrong secret is refused (401) and the delivery says so', async () => {
    const triage = await listeningTriage();
    const deliver = createWebhookDelivery({ url: triage.url, headers: { 'X-Webhook-Secret': 'not-it' } });
    const error = await deliver({ AccountStatus: { account_id: 'a', message: 'OK' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookDeliveryError);
    expect(String(error)).toContain('401');
  });

  it('before the server listens there is nowhere to deliver', async () => {
    const deliver = createWebhookDelivery({ url: () => null, headers: {} });
    await expect(deliver({})).rejects.toBeInstanceOf(WebhookDeliveryError);
  });
});

describe('POST /api/simulator/activity', () => {
  function routes() {
    const t = makeSim();
    const delivered: MessageWebhookJson[] = [];
    const activity = createSimulatorActivity({ store: t.sim.store, perMinute: 0, deliver: async (p) => void delivered.push(p) });
    const app = new Hono();
    app.route('/api/simulator/activity', createSimulatorActivityRoutes({ trigger: activity.triggerNow }));
    const post = (init: RequestInit = {}) => app.request('/api/simulator/activity', { method: 'POST', ...init });
    return { t, delivered, post };
  }

  it('with a chat_id: that chat gets a message, delivered before the answer', async () => {
    const { t, delivered, post } = routes();
    const chat = findChat(t, (c) => c.archived === 0);
    const res = await post({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chat.id }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; chat_id: string; message_id: string };
    expect(body).toEqual({ object: 'SimulatorActivity', chat_id: chat.id, message_id: delivered[0]?.message_id });
    expect(t.sim.store.findMessage(body.message_id)?.message.chat_id).toBe(chat.id);
  });

  it('without a body: a random chat', async () => {
    const { delivered, post } = routes();
    const res = await post();
    expect(res.status).toBe(200);
    expect(delivered).toHaveLength(1);
  });

  it('an unknown chat → 404; a body that is not {chat_id} → 400', async () => {
    const { delivered, post } = routes();
    const json = { 'content-type': 'application/json' };
    expect((await post({ headers: json, body: JSON.stringify({ chat_id: 'nope' }) })).status).toBe(404);
    expect((await post({ headers: json, body: JSON.stringify({ chat_id: 42 }) })).status).toBe(400);
    expect((await post({ headers: json, body: '{' })).status).toBe(400);
    expect(delivered).toHaveLength(0);
  });
});
