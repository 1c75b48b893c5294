import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig } from './config';
import { createUpstream } from './wiring';

/*
 * Unipile, postpress and Periskope at once, as production wires them (each adapter on its own simulator dialect, the
 * registry over them), through the real routes: one merged list in order with every chat once, filters across the
 * three, actions routed to the chat's own backend, what a backend lacks said, one backend failing.
 */

interface Chat {
  id: string;
  name: string | null;
  timestamp: string | null;
  unread_count: number;
  account_type: string;
  account_id: string;
  archived: number | boolean;
}
interface Page {
  items: Chat[];
  cursor: string | null;
  unavailable?: { backend: string; label: string; status: number }[];
}

function threeBackendApp() {
  const config = { ...loadConfig({ SIMULATOR_BACKENDS: 'unipile,postpress,periskope', SIMULATOR_CHATS: '1000', SIMULATOR_SEED: '5' }), staticDir: null };
  const upstream = createUpstream(config);
  const app = createApp({ config, backend: upstream.backend, backends: upstream.members.map((m) => m.info), secrets: upstream.secrets, logger: { info: () => undefined, error: () => undefined } });
  return { app, upstream };
}

const { app, upstream } = threeBackendApp();
const kindOf = (id: string) => id.slice(0, id.indexOf('~'));

