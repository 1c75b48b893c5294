import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { liveEventSchema, type LiveEvent } from '../../src/lib/wire/live-events';
import { createMemoryDedupe, type WebhookDedupe } from '../webhooks/dedupe';
import { createWebhookRoutes } from './webhooks';

const SECRET = 'whsec-0123456789abcdef0123456789abcdef';
const JSON_TYPE = { 'content-type': 'application/json' };

/** Events as the route publishes them; `next()` waits for the next one (publishing happens after the answer). */
function eventSink() {
  const events: LiveEvent[] = [];
  const waiters: ((event: LiveEvent) => void)[] = [];
  return {
    events,
    publish: (event: LiveEvent) => {
      events.push(event);
      waiters.shift()?.(event);
      return Promise.resolve();
    },
    next: () => new Promise<LiveEvent>((resolve) => waiters.push(resolve)),
  };
}

function makeApp(options: { dedupe?: WebhookDedupe; publish?: (event: LiveEvent) => Promise<unknown>; onProcessingError?: (error: unknown) => void } = {}) {
  const sink = eventSink();
  const app = new Hono();
  app.route('/webhooks', createWebhookRoutes({ secret: SECRET, publish: options.publish ?? sink.publish, dedupe: options.dedupe, onProcessingError: options.onProcessingError }));
  const post = (body: unknown, headers: Record<string, string> = { 'x-webhook-secret': SECRET, ...JSON_TYPE }) =>
    app.request('/webhooks/unipile', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { app, sink, post };
}

function messageWebhook(overrides: Record<string, unknown> = {}) {
  return {
    account_id: 'acc-1',
    account_type: 'WHATSAPP',
    account_info: { type: 'WHATSAPP', feature: 'classic', user_id: '33600000000@s.whatsapp.net' },
    event: 'message_received',
    chat_id: 'chat-1',
    timestamp: '2026-01-15T12:00:00.000Z',
    webhook_name: 'triage-messaging',
    message_id: 'msg-1',
    message: 'Hello there',
    sender: { attendee_id: 'att-2', attendee_name: 'Léa Martin', attendee_provider_id: '33611111111@s.whatsapp.net', attendee_profile_url: '' },
    attendees: [{ attendee_id: 'att-2', attendee_name: 'Léa Martin', attendee_provider_id: '33611111111@s.whatsapp.net' }],
    attachments: [{ id: 'a1', type: 'img' }],
    reaction: '',
    reaction_sender: null,
    extra_field_unipile_may_add: { anything: true },
    ...overrides,
  };
}

/** A delivery that is processed for sure: once it is published, everything sent before it was processed or dropped. */
const MARKER = { AccountStatus: { account_id: 'acc-marker', account_type: 'WHATSAPP', message: 'OK' } };

const isMarker = (e: LiveEvent) => e.type === 'account.status' && e.account_id === 'acc-marker';

/** Every event published so far, once a marker sent last has come through (deliveries are processed in order). */
async function eventsUpToMarker(sink: ReturnType<typeof eventSink>, post: (body: unknown) => Response | Promise<Response>): Promise<LiveEvent[]> {
  expect((await post(MARKER)).status).toBe(200);
  while (!sink.events.some(isMarker)) await sink.next();
  return sink.events.filter((e) => !isMarker(e));
}

describe('POST /webhooks/unipile: the secret', () => {
  it.each([
    ['missing', {}, 'errors/missing_credentials'],
    ['empty', { 'x-webhook-secret': '' }, 'errors/missing_credentials'],
    ['wrong', { 'x-webhook-secret': `${SECRET.slice(0, -1)}x` }, 'errors/invalid_credentials'],
    ['of another length', { 'x-webhook-secret': 'short' }, 'errors/invalid_credentials'],
  ])('%s → 401 in the error envelope, nothing processed', async (_name, headers, type) => {
    const { sink, post } = makeApp();
    const res = await post(messageWebhook(), { ...JSON_TYPE, ...headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, type, title: expect.any(String), detail: expect.any(String) });
    expect(await eventsUpToMarker(sink, post)).toEqual([]);
  });
});

describe('POST /webhooks/unipile: validation', () => {
  it.each([
    ['not JSON', '{"event": "message_received",'],
    ['a JSON array', [messageWebhook()]],
    ['a JSON string', 'message_received'],
    ['a known event without chat_id', messageWebhook({ chat_id: undefined })],
    ['a known event with an empty message_id', messageWebhook({ message_id: '' })],
    ['an event that is not a string', messageWebhook({ event: 7 })],
    ['an AccountStatus without its status', { AccountStatus: { account_id: 'acc-1', account_type: 'WHATSAPP' } }],
    ['an AccountStatus that is not an object', { AccountStatus: 'OK' }],
  ])('%s → 400, nothing processed', async (_name, body) => {
    const { sink, post } = makeApp();
    const res = await post(typeof body === 'string' && body.startsWith('{') ? body : JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, type: 'errors/invalid_parameters' });
    expect(await eventsUpToMarker(sink, post)).toEqual([]);
  });

  it('refuses a body that is not declared as JSON', async () => {
    const { post } = makeApp();
    const res = await post(JSON.stringify(messageWebhook()), { 'x-webhook-secret': SECRET, 'content-type': 'text/plain' });
    expect(res.status).toBe(400);
  });

  it('refuses a body past the limit with 413, without processing it', async () => {
    const { sink, post } = makeApp();
    const res = await post(messageWebhook({ message: 'x'.repeat(1024 * 1024 + 1) }));
    expect(res.status).toBe(413);
    expect(await eventsUpToMarker(sink, post)).toEqual([]);
  });

  it.each([
    ['a mail event', { event: 'mail_received', account_id: 'acc-1', email_id: 'e1' }],
    ['a relation event', { event: 'new_relation', account_id: 'acc-1', user_provider_id: 'x' }],
    ['an object without event', { status: 'CREATION_SUCCESS', account_id: 'acc-1', name: 'me' }],
  ])('%s → 200 and ignored', async (_name, body) => {
    const { sink, post } = makeApp();
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ object: 'WebhookReceived', processed: false });
    expect(await eventsUpToMarker(sink, post)).toEqual([]);
  });
});

