import { describe, expect, it } from 'vitest';
import { readPngHeader } from './png';
import { findChat, makeSim, type MessageList, type TestSim } from './test-helpers.fixture';
import type { AttendeeJson, ChatJson, ErrorJson, FileAttachmentJson, ImageAttachmentJson, MessageJson } from './types';

async function allMessages(t: TestSim, chatId: string, query = 'limit=17'): Promise<MessageJson[]> {
  const out: MessageJson[] = [];
  let res = await t.json<MessageList>(`/api/v1/chats/${chatId}/messages?${query}`);
  for (;;) {
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    if (!res.body.cursor) return out;
    res = await t.json<MessageList>(`/api/v1/chats/${chatId}/messages?cursor=${encodeURIComponent(res.body.cursor)}`);
  }
}

describe('GET /chats/:id/messages', () => {
  const t = makeSim({ chats: 400 });
  const store = t.sim.store;
  const chats = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));
  const everything = chats.flatMap((c) => store.messages(store.chatIndex(c.id)));

  it('pages newest first with cursors, 3 to 200 messages per chat, newest at the chat timestamp', async () => {
    for (const c of chats.filter((x) => x.timestamp !== null).slice(0, 30)) {
      const msgs = await allMessages(t, c.id);
      expect(msgs.length).toBeGreaterThanOrEqual(3);
      expect(msgs.length).toBeLessThanOrEqual(200);
      expect(new Set(msgs.map((m) => m.id)).size).toBe(msgs.length);
      expect(msgs[0]?.timestamp).toBe(c.timestamp);
      for (let i = 1; i < msgs.length; i++) expect((msgs[i - 1]?.timestamp ?? '') >= (msgs[i]?.timestamp ?? '')).toBe(true);
      expect(msgs.every((m) => m.object === 'Message' && m.chat_id === c.id && m.account_id === c.account_id && m.chat_provider_id === c.provider_id)).toBe(true);
    }
    const counts = chats.filter((x) => x.timestamp !== null).map((c) => store.messages(store.chatIndex(c.id)).length);
    expect(Math.max(...counts)).toBeGreaterThan(100);
  });

  it('defaults to 100 and accepts 1–250', async () => {
    const big = chats.find((c) => store.messages(store.chatIndex(c.id)).length > 120) as ChatJson;
    expect((await t.json<MessageList>(`/api/v1/chats/${big.id}/messages`)).body.items).toHaveLength(100);
    expect((await t.json<MessageList>(`/api/v1/chats/${big.id}/messages?limit=1`)).body.items).toHaveLength(1);
    for (const q of ['limit=0', 'limit=251', 'limit=x', 'before=nope', 'after=2025-01-01', 'cursor=', 'cursor=abcd', 'sender_id=']) {
      const res = await t.json<ErrorJson>(`/api/v1/chats/${big.id}/messages?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe('errors/invalid_parameters');
    }
    const other = chats.find((c) => c.id !== big.id && c.timestamp !== null) as ChatJson;
    const page = await t.json<MessageList>(`/api/v1/chats/${big.id}/messages?limit=5`);
    const cross = await t.json<ErrorJson>(`/api/v1/chats/${other.id}/messages?cursor=${encodeURIComponent(page.body.cursor ?? '')}`);
    expect(cross.body).toMatchObject({ status: 400, detail: expect.stringContaining('cursor') });
    expect((await t.json<ErrorJson>('/api/v1/chats/AAAAAAAAAAAAAAAAAAAAAA/messages')).status).toBe(404);
  });

  it('filters by before/after (exclusive) and sender_id, across pages', async () => {
    const big = chats.find((c) => store.messages(store.chatIndex(c.id)).length > 60) as ChatJson;
    const all = await allMessages(t, big.id, 'limit=250');
    const pivot = all[20] as MessageJson;
    const before = await allMessages(t, big.id, `before=${pivot.timestamp}&limit=7`);
    expect(before.map((m) => m.id)).toEqual(all.filter((m) => m.timestamp < pivot.timestamp).map((m) => m.id));
    const after = await allMessages(t, big.id, `after=${pivot.timestamp}&limit=7`);
    expect(after.map((m) => m.id)).toEqual(all.filter((m) => m.timestamp > pivot.timestamp).map((m) => m.id));
    const sender = pivot.sender_id;
    const bySender = await allMessages(t, big.id, `sender_id=${encodeURIComponent(sender)}&limit=5`);
    expect(bySender.map((m) => m.id)).toEqual(all.filter((m) => m.sender_id === sender).map((m) => m.id));
    const byAttendee = await allMessages(t, big.id, `sender_id=${pivot.sender_attendee_id}`);
    expect(byAttendee.length).toBe(bySender.length);
  });

  it('new messages do not disturb a message walk in progress', async () => {
    const t2 = makeSim({ chats: 100 });
    const c = findChat(t2, (x) => x.timestamp !== null && x.read_only === 0 && t2.sim.store.messages(t2.sim.store.chatIndex(x.id)).length > 30
      && t2.sim.store.accounts.find((a) => a.id === x.account_id)?.status === 'OK');
    const expected = (await allMessages(t2, c.id, 'limit=250')).map((m) => m.id);
    const first = await t2.json<MessageList>(`/api/v1/chats/${c.id}/messages?limit=10`);
    await t2.request(`/api/v1/chats/${c.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"new"}' });
    const rest = await t2.json<MessageList>(`/api/v1/chats/${c.id}/messages?limit=250&cursor=${encodeURIComponent(first.body.cursor ?? '')}`);
    expect([...first.body.items, ...rest.body.items].map((m) => m.id)).toEqual(expected);
  });

  it('has varied content: attachments, reactions, edits, deletions, quotes, events, HTML and hostile text', () => {
    const some = (pred: (m: MessageJson) => boolean) => everything.some(pred);
    expect(some((m) => m.attachments.some((a) => a.type === 'img' && !a.sticker))).toBe(true);
    expect(some((m) => m.attachments.some((a) => a.type === 'file'))).toBe(true);
    expect(some((m) => m.reactions.length > 0)).toBe(true);
    expect(some((m) => m.reactions.some((r) => r.is_sender))).toBe(true);
    expect(some((m) => m.edited === 1)).toBe(true);
    expect(some((m) => m.deleted === 1 && m.text === null)).toBe(true);
    expect(some((m) => m.quoted !== undefined)).toBe(true);
    expect(some((m) => m.is_event === 1 && m.event_type !== undefined)).toBe(true);
    expect(some((m) => m.hidden === 1)).toBe(true);
    expect(some((m) => m.behavior === 0)).toBe(true);
    expect(some((m) => m.is_sender === 1 && Object.keys(m.seen_by).length > 0)).toBe(true);
    expect(some((m) => /<p>.*<strong>/.test(m.text ?? ''))).toBe(true);
    expect(some((m) => /<a href=/.test(m.text ?? ''))).toBe(true);
    expect(some((m) => m.text === '<img src=x onerror=alert(1)>' || m.text === '<script>alert(1)</script>')).toBe(true);
    expect(everything.every((m) => typeof m.original === 'string' && m.sender_attendee_id.length > 0)).toBe(true);
  });

  it('marks the newest unread_count messages as incoming and unseen', () => {
    for (const c of chats.filter((x) => x.unread_count > 0 && x.unread_count < 50).slice(0, 20)) {
      const msgs = store.messages(store.chatIndex(c.id));
      const newest = msgs.slice(-Math.min(c.unread_count, msgs.length));
      expect(newest.every((m) => m.is_sender === 0 && m.seen === 0)).toBe(true);
    }
  });
});

