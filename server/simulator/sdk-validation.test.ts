import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KNOWN_FOLDERS } from '../../src/lib/wire/vocabulary';
import { isWritable, makeSim, type ChatList } from './test-helpers.fixture';
import type { ChatJson } from './types';

/**
 * Strict validation with the official SDK (unipile-node-sdk 1.9.3): each call goes through the SDK method the
 * app would use, with validateRequestPayloadLevel 'error', so the validator is the one that method picks.
 * The SDK's own entry point is CommonJS; its per-file validators are not exported, so they are loaded by path
 * from the same dist folder (same module instances, hence the same TypeBox registry).
 */

interface TypeCheck {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<{ path: string; message: string }>;
}
interface SdkError extends Error {
  body?: unknown;
  invalid_response?: unknown;
}
interface SdkClient {
  messaging: {
    getAllChats(input?: { limit?: number; cursor?: string }): Promise<ChatList>;
    getChat(id: string): Promise<ChatJson>;
    getAllMessagesFromChat(input: { chat_id: string; limit?: number; cursor?: string }): Promise<{ items: unknown[]; cursor: string | null }>;
    getAllMessages(input?: { limit?: number; cursor?: string }): Promise<{ items: unknown[]; cursor: string | null }>;
    getAllAttendeesFromChat(id: string): Promise<{ items: unknown[] }>;
    setChatStatus(input: { chat_id: string; action: string; value: boolean }): Promise<unknown>;
    sendMessage(input: { chat_id: string; text: string; attachments?: [string, Buffer][] }): Promise<{ object: string; message_id: string }>;
  };
  account: { getAll(input?: { limit?: number; cursor?: string }): Promise<{ items: unknown[]; cursor: string | null }>; getOne(id: string): Promise<unknown> };
}

const require = createRequire(import.meta.url);
const sdkDir = join(dirname(require.resolve('unipile-node-sdk')), '..', 'esm');
const sdk = require(join(sdkDir, 'index.js')) as { UnipileClient: new (url: string, token: string, options: object) => SdkClient };
const chatList = (require(join(sdkDir, 'messaging/chats/chats-list.types.js')) as { ChatListApiResponseValidator: TypeCheck }).ChatListApiResponseValidator;
const legacyChats = (require(join(sdkDir, 'validation.js')) as { getChatsValidator: TypeCheck }).getChatsValidator;

const isCustomFolderChat = (c: ChatJson) => c.folder.some((f) => !(KNOWN_FOLDERS as readonly string[]).includes(f));

