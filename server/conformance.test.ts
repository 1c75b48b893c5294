import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { InvalidResponseTypeError, UnipileClient, type GetAllChatsInput } from 'unipile-node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import { createSimulator } from './simulator';
import { createBackend } from './wiring';
import { KNOWN_FOLDERS as KNOWN_FOLDER_NAMES, KNOWN_PROVIDERS } from '../src/lib/wire/vocabulary';

/*
 * Conformance: the official unipile-node-sdk, with strict response validation, against Triage's real HTTP server
 * on the simulator, both embedded (as `npm start` runs without a key) and over HTTP as UNIPILE_DSN (the proxy path
 * a real Unipile account takes). If the SDK accepts what Triage serves, so would any Unipile client.
 *
 * Known gap: SDK 1.9.3 types a chat's `folder` as one of five known values, while the API reference allows custom
 * folder names (and the simulator emits some). Strict validation therefore rejects pages holding such chats. The
 * tests below assert that this is the ONLY thing strict validation rejects: every failing answer contains a chat
 * with a custom folder, every validation error points into such a chat's `folder`, and the same answer without
 * those chats passes the SDK's own validator.
 */

const KNOWN_FOLDERS = new Set<string>(KNOWN_FOLDER_NAMES);
const ACCOUNT_TYPES = KNOWN_PROVIDERS;

interface WireChat {
  id: string;
  account_id: string;
  account_type: string;
  name: string | null;
  timestamp: string | null;
  unread_count: number;
  archived: number;
  muted_until: number | string | null;
  pinned?: number;
  folder?: string[];
}
interface ChatPage {
  object: string;
  items: WireChat[];
  cursor: string | null;
}

const hasCustomFolder = (chat: { folder?: unknown }) => Array.isArray(chat.folder) && chat.folder.some((f) => typeof f !== 'string' || !KNOWN_FOLDERS.has(f));