describe('POST /webhooks/unipile: each kind becomes a live event', () => {
  const base = { chat_id: 'chat-1', account_id: 'acc-1', message_id: 'msg-1' };
  it.each<[string, Record<string, unknown>, LiveEvent]>([
    [
      'message_received',
      {},
      {
        type: 'message.created',
        chat_id: 'chat-1',
        account_id: 'acc-1',
        message: { id: 'msg-1', text: 'Hello there', timestamp: '2026-01-15T12:00:00.000Z', is_sender: 0, sender_name: 'Léa Martin', sender_attendee_id: 'att-2', attachment_count: 1 },
      },
    ],
    ['message_read', { event: 'message_read' }, { type: 'message.updated', ...base, change: 'read' }],
    ['message_reaction', { event: 'message_reaction', reaction: '👍' }, { type: 'message.updated', ...base, change: 'reaction', reaction: '👍' }],
    ['message_edited', { event: 'message_edited', message: 'Hello (edited)' }, { type: 'message.updated', ...base, change: 'edited', text: 'Hello (edited)' }],
    ['message_deleted', { event: 'message_deleted' }, { type: 'message.updated', ...base, change: 'deleted' }],
    ['message_delivered', { event: 'message_delivered' }, { type: 'message.updated', ...base, change: 'delivered' }],
  ])('%s', async (_name, overrides, expected) => {
    const { sink, post } = makeApp();
    const next = sink.next();
    const res = await post(messageWebhook(overrides));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ object: 'WebhookReceived', processed: true });
    const event = await next;
    expect(event).toEqual(expected);
    expect(liveEventSchema.safeParse(event).success).toBe(true);
  });

  it('a message the owner sent from another device is marked as sent by them', async () => {
    const { sink, post } = makeApp();
    const next = sink.next();
    await post(messageWebhook({ sender: { attendee_id: 'att-self', attendee_name: 'Me', attendee_provider_id: '33600000000@s.whatsapp.net' } }));
    expect(await next).toMatchObject({ type: 'message.created', message: { is_sender: 1, sender_name: 'Me' } });
  });

  it('AccountStatus → account.status', async () => {
    const { sink, post } = makeApp();
    const next = sink.next();
    const res = await post({ AccountStatus: { account_id: 'acc-1', account_type: 'LINKEDIN', message: 'CREDENTIALS' } });
    expect(res.status).toBe(200);
    expect(await next).toEqual({ type: 'account.status', account_id: 'acc-1', status: 'CREDENTIALS' });
  });
});

