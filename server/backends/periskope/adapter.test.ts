import { describe, expect, it } from 'vitest';
import { NOT_OFFERED_ERROR_TYPE } from '../../../src/lib/wire/backends';
import { jsonResponse } from '../fake-upstream.fixture';
import type { UpstreamRequest } from '../types';
import { BASE, fakeChat, fakeMessage, fakePeriskope, ORG_PHONE, type FakePeriskope } from './fake-periskope.fixture';
import { createPeriskopeBackend } from './index';

const KEY = 'psk_live_Zq9/8x+7w=="echo"';

function setup(options: { phone?: string | null; simulated?: boolean } = {}) {
  const upstream = fakePeriskope();
  const backend = createPeriskopeBackend({ apiRoot: `${BASE}/`, host: 'api.periskope.test', apiKey: KEY, phone: options.phone ?? null, timeoutMs: 2_000, fetch: upstream.fetch, simulated: options.simulated ?? false });
  const call = async (req: UpstreamRequest) => {
    const response = await backend.request(req);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as Record<string, unknown>) };
  };
  return { upstream, backend, call };
}

const get = (path: string, query?: Record<string, string>): UpstreamRequest => ({ method: 'GET', path, ...(query ? { query: new URLSearchParams(query) } : {}) });
const json = (method: 'POST' | 'PATCH', path: string, body: unknown): UpstreamRequest => ({ method, path, body: JSON.stringify(body), contentType: 'application/json' });
const upstreamPaths = (upstream: FakePeriskope) => upstream.calls.map((c) => `${c.method} ${c.url.pathname.replace('/v1', '')}`);

