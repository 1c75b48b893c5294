import { createPeriskopeSimulator, type PeriskopeSimulator, type PeriskopeSimulatorOptions } from './index';
import type { PeriskopeChatJson, PeriskopeChatListJson } from './wire';

/** Shared by the Periskope simulator's tests only. */

export const ANCHOR = Date.UTC(2026, 0, 15, 12, 0, 0);
export const ORIGIN = 'http://periskope.simulator.invalid';

export interface TestPeriskope {
  sim: PeriskopeSimulator;
  clock: { now: number };
  /** A request with the simulator's Bearer key unless `init.headers` carries an authorization of its own. */
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
}

export function makePeriskope(opts: Partial<PeriskopeSimulatorOptions> = {}): TestPeriskope {
  const clock = { now: ANCHOR + 60_000 };
  const sim = createPeriskopeSimulator({ chats: 300, seed: 7, latencyMs: 0, anchor: ANCHOR, now: () => clock.now, ...opts });
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${sim.apiKey}`);
    return sim.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
  };
  const json = async <T,>(path: string, init?: RequestInit) => {
    const res = await request(path, init);
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  };
  return { sim, clock, request, json };
}

/** A JSON POST. */
export function post(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

/** Every chat of GET /v1/chats with `query`, page by page (`limit` a page). */
export async function walkChats(t: TestPeriskope, query: string, limit: number, init?: RequestInit): Promise<PeriskopeChatJson[]> {
  const all: PeriskopeChatJson[] = [];
  for (let offset = 0; ; offset += limit) {
    const res = await t.json<PeriskopeChatListJson>(`/v1/chats?${query}&offset=${offset}&limit=${limit}`, init);
    if (res.status !== 200) throw new Error(`GET /v1/chats answered ${res.status}: ${JSON.stringify(res.body)}`);
    all.push(...res.body.chats);
    if (res.body.chats.length < limit) return all;
  }
}
