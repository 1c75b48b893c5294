import { describe, expect, it } from 'vitest';
import type { BackendUnavailable } from '../../../src/lib/wire/backends';
import { InvalidParameterError } from '../../routes/errors';
import { UpstreamTimeoutError, type Backend } from '../types';
import { at, chatListCalls, envelope, fakeChat, fakeMember, type FakeChat, type FakeMember } from './fake-member.fixture';
import { createRegistry } from './index';
import { decodeChatCursor } from './merge-cursor';
import { MAX_READS_PER_MEMBER } from './merge-chats';

interface Page {
  object: string;
  items: (FakeChat & { lastMessage?: Record<string, unknown> })[];
  cursor: string | null;
  unavailable?: BackendUnavailable[];
}

async function getPage(registry: Backend, params: Record<string, string>): Promise<Page> {
  const response = await registry.request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams(params) });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

/** Follows cursors to the end; `between` runs after each page (to change the data under the listing). */
async function walk(registry: Backend, params: Record<string, string>, between?: (page: Page, n: number) => void) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 5_000; n++) {
    const page = await getPage(registry, cursor === null ? params : { ...params, cursor });
    pages.push(page);
    between?.(page, n);
    if (page.cursor === null) return { pages, ids: pages.flatMap((p) => p.items.map((c) => c.id)) };
    cursor = page.cursor;
  }
  throw new Error('the listing never ended');
}

/** The merged order, computed independently: newest first, no timestamp last, ties by namespaced id ascending. */
function expectedOrder(members: readonly FakeMember[]): string[] {
  const all = members.flatMap((m) => m.chats.map((c) => ({ id: `${m.kind}~${c.id}`, ts: c.timestamp === null ? null : Date.parse(c.timestamp) })));
  all.sort((a, b) => (a.ts === b.ts ? (a.id < b.id ? -1 : 1) : a.ts === null ? 1 : b.ts === null ? -1 : b.ts - a.ts));
  return all.map((c) => c.id);
}

const spread = (prefix: string, count: number, minutesOf: (i: number) => number | null) => Array.from({ length: count }, (_, i) => {
  const minutes = minutesOf(i);
  return fakeChat(`${prefix}${i}`, minutes === null ? null : at(minutes));
});

describe('one list across backends', () => {
  it('orders by last activity across members, newest first, ids namespaced', async () => {
    const unipile = fakeMember('unipile', { chats: [fakeChat('u1', at(1)), fakeChat('u2', at(5)), fakeChat('u3', at(9))] });
    const periskope = fakeMember('periskope', { chats: [fakeChat('120363@g.us', at(3)), fakeChat('p2', at(7))] });
    const page = await getPage(createRegistry([unipile, periskope]), { limit: '10' });
    expect(page.items.map((c) => c.id)).toEqual(['unipile~u1', 'periskope~120363@g.us', 'unipile~u2', 'periskope~p2', 'unipile~u3']);
    expect(page.items[0]).toMatchObject({ account_id: 'unipile~acc', provider_id: 'prov-u1' });
    expect(page.cursor).toBeNull();
    expect(page.unavailable).toBeUndefined();
  });

  it('breaks ties by namespaced id, within a member and across members, and puts chats without a time last', async () => {
    const tie = at(2);
    const unipile = fakeMember('unipile', { chats: [fakeChat('b', tie), fakeChat('a', tie), fakeChat('c', null), fakeChat('z', at(1))] });
    const postpress = fakeMember('postpress', { chats: [fakeChat('b', tie), fakeChat('n', null)] });
    const page = await getPage(createRegistry([unipile, postpress]), { limit: '10' });
    expect(page.items.map((c) => c.id)).toEqual(['unipile~z', 'postpress~b', 'unipile~a', 'unipile~b', 'postpress~n', 'unipile~c']);
  });

  it.each([1, 2, 3, 7, 50, 250])('pages through members of very different sizes in the one order (limit %i)', async (limit) => {
    const big = fakeMember('unipile', { chats: spread('u', 1_000, (i) => i * 3) });
    const one = fakeMember('periskope', { chats: [fakeChat('only', at(1_500))] });
    const empty = fakeMember('postpress', { chats: [], paging: 'keyset' });
    const { ids, pages } = await walk(createRegistry([big, one, empty]), { limit: String(limit) });
    expect(ids).toEqual(expectedOrder([big, one, empty]));
    expect(pages.every((p) => p.items.length <= limit)).toBe(true);
  });

  it('answers ties straddling a member\'s pages once each, none left out', async () => {
    const tie = at(10);
    const unipile = fakeMember('unipile', { chats: [...spread('t', 9, () => 10), ...spread('n', 5, () => null), fakeChat('top', at(1))] });
    const periskope = fakeMember('periskope', { chats: [...spread('t', 4, () => 10), ...spread('n', 3, () => null)], paging: 'keyset' });
    for (const limit of [1, 2, 3, 4, 6]) {
      const { ids, pages } = await walk(createRegistry([unipile, periskope]), { limit: String(limit) });
      expect([...ids].sort()).toEqual([...expectedOrder([unipile, periskope])].sort());
      expect(new Set(ids).size).toBe(ids.length);
      // Newest first throughout, whatever the tie order.
      const times = pages.flatMap((p) => p.items.map((c) => (c.timestamp === null ? -Infinity : Date.parse(c.timestamp))));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(times.filter((t) => t === tie)).toHaveLength(13);
    }
  });

  it('keeps the cursor small while timestamps are distinct (the boundary holds the ids at one instant)', async () => {
    const unipile = fakeMember('unipile', { chats: spread('u', 300, (i) => i) });
    const periskope = fakeMember('periskope', { chats: spread('p', 300, (i) => i + 0.5) });
    const { pages } = await walk(createRegistry([unipile, periskope]), { limit: '50' });
    for (const page of pages.slice(0, -1)) {
      expect(page.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeChatCursor(page.cursor ?? '').b?.ids).toHaveLength(1);
    }
  });
});