describe('responses pass the SDK 1.9.3 validators in strict mode', () => {
  const t = makeSim({ chats: 2500, seed: 42 });
  const store = t.sim.store;
  const all = store.orderedChatIds().map((id) => store.chatJson(store.chatIndex(id)));
  const client = new sdk.UnipileClient('http://simulator.invalid', t.sim.apiKey, { validateRequestPayload: true, validateRequestPayloadLevel: 'error' });

  beforeAll(() => {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => t.sim.fetch(new Request(input, init)));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  /** Errors of a failed strict call must all sit under /items/N/folder of chats with a custom folder. */
  function expectOnlyCustomFolderErrors(err: unknown, items: ChatJson[]): void {
    const body = (err as SdkError).body as { path: string }[];
    expect(Array.isArray(body)).toBe(true);
    expect(body.length).toBeGreaterThan(0);
    for (const e of body) {
      const m = /^\/items\/(\d+)\/folder\/\d+$/.exec(e.path);
      expect(m, e.path).not.toBeNull();
      expect(isCustomFolderChat(items[Number(m?.[1])] as ChatJson)).toBe(true);
    }
  }

  it('getAllChats (ChatListApiResponseValidator): only pages holding custom-folder chats fail, and only on folder', async () => {
    const custom = all.filter(isCustomFolderChat);
    expect(custom.length).toBeGreaterThan(10);
    let cursor: string | undefined;
    let failedPages = 0;
    let passedPages = 0;
    const seen: ChatJson[] = [];
    for (;;) {
      let page: ChatList;
      try {
        page = await client.messaging.getAllChats({ limit: 50, ...(cursor ? { cursor } : {}) });
        expect(page.items.some(isCustomFolderChat)).toBe(false);
        passedPages++;
      } catch (err) {
        page = (err as SdkError).invalid_response as ChatList;
        expect(page.items.some(isCustomFolderChat)).toBe(true);
        expectOnlyCustomFolderErrors(err, page.items);
        // Without those chats the very same page passes.
        expect(chatList.Check({ ...page, items: page.items.filter((c) => !isCustomFolderChat(c)) })).toBe(true);
        failedPages++;
      }
      seen.push(...page.items);
      if (!page.cursor) break;
      cursor = page.cursor;
    }
    expect(seen.map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(failedPages).toBeGreaterThan(0);
    expect(passedPages).toBeGreaterThan(0);
  });

  it('disabledFeatures "reply" passes the validator getAllChats uses (only the unused legacy getChatsValidator rejects it)', () => {
    const reply = all.filter((c) => c.disabledFeatures.includes('reply') && !isCustomFolderChat(c));
    expect(reply.length).toBeGreaterThan(0);
    const page = { object: 'ChatList', items: reply, cursor: null };
    expect(chatList.Check(page)).toBe(true);
    expect(legacyChats.Check(page)).toBe(false);
  });

  it('getChat (ChatResponseValidator) passes for every kind of chat except custom folders', async () => {
    const special = all.filter((c, i) => i < 150 || c.read_only !== 0 || c.content_type !== undefined || c.timestamp === null || c.name === null
      || (c.type !== 0 && i % 10 === 0) || c.organization_id !== undefined || (c.name ?? '').includes('<'));
    for (const c of special) {
      if (isCustomFolderChat(c)) {
        const err = await client.messaging.getChat(c.id).then(() => null, (e: unknown) => e);
        expect(err).not.toBeNull();
        for (const e of (err as SdkError).body as { path: string }[]) expect(e.path).toMatch(/^\/folder\/\d+$/);
      } else {
        await expect(client.messaging.getChat(c.id)).resolves.toMatchObject({ object: 'Chat', id: c.id });
      }
    }
  });

  it('getAllMessagesFromChat (MessageListApiResponseValidator) passes on every page', async () => {
    const sample = all.filter((c) => c.timestamp !== null).filter((_, i) => i % 25 === 0);
    let pages = 0;
    for (const c of sample) {
      let cursor: string | undefined;
      for (;;) {
        const page = await client.messaging.getAllMessagesFromChat({ chat_id: c.id, limit: 60, ...(cursor ? { cursor } : {}) });
        pages++;
        if (!page.cursor) break;
        cursor = page.cursor;
      }
    }
    expect(pages).toBeGreaterThan(sample.length);
    // Every attachment kind, quotes, events and reactions went through the validator above; make sure they exist in the sample.
    const msgs = sample.flatMap((c) => store.messages(store.chatIndex(c.id)));
    expect(msgs.some((m) => m.attachments.some((a) => a.type === 'img'))).toBe(true);
    expect(msgs.some((m) => m.attachments.some((a) => a.type === 'file'))).toBe(true);
    expect(msgs.some((m) => m.quoted)).toBe(true);
    expect(msgs.some((m) => m.event_type !== undefined)).toBe(true);
  });

  it('getAllMessages (MessageListApiResponseValidator, GET /messages) passes page after page', async () => {
    let cursor: string | undefined;
    for (let pages = 0; pages < 4; pages++) {
      const page = await client.messaging.getAllMessages({ limit: 250, ...(cursor ? { cursor } : {}) });
      expect(page.items).toHaveLength(250);
      expect(page.cursor).toEqual(expect.any(String));
      cursor = page.cursor ?? undefined;
    }
  });

  it('getAllAttendeesFromChat (ChatAttendeeByChatListApiResponseValidator) passes', async () => {
    for (const c of all.filter((_, i) => i % 20 === 0)) {
      const res = await client.messaging.getAllAttendeesFromChat(c.id);
      expect(res.items.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('setChatStatus (ChatPatchedApiResponseValidator) and sendMessage multipart (MessageSentResponseValidator) pass', async () => {
    const c = all.find(isWritable(t)) as ChatJson;
    for (const action of ['setReadStatus', 'setMuteStatus', 'setArchiveStatus', 'setPinnedStatus']) {
      for (const value of [true, false]) await expect(client.messaging.setChatStatus({ chat_id: c.id, action, value })).resolves.toEqual({ object: 'ChatPatched' });
    }
    const sent = await client.messaging.sendMessage({ chat_id: c.id, text: 'via the SDK', attachments: [['notes.txt', Buffer.from('hello')]] });
    expect(sent.object).toBe('MessageSent');
    const chat = await client.messaging.getChat(c.id);
    expect(chat).toMatchObject({ lastMessage: { id: sent.message_id, text: 'via the SDK', attachments: [{ file_name: 'notes.txt', file_size: 5 }] } });
    const disconnected = all.find((x) => store.isDisconnected(store.chatIndex(x.id))) as ChatJson;
    const err = await client.messaging.setChatStatus({ chat_id: disconnected.id, action: 'setReadStatus', value: true }).then(() => null, (e: unknown) => e);
    expect((err as SdkError).body).toMatchObject({ type: 'errors/disconnected_account', status: 401 });
  });

  it('account.getAll (AccountListResponseValidator) and account.getOne (AccountApiResponseValidator) pass', async () => {
    const list = await client.account.getAll();
    expect(list.items.length).toBeGreaterThanOrEqual(7);
    const paged = await client.account.getAll({ limit: 2 });
    expect(paged.cursor).not.toBeNull();
    for (const a of store.accounts) await expect(client.account.getOne(a.id)).resolves.toMatchObject({ object: 'Account', id: a.id });
  });
});
