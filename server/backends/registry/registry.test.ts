import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../routes/errors';
import { UpstreamBusyError, UpstreamUnreachableError, type Backend, type UpstreamRequest } from '../types';
import { at, envelope, fakeChat, fakeMember } from './fake-member.fixture';
import { createRegistry } from './index';

const get = (backend: Backend, path: string, query?: Record<string, string>) => backend.request({ method: 'GET', path, ...(query ? { query: new URLSearchParams(query) } : {}) });

const lastCall = (member: { calls: UpstreamRequest[] }) => member.calls.at(-1);

describe('one backend', () => {
  it('is that backend itself: ids stay the upstream\'s own', () => {
    const unipile = fakeMember('unipile');
    expect(createRegistry([unipile])).toBe(unipile.backend);
  });

  it('refuses no backend, and the same kind twice', () => {
    expect(() => createRegistry([])).toThrow();
    expect(() => createRegistry([fakeMember('unipile'), fakeMember('unipile')])).toThrow(/once/);
  });
});

describe('several backends', () => {
  it('is one merged backend: simulated if any member is, hosts joined, request counts per member', () => {
    const unipile = fakeMember('unipile', { simulated: true });
    unipile.backend.requestCounts = () => ({ 'GET /api/v1/chats': 3 });
    const registry = createRegistry([unipile, fakeMember('periskope')]);
    expect(registry).toMatchObject({ kind: 'merged', simulated: true, host: 'unipile.test, periskope.test' });
    expect(registry.requestCounts?.()).toEqual({ 'unipile GET /api/v1/chats': 3 });
    expect(createRegistry([fakeMember('unipile'), fakeMember('periskope')]).requestCounts).toBeUndefined();
  });
});

