import type { Hono } from 'hono';
import { z } from 'zod';
import { CHAT_ACTIONS, isKnownProvider, KNOWN_PROVIDERS } from '../../../src/lib/wire/vocabulary';
import { chatCursorSchema, decodeCursor, encodeCursor, type ChatCursor } from '../cursor';
import { errors } from '../errors';
import type { ChatPosition, SimulatorStore, UpstreamChatQuery } from '../store';
import { badCursor, chatIndexOf, DEFAULT_LIMIT, invalid, offsetPage, Query, readBody } from './request';

/** GET /chats (snapshot-paged), GET and PATCH /chats/:id, a chat's attendees and one attendee. */

function chatQueryFrom(q: Query): UpstreamChatQuery {
  const query: UpstreamChatQuery = {};
  const unread = q.get('unread');
  if (unread !== undefined) {
    if (unread !== 'true' && unread !== 'false') throw invalid('unread', `must be true or false (got ${JSON.stringify(unread)})`);
    query.unread = unread === 'true';
  }
  const type = q.get('account_type');
  if (type !== undefined) {
    if (!isKnownProvider(type)) throw invalid('account_type', `must be one of ${KNOWN_PROVIDERS.join(', ')} (got ${JSON.stringify(type)})`);
    query.account_type = type;
  }
  const ids = q.nonEmpty('account_id');
  if (ids !== undefined) {
    const list = ids.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    if (list.length === 0) throw invalid('account_id', 'must be an account id or a comma-separated list of them');
    query.account_id = list;
  }
  const before = q.date('before');
  const after = q.date('after');
  if (before !== undefined) query.before = before;
  if (after !== undefined) query.after = after;
  return query;
}

const patchBody = z.object({
  action: z.enum(CHAT_ACTIONS, { error: () => `action: must be one of ${CHAT_ACTIONS.join(', ')}` }),
  value: z.preprocess(
    (v) => (v === 'true' ? true : v === 'false' ? false : v),
    z.boolean({ error: () => 'value: must be a boolean' }),
  ),
});

export function chatRoutes(app: Hono, v1: string, store: SimulatorStore): void {
  app.get(`${v1}/chats`, (c) => {
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    let query = chatQueryFrom(q); // validated even when a cursor takes precedence
    const raw = q.nonEmpty('cursor');
    let limit = limitParam ?? DEFAULT_LIMIT;
    let from: ChatPosition | undefined;
    if (raw !== undefined) {
      // As in the API, a cursor carries its walk's filters; only limit may change along the way.
      const cur = decodeCursor<ChatCursor>(raw, chatCursorSchema);
      if (!cur) throw badCursor();
      query = cur.f;
      limit = limitParam ?? cur.l;
      from = { snapshot: cur.s, t0: cur.t0, ts: cur.ts, id: cur.id };
    }
    const page = store.listChatsText(query, limit, from);
    const cursor = page.next
      ? encodeCursor({ k: 'chats', s: page.next.snapshot, t0: page.next.t0, ts: page.next.ts, id: page.next.id, l: limit, f: query } satisfies ChatCursor)
      : null;
    // The bytes c.json would send, from chats serialised once (see SimulatorStore.chatJsonText).
    const body = `{"object":"ChatList","items":[${page.items}],"cursor":${JSON.stringify(cursor)}}`;
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  app.get(`${v1}/chats/:id`, (c) => c.json(store.chatWithLastMessage(chatIndexOf(store, c.req.param('id')))));

  app.patch(`${v1}/chats/:id`, async (c) => {
    const parsed = patchBody.safeParse(await readBody(c));
    if (!parsed.success) throw errors.invalidParameters(parsed.error.issues.map((i) => i.message).join('; '));
    store.patchChat(chatIndexOf(store, c.req.param('id')), parsed.data.action, parsed.data.value);
    return c.json({ object: 'ChatPatched' });
  });

  app.get(`${v1}/chats/:id/attendees`, (c) => {
    const id = c.req.param('id');
    const q = new Query(c.req.url);
    const limitParam = q.limit();
    const raw = q.nonEmpty('cursor');
    const all = store.attendees(chatIndexOf(store, id));
    const page = offsetPage(all, { k: 'attendees', of: id }, raw, limitParam, all.length);
    return c.json({ object: 'ChatAttendeeList', items: page.items, cursor: page.cursor });
  });

  app.get(`${v1}/chat_attendees/:id`, (c) => {
    const found = store.findAttendee(c.req.param('id'));
    if (!found) throw errors.notFound(`No attendee with id ${JSON.stringify(c.req.param('id'))}.`);
    return c.json(found.json);
  });
}
