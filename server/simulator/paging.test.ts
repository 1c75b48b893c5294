import { describe, expect, it } from 'vitest';
import { ANCHOR, isWritable, makeSim, walkChats, type TestSim } from './test-helpers.fixture';
import { SimulatorStore } from './store';
import type { ChatJson } from './types';

async function send(t: TestSim, chatId: string, text = 'moving up'): Promise<void> {
  t.clock.advance(1_000);
  const res = await t.request(`/api/v1/chats/${chatId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  expect(res.status).toBe(201);
}

function countIds(items: ChatJson[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of items) m.set(c.id, (m.get(c.id) ?? 0) + 1);
  return m;
}

describe('snapshot paging', () => {
  it('a chat moved to the top between pages is returned once, at its snapshot position, with current data', async () => {
    const t = makeSim({ chats: 600 });
    const before = t.sim.store.orderedChatIds();
    const writable = isWritable(t);
    // A chat the walk has not reached yet (far down the list) and one it has already returned.
    const ahead = before.slice(300).map((id) => t.sim.store.chatJson(t.sim.store.chatIndex(id))).find(writable);
    const behind = before.slice(10, 40).map((id) => t.sim.store.chatJson(t.sim.store.chatIndex(id))).find(writable);
    if (!ahead || !behind) throw new Error('fixture');
    const walked = await walkChats(t, 'limit=50', async (page) => {
      if (page === 0) {
        await send(t, ahead.id);
        await send(t, behind.id);
      }
      if (page === 2) await send(t, ahead.id, 'and again'); // second move: the snapshot key is still the first old key
    });
    const counts = countIds(walked);
    expect(counts.size).toBe(600);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(walked.map((c) => c.id)).toEqual(before); // exactly the snapshot order
    const seen = walked.find((c) => c.id === ahead.id);
    expect(seen?.timestamp).toBe(new Date(t.clock.now).toISOString()); // current data, old position
    // A fresh walk sees the new order.
    const fresh = await walkChats(t, 'limit=250');
    expect(fresh[0]?.id).toBe(ahead.id);
    expect(fresh[1]?.id).toBe(behind.id);
  });

  it('many moves during a walk (both directions of the page boundary) never skip nor repeat', async () => {
    const t = makeSim({ chats: 800, seed: 99 });
    const writable = isWritable(t);
    const snapshot = t.sim.store.orderedChatIds();
    const candidates = snapshot.map((id) => t.sim.store.chatJson(t.sim.store.chatIndex(id))).filter(writable);
    let k = 0;
    const walked = await walkChats(t, 'limit=40', async () => {
      for (let n = 0; n < 5; n++) {
        const c = candidates[(k++ * 37) % candidates.length];
        if (c) await send(t, c.id);
      }
    });
    expect(walked.map((c) => c.id)).toEqual(snapshot);
  });

  it('filtered walks keep the guarantee too', async () => {
    const t = makeSim({ chats: 800, seed: 5 });
    const store = t.sim.store;
    const expected = store.orderedChatIds().filter((id) => store.chatJson(store.chatIndex(id)).account_type === 'WHATSAPP');
    const movers = expected.map((id) => store.chatJson(store.chatIndex(id))).filter(isWritable(t));
    let k = 0;
    const walked = await walkChats(t, 'account_type=WHATSAPP&limit=25', async () => {
      const c = movers[(k++ * 13) % movers.length];
      if (c) await send(t, c.id);
    });
    expect(walked.map((c) => c.id)).toEqual(expected);
  });

  it('chats created after the snapshot are excluded from the walk, and listed by the next one', async () => {
    const t = makeSim({ chats: 300 });
    let created = '';
    const walked = await walkChats(t, 'limit=100', () => {
      if (!created) created = t.sim.store.chatIdAt(t.sim.store.createChat());
    });
    expect(walked).toHaveLength(300);
    expect(walked.some((c) => c.id === created)).toBe(false);
    const fresh = await walkChats(t, 'limit=250');
    expect(fresh).toHaveLength(301);
    expect(fresh[0]?.id).toBe(created);
    expect(fresh[0]?.unread_count).toBe(1);
    const chat = await t.json<{ lastMessage: { text: string; is_sender: number } }>(`/api/v1/chats/${created}`);
    expect(chat.body.lastMessage).toMatchObject({ text: 'Hi! New conversation here.', is_sender: 0 });
  });

  it('records key changes in a bounded change log and falls back to current keys once pruned', () => {
    let now = ANCHOR + 60_000;
    const store = new SimulatorStore({ chats: 200, seed: 3, anchor: ANCHOR, now: () => now, changeLogLimit: 8 });
    const ids = store.orderedChatIds();
    const first = store.listChats({}, 20);
    expect(first.next).not.toBeNull();
    // More changes than the log keeps: the snapshot can no longer be reconstructed.
    for (let i = 0; i < 12; i++) {
      now += 1000;
      store.receiveMessage(store.chatIndex(ids[150 + i] ?? ''), 'ping');
    }
    expect(store.changeLog().length).toBeLessThanOrEqual(8);
    expect(store.changeLog().at(-1)).toMatchObject({ chatId: ids[161], newTs: now, at: now });
    const seen: string[] = first.items.map((c) => c.id);
    let next = first.next;
    while (next) {
      const page = store.listChats({}, 20, next);
      seen.push(...page.items.map((c) => c.id));
      next = page.next;
    }
    // Plain keyset paging on current keys: the moved chats (now on top) are skipped, nothing is repeated, it ends.
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(200 - 12);
  });

  it('two changes in the same millisecond are told apart by sequence number', () => {
    const store = new SimulatorStore({ chats: 100, seed: 4, anchor: ANCHOR, now: () => ANCHOR + 5_000 });
    const ids = store.orderedChatIds();
    const first = store.listChats({}, 10);
    store.receiveMessage(store.chatIndex(ids[50] ?? ''), 'a');
    store.receiveMessage(store.chatIndex(ids[60] ?? ''), 'b'); // same clock value
    const rest: string[] = [];
    let next = first.next;
    while (next) {
      const page = store.listChats({}, 10, next);
      rest.push(...page.items.map((c) => c.id));
      next = page.next;
    }
    expect([...first.items.map((c) => c.id), ...rest]).toEqual(ids);
  });
});
