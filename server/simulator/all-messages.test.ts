import { describe, expect, it } from 'vitest';
import { makeSim, type MessageList } from './test-helpers.fixture';
import type { ChatWithLastMessageJson, MessageJson } from './types';

/** GET /messages: every chat's messages as one list, newest first, paged by cursor as Unipile pages it. */

const newestFirst = (items: MessageJson[]) =>
  items.every((m, i) => i === 0 || Date.parse(m.timestamp) <= Date.parse((items[i - 1] as MessageJson).timestamp));

async function walk(t: ReturnType<typeof makeSim>, first: string, maxPages = 1_000): Promise<{ items: MessageJson[]; pages: number }> {
  const items: MessageJson[] = [];
  let res = await t.json<MessageList>(first);
  for (let pages = 1; ; pages++) {
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    if (res.body.cursor === null || pages === maxPages) return { items, pages };
    res = await t.json<MessageList>(`/api/v1/messages?cursor=${encodeURIComponent(res.body.cursor)}`);
  }
}

describe('GET /messages (simulator)', () => {
  it('lists messages of many chats, newest first, with Unipile\'s envelope and limit', async () => {
    const t = makeSim({ chats: 300 });
    const { status, body } = await t.json<MessageList>('/api/v1/messages?limit=40');
    expect(status).toBe(200);
    expect(body.object).toBe('MessageList');
    expect(body.items).toHaveLength(40);
    expect(typeof body.cursor).toBe('string');
    expect(newestFirst(body.items)).toBe(true);
    expect(body.items.every((m) => m.object === 'Message' && typeof m.chat_id === 'string')).toBe(true);
  });

  it('gives each chat\'s newest message where that chat first appears: the same as GET /chats/:id\'s lastMessage', async () => {
    const t = makeSim({ chats: 300 });
    const { body } = await t.json<MessageList>('/api/v1/messages?limit=250');
    const firstByChat = new Map<string, MessageJson>();
    for (const m of body.items) if (!firstByChat.has(m.chat_id)) firstByChat.set(m.chat_id, m);
    expect(firstByChat.size).toBeGreaterThan(5);
    for (const [chatId, message] of firstByChat) {
      const chat = await t.json<ChatWithLastMessageJson>(`/api/v1/chats/${encodeURIComponent(chatId)}`);
      expect(chat.body.lastMessage?.id).toBe(message.id);
    }
    // The newest chats of the list are the ones the page covers.
    const top = t.sim.store.orderedChatIds().slice(0, 5);
    expect(top.every((id) => firstByChat.has(id))).toBe(true);
  });

  it('walks every message of the mailbox exactly once through its cursors', async () => {
    const t = makeSim({ chats: 40 });
    const { items } = await walk(t, '/api/v1/messages?limit=250');
    const expected = t.sim.store.orderedChatIds().reduce((n, id) => n + t.sim.store.messages(t.sim.store.chatIndex(id)).length, 0);
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((m) => m.id)).size).toBe(expected);
    expect(newestFirst(items)).toBe(true);
  });

  it('keeps its place when a message arrives between pages (a keyset cursor: the new one is newer than the page)', async () => {
    const t = makeSim({ chats: 40 });
    const first = await t.json<MessageList>('/api/v1/messages?limit=30');
    const lastChat = t.sim.store.orderedChatIds().at(-1) as string;
    t.clock.advance(1_000);
    const arrived = t.sim.store.receiveMessage(t.sim.store.chatIndex(lastChat), 'late news');
    const rest = await walk(t, `/api/v1/messages?cursor=${encodeURIComponent(first.body.cursor as string)}`);
    const ids = [...first.body.items, ...rest.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(arrived.id);
    expect((await t.json<MessageList>('/api/v1/messages?limit=1')).body.items[0]?.id).toBe(arrived.id);
  });

  it('filters by account, and the cursor carries the filter', async () => {
    const t = makeSim({ chats: 200 });
    const account = t.sim.store.accounts[0]?.id as string;
    const { items, pages } = await walk(t, `/api/v1/messages?account_id=${encodeURIComponent(account)}&limit=50`, 3);
    expect(pages).toBe(3);
    expect(items.length).toBe(150);
    expect(items.every((m) => m.account_id === account)).toBe(true);
  });

  it('refuses a bad limit, a cursor of another list and a repeated parameter, in the error envelope', async () => {
    const t = makeSim({ chats: 20 });
    const chatId = t.sim.store.orderedChatIds()[0] as string;
    const chatPage = await t.json<MessageList>(`/api/v1/chats/${encodeURIComponent(chatId)}/messages?limit=1`);
    for (const query of ['limit=0', 'limit=251', `cursor=${encodeURIComponent(chatPage.body.cursor as string)}`, 'limit=5&limit=6']) {
      const res = await t.json<{ status: number; type: string }>(`/api/v1/messages?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.type).toBe('errors/invalid_parameters');
    }
  });

  it('counts the requests it receives per route, for upstream budgets', async () => {
    const t = makeSim({ chats: 20 });
    const chatId = t.sim.store.orderedChatIds()[0] as string;
    await t.request('/api/v1/messages?limit=5');
    await t.request(`/api/v1/chats/${encodeURIComponent(chatId)}`);
    await t.request(`/api/v1/chats/${encodeURIComponent(chatId)}`);
    await t.request(`/api/v1/chats/${encodeURIComponent(chatId)}/attendees`);
    expect(t.sim.requestCounts()).toEqual({ 'GET /api/v1/messages': 1, 'GET /api/v1/chats/:id': 2, 'GET /api/v1/chats/:id/attendees': 1 });
  });
});
