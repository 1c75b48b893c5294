import { PeriskopeApi } from '@periskope/periskope-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createPeriskopeSimulator, type PeriskopeSimulator } from './simulator/periskope';
import type {
  PeriskopeChatJson, PeriskopeChatListJson, PeriskopeMessageListJson, PeriskopePhoneJson, PeriskopeSendJson,
} from './simulator/periskope/wire';

/*
 * Conformance: the official @periskope/periskope-client against the Periskope-dialect simulator, for every call
 * Triage's adapter makes. The client's base URL is fixed (env 'local' is http://localhost:8080/v1) and openapi-fetch
 * takes `globalThis.fetch` when the client is built, so the test stubs fetch first and sends each request on to the
 * simulator. Each answer is checked twice: at compile time, the simulator's own JSON types are assignable to the types
 * the client declares for it; at run time, zod schemas of the fields an adapter relies on, nullable where the client's
 * types say so, parse what the client hands back.
 */

type DataOf<F extends (...args: never[]) => Promise<{ data: unknown }>> = NonNullable<Awaited<ReturnType<F>>['data']>;
type Client = PeriskopeApi;

// Compile time: a simulator shape that drifts from the client's declared types fails `tsc`.
type Assignable<A, B> = [A] extends [B] ? true : false;
type Expect<T extends true> = T;
type _ShapesMatchTheClient = [
  Expect<Assignable<PeriskopePhoneJson[], DataOf<Client['phone']['getAll']>>>,
  Expect<Assignable<PeriskopePhoneJson, DataOf<Client['phone']['info']>>>,
  Expect<Assignable<PeriskopeChatListJson, DataOf<Client['chat']['getChats']>>>,
  Expect<Assignable<PeriskopeChatJson, DataOf<Client['chat']['getChatById']>>>,
  Expect<Assignable<PeriskopeMessageListJson, DataOf<Client['chat']['getChatMessages']>>>,
  Expect<Assignable<PeriskopeMessageListJson, DataOf<Client['chat']['getMessages']>>>,
  Expect<Assignable<PeriskopeSendJson, DataOf<Client['message']['send']>>>,
];