describe('GET /chats/:id/attendees', () => {
  const t = makeSim({ chats: 400 });
  const store = t.sim.store;
  const chats = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));

  it('1:1 chats have self + the other side; groups have 3 to 12', async () => {
    for (const c of chats.slice(0, 80)) {
      const res = await t.json<{ object: string; items: AttendeeJson[]; cursor: string | null }>(`/api/v1/chats/${c.id}/attendees`);
      expect(res.body.object).toBe('ChatAttendeeList');
      expect(res.body.cursor).toBeNull();
      const items = res.body.items;
      expect(items.filter((a) => a.is_self === 1)).toHaveLength(1);
      expect(items.every((a) => a.object === 'ChatAttendee' && a.account_id === c.account_id)).toBe(true);
      if (c.type === 0) {
        expect(items).toHaveLength(2);
        expect(items.find((a) => a.is_self === 0)?.provider_id).toBe(c.attendee_provider_id);
        if (c.name !== null) expect(items.find((a) => a.is_self === 0)?.name).toBe(c.name);
      } else {
        expect(items.length).toBeGreaterThanOrEqual(3);
        expect(items.length).toBeLessThanOrEqual(12);
      }
      if (c.account_type === 'LINKEDIN') expect(items.find((a) => a.is_self === 0)?.specifics?.provider).toBe('LINKEDIN');
    }
  });

  it('every message sender is an attendee of the chat', () => {
    for (const c of chats.slice(0, 40)) {
      const ids = new Set(store.attendees(store.chatIndex(c.id)).map((a) => a.id));
      expect(store.messages(store.chatIndex(c.id)).every((m) => ids.has(m.sender_attendee_id))).toBe(true);
    }
  });

  it('pages with limit and cursor when asked', async () => {
    const group = chats.find((c) => c.type === 1) as ChatJson;
    const all = (await t.json<{ items: AttendeeJson[] }>(`/api/v1/chats/${group.id}/attendees`)).body.items;
    const walked: AttendeeJson[] = [];
    let res = await t.json<{ items: AttendeeJson[]; cursor: string | null }>(`/api/v1/chats/${group.id}/attendees?limit=2`);
    for (;;) {
      walked.push(...res.body.items);
      if (!res.body.cursor) break;
      res = await t.json(`/api/v1/chats/${group.id}/attendees?cursor=${encodeURIComponent(res.body.cursor)}`);
    }
    expect(walked).toEqual(all);
    const one = await t.json<AttendeeJson>(`/api/v1/chat_attendees/${all[0]?.id}`);
    expect(one.body).toEqual(all[0]);
  });
});

