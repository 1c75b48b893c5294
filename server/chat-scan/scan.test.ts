import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { chatListUpstream, fakeChat, jsonResponse, type FakeChat } from '../backends/fake-upstream.fixture';
import type { BackendUnavailable } from '../../src/lib/wire/backends';
import type { Backend, FetchLike } from '../backends/types';
import { createUnipileBackend } from '../backends/unipile';
import { loadConfig, type Config } from '../config';
import { encodeCursor } from './cursor';
import { parseChatFilters } from './filters';
import { resumeIndex, scanChats } from './scan';

const config: Config = { ...loadConfig({ UNIPILE_DSN: 'https://api.test', UNIPILE_API_KEY: 'k', UPSTREAM_TIMEOUT_MS: '5000' }), port: 0 };

function appOver(fetch: FetchLike) {
  const backend = createUnipileBackend({ kind: 'unipile', baseUrl: 'https://api.test', host: 'api.test', apiKey: 'k', timeoutMs: 5_000, fetch });
  return createApp({ config, backend, logger: { info: () => undefined, error: () => undefined } });
}

interface Page {
  object: string;
  items: FakeChat[];
  cursor: string | null;
  scan: { scanned: number; complete: boolean };
}

async function getPage(app: ReturnType<typeof appOver>, query: string): Promise<Page> {
  const response = await app.request(`/api/v1/chats?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

/** Follows cursors to the end; `between` runs after each page (to change the data under the scan). */
async function walk(app: ReturnType<typeof appOver>, query: string, between?: (page: Page, n: number) => void) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1_000; n++) {
    const page = await getPage(app, cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
    pages.push(page);
    between?.(page, n);
    if (page.cursor === null) break;
    cursor = page.cursor;
  }
  return { pages, ids: pages.flatMap((page) => page.items.map((chat) => chat.id)) };
}

const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
const past = new Date(Date.now() - 7 * 86_400_000).toISOString();

function varied(count: number): FakeChat[] {
  return Array.from({ length: count }, (_, i) =>
    fakeChat(i, {
      archived: i % 3 === 0 ? 1 : 0,
      pinned: i % 5 === 0 ? 1 : 0,
      muted_until: i % 4 === 0 ? -1 : i % 4 === 1 ? future : i % 4 === 2 ? past : null,
      folder: i % 7 === 0 ? ['INBOX', 'Clients VIP'] : i % 2 === 0 ? ['INBOX'] : ['INBOX_LINKEDIN_CLASSIC'],
      name: i % 10 === 0 ? null : i % 6 === 0 ? `Zoë Ångström ${i}` : `Chat ${i}`,
      account_type: i % 2 === 0 ? 'WHATSAPP' : 'LINKEDIN',
      unread_count: i % 3 === 1 ? 2 : 0,
    }),
  );
}

describe('filter semantics', () => {
  const chats = varied(600);
  const cases: [string, (chat: FakeChat) => boolean][] = [
    ['folder=INBOX', (c) => c.folder?.includes('INBOX') ?? false],
    ['folder=Clients%20VIP', (c) => c.folder?.includes('Clients VIP') ?? false],
    ['folder=INBOX_LINKEDIN_CLASSIC', (c) => c.folder?.includes('INBOX_LINKEDIN_CLASSIC') ?? false],
    ['archived=true', (c) => c.archived === 1],
    ['archived=false', (c) => c.archived === 0],
    ['pinned=true', (c) => c.pinned === 1],
    ['pinned=false', (c) => c.pinned !== 1],
    ['muted=true', (c) => c.muted_until === -1 || c.muted_until === future],
    ['muted=false', (c) => c.muted_until === null || c.muted_until === past],
    ['q=zoe%20ANG', (c) => c.name?.startsWith('Zoë') ?? false],
    ['q=%C3%A5ngstr%C3%B6m', (c) => c.name?.startsWith('Zoë') ?? false],
    ['q=chat%201', (c) => c.name?.toLowerCase().includes('chat 1') ?? false],
    ['archived=false&pinned=true&muted=false', (c) => c.archived === 0 && c.pinned === 1 && (c.muted_until === null || c.muted_until === past)],
    ['folder=INBOX&account_type=WHATSAPP&unread=false', (c) => (c.folder?.includes('INBOX') ?? false) && c.account_type === 'WHATSAPP' && c.unread_count === 0],
  ];

  it.each(cases)('%s keeps exactly the matching chats, in order', async (query, predicate) => {
    const upstream = chatListUpstream(chats);
    const app = appOver(upstream.fetch);
    const { ids, pages } = await walk(app, `${query}&limit=50`);
    expect(ids).toEqual(chats.filter(predicate).map((c) => c.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(pages.at(-1)?.scan.complete).toBe(true);
    for (const page of pages) {
      expect(page.object).toBe('ChatList');
      expect(page.items.length).toBeLessThanOrEqual(50);
    }
  });

  it('strips its own parameters and asks the upstream for pages of 250 with the same upstream filters', async () => {
    const upstream = chatListUpstream(varied(300));
    const app = appOver(upstream.fetch);
    await getPage(app, 'q=chat&folder=INBOX&archived=false&pinned=false&muted=false&account_type=WHATSAPP&unread=true&account_id=acc-1&after=2020-01-01T00:00:00.000Z&limit=500'.replace('&limit=500', '&limit=5'));
    const first = upstream.listRequests[0]!;
    expect(Object.fromEntries(first.searchParams)).toEqual({
      unread: 'true',
      after: '2020-01-01T00:00:00.000Z',
      account_type: 'WHATSAPP',
      account_id: 'acc-1',
      limit: '250',
    });
  });

  it('defaults to 100 matches a page', async () => {
    const upstream = chatListUpstream(varied(600));
    const page = await getPage(appOver(upstream.fetch), 'folder=INBOX');
    expect(page.items).toHaveLength(100);
    expect(page.cursor).not.toBeNull();
    expect(page.scan.complete).toBe(false);
  });

  it('counts the chats it examined', async () => {
    const upstream = chatListUpstream(varied(600));
    const page = await getPage(appOver(upstream.fetch), 'archived=true&limit=250');
    expect(page.items).toHaveLength(200);
    expect(page.scan).toEqual({ scanned: 600, complete: true });
    expect(page.cursor).toBeNull();
  });
});

describe('cursor resumption', () => {
  it.each([1, 3, 7, 50, 249, 250])('limit=%i neither skips nor repeats', async (limit) => {
    const chats = varied(1_300);
    const upstream = chatListUpstream(chats);
    const { ids, pages } = await walk(appOver(upstream.fetch), `archived=false&limit=${limit}`);
    const expected = chats.filter((c) => c.archived === 0).map((c) => c.id);
    expect(ids).toEqual(expected);
    expect(pages.at(-1)).toMatchObject({ cursor: null, scan: { complete: true } });
  });

  const churn: [string, number, (i: number) => Partial<FakeChat>][] = [
    ['archived=false&limit=13', 2_000, (i) => ({ archived: i % 3 === 0 ? 1 : 0 })],
    ['archived=false&limit=250', 2_000, (i) => ({ archived: i % 3 === 0 ? 1 : 0 })],
    ['archived=false&limit=1', 600, (i) => ({ archived: i % 3 === 0 ? 1 : 0 })],
    // Sparse: most requests run out of budget and resume from a refetched page.
    ['pinned=true&limit=20', 9_000, (i) => ({ pinned: i % 97 === 0 ? 1 : 0 })],
  ];

  it.each(churn)('%s stays exact when chats arrive, move to the top and disappear between requests (%i chats)', async (query, count, shape) => {
    const chats = Array.from({ length: count }, (_, i) => fakeChat(i, shape(i)));
    const matches = (chat: FakeChat) => (query.startsWith('pinned') ? chat.pinned === 1 : chat.archived === 0);
    const upstream = chatListUpstream(chats);
    const app = appOver(upstream.fetch);
    const served: string[] = [];
    const changed = new Set<string>();
    const original = chats.filter(matches).map((c) => c.id);
    let fresh = 0;
    // Activity is always newer than everything before it, as in a real inbox.
    let clock = Date.UTC(2030, 0, 1);
    const tick = () => new Date((clock += 1_000)).toISOString();
    await walk(app, query, (page, n) => {
      served.push(...page.items.map((c) => c.id));
      // New chats arrive at the top: an offset cursor now points 3 chats earlier in the list.
      for (let k = 0; k < 3; k++) upstream.chats.unshift(fakeChat(-1, { ...shape(k), id: `new-${fresh++}`, timestamp: tick() }));
      const lastServed = page.items.at(-1);
      const at = lastServed ? upstream.chats.findIndex((c) => c.id === lastServed.id) : -1;
      if (n % 3 === 0 && at !== -1) {
        // The chat we stopped at gets a message and jumps to the top.
        const [moved] = upstream.chats.splice(at, 1);
        if (moved) {
          changed.add(moved.id);
          upstream.chats.unshift({ ...moved, timestamp: tick() });
        }
      }
      if (n % 3 === 1 && at !== -1) {
        // The chat we stopped at is deleted, and so are two already-scanned ones before it (pages shift back).
        changed.add(upstream.chats.splice(at, 1)[0]!.id);
        for (const victim of [served[0], upstream.chats[Math.max(0, at - 40)]?.id]) {
          const where = upstream.chats.findIndex((c) => c.id === victim);
          if (where !== -1 && where < at) changed.add(upstream.chats.splice(where, 1)[0]!.id);
        }
      }
    });
    // Nothing is served twice; chats that existed throughout, untouched, are each served once, in order.
    expect(new Set(served).size).toBe(served.length);
    const stable = original.filter((id) => !changed.has(id));
    const servedSet = new Set(served);
    expect(stable.filter((id) => !servedSet.has(id))).toEqual([]);
    const stableSet = new Set(stable);
    expect(served.filter((id) => stableSet.has(id))).toEqual(stable);
  });

  it('resumes by id when the chat it stopped at is there, by timestamp when it is gone or moved', () => {
    const items = [fakeChat(1), fakeChat(2), fakeChat(4), fakeChat(5)];
    const three = fakeChat(3);
    expect(resumeIndex(items, { id: 'chat-2', ts: fakeChat(2).timestamp, i: 1 })).toBe(2);
    expect(resumeIndex(items, { id: three.id, ts: three.timestamp, i: 2 })).toBe(2);
    // Found, but with a newer timestamp: it moved to the top; its place no longer says where we were.
    const moved = [{ ...fakeChat(3), timestamp: new Date(Date.UTC(2030, 0, 1)).toISOString() }, ...items];
    expect(resumeIndex(moved, { id: three.id, ts: three.timestamp, i: 2 })).toBe(3);
    // A snapshot listing keeps a chat that had activity where it was, with its new data: continue after it.
    const inPlace = [fakeChat(1), fakeChat(2), { ...fakeChat(3), timestamp: new Date(Date.UTC(2030, 0, 1)).toISOString() }, fakeChat(4)];
    expect(resumeIndex(inPlace, { id: three.id, ts: three.timestamp, i: 2 })).toBe(3);
    // Every chat of the page is newer: the page shifted past it, keep looking in the next one.
    expect(resumeIndex(items, { id: 'chat-9', ts: fakeChat(9).timestamp, i: 249 })).toBeNull();
    // No usable timestamps: its old index.
    const undated = items.map((chat) => ({ ...chat, timestamp: null }));
    expect(resumeIndex(undated, { id: 'chat-3', ts: null, i: 2 })).toBe(2);
  });

  it('a filter matching nothing in 20,000 chats answers empty pages with cursors, then complete with a null cursor', async () => {
    const chats = Array.from({ length: 20_000 }, (_, i) => fakeChat(i));
    const upstream = chatListUpstream(chats);
    const { pages } = await walk(appOver(upstream.fetch), 'q=nobody%20has%20this%20name&limit=50');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) {
      expect(page).toMatchObject({ items: [], scan: { complete: false } });
      expect(page.scan.scanned).toBeGreaterThan(0);
      expect(page.scan.scanned).toBeLessThanOrEqual(2_500);
      expect(page.cursor).toEqual(expect.any(String));
    }
    expect(pages.at(-1)).toMatchObject({ items: [], cursor: null, scan: { complete: true } });
    // Every chat examined once: resuming re-reads a page but examines nothing twice.
    expect(pages.reduce((sum, page) => sum + page.scan.scanned, 0)).toBe(20_000);
  });

  it('spends at most 10 upstream pages per request', async () => {
    const upstream = chatListUpstream(Array.from({ length: 5_000 }, (_, i) => fakeChat(i)), { maxLimit: 100 });
    const app = appOver(upstream.fetch);
    const page = await getPage(app, 'pinned=true');
    expect(upstream.listRequests).toHaveLength(10);
    expect(page.scan).toEqual({ scanned: 1_000, complete: false });
    await getPage(app, `pinned=true&cursor=${encodeURIComponent(page.cursor ?? '')}`);
    expect(upstream.listRequests).toHaveLength(20);
  });
});

describe('cursor format', () => {
  it('is padded standard base64 (the SDK checks that), and survives a + sent unencoded', async () => {
    const upstream = chatListUpstream(varied(2_000));
    const app = appOver(upstream.fetch);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < 40; n++) {
      const page: Page = await getPage(app, `pinned=true&limit=3${cursor ? `&cursor=${cursor.replace(/[/=]/g, encodeURIComponent)}` : ''}`);
      seen.push(...page.items.map((c) => c.id));
      if (page.cursor === null) break;
      expect(page.cursor.length % 4).toBe(0);
      expect(page.cursor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      cursor = page.cursor;
    }
    expect(seen).toEqual(varied(2_000).filter((c) => c.pinned === 1).slice(0, seen.length).map((c) => c.id));
    expect(seen.length).toBeGreaterThan(60);
  });
});

describe('cursor misuse', () => {
  it('refuses an upstream cursor on a filtered request', async () => {
    const upstream = chatListUpstream(varied(10));
    const response = await appOver(upstream.fetch).request('/api/v1/chats?folder=INBOX&cursor=250');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/^cursor: /);
    expect(upstream.listRequests).toHaveLength(0);
  });

  it('refuses a filtered cursor without its filters, or with other filters', async () => {
    const upstream = chatListUpstream(varied(600));
    const app = appOver(upstream.fetch);
    const first = await getPage(app, 'folder=INBOX&limit=5');
    upstream.listRequests.length = 0;
    const cursor = encodeURIComponent(first.cursor ?? '');
    for (const query of [`cursor=${cursor}`, `folder=INBOX_LINKEDIN_CLASSIC&cursor=${cursor}`, `folder=INBOX&unread=true&cursor=${cursor}`]) {
      const response = await app.request(`/api/v1/chats?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/^cursor: /);
    }
    // A different limit is fine: it is not a filter.
    expect((await app.request(`/api/v1/chats?folder=INBOX&limit=9&cursor=${cursor}`)).status).toBe(200);
    expect(upstream.listRequests).toHaveLength(1);
  });

  it('refuses a tampered cursor', async () => {
    const upstream = chatListUpstream(varied(10));
    const app = appOver(upstream.fetch);
    const forged = encodeCursor({ f: 'x', c: null, last: null }).slice(0, -3);
    for (const cursor of [forged, 'dHgxOnt9', 'dHgx%21%21', encodeURIComponent(Buffer.from('tx1:{"f":1}').toString('base64'))]) {
      expect((await app.request(`/api/v1/chats?pinned=true&cursor=${cursor}`)).status).toBe(400);
    }
    expect(upstream.listRequests).toHaveLength(0);
  });
});