describe.each(['embedded', 'over HTTP'] as const)('the SDK against Triage on the simulator, %s', (mode) => {
  let servers: ServerType[] = [];
  let client: UnipileClient;
  const failures: { what: string; error: InvalidResponseTypeError }[] = [];

  async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<string> {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
    servers.push(server);
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    let config: Config;
    if (mode === 'embedded') {
      config = { ...loadConfig({ SIMULATOR_CHATS: '600', SIMULATOR_SEED: '42' }), staticDir: null };
    } else {
      // The real proxy path: the simulator on a port of its own, reached over HTTP as Unipile would be.
      const simulator = createSimulator({ chats: 600, seed: 42, latencyMs: 0, faultRate: 0 });
      const upstream = await listen(simulator.fetch);
      config = { ...loadConfig({ UNIPILE_DSN: upstream, UNIPILE_API_KEY: simulator.apiKey }), staticDir: null };
    }
    const app = createApp({ config, backend: createBackend(config), logger: { info: () => undefined, error: (m) => console.error(m) } });
    // The SDK appends /api/v1 itself: it gets the bare origin. Its token is not a key Triage knows, nor needs.
    const origin = await listen(app.fetch);
    client = new UnipileClient(origin, 'browser-side-token-ignored-by-triage', { validateRequestPayload: true, validateRequestPayloadLevel: 'error' });
  });

  afterAll(() => {
    for (const server of servers) server.close();
    servers = [];
  });

  /** Runs an SDK call; a strict-validation failure is recorded (checked in the last test) and its payload returned. */
  async function strictly<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof InvalidResponseTypeError)) throw error;
      failures.push({ what, error });
      return error.invalid_response as T;
    }
  }

  /** Whether the SDK's own strict validation accepts `page` as a chat list (served to it by a stand-in fetch). */
  async function sdkAcceptsChatList(page: unknown): Promise<boolean> {
    const realFetch = globalThis.fetch;
    globalThis.fetch = async () => new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } });
    try {
      await client.messaging.getAllChats();
      return true;
    } catch (error) {
      if (error instanceof InvalidResponseTypeError) return false;
      throw error;
    } finally {
      globalThis.fetch = realFetch;
    }
  }

  /** Every page of getAllChats for `input`, following cursors to the end. */
  async function walkChats(input: { limit?: number; unread?: boolean; account_type?: (typeof ACCOUNT_TYPES)[number]; account_id?: string; before?: string; after?: string }, extra?: Record<string, string>) {
    const pages: ChatPage[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 200; n++) {
      // SDK 1.9.3 types account_type without SLACK (the API reference has it); it sends the string as given.
      const args = { ...input, account_type: input.account_type as GetAllChatsInput['account_type'], ...(cursor ? { cursor } : {}) };
      const page = await strictly(`getAllChats ${JSON.stringify(args)} ${JSON.stringify(extra ?? {})}`, () =>
        client.messaging.getAllChats(args, extra ? { extra_params: extra } : undefined),
      );
      pages.push(page as unknown as ChatPage);
      const next = (page as unknown as ChatPage).cursor;
      if (next === null) break;
      cursor = next;
    }
    const items = pages.flatMap((page) => page.items);
    expect(new Set(items.map((chat) => chat.id)).size, 'no chat twice').toBe(items.length);
    return { pages, items };
  }

  let all: WireChat[] = [];

  describe('messaging.getAllChats', () => {
    it('pages through every chat with the default limit and with limit=250', async () => {
      const { items } = await walkChats({});
      expect(items).toHaveLength(600);
      all = items;
      const big = await walkChats({ limit: 250 });
      expect(big.pages.map((page) => page.items.length)).toEqual([250, 250, 100]);
    });

    // limit=1 walks one provider only, to keep the number of round trips reasonable.
    it.each([
      [1, { account_type: 'TELEGRAM' as const }],
      [7, {}],
      [100, {}],
    ])('limit=%i: full pages until the last', async (limit, filter) => {
      const { pages, items } = await walkChats({ limit, ...filter });
      for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(limit);
      expect(pages.at(-1)!.items.length).toBeLessThanOrEqual(limit);
      expect(items.length).toBeGreaterThan(0);
    });

    it.each([true, false])('unread=%s', async (unread) => {
      const { items } = await walkChats({ unread, limit: 100 });
      expect(items.length).toBeGreaterThan(0);
      for (const chat of items) expect(chat.unread_count > 0).toBe(unread);
    });

    it('account_type, for each provider', async () => {
      let total = 0;
      for (const accountType of ACCOUNT_TYPES) {
        const { items } = await walkChats({ account_type: accountType, limit: 100 });
        for (const chat of items) expect(chat.account_type).toBe(accountType);
        total += items.length;
      }
      expect(total).toBe(600);
    });

    it('account_id, one and a comma-separated list', async () => {
      const accounts = [...new Set(all.map((chat) => chat.account_id))];
      expect(accounts.length).toBeGreaterThan(1);
      const one = await walkChats({ account_id: accounts[0]!, limit: 100 });
      expect(one.items.length).toBe(all.filter((chat) => chat.account_id === accounts[0]).length);
      const two = await walkChats({ account_id: `${accounts[0]},${accounts[1]}`, limit: 100 });
      expect(new Set(two.items.map((chat) => chat.account_id))).toEqual(new Set([accounts[0], accounts[1]]));
    });

    it('before and after', async () => {
      const dated = all.filter((chat) => chat.timestamp !== null);
      const middle = dated[Math.floor(dated.length / 2)]!.timestamp!;
      const before = await walkChats({ before: middle, limit: 100 });
      const after = await walkChats({ after: middle, limit: 100 });
      expect(before.items.length).toBeGreaterThan(0);
      expect(after.items.length).toBeGreaterThan(0);
      for (const chat of before.items) if (chat.timestamp) expect(Date.parse(chat.timestamp)).toBeLessThan(Date.parse(middle));
      for (const chat of after.items) if (chat.timestamp) expect(Date.parse(chat.timestamp)).toBeGreaterThan(Date.parse(middle));
    });

    it('Triage extension filters (as extra_params) answer pages the SDK accepts, with cursors it accepts', async () => {
      const inbox = await walkChats({ limit: 40 }, { folder: 'INBOX' });
      expect(inbox.items.length).toBe(all.filter((chat) => chat.folder?.includes('INBOX')).length);
      const archived = await walkChats({ limit: 40, account_type: 'WHATSAPP' }, { archived: 'false', muted: 'false' });
      for (const chat of archived.items) expect(chat.archived === 0 && chat.account_type === 'WHATSAPP').toBe(true);
      const custom = all.find(hasCustomFolder)?.folder?.find((f) => !KNOWN_FOLDERS.has(f));
      if (custom) {
        const customPages = await walkChats({ limit: 10 }, { folder: custom });
        expect(customPages.items.length).toBe(all.filter((chat) => chat.folder?.includes(custom)).length);
      }
    });
  });

  describe('one chat', () => {
    const plainChat = () => all.find((chat) => !hasCustomFolder(chat))!;

    it('messaging.getChat', async () => {
      const chat = await client.messaging.getChat(plainChat().id);
      expect(chat.id).toBe(plainChat().id);
    });

    it('messaging.getAllMessagesFromChat, page by page', async () => {
      const chat = plainChat();
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      for (; pages < 100; pages++) {
        const page = await client.messaging.getAllMessagesFromChat({ chat_id: chat.id, limit: 3, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(3);
        ids.push(...page.items.map((message) => message.id));
        if (!page.cursor) break;
        cursor = page.cursor;
      }
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('messaging.getAllAttendeesFromChat', async () => {
      const attendees = await client.messaging.getAllAttendeesFromChat(plainChat().id);
      expect(attendees.items.length).toBeGreaterThan(0);
    });

    it('messaging.setChatStatus, each action', async () => {
      const chat = all.find((c) => !hasCustomFolder(c) && c.unread_count > 0) ?? plainChat();
      // SDK 1.9.3 types `action` as 'setReadStatus' only; the API reference documents four, and the SDK sends any.
      const actions = ['setReadStatus', 'setMuteStatus', 'setArchiveStatus', 'setPinnedStatus'] as unknown as 'setReadStatus'[];
      for (const action of actions) {
        const answer = await client.messaging.setChatStatus({ chat_id: chat.id, action, value: true });
        expect(answer.object).toBe('ChatPatched');
      }
      const after = (await client.messaging.getChat(chat.id)) as unknown as WireChat;
      expect(after.unread_count).toBe(0);
      expect(after.archived).toBe(1);
      expect(after.pinned).toBe(1);
      expect(after.muted_until === -1 || (typeof after.muted_until === 'string' && Date.parse(after.muted_until) > Date.now())).toBe(true);
    });

    it('messaging.sendMessage (multipart, streamed through)', async () => {
      const chat = plainChat();
      const sent = await client.messaging.sendMessage({ chat_id: chat.id, text: 'Conformance says hello', attachments: [['note.txt', Buffer.from('attached')]] });
      expect(sent.object).toBe('MessageSent');
      const latest = await client.messaging.getAllMessagesFromChat({ chat_id: chat.id, limit: 5 });
      expect(latest.items.some((message) => message.text === 'Conformance says hello')).toBe(true);
    });
  });

  describe('accounts', () => {
    it('account.getAll and account.getOne', async () => {
      const accounts = await client.account.getAll({ limit: 100 });
      expect(accounts.items.length).toBeGreaterThan(0);
      const first = accounts.items[0]!;
      const one = await client.account.getOne(first.id);
      expect(one.id).toBe(first.id);
    });
  });

  describe('strict validation', () => {
    it('rejects nothing but chats with a custom folder (the SDK 1.9.3 gap)', async () => {
      // The gap is real: with custom-folder chats about, strict validation did reject some pages.
      if (all.some(hasCustomFolder)) expect(failures.length).toBeGreaterThan(0);
      for (const { what, error } of failures) {
        const page = error.invalid_response as ChatPage;
        const custom = new Set(page.items.flatMap((chat, i) => (hasCustomFolder(chat) ? [i] : [])));
        expect(custom.size, what).toBeGreaterThan(0);
        const problems = Array.isArray(error.body) ? (error.body as { path?: unknown }[]) : [];
        expect(problems.length, what).toBeGreaterThan(0);
        for (const problem of problems) {
          const at = /^\/items\/(\d+)(?:\/|$)/.exec(String(problem.path));
          expect(at, `${what}: ${String(problem.path)}`).not.toBeNull();
          expect(custom.has(Number(at?.[1])), `${what}: ${String(problem.path)}`).toBe(true);
        }
        // The same answer without those chats passes the SDK's own validator.
        const cleaned = { ...page, items: page.items.filter((chat) => !hasCustomFolder(chat)) };
        expect(await sdkAcceptsChatList(cleaned), what).toBe(true);
        expect(await sdkAcceptsChatList(page), what).toBe(false);
      }
    });
  });
});
