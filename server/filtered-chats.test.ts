import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig } from './config';
import { createBackend } from './wiring';

/*
 * The extension filters of GET /api/v1/chats against the embedded simulator (through wiring, as in production):
 * results match the same filter applied to the full list, cursors resume exactly while the inbox changes, and a
 * filter that matches nothing still walks a 20,000-chat inbox to its end.
 */

interface Chat {
  id: string;
  name: string | null;
  timestamp: string | null;
  archived: number;
  pinned: number;
  muted_until: number | string | null;
  folder: string[];
  account_type: string;
  unread_count: number;
}
interface Page {
  items: Chat[];
  cursor: string | null;
  scan?: { scanned: number; complete: boolean };
}

function simulatorApp(chats: number) {
  const config = { ...loadConfig({ SIMULATOR_CHATS: String(chats), SIMULATOR_SEED: '7' }), staticDir: null };
  return createApp({ config, backend: createBackend(config), logger: { info: () => undefined, error: (m) => console.error(m) } });
}

type App = ReturnType<typeof simulatorApp>;

async function get(app: App, query: string): Promise<Page> {
  const response = await app.request(`/api/v1/chats?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

async function walk(app: App, query: string, between?: (page: Page, n: number) => Promise<void>) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 2_000; n++) {
    const page = await get(app, cursor === null ? query : `${query}&cursor=${encodeURIComponent(cursor)}`);
    pages.push(page);
    if (page.cursor === null) break;
    await between?.(page, n);
    cursor = page.cursor;
  }
  return { pages, items: pages.flatMap((page) => page.items) };
}

describe('extension filters on the simulator', () => {
  const app = simulatorApp(3_000);
  let everything: Chat[] = [];

  it('the unfiltered list, for reference', async () => {
    everything = (await walk(app, 'limit=250')).items;
    expect(everything).toHaveLength(3_000);
  });

  const now = Date.now();
  // Independent oracles (not the code under test): the simulator writes -1, an ISO date or null, and plain Latin names.
  const mutedNow = (value: Chat['muted_until']) => value === -1 || (typeof value === 'string' && Date.parse(value) > now);
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const customFolder = () => everything.flatMap((c) => c.folder).find((f) => !f.startsWith('INBOX')) ?? 'Clients';
  const someName = () => fold(everything.find((c) => c.name && c.name.length > 4)!.name!).slice(1, 4).toUpperCase();
  const cases: [string, () => string, (chat: Chat) => boolean][] = [
    ['folder (known)', () => 'folder=INBOX', (c) => c.folder.includes('INBOX')],
    ['folder (custom)', () => `folder=${encodeURIComponent(customFolder())}`, (c) => c.folder.includes(customFolder())],
    ['archived=true', () => 'archived=true', (c) => c.archived === 1],
    ['archived=false', () => 'archived=false', (c) => c.archived === 0],
    ['pinned=true', () => 'pinned=true', (c) => c.pinned === 1],
    ['muted=true', () => 'muted=true', (c) => mutedNow(c.muted_until)],
    ['muted=false', () => 'muted=false', (c) => !mutedNow(c.muted_until)],
    ['q', () => `q=${encodeURIComponent(someName())}`, (c) => c.name !== null && fold(c.name).includes(fold(someName()).trim())],
    ['combined with upstream filters', () => 'account_type=WHATSAPP&unread=true&archived=false', (c) => c.account_type === 'WHATSAPP' && c.unread_count > 0 && c.archived === 0],
  ];

  it.each(cases)('%s: the same chats as filtering the full list', async (_name, query, predicate) => {
    const { items, pages } = await walk(app, `${query()}&limit=60`);
    const expected = everything.filter(predicate).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((c) => c.id)).toEqual(expected);
    expect(pages.at(-1)?.scan?.complete).toBe(true);
  });

  it('stays exact while chats get messages and are archived between pages', async () => {
    const original = (await walk(app, 'archived=false&limit=250')).items.map((c) => c.id);
    const touched = new Set<string>();
    const post = (path: string, init: RequestInit) => app.request(path, { ...init, headers: { 'content-type': 'application/json' } });
    // A write the simulator refuses (read-only chat, disconnected account) changed nothing: the chat stays untouched.
    const change = async (id: string, method: 'POST' | 'PATCH', body: unknown) => {
      const response = await post(`/api/v1/chats/${encodeURIComponent(id)}${method === 'POST' ? '/messages' : ''}`, { method, body: JSON.stringify(body) });
      if (response.ok) touched.add(id);
      else expect(response.status).toBeLessThan(500);
      return response.ok;
    };
    const seen: string[] = [];
    const { items } = await walk(app, 'archived=false&limit=37', async (page, n) => {
      seen.push(...page.items.map((c) => c.id));
      const last = page.items.at(-1)!;
      const unseen = original.filter((id) => !seen.includes(id) && !touched.has(id));
      // The chat we stopped at gets a message and jumps to the top of the list (or, if it cannot, is archived).
      if (!(await change(last.id, 'POST', { text: `ping ${n}` }))) await change(last.id, 'PATCH', { action: 'setArchiveStatus', value: true });
      // A chat further down gets a message too, and another one is archived.
      if (unseen[5] !== undefined) await change(unseen[5], 'POST', { text: 'bump' });
      if (unseen[40] !== undefined) await change(unseen[40], 'PATCH', { action: 'setArchiveStatus', value: true });
    });
    expect(touched.size).toBeGreaterThan(20);
    const served = items.map((c) => c.id);
    expect(new Set(served).size, 'no chat served twice').toBe(served.length);
    const untouched = original.filter((id) => !touched.has(id));
    const servedSet = new Set(served);
    expect(untouched.filter((id) => !servedSet.has(id)), 'untouched chats all served').toEqual([]);
    const untouchedSet = new Set(untouched);
    expect(served.filter((id) => untouchedSet.has(id)), 'in list order').toEqual(untouched);
  });
});

describe('a filter that matches nothing in 20,000 chats', () => {
  it('answers empty pages with cursors until complete, then a null cursor', async () => {
    const app = simulatorApp(20_000);
    const { pages } = await walk(app, 'q=%E2%80%BDno%20such%20name&limit=50');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) {
      expect(page.items).toEqual([]);
      expect(page.cursor).toEqual(expect.any(String));
      expect(page.scan).toMatchObject({ complete: false });
    }
    expect(pages.at(-1)).toMatchObject({ items: [], cursor: null, scan: { complete: true } });
    expect(pages.reduce((sum, page) => sum + (page.scan?.scanned ?? 0), 0)).toBe(20_000);
  });
});
