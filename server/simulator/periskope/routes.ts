import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createTurnBudget, DEFAULT_TURN_BUDGET_MS } from '../turn-budget';
import { invalidField, PeriskopeError, periskopeErrorResponse, periskopeErrors, validationError } from './errors';
import { chatJson, messageJson, phoneJson } from './json';
import { PeriskopeQuery } from './query';
import type { ChatRecord } from './records';
import type { PeriskopeStore, SendContent } from './store';
import type { PeriskopeChatListJson, PeriskopeMessageListJson, PeriskopeSendJson } from './wire';

/**
 * Periskope's REST routes under /v1 that Triage's adapter calls: phones, chats, messages, read, send. Bearer auth,
 * then the `x-phone` scope (a phone outside the org is a 401); anything else is a 404 in Periskope's error body.
 */

type Env = { Variables: { phoneIdx: number | null } };

/** WhatsApp's longest text message. */
const MAX_MESSAGE_CHARS = 65_536;

const sendBody = z.object({
  chat_id: z.string().min(1, 'chat_id is required'),
  message: z.string().max(MAX_MESSAGE_CHARS, `message must be at most ${MAX_MESSAGE_CHARS} characters`).optional(),
  media: z
    .object({
      type: z.enum(['document', 'image', 'video', 'audio']),
      url: z.string().optional(),
      filedata: z.string().optional(),
      filename: z.string().min(1),
      mimetype: z.string().min(1),
    })
    .refine((m) => m.url !== undefined || m.filedata !== undefined, 'media needs url or filedata')
    .optional(),
  reply_to: z.string().optional(),
});

/** 1-based `from`/`to` of a page starting at `offset` (the seed's first page of 23 is from 1 to 23). */
const span = (offset: number, length: number) => ({ from: offset + 1, to: offset + length });

async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw validationError('Invalid body: expected a JSON object', undefined);
  }
}

export function createPeriskopeRoutes(store: PeriskopeStore, apiKey: string): Hono<Env> {
  const app = new Hono<Env>();
  app.onError((err) => periskopeErrorResponse(err instanceof PeriskopeError ? err : periskopeErrors.internal()));
  app.notFound((c) => periskopeErrorResponse(periskopeErrors.routeNotFound(c.req.method, new URL(c.req.url).pathname)));

  // In-process, the simulator shares the event loop with the server in front of it: it takes turns (turn-budget.ts).
  const turns = createTurnBudget({ budgetMs: DEFAULT_TURN_BUDGET_MS });
  app.use('*', (_c, next) => turns.run(next));

  app.use('*', async (c, next) => {
    const auth = c.req.header('authorization');
    if (auth === undefined || auth.trim() === '') throw periskopeErrors.missingToken();
    const token = /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1];
    if (token !== apiKey) throw periskopeErrors.invalidToken();
    const xPhone = c.req.header('x-phone')?.trim() ?? '';
    let phoneIdx: number | null = null;
    if (xPhone !== '') {
      phoneIdx = store.phoneIndexOf(xPhone);
      if (phoneIdx < 0) throw periskopeErrors.phoneOutOfScope(xPhone);
    }
    c.set('phoneIdx', phoneIdx);
    await next();
  });

  /** The chat a path names, within the x-phone scope, or the 404. */
  const chatOf = (c: Context<Env>): ChatRecord => {
    const id = c.req.param('chat_id') ?? '';
    const chat = store.chat(id);
    const scope = c.get('phoneIdx');
    if (!chat || (scope !== null && chat.phoneIdx !== scope)) throw periskopeErrors.chatNotFound(id);
    return chat;
  };

  app.get('/v1/phones/all', (c) => c.json(store.phones.map((p) => phoneJson(store, p))));

  app.get('/v1/phones', (c) => {
    const idx = c.get('phoneIdx');
    if (idx === null) {
      throw validationError('Missing Header: {x-phone}', {
        'x-phone': { message: 'Please provide the number of the phone you want to call with this API in the header, e.g. 919876543210, or its phone_id' },
      });
    }
    return c.json(phoneJson(store, store.phone(idx)));
  });

  app.get('/v1/chats', (c) => {
    const q = new PeriskopeQuery(c.req.url);
    const offset = q.offset();
    const limit = q.limit();
    const label = q.nonEmpty('label');
    const chatId = q.nonEmpty('chat_id');
    const chatType = q.chatType();
    const startTime = q.time('start_time');
    const endTime = q.time('end_time');
    const page = store.listChats({
      phoneIdx: c.get('phoneIdx'), sortBy: q.sortBy(), sortOrder: q.sortOrder(), offset, limit,
      ...(label !== undefined && { label }), ...(chatId !== undefined && { chatId }), ...(chatType !== undefined && { chatType }),
      ...(startTime !== undefined && { startTime }), ...(endTime !== undefined && { endTime }),
    });
    // Asked for by chat_id, the chat comes as GET /chats/{chat_id} answers it (members included).
    const body: PeriskopeChatListJson = { ...span(offset, page.items.length), count: page.count, chats: page.items.map((ch) => chatJson(store, ch, chatId !== undefined)) };
    return c.json(body);
  });

  // Before /v1/chats/:chat_id, which would take "messages" for a chat id.
  app.get('/v1/chats/messages', (c) => {
    const q = new PeriskopeQuery(c.req.url);
    const offset = q.offset();
    const limit = q.limit();
    const page = store.allMessages(c.get('phoneIdx'), offset, limit, q.time('start_time'), q.time('end_time'));
    const body: PeriskopeMessageListJson = { ...span(offset, page.items.length), count: page.count, messages: page.items.map(({ chat, message }) => messageJson(store, chat, message)) };
    return c.json(body);
  });

  app.get('/v1/chats/:chat_id', (c) => c.json(chatJson(store, chatOf(c), true)));

  app.get('/v1/chats/:chat_id/messages', (c) => {
    const chat = chatOf(c);
    const q = new PeriskopeQuery(c.req.url);
    const offset = q.offset();
    const page = store.chatMessages(chat, offset, q.limit());
    const body: PeriskopeMessageListJson = { ...span(offset, page.items.length), count: page.count, messages: page.items.map((m) => messageJson(store, chat, m)) };
    return c.json(body);
  });

  app.post('/v1/chats/:chat_id/read', (c) => {
    store.markRead(chatOf(c));
    return c.json({});
  });

  app.post('/v1/message/send', async (c) => {
    const parsed = sendBody.safeParse(await jsonBody(c));
    if (!parsed.success) {
      const fields: Record<string, { message: string }> = {};
      for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || 'body'] ??= { message: issue.message };
      throw validationError('Invalid body', fields);
    }
    const { chat_id: chatId, message, media } = parsed.data;
    if ((message === undefined || message.trim() === '') && media === undefined) throw invalidField('message', 'message or media is required');
    const scope = c.get('phoneIdx');
    const chat = store.chat(chatId);
    if (!chat || (scope !== null && chat.phoneIdx !== scope)) throw periskopeErrors.chatNotFound(chatId);
    const phone = store.phone(chat.phoneIdx);
    if (!phone.connected) throw periskopeErrors.phoneDisconnected(phone.number);
    const content: SendContent = media
      ? {
          body: message ?? '', kind: media.type,
          media: { filename: media.filename, mimetype: media.mimetype, ...(media.filedata !== undefined && { size: Math.floor((media.filedata.length * 3) / 4) }) },
        }
      : { body: message ?? '', kind: 'chat', media: null };
    const sent = store.send(chat, content);
    const body: PeriskopeSendJson = { queue_id: sent.queueId, queue_position: '1' };
    return c.json(body);
  });

  return app;
}