describe('routing by id', () => {
  const chat = fakeChat('120363@g.us', at(1), {
    account_id: 'phone-1',
    lastMessage: { id: 'm1', chat_id: '120363@g.us', account_id: 'phone-1', sender_id: '4478@c.us', sender_attendee_id: 'att-1', attachments: [{ id: 'file-1' }] },
  });
  const setup = () => {
    const unipile = fakeMember('unipile', { chats: [fakeChat('a~b', at(2))] });
    const periskope = fakeMember('periskope', {
      chats: [chat],
      messages: [{ id: 'm1', chat_id: '120363@g.us', account_id: 'phone-1', provider_id: 'wamid.1', sender_id: '4478@c.us', sender_attendee_id: 'att-1', attachments: [{ id: 'file-1' }], quoted: { provider_id: 'wamid.0', sender_id: 'x@c.us' } }],
      attendees: [{ id: 'att-1', account_id: 'phone-1', provider_id: '4478@c.us', name: 'Amelia' }],
    });
    return { unipile, periskope, registry: createRegistry([unipile, periskope]) };
  };

  it('sends a chat request to the id\'s backend with the raw id, in its own path segment, and namespaces the answer', async () => {
    const { unipile, periskope, registry } = setup();
    const response = await get(registry, `/api/v1/chats/${encodeURIComponent('periskope~120363@g.us')}`);
    expect(lastCall(periskope)?.path).toBe('/api/v1/chats/120363%40g.us');
    expect(unipile.calls).toHaveLength(0);
    expect(await response.json()).toMatchObject({
      id: 'periskope~120363@g.us',
      account_id: 'periskope~phone-1',
      provider_id: 'prov-120363@g.us',
      lastMessage: { id: 'periskope~m1', chat_id: 'periskope~120363@g.us', account_id: 'periskope~phone-1', sender_id: '4478@c.us', sender_attendee_id: 'periskope~att-1', attachments: [{ id: 'file-1' }] },
    });
  });

  it('keeps a ~ inside a raw id', async () => {
    const { unipile, registry } = setup();
    const response = await get(registry, `/api/v1/chats/${encodeURIComponent('unipile~a~b')}`);
    expect(lastCall(unipile)?.path).toBe('/api/v1/chats/a~b');
    expect(await response.json()).toMatchObject({ id: 'unipile~a~b' });
  });

  it('namespaces a chat\'s messages and attendees, leaving provider and attachment ids raw', async () => {
    const { periskope, registry } = setup();
    const messages = await (await get(registry, '/api/v1/chats/periskope~120363%40g.us/messages', { limit: '50', account_id: 'periskope~phone-1' })).json();
    expect(lastCall(periskope)?.query?.toString()).toBe('limit=50&account_id=phone-1');
    expect(messages).toEqual({
      object: 'MessageList',
      cursor: null,
      items: [{ id: 'periskope~m1', chat_id: 'periskope~120363@g.us', account_id: 'periskope~phone-1', provider_id: 'wamid.1', sender_id: '4478@c.us', sender_attendee_id: 'periskope~att-1', attachments: [{ id: 'file-1' }], quoted: { provider_id: 'wamid.0', sender_id: 'x@c.us' } }],
    });
    const attendees = await (await get(registry, '/api/v1/chats/periskope~120363%40g.us/attendees')).json();
    expect(attendees).toMatchObject({ items: [{ id: 'periskope~att-1', account_id: 'periskope~phone-1', provider_id: '4478@c.us' }] });
    const account = await (await get(registry, '/api/v1/accounts/unipile~acc')).json();
    expect(account).toMatchObject({ id: 'unipile~acc', sources: [{ id: 'acc_MESSAGING' }] });
  });

  it('passes writes through unchanged to the chat\'s backend and namespaces what they answer', async () => {
    const { periskope, registry } = setup();
    const patch = { action: 'setReadStatus', value: true };
    await registry.request({ method: 'PATCH', path: '/api/v1/chats/periskope~120363%40g.us', body: JSON.stringify(patch), contentType: 'application/json' });
    expect(lastCall(periskope)).toMatchObject({ method: 'PATCH', path: '/api/v1/chats/120363%40g.us', body: JSON.stringify(patch), contentType: 'application/json' });
    const sent = await registry.request({ method: 'POST', path: '/api/v1/chats/periskope~120363%40g.us/messages', body: '{"text":"hi"}', contentType: 'application/json' });
    expect(lastCall(periskope)?.body).toBe('{"text":"hi"}');
    expect(await sent.json()).toEqual({ object: 'MessageSent', message_id: 'periskope~sent-120363@g.us' });
  });

  it('streams pictures and attachments through untouched', async () => {
    const { unipile, periskope, registry } = setup();
    const picture = await registry.request({ method: 'GET', path: '/api/v1/chat_attendees/periskope~att-1/picture', streaming: true });
    expect(lastCall(periskope)).toMatchObject({ path: '/api/v1/chat_attendees/att-1/picture', streaming: true });
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await picture.arrayBuffer())]).toEqual([137, 80, 78, 71]);
    const file = await registry.request({ method: 'GET', path: '/api/v1/messages/unipile~m~1/attachments/file~9', streaming: true });
    expect(lastCall(unipile)?.path).toBe('/api/v1/messages/m~1/attachments/file~9');
    expect(await file.text()).toBe('file m~1 file~9');
  });

  it('relays a member\'s error answer as it is', async () => {
    const { registry } = setup();
    const response = await get(registry, '/api/v1/chats/unipile~nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'errors/resource_not_found', detail: 'chat not found' });
  });

  it.each(['slack~x', 'plain-id', '~x', 'unipile~', '%E0%A4%A'])('answers 404 for an id naming no backend (%s), asking none', async (id) => {
    const { unipile, periskope, registry } = setup();
    const response = await get(registry, `/api/v1/chats/${id}/messages`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'errors/resource_not_found', status: 404, title: 'Not Found' });
    expect(unipile.calls.length + periskope.calls.length).toBe(0);
  });

  it('answers 404 for a path it does not serve', async () => {
    const { registry } = setup();
    const response = await registry.request({ method: 'POST', path: '/api/v1/webhooks' });
    expect(response.status).toBe(404);
  });
});