describe('upstream trouble mid-scan', () => {
  it('relays an upstream error answer', async () => {
    let calls = 0;
    const inner = chatListUpstream(Array.from({ length: 2_000 }, (_, i) => fakeChat(i)));
    const app = appOver(async (request) => {
      calls++;
      if (calls === 3) return jsonResponse({ status: 503, type: 'errors/provider_error', title: 'Provider error' }, 503);
      return inner.fetch(request);
    });
    const response = await app.request('/api/v1/chats?pinned=true');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { type: string }).type).toBe('errors/provider_error');
  });

  it('answers 502 when a page is not a chat list', async () => {
    const app = appOver(async () => jsonResponse({ object: 'ChatList', items: [{ name: 'no id' }], cursor: null }));
    const response = await app.request('/api/v1/chats?pinned=true');
    expect(response.status).toBe(502);
    expect(((await response.json()) as { type: string }).type).toBe('errors/bad_gateway');
  });
});

describe('backends missing from a merged list', () => {
  const missing = (backend: BackendUnavailable['backend'], status: number): BackendUnavailable => ({ backend, label: backend, title: 'Down', detail: `${backend} is down`, type: 'errors/network_down', status });

  /** A merged list of three pages of two chats, each page naming the backends given for it. */
  function mergedList(unavailable: (BackendUnavailable[] | undefined)[]): Backend {
    return {
      kind: 'merged',
      simulated: false,
      host: 'test',
      request: async (req) => {
        const n = Number(req.query?.get('cursor') ?? 0);
        const page = { object: 'ChatList', items: [fakeChat(n * 2), fakeChat(n * 2 + 1)], cursor: n < unavailable.length - 1 ? String(n + 1) : null };
        const listed = unavailable[n];
        return jsonResponse(listed === undefined ? page : { ...page, unavailable: listed });
      },
    };
  }

  const scan = (backend: Backend) =>
    scanChats({ backend, upstreamQuery: new URLSearchParams(), filters: parseChatFilters(new URLSearchParams('pinned=false')) ?? {}, limit: 100, cursor: null, fingerprint: 'f' });

  it('carries what any page it read says is missing into its answer, each backend once', async () => {
    const list = await scan(mergedList([[missing('periskope', 504)], undefined, [missing('periskope', 504), missing('postpress', 401)]]));
    expect(list.items).toHaveLength(6);
    expect(list.unavailable).toEqual([missing('periskope', 504), missing('postpress', 401)]);
  });

  it('says nothing of backends when no page names one (and ignores a field it cannot read)', async () => {
    expect(await scan(mergedList([undefined, [], undefined]))).not.toHaveProperty('unavailable');
    const garbled = mergedList([[{ backend: 'nobody' } as unknown as BackendUnavailable]]);
    expect(await scan(garbled)).not.toHaveProperty('unavailable');
  });
});
