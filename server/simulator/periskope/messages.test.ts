import { describe, expect, it } from 'vitest';
import { makePeriskope } from './test-helpers.fixture';
import type { PeriskopeChatJson, PeriskopeChatListJson, PeriskopeErrorJson, PeriskopeMessageJson, PeriskopeMessageListJson } from './wire';

/** GET /v1/chats/{chat_id}, a chat's messages, every chat's messages. */

const t = makePeriskope();
const chats = async (query = 'sort_by=latest_message_timestamp') => (await t.json<PeriskopeChatListJson>(`/v1/chats?${query}`)).body.chats;
const path = (chatId: string) => `/v1/chats/${encodeURIComponent(chatId)}`;

function expectNewestFirst(messages: PeriskopeMessageJson[]) {
  for (let i = 1; i < messages.length; i++) expect(Date.parse(messages[i - 1]!.timestamp)).toBeGreaterThanOrEqual(Date.parse(messages[i]!.timestamp));
}

describe('GET /v1/chats/{chat_id}', () => {
  it('answers the chat with its members: the org phone (internal) and the contacts, keyed by contact id', async () => {
    const group = (await chats('chat_type=group'))[0]!;
    const res = await t.json<PeriskopeChatJson>(path(group.chat_id));
    expect(res.status).toBe(200);
    const members = res.body.members!;
    expect(Object.keys(members)).toHaveLength(group.member_count);
    for (const [key, m] of Object.entries(members)) expect(m.contact_id).toBe(key);
    expect(members[group.org_phone]).toMatchObject({ is_internal: true, chat_id: group.chat_id });
    expect(Object.values(members).filter((m) => !m.is_internal).every((m) => m.contact_name !== null && m.number !== null)).toBe(true);
    const { members: _m, ...rest } = res.body;
    const { members: _n, ...listed } = group;
    expect(rest).toEqual(listed);
  });

  it('names the contact in members when a 1:1 chat has no name of its own', async () => {
    const unnamed = (await chats('chat_type=user')).find((c) => c.chat_name === null)!;
    const res = await t.json<PeriskopeChatJson>(path(unnamed.chat_id));
    expect(res.body.members?.[unnamed.chat_id]?.contact_name).toEqual(expect.any(String));
  });

  it('takes the id with @ as is or percent-encoded, and a 1:1 id without @c.us', async () => {
    const user = (await chats('chat_type=user'))[0]!;
    expect((await t.json(`/v1/chats/${user.chat_id}`)).status).toBe(200);
    expect((await t.json(path(user.chat_id))).status).toBe(200);
    expect((await t.json(`/v1/chats/${user.chat_id.replace('@c.us', '')}`)).status).toBe(200);
  });

  it('answers 404 with Periskope\'s error body for an unknown chat or one outside the x-phone scope', async () => {
    const res = await t.json<PeriskopeErrorJson>(path('1234@c.us'));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Chat not found: 1234@c.us', name: 'Not Found', status: 404 });
    const chat = (await chats())[0]!;
    const other = t.sim.store.phones.find((p) => p.orgPhone !== chat.org_phone)!;
    expect((await t.json(path(chat.chat_id), { headers: { 'x-phone': other.number } })).status).toBe(404);
    expect((await t.json(`${path(chat.chat_id)}/messages`, { headers: { 'x-phone': other.number } })).status).toBe(404);
  });
});

describe('GET /v1/chats/{chat_id}/messages', () => {
  it('pages a chat\'s messages newest first; the newest is the list\'s latest_message', async () => {
    const chat = (await chats()).find((c) => c.latest_message !== null && c.chat_type === 'group')!;
    const all = await t.json<PeriskopeMessageListJson>(`${path(chat.chat_id)}/messages`);
    expect(all.status).toBe(200);
    const { messages, count } = all.body;
    expect(count).toBe(messages.length);
    expect(all.body).toMatchObject({ from: 1, to: count });
    expectNewestFirst(messages);
    expect(messages[0]).toEqual(chat.latest_message);
    expect(Date.parse(messages[0]!.timestamp)).toBe(chat.latest_message_timestamp);
    for (const m of messages) {
      expect(m.chat_id).toBe(chat.chat_id);
      expect(m.message_id).toBe(`${m.from_me}_${chat.chat_id}_${m.unique_id}`);
      expect(m.id).toEqual({ from_me: m.from_me, id: m.unique_id, remote: chat.chat_id, serialized: m.message_id });
      expect(m.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
      if (m.from_me) expect(m.sender_phone).toBe(chat.org_phone);
      else expect(m.sender_phone).not.toBe(chat.org_phone);
    }
    const second = await t.json<PeriskopeMessageListJson>(`${path(chat.chat_id)}/messages?offset=1&limit=2`);
    expect(second.body).toMatchObject({ from: 2, to: 3, count });
    expect(second.body.messages).toEqual(messages.slice(1, 3));
  });

  it('gives every latest message the same data the chat\'s own messages give', async () => {
    for (const chat of (await chats()).filter((c) => c.latest_message !== null).slice(0, 60)) {
      const first = await t.json<PeriskopeMessageListJson>(`${path(chat.chat_id)}/messages?limit=1`);
      expect(first.body.messages[0]).toEqual(chat.latest_message);
    }
  });

  it('holds media, deleted and edited messages', async () => {
    const res = await t.json<PeriskopeMessageListJson>('/v1/chats/messages');
    const messages = res.body.messages;
    const media = messages.filter((m) => m.message_type !== 'chat' && !m.is_deleted);
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((m) => m.has_media === true && typeof m.media?.mimetype === 'string')).toBe(true);
    expect(messages.some((m) => m.message_type === 'document' && m.media?.mimetype === 'application/pdf' && m.media.filename !== undefined)).toBe(true);
    expect(messages.some((m) => m.is_deleted === true && m.body === '' && m.media === null)).toBe(true);
    expect(messages.some((m) => m.prev_body !== null && m.prev_body !== m.body)).toBe(true);
    expect(messages.filter((m) => m.message_type === 'chat' && !m.is_deleted).every((m) => (m.body ?? '').length > 0)).toBe(true);
  });
});

describe('GET /v1/chats/messages', () => {
  it('answers every chat\'s messages newest first, counted, paged like the chats', async () => {
    const res = await t.json<PeriskopeMessageListJson>('/v1/chats/messages?limit=2000');
    expect(res.status).toBe(200);
    expectNewestFirst(res.body.messages);
    const lists = await chats();
    let total = 0;
    for (const c of lists) total += (await t.json<PeriskopeMessageListJson>(`${path(c.chat_id)}/messages?limit=1`)).body.count;
    expect(res.body.count).toBe(total);
    // The newest message anywhere is the top chat's latest.
    expect(res.body.messages[0]).toEqual(lists[0]!.latest_message);
    const page = await t.json<PeriskopeMessageListJson>('/v1/chats/messages?offset=10&limit=5');
    expect(page.body).toMatchObject({ from: 11, to: 15, count: total });
    expect(page.body.messages).toEqual(res.body.messages.slice(10, 15));
  });

  it('scopes to the x-phone phone', async () => {
    const phone = t.sim.store.phones[1]!;
    const res = await t.json<PeriskopeMessageListJson>('/v1/chats/messages', { headers: { 'x-phone': phone.number } });
    expect(res.body.count).toBeGreaterThan(0);
    expect(res.body.messages.every((m) => m.org_phone === phone.orgPhone)).toBe(true);
  });

  it('refuses a limit over 2000', async () => {
    expect((await t.json('/v1/chats/messages?limit=2001')).status).toBe(422);
  });
});