async function walk(query: string, headers: Record<string, string> = {}): Promise<{ chats: Chat[]; pages: Page[] }> {
  const chats: Chat[] = [];
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const response = await app.request(`/api/v1/chats?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
    expect(response.status, await response.clone().text()).toBe(200);
    const page = (await response.json()) as Page;
    pages.push(page);
    chats.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== null);
  return { chats, pages };
}

/** Each backend's own chats, asked of it alone (raw ids, its own paging), namespaced as the merged list names them. */
async function ownChats(): Promise<string[]> {
  const ids: string[] = [];
  for (const member of upstream.members) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
      const page = (await (await member.backend.request({ method: 'GET', path: '/api/v1/chats', query })).json()) as Page;
      ids.push(...page.items.map((c) => `${member.info.kind}~${c.id}`));
      cursor = page.cursor;
    } while (cursor !== null);
  }
  return ids;
}

const time = (c: Chat) => (c.timestamp === null ? Number.NEGATIVE_INFINITY : Date.parse(c.timestamp));

describe('three backends merged', () => {
  it('/api/config names the three; accounts come from each, namespaced', async () => {
    const config = (await (await app.request('/api/config')).json()) as { backends: { kind: string; label: string; simulated: boolean }[] };
    expect(config.backends.map((b) => b.label)).toEqual(['Unipile', 'postpress', 'Periskope']);
    const accounts = (await (await app.request('/api/v1/accounts')).json()) as { items: { id: string }[] };
    expect(new Set(accounts.items.map((a) => kindOf(a.id)))).toEqual(new Set(['unipile', 'postpress', 'periskope']));
  });

  it('one list, newest first across backends, with every chat of each exactly once, at any page size', async () => {
    const expected = await ownChats();
    for (const limit of [7, 100]) {
      const { chats } = await walk(`limit=${limit}`);
      const ids = chats.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(expected));
      const times = chats.map(time);
      expect(times.every((t, i) => i === 0 || t <= times[i - 1]!)).toBe(true);
    }
  });

  it('every filter works across the three (the server scans the merged list)', async () => {
    const { chats: all } = await walk('limit=100');
    const { chats: unread } = await walk('limit=50&unread=true');
    expect(unread.map((c) => c.id)).toEqual(all.filter((c) => c.unread_count > 0).map((c) => c.id));
    expect(new Set(unread.map((c) => kindOf(c.id))).size).toBe(3);

    const { chats: whatsapp } = await walk('limit=50&account_type=WHATSAPP');
    expect(whatsapp.every((c) => c.account_type === 'WHATSAPP')).toBe(true);
    expect(whatsapp.map((c) => c.id)).toEqual(all.filter((c) => c.account_type === 'WHATSAPP').map((c) => c.id));

    const named = all.find((c) => kindOf(c.id) === 'periskope' && c.name && c.name.length > 4)!;
    const { chats: found } = await walk(`limit=50&q=${encodeURIComponent(named.name!)}`);
    expect(found.map((c) => c.id)).toContain(named.id);

    const account = all.find((c) => kindOf(c.id) === 'postpress')!.account_id;
    const { chats: ofAccount } = await walk(`limit=50&account_id=${encodeURIComponent(account)}`);
    expect(ofAccount.length).toBeGreaterThan(0);
    expect(ofAccount.every((c) => c.account_id === account)).toBe(true);
  });

  it('actions go to the chat’s own backend; what it lacks is a 501 in its own words', async () => {
    const { chats } = await walk('limit=100');
    const patch = (id: string, action: string, value: boolean) =>
      app.request(`/api/v1/chats/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, value }) });
    const periskope = chats.find((c) => kindOf(c.id) === 'periskope' && c.unread_count > 0)!;
    expect((await patch(periskope.id, 'setReadStatus', true)).status).toBe(200);
    const after = (await (await app.request(`/api/v1/chats/${encodeURIComponent(periskope.id)}`)).json()) as Chat;
    expect(after.unread_count).toBe(0);
    expect(await (await patch(periskope.id, 'setArchiveStatus', true)).json()).toMatchObject({ status: 501, type: 'errors/not_offered', detail: 'Periskope has no way to archive a chat.' });

    const postpress = chats.find((c) => kindOf(c.id) === 'postpress')!;
    expect(await (await patch(postpress.id, 'setPinnedStatus', true)).json()).toMatchObject({ status: 501, detail: 'Changing a chat (read, mute, archive, pin) is not offered by postpress.' });

    const unipile = chats.find((c) => kindOf(c.id) === 'unipile' && c.unread_count > 0)!;
    expect((await patch(unipile.id, 'setReadStatus', true)).status).toBe(200);
    const reply = await app.request(`/api/v1/chats/${encodeURIComponent(periskope.id)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello from the merged test' }) });
    expect(reply.status).toBeLessThan(300);
    const newest = (await (await app.request('/api/v1/chats?limit=1')).json()) as Page;
    expect(newest.items[0]?.id).toBe(periskope.id);
  });

  it('one backend failing leaves the two others listed, names it on every page, and the keys never show', async () => {
    const { chats, pages } = await walk('limit=40', { 'x-simulator-fault': 'periskope=500' });
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.some((c) => kindOf(c.id) === 'periskope')).toBe(false);
    expect(new Set(chats.map((c) => kindOf(c.id)))).toEqual(new Set(['unipile', 'postpress']));
    for (const page of pages) expect(page.unavailable).toEqual([expect.objectContaining({ backend: 'periskope', label: 'Periskope', status: 500 })]);
    const text = JSON.stringify(pages);
    for (const secret of upstream.secrets) expect(text).not.toContain(secret);
  });

  it('a filtered list whose first page missed a backend keeps it out on the later pages, named on each, and skips nothing else', async () => {
    const { chats: all } = await walk('limit=100');
    // archived=false is an extension filter: the server scans the merged list for it (the inbox view).
    const expected = all.filter((c) => !c.archived && kindOf(c.id) !== 'periskope').map((c) => c.id);
    const chats: Chat[] = [];
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      // Only the first request finds Periskope failing; it answers again for the later ones.
      const headers: Record<string, string> = cursor === null ? { 'x-simulator-fault': 'periskope=500' } : {};
      const response = await app.request(`/api/v1/chats?limit=15&archived=false${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      pages.push(page);
      chats.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== null);
    expect(pages.length).toBeGreaterThan(3);
    expect(chats.map((c) => c.id)).toEqual(expected);
    for (const page of pages) expect(page.unavailable?.map((u) => u.backend)).toEqual(['periskope']);
  });
});
