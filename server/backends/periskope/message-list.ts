import { phoneNumberOf } from './accounts';
import { chatSegment, type PeriskopeCalls } from './client';
import { decodeCursor, limitOf, readPage, shortHash, windowOf } from './cursor';
import { jsonAnswer } from './errors';
import { messageSortKey, toUnipileMessage, type UnipileMessage } from './messages';
import { messageListSchema, messageSchema, type PeriskopeMessage } from './schemas';

/*
 * GET /api/v1/chats/:id/messages (Periskope's GET /chats/{chat_id}/messages) and GET /api/v1/messages (its
 * GET /chats/messages, every chat's), newest first. Offset paging behind the same cursor as the chat list: a message
 * arriving between pages pushes the others down, and the boundary in the cursor keeps them from being answered twice.
 * Filters Periskope lacks (sender, account, and before/after on a chat's messages) are applied to each page here.
 */

function localFilter(query: URLSearchParams): (message: UnipileMessage) => boolean {
  const before = query.get('before');
  const after = query.get('after');
  const sender = query.get('sender_id');
  const account = query.get('account_id');
  const beforeMs = before === null ? null : Date.parse(before);
  const afterMs = after === null ? null : Date.parse(after);
  return (m) => {
    if (sender !== null && m.sender_id !== sender) return false;
    if (account !== null && (m.account_id === null || phoneNumberOf(m.account_id) !== phoneNumberOf(account))) return false;
    if (beforeMs === null && afterMs === null) return true;
    const ts = m.timestamp === null ? Number.NaN : Date.parse(m.timestamp);
    return !Number.isNaN(ts) && (beforeMs === null || ts < beforeMs) && (afterMs === null || ts > afterMs);
  };
}

async function listMessages(calls: PeriskopeCalls, path: string, listing: string, query: URLSearchParams, upstreamQuery: URLSearchParams, phone: string | null): Promise<Response> {
  const fingerprint = shortHash([listing, phone, ...['before', 'after', 'sender_id', 'account_id'].map((name) => query.get(name))].join('|'));
  const cursor = decodeCursor(query.get('cursor'), fingerprint);
  const read = async (offset: number, count: number) => {
    const q = new URLSearchParams(upstreamQuery);
    q.set('offset', String(offset));
    q.set('limit', String(count));
    const raw = await calls.get(path, messageListSchema, { query: q, phone });
    return windowOf<PeriskopeMessage>(raw, offset, messageSchema, (m) => m.message_id, messageSortKey);
  };
  const page = await readPage(read, limitOf(query), cursor, fingerprint);
  const items = page.items.map((entry) => toUnipileMessage(entry.value)).filter(localFilter(query));
  return jsonAnswer({ object: 'MessageList', items, cursor: page.cursor });
}

export function listChatMessages(calls: PeriskopeCalls, phone: string | null, chatId: string, query: URLSearchParams): Promise<Response> {
  return listMessages(calls, `/chats/${chatSegment(chatId)}/messages`, `chat:${chatId}`, query, new URLSearchParams(), phone);
}

export function listAllMessages(calls: PeriskopeCalls, phone: string | null, query: URLSearchParams): Promise<Response> {
  const upstreamQuery = new URLSearchParams();
  const after = query.get('after');
  const before = query.get('before');
  if (after !== null) upstreamQuery.set('start_time', after);
  if (before !== null) upstreamQuery.set('end_time', before);
  return listMessages(calls, '/chats/messages', 'messages', query, upstreamQuery, phone ?? query.get('account_id'));
}