describe('paging while the data changes', () => {
  it('answers no chat twice and skips none when chats move to the top between pages', async () => {
    for (const paging of ['offset', 'keyset'] as const) {
      const unipile = fakeMember('unipile', { chats: spread('u', 120, (i) => 10 + i * 2), paging });
      const periskope = fakeMember('periskope', { chats: spread('p', 80, (i) => 11 + i * 3), paging });
      const moved = new Set<string>();
      let now = 0;
      const { ids } = await walk(createRegistry([unipile, periskope]), { limit: '15' }, (_page, n) => {
        // Each time: an answered chat and a chat not answered yet get a new message.
        for (const [member, id] of [[unipile, `u${n * 3}`], [periskope, `p${60 - n}`]] as const) {
          const chat = member.chats.find((c) => c.id === id);
          if (!chat) continue;
          chat.timestamp = new Date(at(--now)).toISOString();
          moved.add(`${member.kind}~${id}`);
        }
      });
      expect(new Set(ids).size).toBe(ids.length);
      const all = [...unipile.chats.map((c) => `unipile~${c.id}`), ...periskope.chats.map((c) => `periskope~${c.id}`)];
      expect(all.filter((id) => !moved.has(id) && !ids.includes(id))).toEqual([]);
    }
  });

  it('re-reads a partly answered page from the same upstream cursor', async () => {
    const unipile = fakeMember('unipile', { chats: spread('u', 10, (i) => i * 2) });
    const periskope = fakeMember('periskope', { chats: spread('p', 10, (i) => i * 2 + 1) });
    const registry = createRegistry([unipile, periskope]);
    const first = await getPage(registry, { limit: '4' });
    expect(first.items.map((c) => c.id)).toEqual(['unipile~u0', 'periskope~p0', 'unipile~u1', 'periskope~p1']);
    await getPage(registry, { limit: '4', cursor: first.cursor ?? '' });
    // Both pages of 4 were only half answered: each member is asked for that same page again (and then on).
    expect(chatListCalls(unipile).map((c) => c.query?.get('cursor') ?? null).slice(0, 2)).toEqual([null, null]);
    expect(chatListCalls(periskope).map((c) => c.query?.get('cursor') ?? null).slice(0, 2)).toEqual([null, null]);
    expect(chatListCalls(periskope).every((c) => c.query?.get('limit') === '4')).toBe(true);
  });
});

