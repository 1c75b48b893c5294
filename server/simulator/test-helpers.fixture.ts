import { createSimulator, type Simulator, type SimulatorOptions } from './index';
import type { ChatJson, MessageJson } from './types';

/** Shared by the simulator's tests only. */

export const ANCHOR = Date.UTC(2026, 0, 15, 12, 0, 0);
export const ORIGIN = 'http://simulator.invalid';

export interface TestSim {
  sim: Simulator;
  clock: { now: number; advance(ms: number): void };
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
}

export function makeSim(opts: Partial<SimulatorOptions> = {}): TestSim {
  const clock = {
    now: ANCHOR + 60_000,
    advance(ms: number) {
      this.now += ms;
    },
  };
  const sim = createSimulator({ chats: 500, seed: 7, latencyMs: 0, faultRate: 0, anchor: ANCHOR, now: () => clock.now, ...opts });
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('x-api-key')) headers.set('x-api-key', sim.apiKey);
    headers.set('accept', 'application/json');
    return sim.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
  };
  const json = async <T,>(path: string, init?: RequestInit) => {
    const res = await request(path, init);
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  };
  return { sim, clock, request, json };
}

export interface ChatList {
  object: string;
  items: ChatJson[];
  cursor: string | null;
}

export interface MessageList {
  object: string;
  items: MessageJson[];
  cursor: string | null;
}

/** Follows cursors to the end of GET /chats with the given query. */
export async function walkChats(t: TestSim, query: string, between?: (page: number, items: ChatJson[]) => Promise<void> | void): Promise<ChatJson[]> {
  const all: ChatJson[] = [];
  let res = await t.json<ChatList>(`/api/v1/chats?${query}`);
  for (let page = 0; ; page++) {
    if (res.status !== 200) throw new Error(`GET /chats answered ${res.status}: ${JSON.stringify(res.body)}`);
    all.push(...res.body.items);
    if (res.body.cursor === null) return all;
    await between?.(page, res.body.items);
    res = await t.json<ChatList>(`/api/v1/chats?cursor=${encodeURIComponent(res.body.cursor)}`);
  }
}

/** The first chat (in list order) that satisfies pred, using the store directly. */
export function findChat(t: TestSim, pred: (c: ChatJson) => boolean): ChatJson {
  const store = t.sim.store;
  for (const id of store.orderedChatIds()) {
    const c = store.chatJson(store.chatIndex(id));
    if (pred(c)) return c;
  }
  throw new Error('no chat matches');
}

export function isWritable(t: TestSim): (c: ChatJson) => boolean {
  const disconnected = new Set(t.sim.store.accounts.filter((a) => a.status === 'CREDENTIALS').map((a) => a.id));
  return (c) => c.read_only === 0 && !disconnected.has(c.account_id);
}