describe('GET /api/v1/accounts', () => {
  it('concatenates every member\'s accounts, namespaced, in config order', async () => {
    const periskope = fakeMember('periskope', { accounts: [{ id: '4478@c.us', type: 'WHATSAPP' }] });
    const unipile = fakeMember('unipile', { accounts: [{ id: 'A', type: 'LINKEDIN' }, { id: 'B', type: 'SLACK' }] });
    const body = await (await get(createRegistry([unipile, periskope]), '/api/v1/accounts', { limit: '250' })).json();
    expect(body).toEqual({ object: 'AccountList', cursor: null, items: [{ id: 'unipile~A', type: 'LINKEDIN' }, { id: 'unipile~B', type: 'SLACK' }, { id: 'periskope~4478@c.us', type: 'WHATSAPP' }] });
  });

  it('pages each member on under one cursor', async () => {
    const unipile = fakeMember('unipile', { accounts: [{ id: 'A' }, { id: 'B' }, { id: 'C' }], accountPageSize: 2 });
    const periskope = fakeMember('periskope', { accounts: [{ id: 'P' }] });
    const registry = createRegistry([unipile, periskope]);
    const first = (await (await get(registry, '/api/v1/accounts', { limit: '250' })).json()) as { items: { id: string }[]; cursor: string };
    expect(first.items.map((a) => a.id)).toEqual(['unipile~A', 'unipile~B', 'periskope~P']);
    const second = (await (await get(registry, '/api/v1/accounts', { limit: '250', cursor: first.cursor })).json()) as { items: { id: string }[]; cursor: string | null };
    expect(second).toEqual({ object: 'AccountList', items: [{ id: 'unipile~C' }], cursor: null });
    expect(periskope.calls).toHaveLength(1);
    expect(lastCall(unipile)?.query?.get('cursor')).toBe('2');
  });

  it('leaves a failing member\'s accounts out and names it, with its error envelope or the thrown error\'s', async () => {
    const unipile = fakeMember('unipile', { accounts: [{ id: 'A' }] });
    const periskope = fakeMember('periskope');
    const postpress = fakeMember('postpress');
    periskope.failWith = () => new UpstreamUnreachableError('cannot reach periskope.test');
    postpress.failWith = () => envelope(401, 'errors/invalid_credentials', 'The key was refused.');
    const body = await (await get(createRegistry([unipile, periskope, postpress]), '/api/v1/accounts')).json();
    expect(body).toEqual({
      object: 'AccountList',
      cursor: null,
      items: [{ id: 'unipile~A' }],
      unavailable: [
        { backend: 'periskope', label: 'Periskope', title: 'Network down', detail: expect.any(String), type: 'errors/network_down', status: 503 },
        { backend: 'postpress', label: 'postpress', title: 'Title', detail: 'The key was refused.', type: 'errors/invalid_credentials', status: 401 },
      ],
    });
  });

  it('answers the first failure as it is when every member fails', async () => {
    const unipile = fakeMember('unipile');
    const periskope = fakeMember('periskope');
    const busy = new UpstreamBusyError('slow down', 30, 'rate_limited');
    unipile.failWith = () => busy;
    periskope.failWith = () => envelope(500, 'errors/unexpected_error');
    await expect(get(createRegistry([unipile, periskope]), '/api/v1/accounts')).rejects.toBe(busy);
    unipile.failWith = () => envelope(401, 'errors/invalid_credentials');
    const response = await get(createRegistry([unipile, periskope]), '/api/v1/accounts');
    expect(response.status).toBe(401);
  });
});

describe('GET /api/v1/messages (the newest messages of every chat)', () => {
  const message = (id: string, minutesAgo: number, account = 'acc') => ({ id, chat_id: `chat-${id}`, account_id: account, timestamp: new Date(at(minutesAgo)).toISOString() });

  it('merges every member\'s first page newest first, cut to the limit, with no cursor', async () => {
    const unipile = fakeMember('unipile', { messages: [message('u1', 1), message('u2', 4), message('u3', 6)] });
    const periskope = fakeMember('periskope', { messages: [message('p1', 2), message('p2', 5)] });
    const body = (await (await get(createRegistry([unipile, periskope]), '/api/v1/messages', { limit: '4' })).json()) as { items: { id: string; chat_id: string }[]; cursor: null };
    expect(body.items.map((m) => m.id)).toEqual(['unipile~u1', 'periskope~p1', 'unipile~u2', 'periskope~p2']);
    expect(body.items[1]?.chat_id).toBe('periskope~chat-p1');
    expect(body.cursor).toBeNull();
    expect(lastCall(periskope)?.query?.get('limit')).toBe('4');
  });

  it('asks only the backend of the account named, with its raw id', async () => {
    const unipile = fakeMember('unipile', { messages: [message('u1', 1, 'A')] });
    const periskope = fakeMember('periskope', { messages: [message('p1', 2, '4478@c.us')] });
    const body = (await (await get(createRegistry([unipile, periskope]), '/api/v1/messages', { account_id: 'periskope~4478@c.us' })).json()) as { items: { id: string }[] };
    expect(body.items.map((m) => m.id)).toEqual(['periskope~p1']);
    expect(lastCall(periskope)?.query?.get('account_id')).toBe('4478@c.us');
    expect(unipile.calls).toHaveLength(0);
  });

  it('names a failing member, and refuses a cursor (the merged list has one page)', async () => {
    const unipile = fakeMember('unipile', { messages: [message('u1', 1)] });
    const periskope = fakeMember('periskope');
    periskope.failWith = () => envelope(429, 'errors/too_many_requests');
    const registry = createRegistry([unipile, periskope]);
    const body = (await (await get(registry, '/api/v1/messages')).json()) as { items: unknown[]; unavailable: unknown[] };
    expect(body.items).toHaveLength(1);
    expect(body.unavailable).toEqual([expect.objectContaining({ backend: 'periskope', status: 429, type: 'errors/too_many_requests' })]);
    await expect(get(registry, '/api/v1/messages', { cursor: 'abc' })).rejects.toBeInstanceOf(InvalidParameterError);
  });
});
