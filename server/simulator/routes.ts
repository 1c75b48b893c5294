import { Hono, type Context } from 'hono';
import { z } from 'zod';
import {
  chatCursorSchema, decodeCursor, encodeCursor, messageCursorSchema, offsetCursorSchema,
  type ChatCursor, type MessageCursor, type OffsetCursor,
} from './cursor';
import { ApiError, errorResponse, errors } from './errors';
import type { FaultInjector } from './faults';
import { hashString } from './prng';
import type { ChatFilters, ChatPosition, SimulatorStore, UploadedFile } from './store';
import { createTurnBudget, DEFAULT_TURN_BUDGET_MS } from './turn-budget';
import { ACCOUNT_TYPES, type AccountType, type PatchAction } from './types';

/** The Unipile v1 routes the simulator serves; everything else is a 404 in the error envelope. */

export interface RouteDeps {
  store: SimulatorStore;
  apiKey: string;
  faults: FaultInjector;
}

const DEFAULT_LIMIT = 100;
const MAX_TEXT_LENGTH = 20_000;
const DATE_PATTERN = /^[1-2]\d{3}-[0-1]\d-[0-3]\dT\d{2}:\d{2}:\d{2}.\d{3}Z$/;
const PATCH_ACTIONS = ['setReadStatus', 'setMuteStatus', 'setArchiveStatus', 'setPinnedStatus'] as const satisfies readonly PatchAction[];

const invalid = (param: string, why: string) => errors.invalidParameters(`${param}: ${why}`);

/** Query access that rejects repeated parameters, as the API's validation does. */
class Query {
  private readonly params: URLSearchParams;
  constructor(url: string) {
    this.params = new URL(url).searchParams;
  }

  get(name: string): string | undefined {
    const all = this.params.getAll(name);
    if (all.length > 1) throw invalid(name, 'must be given at most once');
    return all[0];
  }

  limit(): number | undefined {
    const raw = this.get('limit');
    if (raw === undefined) return undefined;
    const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= 250)) throw invalid('limit', `must be an integer from 1 to 250 (got ${JSON.stringify(raw)})`);
    return n;
  }

  date(name: 'before' | 'after'): number | undefined {
    const raw = this.get(name);
    if (raw === undefined) return undefined;
    const ms = DATE_PATTERN.test(raw) ? Date.parse(raw) : NaN;
    // The round trip also rejects dates the pattern lets through, such as February 30th.
    if (Number.isNaN(ms) || new Date(ms).toISOString() !== raw) {
      throw invalid(name, `must be an ISO 8601 UTC datetime like 2025-12-31T23:59:59.999Z (got ${JSON.stringify(raw)})`);
    }
    return ms;
  }

  nonEmpty(name: string): string | undefined {
    const raw = this.get(name);
    if (raw !== undefined && raw.length === 0) throw invalid(name, 'must not be empty');
    return raw;
  }
}