describe('a failing backend', () => {
  it('leaves its chats out, says so on this page and every later one, even once it answers again', async () => {
    const unipile = fakeMember('unipile', { chats: spread('u', 9, (i) => i * 2) });
    const periskope = fakeMember('periskope', { chats: spread('p', 9, (i) => i * 2 + 1) });
    const registry = createRegistry([unipile, periskope]);
    periskope.failWith = () => new UpstreamTimeoutError('periskope.test did not answer');
    const { pages, ids } = await walk(registry, { limit: '4' }, () => {
      periskope.failWith = null;
    });
    expect(ids).toEqual(unipile.chats.map((c) => `unipile~${c.id}`));
    for (const page of pages) {
      expect(page.unavailable).toEqual([{ backend: 'periskope', label: 'Periskope', title: 'Request timed out', detail: expect.any(String), type: 'errors/request_timeout', status: 504 }]);
    }
    expect(chatListCalls(periskope)).toHaveLength(1);
  });

  it('names a member that fails mid-listing from then on, with its own error envelope', async () => {
    const unipile = fakeMember('unipile', { chats: spread('u', 6, (i) => i * 2) });
    const postpress = fakeMember('postpress', { chats: spread('p', 6, (i) => i * 2 + 1) });
    const registry = createRegistry([unipile, postpress]);
    const first = await getPage(registry, { limit: '4' });
    expect(first.unavailable).toBeUndefined();
    postpress.failWith = () => envelope(403, 'errors/feature_not_subscribed', 'Not in your plan.');
    const { ids, pages } = await walk(registry, { limit: '4', cursor: first.cursor ?? '' });
    expect(pages[0]?.unavailable).toEqual([{ backend: 'postpress', label: 'postpress', title: 'Title', detail: 'Not in your plan.', type: 'errors/feature_not_subscribed', status: 403 }]);
    expect([...first.items.map((c) => c.id), ...ids]).toEqual(['unipile~u0', 'postpress~p0', 'unipile~u1', 'postpress~p1', 'unipile~u2', 'unipile~u3', 'unipile~u4', 'unipile~u5']);
  });

  it('answers the first failure as it is when every member fails', async () => {
    const unipile = fakeMember('unipile');
    const periskope = fakeMember('periskope');
    unipile.failWith = () => envelope(401, 'errors/invalid_credentials');
    periskope.failWith = () => envelope(503, 'errors/network_down');
    const response = await createRegistry([unipile, periskope]).request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams({ limit: '5' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: 'errors/invalid_credentials', status: 401 });
  });

  it('throws a thrown first failure on, for the route to answer (504, 503, 429)', async () => {
    const unipile = fakeMember('unipile');
    const periskope = fakeMember('periskope');
    const timeout = new UpstreamTimeoutError('late');
    unipile.failWith = () => timeout;
    periskope.failWith = () => envelope(500, 'errors/unexpected_error');
    await expect(createRegistry([unipile, periskope]).request({ method: 'GET', path: '/api/v1/chats' })).rejects.toBe(timeout);
  });
});

describe('query parameters', () => {
  it('splits account_id per member (raw ids) and does not ask a member with none of its accounts', async () => {
    const unipile = fakeMember('unipile', { chats: [fakeChat('u1', at(1), { account_id: 'A' }), fakeChat('u2', at(2), { account_id: 'B' })] });
    const periskope = fakeMember('periskope', { chats: [fakeChat('p1', at(3), { account_id: '120363@c.us' })] });
    const postpress = fakeMember('postpress', { chats: [fakeChat('x', at(0))] });
    const registry = createRegistry([unipile, periskope, postpress]);
    const page = await getPage(registry, { account_id: 'unipile~A,periskope~120363@c.us,slack~Z', unread: 'true', limit: '10' });
    expect(page.items.map((c) => c.id)).toEqual(['unipile~u1', 'periskope~p1']);
    expect(chatListCalls(unipile)[0]?.query?.toString()).toBe('unread=true&limit=10&account_id=A');
    expect(chatListCalls(periskope)[0]?.query?.get('account_id')).toBe('120363@c.us');
    expect(chatListCalls(postpress)).toHaveLength(0);
  });

  it('answers an empty, complete list when account_id names no member', async () => {
    const unipile = fakeMember('unipile', { chats: [fakeChat('u1', at(1))] });
    const page = await getPage(createRegistry([unipile, fakeMember('periskope')]), { account_id: 'acc' });
    expect(page).toEqual({ object: 'ChatList', items: [], cursor: null });
    expect(unipile.calls).toHaveLength(0);
  });

  it.each(['not a cursor', 'eyJ2IjoxfQ', Buffer.from('{"v":1,"o":"accounts","m":[]}').toString('base64url'), 'dHgxOnt9'])('refuses a cursor it did not issue (%s)', async (cursor) => {
    const registry = createRegistry([fakeMember('unipile'), fakeMember('periskope')]);
    await expect(registry.request({ method: 'GET', path: '/api/v1/chats', query: new URLSearchParams({ cursor }) })).rejects.toBeInstanceOf(InvalidParameterError);
  });

  it(`reads a member whose pages run dry again, at most ${MAX_READS_PER_MEMBER} times per request, then goes on from there`, async () => {
    // The other member's chats are all older than this one's: nothing can be answered until it runs out.
    const unipile = fakeMember('unipile', { chats: spread('u', 20, (i) => i) });
    const periskope = fakeMember('periskope', { chats: spread('p', 3, (i) => 100 + i) });
    const registry = createRegistry([unipile, periskope]);
    const first = await getPage(registry, { limit: '2' });
    expect(first.items.map((c) => c.id)).toEqual(['unipile~u0', 'unipile~u1']);
    unipile.chats = unipile.chats.map((c) => ({ ...c, timestamp: new Date(at(-60)).toISOString() })); // all moved up
    unipile.calls.length = 0;
    const second = await getPage(registry, { limit: '2', cursor: first.cursor ?? '' });
    expect(chatListCalls(unipile)).toHaveLength(MAX_READS_PER_MEMBER);
    expect(second.items).toEqual([]);
    expect(second.cursor).not.toBeNull();
    const { ids } = await walk(registry, { limit: '2', cursor: second.cursor ?? '' });
    expect(ids).toEqual(['periskope~p0', 'periskope~p1', 'periskope~p2']);
  });
});
