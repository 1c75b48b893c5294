import { describe, expect, it } from 'vitest';
import { findChat, isWritable, makeSim, type ChatList, type TestSim } from './test-helpers.fixture';
import type { ChatJson, ErrorJson, MessageJson } from './types';

type ChatWithLast = ChatJson & { lastMessage: MessageJson | null };

const patch = (t: TestSim, id: string, body: unknown, contentType = 'application/json') =>
  t.json<Record<string, unknown>>(`/api/v1/chats/${id}`, { method: 'PATCH', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const postJson = (t: TestSim, id: string, body: unknown) =>
  t.json<Record<string, unknown>>(`/api/v1/chats/${id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const chat = async (t: TestSim, id: string) => (await t.json<ChatWithLast>(`/api/v1/chats/${id}`)).body;

describe('PATCH /chats/:id', () => {
  const t = makeSim();
  const writable = isWritable(t);

  it('setReadStatus: read → unread_count 0; unread → 1 if it was 0, unchanged otherwise', async () => {
    const unread = findChat(t, (c) => writable(c) && c.unread_count > 3);
    expect((await patch(t, unread.id, { action: 'setReadStatus', value: false })).body).toEqual({ object: 'ChatPatched' });
    expect((await chat(t, unread.id)).unread_count).toBe(unread.unread_count);
    expect((await patch(t, unread.id, { action: 'setReadStatus', value: true })).status).toBe(200);
    expect((await chat(t, unread.id)).unread_count).toBe(0);
    await patch(t, unread.id, { action: 'setReadStatus', value: false });
    expect((await chat(t, unread.id)).unread_count).toBe(1);
  });

  it('setMuteStatus, setArchiveStatus and setPinnedStatus', async () => {
    const c = findChat(t, (x) => writable(x) && x.muted_until === null && x.archived === 0 && x.pinned === 0);
    await patch(t, c.id, { action: 'setMuteStatus', value: true });
    expect((await chat(t, c.id)).muted_until).toBe(-1);
    await patch(t, c.id, { action: 'setMuteStatus', value: false });
    expect((await chat(t, c.id)).muted_until).toBeNull();
    await patch(t, c.id, { action: 'setArchiveStatus', value: true });
    expect((await chat(t, c.id)).archived).toBe(1);
    await patch(t, c.id, { action: 'setArchiveStatus', value: false });
    expect((await chat(t, c.id)).archived).toBe(0);
    await patch(t, c.id, { action: 'setPinnedStatus', value: true });
    expect((await chat(t, c.id)).pinned).toBe(1);
    await patch(t, c.id, { action: 'setPinnedStatus', value: false });
    expect((await chat(t, c.id)).pinned).toBe(0);
    // Form bodies are accepted too, with "true"/"false".
    await patch(t, c.id, 'action=setPinnedStatus&value=true', 'application/x-www-form-urlencoded');
    expect((await chat(t, c.id)).pinned).toBe(1);
  });

  it('does not move the chat in the list', async () => {
    const before = t.sim.store.orderedChatIds();
    const c = findChat(t, writable);
    await patch(t, c.id, { action: 'setArchiveStatus', value: true });
    expect(t.sim.store.orderedChatIds()).toEqual(before);
  });

  it.each([
    [{ action: 'setFoo', value: true }, 'action'],
    [{ action: 'setReadStatus' }, 'value'],
    [{ action: 'setReadStatus', value: 'yes' }, 'value'],
    [{ value: true }, 'action'],
    ['{not json', 'body'],
    ['[1,2]', 'body'],
  ])('rejects body %j with 400 naming %s', async (body, param) => {
    const c = findChat(t, writable);
    const res = await patch(t, c.id, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: 'errors/invalid_parameters', status: 400, detail: expect.stringContaining(param) });
  });

  it('answers 404 for an unknown chat', async () => {
    expect((await patch(t, 'AAAAAAAAAAAAAAAAAAAAAA', { action: 'setReadStatus', value: true })).status).toBe(404);
  });

  it('answers 401 disconnected_account on the CREDENTIALS account, for PATCH and POST', async () => {
    const old = t.sim.store.accounts.find((a) => a.status === 'CREDENTIALS');
    const c = findChat(t, (x) => x.account_id === old?.id);
    const expected = { type: 'errors/disconnected_account', title: 'Disconnected account', detail: 'The account appears to be disconnected from the provider service.', status: 401 };
    const p = await patch(t, c.id, { action: 'setReadStatus', value: true });
    expect(p.status).toBe(401);
    expect(p.body).toEqual(expected);
    const s = await postJson(t, c.id, { text: 'hello?' });
    expect(s.status).toBe(401);
    expect(s.body).toEqual(expected);
    // Reading still works.
    expect((await t.json(`/api/v1/chats/${c.id}/messages`)).status).toBe(200);
  });
});

describe('POST /chats/:id/messages', () => {
  it('JSON {text}: 201 MessageSent, own message at now, chat moves to the top and is read', async () => {
    const t = makeSim();
    const c = findChat(t, (x) => isWritable(t)(x) && x.unread_count > 0 && x.timestamp !== null);
    t.clock.advance(5_000);
    const res = await postJson(t, c.id, { text: 'Hello <b>there</b> 👋' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ object: 'MessageSent', message_id: expect.stringMatching(/^[0-9A-Za-z]{22}$/) });
    const after = await chat(t, c.id);
    const nowIso = new Date(t.clock.now).toISOString();
    expect(after.timestamp).toBe(nowIso);
    expect(after.unread_count).toBe(0);
    expect(after.lastMessage).toMatchObject({ id: res.body.message_id, text: 'Hello <b>there</b> 👋', is_sender: 1, timestamp: nowIso, chat_id: c.id, seen: 0 });
    const list = await t.json<ChatList>('/api/v1/chats?limit=1');
    expect(list.body.items[0]?.id).toBe(c.id);
    const msgs = await t.json<{ items: MessageJson[] }>(`/api/v1/chats/${c.id}/messages?limit=2`);
    expect(msgs.body.items[0]?.id).toBe(res.body.message_id);
    expect((await t.json<MessageJson>(`/api/v1/messages/${String(res.body.message_id)}`)).body.text).toBe('Hello <b>there</b> 👋');
    expect(t.sim.store.changeLog().at(-1)).toMatchObject({ chatId: c.id, oldTs: Date.parse(c.timestamp ?? ''), newTs: t.clock.now });
  });

  it('multipart/form-data as the SDK sends it, with attachments served back byte for byte', async () => {
    const t = makeSim();
    const c = findChat(t, isWritable(t));
    const form = new FormData();
    form.append('text', 'see attached');
    const bytes = new Uint8Array([1, 2, 3, 250, 251]);
    form.append('attachments', new Blob([bytes], { type: 'application/octet-stream' }), 'data.bin');
    form.append('attachments', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    const res = await t.json<{ message_id: string }>(`/api/v1/chats/${c.id}/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const msg = (await chat(t, c.id)).lastMessage;
    expect(msg?.text).toBe('see attached');
    expect(msg?.attachments).toHaveLength(2);
    expect(msg?.attachments[0]).toMatchObject({ type: 'file', file_name: 'data.bin', file_size: 5, unavailable: false });
    const att = msg?.attachments[0];
    const file = await t.request(`/api/v1/messages/${res.body.message_id}/attachments/${att?.id}`);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    const txt = await t.request(`/api/v1/messages/${res.body.message_id}/attachments/${msg?.attachments[1]?.id}`);
    expect(txt.headers.get('content-type')).toContain('text/plain');
    expect(await txt.text()).toBe('hello');
  });

  it('accepts a multipart body relayed as a stream (how the Triage server forwards uploads)', async () => {
    const t = makeSim();
    const c = findChat(t, isWritable(t));
    const form = new FormData();
    form.append('text', 'streamed');
    form.append('attachments', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
    const original = new Request('http://client.invalid/', { method: 'POST', body: form });
    const relayed = new Request(`http://simulator.invalid/api/v1/chats/${c.id}/messages`, {
      method: 'POST',
      headers: { 'x-api-key': t.sim.apiKey, 'content-type': original.headers.get('content-type') ?? '' },
      body: original.body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const res = await t.sim.fetch(relayed);
    expect(res.status).toBe(201);
    expect((await chat(t, c.id)).lastMessage).toMatchObject({ text: 'streamed', attachments: [{ file_name: 'a.txt', file_size: 3 }] });
  });

  it('quotes a message with quote_id', async () => {
    const t = makeSim();
    const c = findChat(t, (x) => isWritable(t)(x) && x.timestamp !== null);
    const last = (await chat(t, c.id)).lastMessage;
    const res = await postJson(t, c.id, { text: 'replying', quote_id: last?.id });
    expect(res.status).toBe(201);
    expect((await chat(t, c.id)).lastMessage?.quoted).toEqual({ provider_id: last?.provider_id, sender_id: last?.sender_id, text: last?.text, attachments: last?.attachments });
  });

  it('rejects empty text, non-string text and overlong text', async () => {
    const t = makeSim();
    const c = findChat(t, isWritable(t));
    for (const body of [{}, { text: '' }, { text: '   ' }, { text: 42 }]) {
      const res = await postJson(t, c.id, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'errors/invalid_parameters', detail: expect.stringContaining('text') });
    }
    const long = await postJson(t, c.id, { text: 'x'.repeat(20_001) });
    expect(long.body).toMatchObject({ status: 400, type: 'errors/too_many_characters' });
    const form = new FormData();
    form.append('text', '');
    expect((await t.json(`/api/v1/chats/${c.id}/messages`, { method: 'POST', body: form })).status).toBe(400);
  });

  it('answers 403 insufficient_permissions on a read-only chat', async () => {
    const t = makeSim({ chats: 2000 });
    const disconnected = t.sim.store.accounts.find((a) => a.status === 'CREDENTIALS')?.id;
    const c = findChat(t, (x) => x.read_only !== 0 && x.account_id !== disconnected);
    const res = await postJson(t, c.id, { text: 'hi' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ title: 'Insufficient permissions', detail: expect.any(String), type: 'errors/insufficient_permissions', status: 403 });
    expect((await chat(t, c.id)).timestamp).toBe(c.timestamp);
  });

  it('answers 404 for an unknown chat and 403 account_mismatch for another account_id', async () => {
    const t = makeSim();
    expect((await postJson(t, 'AAAAAAAAAAAAAAAAAAAAAA', { text: 'hi' })).status).toBe(404);
    const c = findChat(t, isWritable(t));
    const other = t.sim.store.accounts.find((a) => a.id !== c.account_id)?.id;
    expect((await postJson(t, c.id, { text: 'hi', account_id: other })).body).toMatchObject({ status: 403, type: 'errors/account_mismatch' });
    expect((await postJson(t, c.id, { text: 'hi', account_id: c.account_id })).status).toBe(201);
  });
});

describe('error envelope', () => {
  it('is {title, detail, type, status} and nothing else', async () => {
    const t = makeSim();
    const res = await t.json<ErrorJson>('/api/v1/chats?limit=0');
    expect(Object.keys(res.body).sort()).toEqual(['detail', 'status', 'title', 'type']);
  });
});
