import { describe, expect, it } from 'vitest';
import { findChat, isWritable, makeSim, walkChats, type ChatList, type TestSim } from './test-helpers.fixture';
import type { ChatAction, ChatJson } from './types';

/** GET /chats serves chats serialised once and cached: it must stay byte for byte what serialising them afresh gives. */

const listed = async (t: TestSim, id: string): Promise<ChatJson | undefined> =>
  (await walkChats(t, 'limit=250')).find((c) => c.id === id);

describe('GET /chats from cached chat text', () => {
  it('sends exactly the JSON of the chats it lists, page after page, with and without filters', async () => {
    const t = makeSim({ chats: 700 });
    for (const query of ['limit=100', 'limit=37&unread=true', 'account_type=WHATSAPP&limit=250', 'limit=5']) {
      let res = await t.request(`/api/v1/chats?${query}`);
      for (let page = 0; page < 4; page++) {
        const text = await res.text();
        const body = JSON.parse(text) as ChatList;
        const fresh = body.items.map((c) => t.sim.store.chatJson(t.sim.store.chatIndex(c.id)));
        expect(text).toBe(JSON.stringify({ object: 'ChatList', items: fresh, cursor: body.cursor }));
        expect(res.headers.get('content-type')).toBe('application/json');
        if (body.cursor === null) break;
        res = await t.request(`/api/v1/chats?cursor=${encodeURIComponent(body.cursor)}`);
      }
    }
  });

  it('shows every change to a chat in the next page that lists it', async () => {
    const t = makeSim();
    const store = t.sim.store;
    const writable = isWritable(t);
    const c = findChat(t, (x) => writable(x) && x.unread_count > 0 && x.muted_until === null && x.archived === 0 && x.pinned === 0);
    const idx = store.chatIndex(c.id);
    expect(await listed(t, c.id)).toEqual(c); // now cached

    const actions: [ChatAction, boolean][] = [['setReadStatus', true], ['setMuteStatus', true], ['setArchiveStatus', true], ['setPinnedStatus', true]];
    for (const [action, value] of actions) {
      const res = await t.request(`/api/v1/chats/${c.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, value }) });
      expect(res.status).toBe(200);
      expect(await listed(t, c.id)).toEqual(store.chatJson(idx));
    }
    const after = store.chatJson(idx);
    expect([after.unread_count, after.muted_until, after.archived, after.pinned]).toEqual([0, -1, 1, 1]);

    t.clock.advance(1_000);
    const sent = await t.request(`/api/v1/chats/${c.id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'on top now' }) });
    expect(sent.status).toBe(201);
    const first = (await t.json<ChatList>('/api/v1/chats?limit=1')).body.items[0];
    expect(first).toEqual(store.chatJson(idx));
    expect(first?.timestamp).toBe(new Date(t.clock.now).toISOString());

    t.clock.advance(1_000);
    store.receiveMessage(idx, 'and one back');
    const received = (await t.json<ChatList>('/api/v1/chats?limit=1')).body.items[0];
    expect(received).toEqual(store.chatJson(idx));
    expect(received?.unread_count).toBe(1);

    t.clock.advance(1_000);
    const created = store.createChat();
    expect((await t.json<ChatList>('/api/v1/chats?limit=1')).body.items[0]).toEqual(store.chatJson(created));
  });
});