// Run time: what an adapter reads, with the nullability the client's types declare.
const MESSAGE_TYPES = ['chat', 'sticker', 'image', 'video', 'document', 'vcard', 'multi_vcard', 'audio', 'ptt', 'poll_creation', 'location', 'ciphertext'] as const;
const nullish = <T extends z.ZodType>(s: T) => s.nullable().optional();
const mediaSchema = z.object({ filename: z.string().optional(), mimetype: z.string().optional(), size: z.number().optional() });
const messageSchema = z.object({
  message_id: z.string().regex(/^(true|false)_.+@(c|g)\.us_[0-9A-F]+$/),
  chat_id: z.string(),
  org_id: z.string(),
  org_phone: z.string(),
  message_type: z.enum(MESSAGE_TYPES),
  media: mediaSchema.nullable(),
  body: nullish(z.string()),
  from_me: nullish(z.boolean()),
  sender_phone: nullish(z.string()),
  author: nullish(z.string()),
  timestamp: nullish(z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date')),
  is_deleted: nullish(z.boolean()),
  prev_body: nullish(z.string()),
  has_media: nullish(z.boolean()),
  ack: nullish(z.string()),
});
const memberSchema = z.object({
  chat_id: z.string(),
  contact_id: z.string(),
  org_phone: z.string(),
  contact_name: z.string().nullable(),
  pushname: z.string().nullable(),
  number: z.string().nullable(),
  is_internal: z.boolean().nullable(),
  is_admin: z.boolean().nullable(),
});
const chatSchema = z.object({
  chat_id: z.string().regex(/^\d+@(c|g)\.us$/),
  chat_name: z.string().nullable(),
  chat_type: z.enum(['user', 'group', 'business', 'unknown']),
  org_phone: z.string().nullable(),
  chat_org_phones: z.array(z.string()).optional(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  latest_message: messageSchema.nullable(),
  latest_message_timestamp: z.number().nullable(),
  message_unread_count: z.number().int().nonnegative().nullable(),
  unread_count: z.record(z.string(), z.number()).optional(),
  is_muted: z.boolean().nullable(),
  is_archived: z.boolean().optional(),
  is_pinned: z.boolean().optional(),
  closed_at: nullish(z.number()),
  is_exited: z.boolean().nullable(),
  messages_admins_only: z.boolean(),
  member_count: z.number().nullable(),
  label_ids: z.record(z.string(), z.boolean()),
  members: z.record(z.string(), memberSchema).nullable(),
});
const listing = { from: z.number().optional(), to: z.number().optional(), count: z.number().optional() };
const chatListSchema = z.object({ ...listing, chats: z.array(chatSchema).optional() });
const messageListSchema = z.object({ ...listing, messages: z.array(messageSchema).optional() });
const phoneSchema = z.object({
  org_id: z.string(),
  org_phone: z.string().nullable(),
  phone_id: z.string(),
  phone_name: z.string().nullable(),
  wa_state: z.string().nullable(),
  is_ready: z.boolean().nullable(),
  qr_code: z.string().nullable(),
  created_at: z.string(),
  first_connected_at: z.string().nullable(),
  labels: z.array(z.string()),
});
const sendSchema = z.object({ queue_id: z.string().min(1), queue_position: z.string() });

/** The client's answer must be a 200 with data; `schema` parses it. */
function ok<T>(res: { status: number; data: unknown; error: unknown }, schema: z.ZodType<T>): T {
  expect(res.error).toBeNull();
  expect(res.status).toBe(200);
  return schema.parse(res.data);
}

const LOCAL_BASE = 'http://localhost:8080';
const SIM_ORIGIN = 'http://periskope.simulator.invalid';

describe('@periskope/periskope-client against the Periskope simulator', () => {
  let sim: PeriskopeSimulator;
  let seen: Request[];
  const clients: { scoped: Client; unscoped: Client; wrongKey: Client; foreignPhone: Client } = {} as never;

  beforeEach(() => {
    sim = createPeriskopeSimulator({ chats: 400, seed: 42, latencyMs: 0 });
    seen = [];
    // openapi-fetch reads globalThis.fetch when the client is built: stub it first, then build the clients.
    vi.stubGlobal('fetch', async (input: Request | string | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      const url = new URL(req.url);
      if (url.origin !== LOCAL_BASE) throw new Error(`the client called ${req.url}`);
      seen.push(req.clone());
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
      return sim.fetch(new Request(`${SIM_ORIGIN}${url.pathname}${url.search}`, { method: req.method, headers: req.headers, body, signal: req.signal }));
    });
    const connected = sim.store.phones.find((p) => p.connected)!;
    clients.scoped = new PeriskopeApi({ authToken: sim.apiKey, phone: connected.number, env: 'local' });
    clients.unscoped = new PeriskopeApi({ authToken: sim.apiKey, phone: '', env: 'local' });
    clients.wrongKey = new PeriskopeApi({ authToken: 'not-the-key', phone: connected.number, env: 'local' });
    clients.foreignPhone = new PeriskopeApi({ authToken: sim.apiKey, phone: '15550000000', env: 'local' });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const latestFirst = { sort_by: 'latest_message_timestamp', sort_order: 'desc' };
  // The client's query type omits sort_by/sort_order, which the API documents (seed): pass them through a wider type.
  type ChatsQuery = Parameters<Client['chat']['getChats']>[0];
  const chatsQuery = (q: ChatsQuery & { sort_by?: string; sort_order?: string }): ChatsQuery => q;

  it('phone.getAll and phone.info: both phones, one connected, and the x-phone one', async () => {
    const phones = ok(await clients.unscoped.phone.getAll(), z.array(phoneSchema));
    expect(phones.map((p) => [p.wa_state, p.is_ready])).toEqual([['CONNECTED', true], ['DISCONNECTED', false]]);
    const phone = ok(await clients.scoped.phone.info(), phoneSchema);
    expect(phone.phone_id).toBe(phones[0]!.phone_id);
    const req = seen.at(-1)!;
    expect(req.headers.get('authorization')).toBe(`Bearer ${sim.apiKey}`);
    expect(req.headers.get('x-phone')).toBe(sim.store.phones[0]!.number);
  });

  it('chat.getChats: offset/limit pages with from/to/count, sorted by latest message', async () => {
    const first = ok(await clients.unscoped.chat.getChats(chatsQuery({ offset: 0, limit: 50, ...latestFirst })), chatListSchema);
    expect(first).toMatchObject({ from: 1, to: 50, count: 400 });
    const second = ok(await clients.unscoped.chat.getChats(chatsQuery({ offset: 50, limit: 50, ...latestFirst })), chatListSchema);
    expect(second).toMatchObject({ from: 51, to: 100, count: 400 });
    const times = [...first.chats!, ...second.chats!].map((c) => c.latest_message_timestamp ?? -Infinity);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.chats!.every((c) => c.members === null)).toBe(true);
    expect(new URL(seen.at(-1)!.url).searchParams.get('sort_by')).toBe('latest_message_timestamp');
    const scoped = ok(await clients.scoped.chat.getChats(chatsQuery({ limit: 2000, ...latestFirst })), chatListSchema);
    expect(scoped.chats!.every((c) => c.org_phone === sim.store.phones[0]!.orgPhone)).toBe(true);
    expect(scoped.count).toBeLessThan(400);
  });

  it('chat.getChats: chat_type, label, start_time/end_time filters', async () => {
    const groups = ok(await clients.unscoped.chat.getChats({ chat_type: 'group' }), chatListSchema);
    expect(groups.count).toBeGreaterThan(0);
    expect(groups.chats!.every((c) => c.chat_type === 'group')).toBe(true);
    const label = sim.store.org.labels[1]!;
    const labelled = ok(await clients.unscoped.chat.getChats({ label: label.id }), chatListSchema);
    expect(labelled.count).toBeGreaterThan(0);
    expect(labelled.chats!.every((c) => c.label_ids[label.name] === true)).toBe(true);
    const recent = ok(await clients.unscoped.chat.getChats(chatsQuery({ ...latestFirst, start_time: new Date(Date.now() - 7 * 86_400_000).toISOString() })), chatListSchema);
    expect(recent.count).toBeGreaterThan(0);
    expect(recent.count).toBeLessThan(400);
  });

  it('chat.getChatById: the chat with its members', async () => {
    const list = ok(await clients.unscoped.chat.getChats({ chat_type: 'group', limit: 1 }), chatListSchema);
    const chatId = list.chats![0]!.chat_id;
    const chat = ok(await clients.unscoped.chat.getChatById({ chat_id: chatId }), chatSchema);
    expect(chat.chat_id).toBe(chatId);
    expect(Object.keys(chat.members ?? {})).toHaveLength(chat.member_count ?? -1);
    // openapi-fetch encodes the id's @ in the path; the simulator reads it back.
    expect(new URL(seen.at(-1)!.url).pathname).toBe(`/v1/chats/${encodeURIComponent(chatId)}`);
  });

  it('chat.getChatMessages and chat.getMessages: newest first, paged', async () => {
    const top = ok(await clients.unscoped.chat.getChats(chatsQuery({ limit: 1, ...latestFirst })), chatListSchema).chats![0]!;
    const page = ok(await clients.unscoped.chat.getChatMessages({ chat_id: top.chat_id, offset: 0, limit: 5 }), messageListSchema);
    expect(page.from).toBe(1);
    expect(page.messages![0]).toEqual(top.latest_message);
    const all = ok(await clients.unscoped.chat.getMessages({ offset: 0, limit: 100 }), messageListSchema);
    expect(all).toMatchObject({ from: 1, to: 100 });
    const ts = all.messages!.map((m) => Date.parse(m.timestamp ?? ''));
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
    expect(all.messages![0]).toEqual(top.latest_message);
  });

  it('chat.read and message.send: the unread count drops to 0, the sent message tops the list', async () => {
    const unread = ok(await clients.scoped.chat.getChats(chatsQuery({ limit: 2000, ...latestFirst })), chatListSchema)
      .chats!.filter((c) => (c.message_unread_count ?? 0) > 0).at(-1)!;
    const read = await clients.scoped.chat.read({ chat_id: unread.chat_id });
    expect(read.error).toBeNull();
    expect(read.status).toBe(200);
    expect(ok(await clients.scoped.chat.getChatById({ chat_id: unread.chat_id }), chatSchema).message_unread_count).toBe(0);

    const sent = ok(await clients.scoped.message.send({ chat_id: unread.chat_id, message: 'Thanks, on it.' }), sendSchema);
    expect(sent.queue_position).toBe('1');
    const top = ok(await clients.scoped.chat.getChats(chatsQuery({ limit: 1, ...latestFirst })), chatListSchema).chats![0]!;
    expect(top.chat_id).toBe(unread.chat_id);
    expect(top.latest_message).toMatchObject({ body: 'Thanks, on it.', from_me: true });
    expect(seen.at(-2)!.headers.get('content-type')).toContain('application/json');
  });

  it('errors reach the client as Periskope sends them: 401, 404, 422', async () => {
    const noKey = await clients.wrongKey.chat.getChats({});
    expect(noKey.status).toBe(401);
    expect(noKey.data).toBeUndefined();
    expect(noKey.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Invalid API key', statusCode: 401 });
    const foreign = await clients.foreignPhone.chat.getChats({});
    expect(foreign.status).toBe(401);
    expect(foreign.error?.code).toBe('UNAUTHORIZED');
    const missing = await clients.unscoped.chat.getChatById({ chat_id: '123@c.us' });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Chat not found: 123@c.us' });
    const tooMany = await clients.unscoped.chat.getChats({ limit: 10_000 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Limit should be less than 2000', statusCode: 422 });
    const badSend = await clients.scoped.message.send({ chat_id: '' });
    expect(badSend.status).toBe(422);
    expect(badSend.error?.code).toBe('VALIDATION_ERROR');
  });

  it('sent every request to Periskope\'s /v1 routes with the Bearer key', async () => {
    await clients.unscoped.phone.getAll();
    await clients.unscoped.chat.getChats({ limit: 1 });
    expect(seen.every((r) => new URL(r.url).pathname.startsWith('/v1/') && r.headers.get('authorization') === `Bearer ${sim.apiKey}`)).toBe(true);
    expect(sim.requestCounts()).toEqual({ 'GET /v1/phones/all': 1, 'GET /v1/chats': 1 });
  });
});
