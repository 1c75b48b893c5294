import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { BASE, fakeChat, fakeMessage, fakePeriskope, ORG_PHONE } from './fake-periskope.fixture';
import { createPeriskopeBackend } from './index';

/*
 * The adapter behind the real routes (server/routes/api.ts, the filtered scan, the previews), in-process: what the
 * browser gets from a Periskope upstream.
 */

const KEY = 'psk_live_routes-test-key-0123456789';

function app() {
  const upstream = fakePeriskope();
  const backend = createPeriskopeBackend({ apiRoot: BASE, host: 'api.periskope.test', apiKey: KEY, phone: null, timeoutMs: 2_000, fetch: upstream.fetch });
  const config = { ...loadConfig({ UNIPILE_DSN: 'https://unused.test', UNIPILE_API_KEY: 'unused-key' }), port: 0 };
  const logger = { info: () => undefined, error: () => undefined };
  const triage = createApp({ config, backend, logger, secrets: [KEY], backends: [{ kind: 'periskope', label: 'Periskope', host: backend.host, simulated: false }] });
  const request = async (path: string, init?: RequestInit) => {
    const response = await triage.request(path, init);
    const text = await response.text();
    expect(text).not.toContain(KEY);
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  };
  return { upstream, request };
}

const ids = (body: Record<string, unknown>) => (body.items as { id: string }[]).map((c) => c.id);

describe('the browser’s routes over Periskope', () => {
  it('pages the inbox to its end with the adapter’s cursor', async () => {
    const { upstream, request } = app();
    upstream.chats.push(...Array.from({ length: 7 }, (_, i) => fakeChat(i)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '3', ...(cursor ? { cursor } : {}) });
      const { status, body } = await request(`/api/v1/chats?${query}`);
      expect(status).toBe(200);
      seen.push(...ids(body));
      cursor = body.cursor as string | null;
    } while (cursor !== null);
    expect(seen).toEqual(upstream.chats.map((c) => c.chat_id));
  });

  it('serves a filtered list (folders from labels, pinned, search) through the scan', async () => {
    const { upstream, request } = app();
    upstream.chats.push(fakeChat(1, { label_ids: { VIP: true } }), fakeChat(2, { is_pinned: true, chat_name: 'Ops room' }), fakeChat(3, { label_ids: { VIP: true }, chat_name: 'Ops VIP' }));
    expect(ids((await request('/api/v1/chats?folder=VIP')).body)).toEqual([fakeChat(1).chat_id, fakeChat(3).chat_id]);
    expect(ids((await request('/api/v1/chats?pinned=true')).body)).toEqual([fakeChat(2).chat_id]);
    const { body } = await request('/api/v1/chats?q=ops&limit=1');
    expect(ids(body)).toEqual([fakeChat(2).chat_id]);
    expect(ids((await request(`/api/v1/chats?q=ops&limit=1&cursor=${encodeURIComponent(String(body.cursor))}`)).body)).toEqual([fakeChat(3).chat_id]);
  });

  it('opens a chat whose id holds `@`, marks it read and replies', async () => {
    const { upstream, request } = app();
    const chat = fakeChat(4, { chat_type: 'user', chat_id: '919537851844@c.us', chat_name: 'Ravi', message_unread_count: 2 });
    upstream.chats.push(chat);
    const path = `/api/v1/chats/${encodeURIComponent(chat.chat_id)}`;
    expect((await request(path)).body).toMatchObject({ id: chat.chat_id, unread_count: 2, type: 0 });
    const patch = await request(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'setReadStatus', value: true }) });
    expect(patch).toEqual({ status: 200, body: { object: 'ChatPatched' } });
    const mute = await request(path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'setMuteStatus', value: true }) });
    expect(mute).toMatchObject({ status: 501, body: { type: 'errors/not_offered', detail: 'Periskope has no way to mute a chat.' } });
    const reply = await request(`${path}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'thanks' }) });
    expect(reply).toMatchObject({ status: 201, body: { object: 'MessageSent' } });
    expect(upstream.calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['GET /v1/chats/919537851844@c.us', 'POST /v1/chats/919537851844@c.us/read', 'POST /v1/message/send']);
  });

  it('gives the previews a group’s last message with who wrote it', async () => {
    const { upstream, request } = app();
    const chat = fakeChat(1, {
      latest_message: fakeMessage(fakeChat(1).chat_id, 0, { body: 'see you at 5', sender_phone: '9199@c.us' }),
      members: { '9199@c.us': { contact_id: '9199@c.us', contact_name: 'Asha' }, [ORG_PHONE]: { contact_id: ORG_PHONE } },
    });
    upstream.chats.push(chat);
    const { status, body } = await request(`/api/previews?chat_ids=${encodeURIComponent(chat.chat_id)}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'PreviewList', missing: [], items: [{ chat_id: chat.chat_id, last_message: { sender: { kind: 'other', name: 'Asha' }, text: 'see you at 5' } }] });
  });

  it('lists the phone as an account', async () => {
    const { request } = app();
    expect((await request('/api/v1/accounts')).body).toMatchObject({ items: [{ id: ORG_PHONE, type: 'WHATSAPP', sources: [{ status: 'OK' }] }] });
  });
});
