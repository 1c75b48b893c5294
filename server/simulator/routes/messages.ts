import type { Hono } from 'hono';
import { allMessagesCursorSchema, decodeCursor, encodeCursor, messageCursorSchema, type AllMessagesCursor, type MessageCursor } from '../cursor';
import { errors } from '../errors';
import type { AllMessagesQuery, MessageKey, SimulatorStore, UploadedFile, UpstreamMessageQuery } from '../store';
import { badCursor, chatIndexOf, DEFAULT_LIMIT, invalid, Query, readBody } from './request';

/** Every chat's messages (GET /messages), a chat's messages (GET, newest first, and POST to send), one message by id. */

const MAX_TEXT_LENGTH = 20_000;

export function messageRoutes(app: Hono, v1: string, store: SimulatorStore): void {
  app.get(`${v1}/chats/:id/messages`, (c) => {
    const id = c.req.param('id');
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const before = q.date('before');
    const after = q.date('after');
    const senderId = q.nonEmpty('sender_id');
    const raw = q.nonEmpty('cursor');
    const idx = chatIndexOf(store, id);
    let query: UpstreamMessageQuery = {};
    if (before !== undefined) query.before = before;
    if (after !== undefined) query.after = after;
    if (senderId !== undefined) query.sender_id = senderId;
    let limit = limitParam ?? DEFAULT_LIMIT;
    let below: number | undefined;
    if (raw !== undefined) {
      const cur = decodeCursor<MessageCursor>(raw, messageCursorSchema);
      if (!cur || cur.chat !== id) throw badCursor();
      query = cur.f;
      limit = limitParam ?? cur.l;
      below = cur.below;
    }
    const page = store.listMessages(idx, query, limit, below);
    const cursor = page.next !== null ? encodeCursor({ k: 'messages', chat: id, below: page.next, l: limit, f: query } satisfies MessageCursor) : null;
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
    const idx = chatIndexOf(store, c.req.param('id'));
    const message = store.sendMessage(idx, {
      text: text !== undefined && text.trim() !== '' ? text : null,
      attachments: files,
      ...(quoteId !== undefined ? { quoteId } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
    });
    return c.json({ object: 'MessageSent', message_id: message.id }, 201);
  });

  app.get(`${v1}/messages`, (c) => {
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    let query: AllMessagesQuery = {};
    const before = q.date('before');
    const after = q.date('after');
    const senderId = q.nonEmpty('sender_id');
    const accountId = q.nonEmpty('account_id');
    if (before !== undefined) query.before = before;
    if (after !== undefined) query.after = after;
    if (senderId !== undefined) query.sender_id = senderId;
    if (accountId !== undefined) query.account_id = accountId;
    const raw = q.nonEmpty('cursor');
    let limit = limitParam ?? DEFAULT_LIMIT;
    let below: MessageKey | undefined;
    if (raw !== undefined) {
      // As for a chat's messages, the cursor carries the walk's filters; only limit may change.
      const cur = decodeCursor<AllMessagesCursor>(raw, allMessagesCursorSchema);
      if (!cur) throw badCursor();
      query = cur.f;
      limit = limitParam ?? cur.l;
      below = { ts: cur.ts, id: cur.id };
    }
    const page = store.listAllMessages(query, limit, below);
    const cursor = page.next ? encodeCursor({ k: 'all-messages', ts: page.next.ts, id: page.next.id, l: limit, f: query } satisfies AllMessagesCursor) : null;
    return c.json({ object: 'MessageList', items: page.items, cursor });
  });

  app.get(`${v1}/messages/:id`, (c) => {
    const found = store.findMessage(c.req.param('id'));
    if (!found) throw errors.notFound(`No message with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(found.message);
  });
}
