import { describe, expect, it } from 'vitest';
import { makePeriskope, post, type TestPeriskope } from './test-helpers.fixture';
import type { PeriskopeChatJson, PeriskopeChatListJson, PeriskopeErrorJson, PeriskopeMessageListJson, PeriskopeSendJson } from './wire';

/** What changes state: mark read, send, a message arriving; and that the same seed gives the same org. */

const byLatest = async (t: TestPeriskope) => (await t.json<PeriskopeChatListJson>('/v1/chats?sort_by=latest_message_timestamp')).body.chats;
const path = (chatId: string) => `/v1/chats/${encodeURIComponent(chatId)}`;
const onConnectedPhone = (t: TestPeriskope) => (c: PeriskopeChatJson) => c.org_phone === t.sim.store.phones.find((p) => p.connected)!.orgPhone;

describe('POST /v1/chats/{chat_id}/read', () => {
  it('sets the unread count to 0, in the list and in the chat', async () => {
    const t = makePeriskope();
    const unread = (await byLatest(t)).find((c) => (c.message_unread_count ?? 0) > 0)!;
    const res = await t.request(`${path(unread.chat_id)}/read`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect((await t.json<PeriskopeChatJson>(path(unread.chat_id))).body.message_unread_count).toBe(0);
    const again = (await byLatest(t)).find((c) => c.chat_id === unread.chat_id)!;
    expect(again.message_unread_count).toBe(0);
    // Reading moves nothing and changes no message.
    expect(again.latest_message).toEqual(unread.latest_message);
    expect((await t.request(`${path(unread.chat_id)}/read`, { method: 'POST' })).status).toBe(200);
  });

  it('answers 404 for an unknown chat', async () => {
    const t = makePeriskope();
    const res = await t.json<PeriskopeErrorJson>(`${path('99@c.us')}/read`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /v1/message/send', () => {
  it('queues the message, appends it to the chat and moves the chat to the top', async () => {
    const t = makePeriskope();
    const before = await byLatest(t);
    const chat = before.filter(onConnectedPhone(t)).at(-1)!;
    expect(before[0]!.chat_id).not.toBe(chat.chat_id);
    const countBefore = (await t.json<PeriskopeMessageListJson>(`${path(chat.chat_id)}/messages`)).body.count;
    const res = await t.json<PeriskopeSendJson>('/v1/message/send', post({ chat_id: chat.chat_id, message: 'On my way 🚲' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ queue_id: expect.stringMatching(/^[0-9a-f-]{36}$/), queue_position: '1' });
    const after = await byLatest(t);
    const top = after[0]!;
    expect(top.chat_id).toBe(chat.chat_id);
    expect(top.latest_message).toMatchObject({ body: 'On my way 🚲', from_me: true, message_type: 'chat', sender_phone: chat.org_phone, chat_id: chat.chat_id });
    expect(top.latest_message_timestamp).toBe(Date.parse(top.latest_message!.timestamp));
    expect(top.latest_message_timestamp).toBeGreaterThan(before[0]!.latest_message_timestamp!);
    const messages = await t.json<PeriskopeMessageListJson>(`${path(chat.chat_id)}/messages`);
    expect(messages.body.count).toBe(countBefore + 1);
    expect(messages.body.messages[0]).toEqual(top.latest_message);
    expect(after).toHaveLength(before.length);
  });

  it('keeps the newest send on top even when the clock stands still', async () => {
    const t = makePeriskope();
    const [a, b] = (await byLatest(t)).filter(onConnectedPhone(t)).slice(5, 7);
    await t.json('/v1/message/send', post({ chat_id: a!.chat_id, message: 'first' }));
    await t.json('/v1/message/send', post({ chat_id: b!.chat_id, message: 'second' }));
    const top = await byLatest(t);
    expect(top.slice(0, 2).map((c) => c.latest_message?.body)).toEqual(['second', 'first']);
  });

  it('sends media with a caption, and takes a 1:1 chat id without @c.us', async () => {
    const t = makePeriskope();
    const user = (await byLatest(t)).filter(onConnectedPhone(t)).find((c) => c.chat_type === 'user')!;
    const res = await t.json('/v1/message/send', post({
      chat_id: user.chat_id.replace('@c.us', ''), message: 'The invoice',
      media: { type: 'document', filename: 'invoice.pdf', mimetype: 'application/pdf', filedata: 'JVBERi0xLjQK' },
    }));
    expect(res.status).toBe(200);
    const latest = (await t.json<PeriskopeChatJson>(path(user.chat_id))).body.latest_message!;
    expect(latest).toMatchObject({ message_type: 'document', body: 'The invoice', has_media: true, media: { filename: 'invoice.pdf', mimetype: 'application/pdf' } });
  });

  it.each([
    ['no chat_id', { message: 'hi' }, 'chat_id'],
    ['an empty message', { chat_id: 'CHAT', message: '  ' }, 'message'],
    ['a message that is not text', { chat_id: 'CHAT', message: 42 }, 'message'],
    ['media without its bytes or url', { chat_id: 'CHAT', media: { type: 'image', filename: 'a.jpg', mimetype: 'image/jpeg' } }, 'media'],
  ])('answers 422 naming the field for %s', async (_what, body, field) => {
    const t = makePeriskope();
    const chat = (await byLatest(t)).find(onConnectedPhone(t))!;
    const res = await t.json<PeriskopeErrorJson>('/v1/message/send', post(JSON.parse(JSON.stringify(body).replace('CHAT', chat.chat_id))));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR', name: 'Validation Error', status: 422 });
    expect(res.body.fields?.[field]).toBeDefined();
    expect((await byLatest(t))[0]).toEqual((await byLatest(makePeriskope()))[0]);
  });

  it('answers 422 for a body that is not JSON, 404 for an unknown chat, 409 on the disconnected phone', async () => {
    const t = makePeriskope();
    expect((await t.json('/v1/message/send', { method: 'POST', body: 'chat_id=1', headers: { 'content-type': 'text/plain' } })).status).toBe(422);
    expect((await t.json('/v1/message/send', post({ chat_id: '1@c.us', message: 'hi' }))).status).toBe(404);
    const offline = (await byLatest(t)).find((c) => !onConnectedPhone(t)(c))!;
    const res = await t.json<PeriskopeErrorJson>('/v1/message/send', post({ chat_id: offline.chat_id, message: 'hi' }));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PHONE_NOT_CONNECTED');
  });

  it('sends only within the x-phone scope', async () => {
    const t = makePeriskope();
    const chat = (await byLatest(t)).find(onConnectedPhone(t))!;
    const other = t.sim.store.phones.find((p) => p.orgPhone !== chat.org_phone)!;
    expect((await t.json('/v1/message/send', post({ chat_id: chat.chat_id, message: 'hi' }, { 'x-phone': other.number }))).status).toBe(404);
  });
});

describe('receiveMessage', () => {
  it('adds an unread incoming message and moves the chat to the top', async () => {
    const t = makePeriskope();
    const chat = (await byLatest(t)).at(-5)!;
    const got = t.sim.receiveMessage(chat.chat_id);
    expect(got.chat_id).toBe(chat.chat_id);
    expect(got.message).toMatchObject({ from_me: false, chat_id: chat.chat_id, message_type: 'chat' });
    const top = (await byLatest(t))[0]!;
    expect(top.chat_id).toBe(chat.chat_id);
    expect(top.message_unread_count).toBe((chat.message_unread_count ?? 0) + 1);
    expect(top.latest_message).toEqual(got.message);
  });

  it('picks a chat of the connected phone by default, the same ones for the same seed', () => {
    const a = makePeriskope();
    const b = makePeriskope();
    const connected = a.sim.store.phones.find((p) => p.connected)!.orgPhone;
    const picks = Array.from({ length: 5 }, () => a.sim.receiveMessage());
    expect(picks.every((p) => p.message.org_phone === connected)).toBe(true);
    expect(Array.from({ length: 5 }, () => b.sim.receiveMessage())).toEqual(picks);
    expect(() => a.sim.receiveMessage('nope@c.us')).toThrow(RangeError);
  });
});

describe('determinism', () => {
  it('gives the same org, ids and key for the same seed, and another for another seed', async () => {
    const a = makePeriskope({ seed: 11 });
    const b = makePeriskope({ seed: 11 });
    const c = makePeriskope({ seed: 12 });
    expect(a.sim.apiKey).toBe(b.sim.apiKey);
    expect(a.sim.apiKey).not.toBe(c.sim.apiKey);
    const [la, lb, lc] = await Promise.all([a, b, c].map((t) => t.json('/v1/chats?sort_by=latest_message_timestamp')));
    expect(la!.body).toEqual(lb!.body);
    expect(la!.body).not.toEqual(lc!.body);
    const [ma, mb] = await Promise.all([a, b].map((t) => t.json('/v1/chats/messages')));
    expect(ma!.body).toEqual(mb!.body);
    expect((await a.json('/v1/phones/all')).body).toEqual((await b.json('/v1/phones/all')).body);
  });

  it('dates the data from the anchor: the newest message is minutes old', async () => {
    const t = makePeriskope({ chats: 1000 });
    const top = (await byLatest(t))[0]!;
    const age = t.clock.now - top.latest_message_timestamp!;
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(60 * 60_000);
  });
});