describe('pictures', () => {
  const t = makeSim({ chats: 400 });
  const store = t.sim.store;
  const chats = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));
  const attendees = chats.slice(0, 60).flatMap((c) => store.attendees(store.chatIndex(c.id)));

  it('serves a real PNG for attendees with a picture, with caching headers', async () => {
    const withPicture = attendees.filter((a) => a.picture_url !== undefined);
    expect(withPicture.length).toBeGreaterThan(10);
    for (const a of withPicture.slice(0, 10)) {
      const res = await t.request(`/api/v1/chat_attendees/${a.id}/picture`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(readPngHeader(bytes)).toEqual({ width: 128, height: 128, bitDepth: 8, colorType: 2 });
      const etag = res.headers.get('etag') ?? '';
      expect((await t.request(`/api/v1/chat_attendees/${a.id}/picture`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
  });

  it('answers 404 in the envelope for attendees without picture and unknown ids', async () => {
    const without = attendees.filter((a) => a.picture_url === undefined);
    expect(without.length).toBeGreaterThan(0);
    for (const id of [without[0]?.id ?? '', 'nope', 'AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await t.json<ErrorJson>(`/api/v1/chat_attendees/${id}/picture`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.body.type).toBe('errors/resource_not_found');
    }
  });

  it('serves group pictures by chat id for some groups; 1:1 chat ids have none', async () => {
    const statuses = await Promise.all(chats.filter((c) => c.type !== 0).slice(0, 20).map(async (c) => (await t.request(`/api/v1/chat_attendees/${c.id}/picture`)).status));
    expect(statuses).toContain(200);
    expect(statuses).toContain(404);
    const single = chats.find((c) => c.type === 0) as ChatJson;
    expect((await t.request(`/api/v1/chat_attendees/${single.id}/picture`)).status).toBe(404);
  });
});

describe('attachments', () => {
  const t = makeSim({ chats: 400 });
  const store = t.sim.store;
  const messages = store.orderedChatIds().flatMap((id) => store.messages(store.chatIndex(id)));

  it('serves image attachments as PNG of the announced size and exact file_size', async () => {
    const m = messages.find((x) => x.attachments.some((a) => a.type === 'img' && !a.sticker)) as MessageJson;
    const att = m.attachments.find((a) => a.type === 'img') as ImageAttachmentJson;
    const res = await t.request(`/api/v1/messages/${m.id}/attachments/${att.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(att.file_size);
    expect(readPngHeader(bytes)).toMatchObject({ width: att.size.width, height: att.size.height });
  });

  it('serves file attachments with their mimetype and exact file_size', async () => {
    const files = messages.flatMap((m) => m.attachments.filter((a): a is FileAttachmentJson => a.type === 'file').map((a) => ({ m, a })));
    expect(files.length).toBeGreaterThan(2);
    for (const { m, a } of files.slice(0, 6)) {
      const res = await t.request(`/api/v1/messages/${m.id}/attachments/${a.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(a.mimetype);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length).toBe(a.file_size);
      if (a.mimetype === 'application/pdf') expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    }
  });

  it('answers 404 for unknown attachments or messages', async () => {
    const m = messages.find((x) => x.attachments.length > 0) as MessageJson;
    const other = messages.find((x) => x.attachments.length === 0) as MessageJson;
    for (const path of [`${m.id}/attachments/nope`, `${other.id}/attachments/${m.attachments[0]?.id}`, `AAAAAAAAAAAAAAAAAAAAAA/attachments/x`]) {
      const res = await t.json<ErrorJson>(`/api/v1/messages/${path}`);
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('errors/resource_not_found');
    }
  });
});