describe('what goes upstream', () => {
  it('carries the key as a Bearer token and nothing else of ours', async () => {
    const { upstream, call } = setup();
    await call(get('/api/v1/chats', { limit: '5' }));
    const [list] = upstream.calls;
    expect(list!.url.origin + list!.url.pathname).toBe(`${BASE}/chats`);
    expect(Object.fromEntries(list!.url.searchParams)).toEqual({ sort_by: 'latest_message_timestamp', sort_order: 'desc', offset: '0', limit: '5' });
    expect(list!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect([...list!.headers.keys()].sort()).toEqual(['accept', 'authorization']);
  });

  it('scopes every call with x-phone when a phone is configured (digits of any form)', async () => {
    const { upstream, call } = setup({ phone: '+91 85271 84400' });
    upstream.chats.push(fakeChat(1));
    await call(get('/api/v1/chats'));
    await call(get('/api/v1/accounts'));
    await call(get(`/api/v1/chats/${encodeURIComponent(fakeChat(1).chat_id)}`));
    expect(upstream.calls.map((c) => c.headers.get('x-phone'))).toEqual(['918527184400', '918527184400', '918527184400']);
    expect(upstreamPaths(upstream)[1]).toBe('GET /phones');
  });

  it('passes a forced fault on only when simulated', async () => {
    for (const simulated of [false, true]) {
      const { upstream, backend } = setup({ simulated });
      await backend.request({ ...get('/api/v1/chats'), simulatorFault: 'status-500' });
      expect(upstream.calls[0]!.headers.get('x-simulator-fault')).toBe(simulated ? 'status-500' : null);
      expect(backend.simulated).toBe(simulated);
    }
  });

  it('keeps `@` in a chat id path segment, however the route encoded it', async () => {
    const { upstream, call } = setup();
    const chat = fakeChat(3);
    upstream.chats.push(chat);
    for (const segment of [encodeURIComponent(chat.chat_id), chat.chat_id]) {
      const { status, body } = await call(get(`/api/v1/chats/${segment}`));
      expect([status, body?.id]).toEqual([200, chat.chat_id]);
    }
    expect(upstream.calls.map((c) => c.url.pathname)).toEqual([`/v1/chats/${chat.chat_id}`, `/v1/chats/${chat.chat_id}`]);
  });

  it('keeps a `/` or `?` inside an id out of the path', async () => {
    const { upstream, call } = setup();
    await call(get(`/api/v1/chats/${encodeURIComponent('a/b?c#d')}`));
    expect(upstream.calls[0]!.url.pathname).toBe('/v1/chats/a%2Fb%3Fc%23d');
  });
});

describe('the key never comes back', () => {
  it('is scrubbed from an upstream that echoes it, in bodies and headers, on success and error', async () => {
    for (const status of [200, 401, 422, 500]) {
      const { upstream, call } = setup();
      upstream.override = (request) => {
        const auth = request.headers.get('authorization') ?? '';
        const body = status === 200 ? { chats: [fakeChat(1, { chat_name: `echo ${auth}` })] } : { message: `bad key ${auth}`, fields: { 'x-phone': { message: auth } } };
        return jsonResponse(body, status, { 'x-ratelimit-remaining': auth, 'x-echo': auth });
      };
      const response = await call(get('/api/v1/chats'));
      const all = JSON.stringify(response.body) + JSON.stringify([...response.headers]);
      expect(all).not.toContain(KEY);
      expect(all).not.toContain(JSON.stringify(KEY).slice(1, -1));
      expect(all).toContain('[redacted]');
    }
  });
});

describe('routes', () => {
  it('lists phones as accounts', async () => {
    const { call, upstream } = setup();
    const { body } = await call(get('/api/v1/accounts'));
    expect(upstreamPaths(upstream)).toEqual(['GET /phones/all']);
    expect(body).toMatchObject({ object: 'AccountList', cursor: null, items: [{ id: ORG_PHONE, name: 'Sales', type: 'WHATSAPP', sources: [{ status: 'OK' }] }] });
    expect((await call(get(`/api/v1/accounts/${encodeURIComponent(ORG_PHONE)}`))).body).toMatchObject({ id: ORG_PHONE });
    expect((await call(get('/api/v1/accounts/nope'))).status).toBe(404);
  });

  it('answers a chat with its last message', async () => {
    const { upstream, call } = setup();
    const chat = fakeChat(2, { chat_type: 'user', chat_name: 'Ravi', latest_message: fakeMessage('x@c.us', 1, { body: 'hello' }) });
    upstream.chats.push(chat);
    const { body } = await call(get(`/api/v1/chats/${encodeURIComponent(chat.chat_id)}`));
    expect(body).toMatchObject({ object: 'Chat', id: chat.chat_id, name: 'Ravi', type: 0, lastMessage: { text: 'hello', is_sender: 0 } });
  });

  it('pages a chat’s messages and every chat’s messages, newest first', async () => {
    const { upstream, call } = setup();
    const chat = fakeChat(1);
    upstream.chats.push(chat);
    upstream.messages.set(chat.chat_id, [0, 1, 2, 3, 4].map((i) => fakeMessage(chat.chat_id, i)));
    const path = `/api/v1/chats/${encodeURIComponent(chat.chat_id)}/messages`;
    const first = await call(get(path, { limit: '3' }));
    expect((first.body?.items as { text: string }[]).map((m) => m.text)).toEqual(['message 0', 'message 1', 'message 2']);
    // A message arrives between pages: the next page neither repeats nor skips.
    upstream.messages.get(chat.chat_id)!.unshift(fakeMessage(chat.chat_id, -1));
    const second = await call(get(path, { limit: '3', cursor: String(first.body?.cursor) }));
    expect((second.body?.items as { text: string }[]).map((m) => m.text)).toEqual(['message 3', 'message 4']);
    // That read was full (the list may go on): the next, past the end, says so.
    const third = await call(get(path, { limit: '3', cursor: String(second.body?.cursor) }));
    expect(third.body).toEqual({ object: 'MessageList', items: [], cursor: null });
    const all = await call(get('/api/v1/messages', { limit: '2' }));
    expect(all.body).toMatchObject({ object: 'MessageList', items: [{ text: 'message -1' }, { text: 'message 0' }] });
  });

  it('lists attendees from the members', async () => {
    const { upstream, call } = setup();
    upstream.chats.push(fakeChat(1, { members: { [ORG_PHONE]: { contact_id: ORG_PHONE, contact_name: 'Me' }, '9199@c.us': { contact_id: '9199@c.us', contact_name: 'Asha' } } }));
    const { body } = await call(get(`/api/v1/chats/${encodeURIComponent(fakeChat(1).chat_id)}/attendees`));
    expect(body).toMatchObject({ object: 'ChatAttendeeList', cursor: null, items: [{ id: ORG_PHONE, is_self: 1 }, { id: '9199@c.us', name: 'Asha', is_self: 0 }] });
  });

  it('marks a chat read through POST /chats/{chat_id}/read', async () => {
    const { upstream, call } = setup();
    upstream.chats.push(fakeChat(1));
    const { status, body } = await call(json('PATCH', `/api/v1/chats/${encodeURIComponent(fakeChat(1).chat_id)}`, { action: 'setReadStatus', value: true }));
    expect([status, body]).toEqual([200, { object: 'ChatPatched' }]);
    expect(upstreamPaths(upstream)).toEqual([`POST /chats/${fakeChat(1).chat_id}/read`]);
  });

  it('answers what Periskope cannot do as not offered, in the gap’s words, without calling it', async () => {
    const { upstream, call } = setup();
    for (const [action, value] of [['setReadStatus', false], ['setMuteStatus', true], ['setArchiveStatus', true], ['setPinnedStatus', false]] as const) {
      const { status, body } = await call(json('PATCH', '/api/v1/chats/x%40c.us', { action, value }));
      expect(status).toBe(501);
      expect(body).toMatchObject({ title: 'Not offered', type: NOT_OFFERED_ERROR_TYPE, status: 501 });
      expect(body?.detail).toMatch(/^Periskope /);
    }
    const picture = await call(get('/api/v1/chat_attendees/a1/picture'));
    const attachment = await call(get('/api/v1/messages/m1/attachments/f1'));
    const upload = await call({ method: 'POST', path: '/api/v1/chats/x%40c.us/messages', body: new Blob(['--b--']).stream(), contentType: 'multipart/form-data; boundary=b' });
    expect([picture.status, attachment.status, upload.status]).toEqual([404, 501, 501]);
    expect((await call(get('/api/v1/somewhere'))).status).toBe(404);
    expect(upstream.calls).toEqual([]);
  });

  it('sends a reply with POST /message/send', async () => {
    const { upstream, call } = setup();
    const { status, body } = await call(json('POST', '/api/v1/chats/919537851844%40c.us/messages', { text: 'on my way' }));
    expect([status, body]).toEqual([201, { object: 'MessageSent', message_id: 'queue-1' }]);
    expect(upstreamPaths(upstream)).toEqual(['POST /message/send']);
    expect(JSON.parse(upstream.calls[0]!.body ?? '')).toEqual({ chat_id: '919537851844@c.us', message: 'on my way' });
  });

  it('scopes a write to the chat’s phone when Periskope asks for one', async () => {
    const { upstream, call } = setup();
    upstream.chats.push(fakeChat(1));
    upstream.override = (request) =>
      request.method === 'POST' && request.headers.get('x-phone') === null ? jsonResponse({ code: 'VALIDATION_ERROR', message: 'Missing Header: {x-phone}', status: 422 }, 422) : null;
    const { status } = await call(json('POST', `/api/v1/chats/${encodeURIComponent(fakeChat(1).chat_id)}/messages`, { text: 'hi' }));
    expect(status).toBe(201);
    expect(upstream.calls.map((c) => [c.method, c.headers.get('x-phone')])).toEqual([['POST', null], ['GET', null], ['POST', '918527184400']]);
  });

  it('answers an empty list for a provider other than WhatsApp, without calling Periskope', async () => {
    const { upstream, call } = setup();
    expect((await call(get('/api/v1/chats', { account_type: 'LINKEDIN' }))).body).toEqual({ object: 'ChatList', items: [], cursor: null });
    expect(upstream.calls).toEqual([]);
  });

  it('scopes the list to one account with x-phone, and filters several and unread on the page', async () => {
    const { upstream, call } = setup();
    upstream.chats.push(fakeChat(1, { message_unread_count: 2 }), fakeChat(2), fakeChat(3, { org_phone: '917000000000@c.us', message_unread_count: 1 }));
    const one = await call(get('/api/v1/chats', { account_id: '917000000000@c.us' }));
    expect(upstream.calls[0]!.headers.get('x-phone')).toBe('917000000000');
    expect((one.body?.items as { id: string }[]).map((c) => c.id)).toEqual([fakeChat(3).chat_id]);
    const unread = await call(get('/api/v1/chats', { account_id: `${ORG_PHONE},917000000000@c.us`, unread: 'true' }));
    expect(upstream.calls[1]!.headers.get('x-phone')).toBeNull();
    expect((unread.body?.items as { id: string }[]).map((c) => c.id)).toEqual([fakeChat(1).chat_id, fakeChat(3).chat_id]);
  });

  it('puts only a number or a phone_id in x-phone, whatever the account id holds', async () => {
    const { upstream, call } = setup();
    await call(get('/api/v1/chats', { account_id: 'evil\r\nx-injected: yes' }));
    await call(get('/api/v1/chats', { account_id: 'phone-abc' }));
    expect(upstream.calls.map((c) => c.headers.get('x-phone'))).toEqual([null, 'phone-abc']);
    expect(upstream.calls[0]!.headers.get('x-injected')).toBeNull();
  });

  it('sends before/after as end_time/start_time', async () => {
    const { upstream, call } = setup();
    await call(get('/api/v1/chats', { before: '2025-01-02T00:00:00.000Z', after: '2024-12-01T00:00:00.000Z' }));
    expect(upstream.calls[0]!.url.searchParams.get('end_time')).toBe('2025-01-02T00:00:00.000Z');
    expect(upstream.calls[0]!.url.searchParams.get('start_time')).toBe('2024-12-01T00:00:00.000Z');
  });

  it('refuses a cursor of another list', async () => {
    const { upstream, call } = setup();
    upstream.chats.push(...[1, 2, 3].map((i) => fakeChat(i)));
    const first = await call(get('/api/v1/chats', { limit: '1' }));
    const other = await call(get('/api/v1/chats', { limit: '1', unread: 'true', cursor: String(first.body?.cursor) }));
    expect(other).toMatchObject({ status: 400, body: { type: 'errors/invalid_parameters' } });
  });
});

describe('errors', () => {
  const answering = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const { upstream, call } = setup();
    upstream.override = () => (typeof body === 'string' ? new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } }) : jsonResponse(body, status, headers));
    return call(get('/api/v1/chats'));
  };

  it('turns a 422 with fields into invalid_parameters naming them', async () => {
    const { status, body } = await answering(422, { code: 'VALIDATION_ERROR', fields: { limit: { message: 'Limit should be less than 2000', value: '10000' } }, message: 'Limit should be less than 2000', name: 'Validation Error', status: 422 });
    expect(status).toBe(422);
    expect(body).toEqual({ title: 'Invalid parameters', detail: 'Limit should be less than 2000; limit: Limit should be less than 2000', type: 'errors/invalid_parameters', status: 422 });
  });

  it('keeps the status and picks Unipile’s type for 401, 403, 404, 500', async () => {
    for (const [status, type] of [[401, 'errors/invalid_credentials'], [403, 'errors/insufficient_permissions'], [404, 'errors/resource_not_found'], [500, 'errors/unexpected_error']] as const) {
      const answer = await answering(status, { message: `said ${status}` });
      expect(answer).toMatchObject({ status, body: { type, status, detail: `said ${status}` } });
    }
  });

  it('keeps Retry-After and the rate-limit headers of a 429', async () => {
    const { status, headers, body } = await answering(429, { message: 'Too many requests' }, { 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1737697834' });
    expect([status, body?.type]).toEqual([429, 'errors/too_many_requests']);
    expect([headers.get('retry-after'), headers.get('x-ratelimit-remaining'), headers.get('x-ratelimit-reset')]).toEqual(['3', '0', '1737697834']);
  });

  it('answers 502 for a 2xx that is not JSON, or not a chat list', async () => {
    for (const body of ['<html>oops</html>', { nothing: 'here' }, [1, 2]]) {
      const answer = await answering(200, body);
      expect(answer).toMatchObject({ status: 502, body: { type: 'errors/bad_gateway', status: 502 } });
    }
  });

  it('skips a malformed chat instead of failing the page', async () => {
    const answer = await answering(200, { chats: [{ chat_name: 'no id' }, fakeChat(1)] });
    expect((answer.body?.items as { id: string }[]).map((c) => c.id)).toEqual([fakeChat(1).chat_id]);
  });

  it('answers an error envelope for an error body that is not JSON', async () => {
    const answer = await answering(503, '<html>down</html>');
    expect(answer).toMatchObject({ status: 503, body: { type: 'errors/service_unavailable', detail: 'Periskope answered 503.' } });
  });
});