describe('POST /webhooks/unipile: retries and timing', () => {
  it('processes the same delivery once, but two different reactions to one message twice', async () => {
    const { sink, post } = makeApp();
    for (let i = 0; i < 3; i++) expect((await post(messageWebhook())).status).toBe(200);
    await post(messageWebhook({ event: 'message_reaction', reaction: '👍' }));
    await post(messageWebhook({ event: 'message_reaction', reaction: '👍' }));
    await post(messageWebhook({ event: 'message_reaction', reaction: '❤️' }));
    const events = await eventsUpToMarker(sink, post);
    expect(events.map((e) => e.type === 'message.updated' ? `${e.change}:${e.reaction}` : e.type)).toEqual(['message.created', 'reaction:👍', 'reaction:❤️']);
  });

  it('an account status repeated with its timestamp is processed once', async () => {
    const { sink, post } = makeApp();
    const status = { AccountStatus: { account_id: 'acc-1', account_type: 'WHATSAPP', message: 'ERROR', timestamp: '2026-01-15T12:00:00Z' } };
    await post(status);
    await post(status);
    expect(await eventsUpToMarker(sink, post)).toEqual([{ type: 'account.status', account_id: 'acc-1', status: 'ERROR' }]);
  });

  it('asks the dedupe given (a shared one, with several copies) and skips what it has seen', async () => {
    const keys: string[] = [];
    // A shared store that has seen this delivery already (another copy processed it).
    const dedupe: WebhookDedupe = {
      claim: (key) => {
        keys.push(key);
        return Promise.resolve(false);
      },
    };
    const { sink, post } = makeApp({ dedupe });
    await post(messageWebhook());
    expect(await eventsUpToMarker(sink, post)).toEqual([]);
    expect(keys[0]).toMatch(/^unipile:[\w-]{43}$/);
  });

  it('answers 200 before processing, and within 100 ms even when the bus never answers', async () => {
    const published: LiveEvent[] = [];
    let release: (event: LiveEvent) => void = () => {};
    const first = new Promise<LiveEvent>((resolve) => (release = resolve));
    const { post } = makeApp({
      publish: (event) => {
        published.push(event);
        release(event);
        return new Promise(() => {});
      },
    });
    const start = performance.now();
    const res = await post(messageWebhook());
    const elapsed = performance.now() - start;
    expect(res.status).toBe(200);
    expect(published).toEqual([]);
    expect(elapsed).toBeLessThan(100);
    expect((await first).type).toBe('message.created');
  });

  it('reports a delivery it answered but could not process', async () => {
    let reported: (error: unknown) => void = () => {};
    const failure = new Promise<unknown>((resolve) => (reported = resolve));
    const { post } = makeApp({ publish: () => Promise.reject(new Error('bus down')), onProcessingError: (error) => reported(error) });
    expect((await post(messageWebhook())).status).toBe(200);
    expect(await failure).toMatchObject({ message: 'bus down' });
  });

  it('serves nothing else under /webhooks', async () => {
    const { app } = makeApp();
    expect((await app.request('/webhooks/unipile', { headers: { 'x-webhook-secret': SECRET } })).status).toBe(404);
    expect((await app.request('/webhooks/other', { method: 'POST', headers: { 'x-webhook-secret': SECRET } })).status).toBe(404);
  });
});

describe('createMemoryDedupe', () => {
  it('forgets a key after its window and never holds more than maxKeys', () => {
    let now = 0;
    const dedupe = createMemoryDedupe({ ttlMs: 1_000, maxKeys: 2, now: () => now });
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('a')).toBe(false);
    now = 999;
    expect(dedupe.claim('a')).toBe(false);
    now = 1_000;
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('b')).toBe(true);
    expect(dedupe.claim('c')).toBe(true); // evicts a, the oldest
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('c')).toBe(false);
  });
});