function chatFiltersFrom(q: Query): ChatFilters {
  const filters: ChatFilters = {};
  const unread = q.get('unread');
  if (unread !== undefined) {
    if (unread !== 'true' && unread !== 'false') throw invalid('unread', `must be true or false (got ${JSON.stringify(unread)})`);
    filters.unread = unread === 'true';
  }
  const type = q.get('account_type');
  if (type !== undefined) {
    if (!(ACCOUNT_TYPES as readonly string[]).includes(type)) throw invalid('account_type', `must be one of ${ACCOUNT_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
    filters.accountType = type as AccountType;
  }
  const ids = q.nonEmpty('account_id');
  if (ids !== undefined) {
    const list = ids.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    if (list.length === 0) throw invalid('account_id', 'must be an account id or a comma-separated list of them');
    filters.accountIds = list;
  }
  const before = q.date('before');
  const after = q.date('after');
  if (before !== undefined) filters.before = before;
  if (after !== undefined) filters.after = after;
  return filters;
}

function filtersFromCursor(f: ChatCursor['f']): ChatFilters {
  const filters: ChatFilters = {};
  if (f.unread !== undefined) filters.unread = f.unread;
  if (f.account_type !== undefined) filters.accountType = f.account_type;
  if (f.account_id !== undefined) filters.accountIds = f.account_id;
  if (f.before !== undefined) filters.before = f.before;
  if (f.after !== undefined) filters.after = f.after;
  return filters;
}

function filtersToCursor(filters: ChatFilters): ChatCursor['f'] {
  const f: ChatCursor['f'] = {};
  if (filters.unread !== undefined) f.unread = filters.unread;
  if (filters.accountType !== undefined) f.account_type = filters.accountType;
  if (filters.accountIds !== undefined) f.account_id = filters.accountIds;
  if (filters.before !== undefined) f.before = filters.before;
  if (filters.after !== undefined) f.after = filters.after;
  return f;
}

function badCursor(): ApiError {
  return invalid('cursor', 'is not a cursor returned by this list');
}

/** Body of a PATCH or POST: JSON, urlencoded or multipart, as the API accepts all three. */
async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    try {
      return await c.req.parseBody({ all: true });
    } catch {
      throw errors.invalidParameters('body: could not be parsed as form data');
    }
  }
  let parsed: unknown;
  try {
    parsed = await c.req.json();
  } catch {
    throw errors.invalidParameters('body: must be a JSON object (or form data)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.invalidParameters('body: must be a JSON object');
  return parsed as Record<string, unknown>;
}

const patchBody = z.object({
  action: z.enum(PATCH_ACTIONS, { error: () => `action: must be one of ${PATCH_ACTIONS.join(', ')}` }),
  value: z.preprocess(
    (v) => (v === 'true' ? true : v === 'false' ? false : v),
    z.boolean({ error: () => 'value: must be a boolean' }),
  ),
});

function binary(bytes: Uint8Array, contentType: string, cacheControl: string, etag?: string): Response {
  const headers: Record<string, string> = { 'content-type': contentType, 'content-length': String(bytes.length), 'cache-control': cacheControl };
  if (etag) headers.etag = etag;
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}

export function createRoutes(deps: RouteDeps): Hono {
  const { store, apiKey, faults } = deps;
  const app = new Hono();
  const v1 = '/api/v1';

  app.onError((err) => errorResponse(err instanceof ApiError ? err : errors.unexpected()));
  app.notFound((c) => errorResponse(errors.notFound(`Cannot ${c.req.method} ${new URL(c.req.url).pathname}`)));

  // Every request takes its turn (turn-budget.ts): in-process, the simulator's work shares the event loop with the
  // server in front of it, which must keep accepting connections and answering its own routes while this one is busy.
  const turns = createTurnBudget({ budgetMs: DEFAULT_TURN_BUDGET_MS });
  app.use('*', (_c, next) => turns.run(next));

  // Auth first, then the fault lottery: a wrong key is always a 401, never a random 5xx.
  app.use('*', async (_c, next) => {
    const key = _c.req.header('x-api-key');
    if (key === undefined || key === '') throw errors.missingCredentials();
    if (key !== apiKey) throw errors.invalidCredentials();
    const fault = faults.next();
    if (fault) throw fault;
    await next();
  });

  const chatIdx = (id: string): number => {
    const idx = store.chatIndex(id);
    if (idx < 0) throw errors.notFound(`No chat with id ${JSON.stringify(id)}.`);
    return idx;
  };

  // ----- accounts -----------------------------------------------------------------------------------------

  app.get(`${v1}/accounts`, (c) => {
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const raw = q.nonEmpty('cursor');
    let offset = 0;
    let limit = limitParam ?? DEFAULT_LIMIT;
    if (raw !== undefined) {
      const cur = decodeCursor<OffsetCursor>(raw, offsetCursorSchema);
      if (!cur || cur.k !== 'accounts') throw badCursor();
      offset = cur.offset;
      limit = limitParam ?? cur.l;
    }
    const items = store.accounts.slice(offset, offset + limit).map((a) => store.accountJson(a.index));
    const end = offset + items.length;
    const cursor = end < store.accounts.length ? encodeCursor({ k: 'accounts', of: '', offset: end, l: limit } satisfies OffsetCursor) : null;
    return c.json({ object: 'AccountList', items, cursor });
  });

  app.get(`${v1}/accounts/:id`, (c) => {
    const idx = store.accountIndex(c.req.param('id'));
    if (idx < 0) throw errors.notFound(`No account with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(store.accountJson(idx));
  });

  // ----- chats --------------------------------------------------------------------------------------------

  app.get(`${v1}/chats`, (c) => {
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const queryFilters = chatFiltersFrom(q); // validated even when a cursor takes precedence
    const raw = q.nonEmpty('cursor');
    let filters = queryFilters;
    let limit = limitParam ?? DEFAULT_LIMIT;
    let from: ChatPosition | undefined;
    if (raw !== undefined) {
      // As in the API, a cursor carries its walk's filters; only limit may change along the way.
      const cur = decodeCursor<ChatCursor>(raw, chatCursorSchema);
      if (!cur) throw badCursor();
      filters = filtersFromCursor(cur.f);
      limit = limitParam ?? cur.l;
      from = { snapshot: cur.s, t0: cur.t0, ts: cur.ts, id: cur.id };
    }
    const page = store.listChatsText(filters, limit, from);
    const cursor = page.next
      ? encodeCursor({ k: 'chats', s: page.next.snapshot, t0: page.next.t0, ts: page.next.ts, id: page.next.id, l: limit, f: filtersToCursor(filters) } satisfies ChatCursor)
      : null;
    // The bytes c.json would send, from chats serialised once (see SimulatorStore.chatJsonText).
    const body = `{"object":"ChatList","items":[${page.items}],"cursor":${JSON.stringify(cursor)}}`;
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  app.get(`${v1}/chats/:id`, (c) => c.json(store.chatWithLastMessage(chatIdx(c.req.param('id')))));

  app.patch(`${v1}/chats/:id`, async (c) => {
    const parsed = patchBody.safeParse(await readBody(c));
    if (!parsed.success) throw errors.invalidParameters(parsed.error.issues.map((i) => i.message).join('; '));
    store.patchChat(chatIdx(c.req.param('id')), parsed.data.action, parsed.data.value);
    return c.json({ object: 'ChatPatched' });
  });

  app.get(`${v1}/chats/:id/messages`, (c) => {
    const id = c.req.param('id');
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const before = q.date('before');
    const after = q.date('after');
    const senderId = q.nonEmpty('sender_id');
    const raw = q.nonEmpty('cursor');
    const idx = chatIdx(id);
    let f: MessageCursor['f'] = {};
    if (before !== undefined) f.before = before;
    if (after !== undefined) f.after = after;
    if (senderId !== undefined) f.sender_id = senderId;
    let limit = limitParam ?? DEFAULT_LIMIT;
    let below: number | undefined;
    if (raw !== undefined) {
      const cur = decodeCursor<MessageCursor>(raw, messageCursorSchema);
      if (!cur || cur.chat !== id) throw badCursor();
      f = cur.f;
      limit = limitParam ?? cur.l;
      below = cur.below;
    }
    const filters = { ...(f.before !== undefined ? { before: f.before } : {}), ...(f.after !== undefined ? { after: f.after } : {}), ...(f.sender_id !== undefined ? { senderId: f.sender_id } : {}) };
    const page = store.listMessages(idx, filters, limit, below);
    const cursor = page.next !== null ? encodeCursor({ k: 'messages', chat: id, below: page.next, l: limit, f } satisfies MessageCursor) : null;
    return c.json({ object: 'MessageList', items: page.items, cursor });
  });

  app.post(`${v1}/chats/:id/messages`, async (c) => {
    const body = await readBody(c);
    const text = body.text;
    if (text !== undefined && typeof text !== 'string') throw invalid('text', 'must be a string');
    const files: UploadedFile[] = [];
    for (const key of ['attachments', 'attachments[]']) {
      const value = body[key];
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        if (!(item instanceof File)) throw invalid('attachments', 'must be files sent as multipart/form-data');
        files.push({ name: item.name, type: item.type, bytes: new Uint8Array(await item.arrayBuffer()) });
      }
    }
    if ((text === undefined || text.trim() === '') && files.length === 0) throw invalid('text', 'must not be empty');
    if (text !== undefined && text.length > MAX_TEXT_LENGTH) throw errors.tooManyCharacters(`The message exceeds ${MAX_TEXT_LENGTH} characters.`);
    const optional = (name: string): string | undefined => {
      const v = body[name];
      if (v === undefined || v === '') return undefined;
      if (typeof v !== 'string') throw invalid(name, 'must be a string');
      return v;
    };
    const quoteId = optional('quote_id');
    const accountId = optional('account_id');
    const idx = chatIdx(c.req.param('id'));
    const message = store.sendMessage(idx, {
      text: text !== undefined && text.trim() !== '' ? text : null,
      attachments: files,
      ...(quoteId !== undefined ? { quoteId } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
    });
    return c.json({ object: 'MessageSent', message_id: message.id }, 201);
  });

  app.get(`${v1}/chats/:id/attendees`, (c) => {
    const id = c.req.param('id');
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const raw = q.nonEmpty('cursor');
    const all = store.attendees(chatIdx(id));
    let offset = 0;
    let limit = limitParam ?? all.length;
    if (raw !== undefined) {
      const cur = decodeCursor<OffsetCursor>(raw, offsetCursorSchema);
      if (!cur || cur.k !== 'attendees' || cur.of !== id) throw badCursor();
      offset = cur.offset;
      limit = limitParam ?? cur.l;
    }
    const items = all.slice(offset, offset + limit);
    const end = offset + items.length;
    const cursor = end < all.length ? encodeCursor({ k: 'attendees', of: id, offset: end, l: limit } satisfies OffsetCursor) : null;
    return c.json({ object: 'ChatAttendeeList', items, cursor });
  });

  // ----- attendees, messages, binaries --------------------------------------------------------------------

  app.get(`${v1}/chat_attendees/:id`, (c) => {
    const found = store.findAttendee(c.req.param('id'));
    if (!found) throw errors.notFound(`No attendee with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(found.json);
  });

  app.get(`${v1}/chat_attendees/:id/picture`, (c) => {
    const id = c.req.param('id');
    const png = store.picture(id);
    if (!png) throw errors.notFound(`No picture for ${JSON.stringify(id)}.`);
    const etag = `"${hashString(`${store.seed}:${id}`).toString(36)}"`;
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'private, max-age=86400' } });
    return binary(png, 'image/png', 'private, max-age=86400', etag);
  });

  app.get(`${v1}/messages/:id`, (c) => {
    const found = store.findMessage(c.req.param('id'));
    if (!found) throw errors.notFound(`No message with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(found.message);
  });

  app.get(`${v1}/messages/:id/attachments/:attachment_id`, (c) => {
    const file = store.attachment(c.req.param('id'), c.req.param('attachment_id'));
    if (!file) throw errors.notFound(`No attachment ${JSON.stringify(c.req.param('attachment_id'))} on message ${JSON.stringify(c.req.param('id'))}.`);
    return binary(file.bytes, file.contentType, 'private, max-age=3600');
  });

  return app;
}
