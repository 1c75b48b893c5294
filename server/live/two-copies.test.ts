import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { startRedis, type RedisServer } from './redis-server.fixture';
import { sseReader, type SseBlock } from './sse-reader.fixture';
import { startTriage, type TriageProcess } from './triage-process.fixture';

/*
 * Two real Triage processes (server/main.ts) behind one real redis-server, as two copies behind a load balancer:
 * a webhook into copy A reaches a browser connected to copy B within a second, a browser that reconnects to A with an
 * older Last-Event-ID gets what it missed from the shared backlog, and a delivery retried to the other copy is
 * processed once (main.ts wires the Redis dedupe whenever REDIS_URL is set). Fails, not skips, without redis-server.
 */

const SECRET = 'two-copies-webhook-secret-0123456789';
const DELIVERY_BUDGET_MS = 1_000;

let redis: RedisServer;
let a: TriageProcess;
let b: TriageProcess;
const readers: ReturnType<typeof sseReader>[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, UNIPILE_WEBHOOK_SECRET: SECRET, SIMULATOR_CHATS: '200', SIMULATOR_SEED: '7', SIMULATOR_ACTIVITY: '0' };
  // Both at once (two cores); if one fails to start, the other is still stopped in afterAll.
  const [startedA, startedB] = await Promise.allSettled([startTriage(env), startTriage(env)]);
  if (startedA.status === 'fulfilled') a = startedA.value;
  if (startedB.status === 'fulfilled') b = startedB.value;
  if (startedA.status === 'rejected') throw startedA.reason;
  if (startedB.status === 'rejected') throw startedB.reason;
}, 90_000);

afterAll(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.cancel().catch(() => undefined)));
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

const chatsSchema = z.object({ items: z.array(z.object({ id: z.string(), account_id: z.string(), account_type: z.string() })) });

/** A Unipile message_received webhook, shaped as the simulator's activity (and Unipile) sends it. */
function messageReceived(chat: z.infer<typeof chatsSchema>['items'][number], messageId: string, text: string) {
  const sender = { attendee_id: 'att-two-copies', attendee_name: 'Léa Martin', attendee_provider_id: '33611111111@s.whatsapp.net' };
  return {
    account_id: chat.account_id,
    account_type: chat.account_type,
    account_info: { type: chat.account_type, feature: 'classic', user_id: '33600000000@s.whatsapp.net' },
    event: 'message_received',
    chat_id: chat.id,
    timestamp: new Date().toISOString(),
    webhook_name: 'triage-messaging',
    message_id: messageId,
    message: text,
    sender,
    attendees: [sender],
    attachments: [],
    reaction: '',
    reaction_sender: null,
    is_sender: 0,
  };
}

async function postWebhook(copy: TriageProcess, body: unknown): Promise<void> {
  const response = await fetch(`${copy.origin}/webhooks/unipile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.json()).toMatchObject({ object: 'WebhookReceived', processed: true });
}

/** An SSE client of `copy`'s /api/events, as a browser's EventSource would be (optionally resuming). */
async function connect(copy: TriageProcess, lastEventId?: string) {
  const response = await fetch(`${copy.origin}/api/events`, { headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  if (!response.body) throw new Error('no body');
  const reader = sseReader(response.body);
  readers.push(reader);
  return reader;
}

/** The next block with an id but no data: the stream's head, sent once the copy follows the shared stream. */
async function headOf(reader: ReturnType<typeof sseReader>): Promise<string> {
  for (;;) {
    const block = await reader.next();
    if (!block) throw new Error('the stream ended before its head');
    if (block.id !== undefined && block.data === undefined) return block.id;
  }
}

/** Rejects once `ms` pass: a deadline on a wait that is otherwise event-driven, not a pause. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** The next live event on the stream, as the message id it carries when it is a message.created. */
async function nextCreated(reader: ReturnType<typeof sseReader>): Promise<{ id: string; messageId: string; block: SseBlock }> {
  for (;;) {
    const block = await reader.nextEvent();
    if (block.parsed.type !== 'message.created') continue;
    if (!block.id) throw new Error('an event without an id');
    return { id: block.id, messageId: block.parsed.message.id, block };
  }
}

describe('two Triage copies behind one Redis', () => {
  it('a webhook into A reaches B’s browser within 1 s; a reconnect to A replays it; a retry to B is processed once', async () => {
    const chats = chatsSchema.parse(await (await fetch(`${a.origin}/api/v1/chats?limit=2`)).json()).items;
    const [first, second] = chats;
    if (!first || !second) throw new Error('the simulator has fewer than two chats');
    const run = Date.now().toString(36);
    const m1 = messageReceived(first, `msg-two-copies-1-${run}`, 'Posted to copy A');
    const m2 = messageReceived(second, `msg-two-copies-2-${run}`, 'Also posted to copy A');
    const m3 = messageReceived(first, `msg-two-copies-3-${run}`, 'Posted to copy B after the retry');

    const onB = await connect(b);
    await within(5_000, 'B’s stream head', headOf(onB));

    // Webhook into A, read on B: the time from the POST to the event on B's stream.
    let start = performance.now();
    await postWebhook(a, m1);
    const got1 = await within(DELIVERY_BUDGET_MS, 'm1 on B', nextCreated(onB));
    const firstMs = performance.now() - start;
    expect(got1.messageId).toBe(m1.message_id);
    expect(got1.block.event).toBe('triage');
    expect(JSON.parse(got1.block.data ?? '')).toMatchObject({ type: 'message.created', chat_id: first.id, account_id: first.account_id, message: { text: m1.message, is_sender: 0 } });

    start = performance.now();
    await postWebhook(a, m2);
    const got2 = await within(DELIVERY_BUDGET_MS, 'm2 on B', nextCreated(onB));
    const secondMs = performance.now() - start;
    expect(got2.messageId).toBe(m2.message_id);

    // Unipile retries m1, and the load balancer sends the retry to B. m3 goes after it through the same copy and the
    // same dedupe connection (its claim is answered after m1's), so were m1 processed again, B would publish it first.
    await postWebhook(b, m1);
    await postWebhook(b, m3);
    const got3 = await within(DELIVERY_BUDGET_MS, 'm3 on B', nextCreated(onB));
    expect(got3.messageId).toBe(m3.message_id);

    // A browser that saw m1 reconnects to the other copy: it gets everything after m1 from Redis's backlog, once.
    const onA = await connect(a, got1.id);
    const replayed: { id: string; messageId: string }[] = [];
    await within(5_000, 'the replay on A', (async () => {
      while (replayed.at(-1)?.messageId !== m3.message_id) replayed.push(await nextCreated(onA));
    })());
    expect(replayed).toEqual([
      { id: got2.id, messageId: m2.message_id },
      { id: got3.id, messageId: m3.message_id },
    ].map((entry) => expect.objectContaining(entry)));

    console.log(`two copies: webhook into A → event on B's stream in ${firstMs.toFixed(1)} ms, then ${secondMs.toFixed(1)} ms`);
  });
});
