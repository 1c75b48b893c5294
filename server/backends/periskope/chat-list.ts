import { phoneNumberOf } from './accounts';
import { chatSortKey, toUnipileChat, type UnipileChat } from './chats';
import type { PeriskopeCalls } from './client';
import { decodeCursor, limitOf, readPage, shortHash, windowOf } from './cursor';
import { jsonAnswer } from './errors';
import { chatListSchema, chatSchema, type PeriskopeChat } from './schemas';

/*
 * GET /api/v1/chats over Periskope's GET /chats, newest activity first. What Periskope can filter goes to it
 * (the phone as `x-phone`, before/after as end_time/start_time); the rest (several accounts, unread) is applied to
 * each page here, so a page may come back short with a cursor (see cursor.ts).
 */

const emptyList = () => jsonAnswer({ object: 'ChatList', items: [], cursor: null });

/** Whether a chat's account is one of `ids` (org_phones; a bare number matches its org_phone too). */
function inAccounts(chat: UnipileChat, ids: readonly string[]): boolean {
  const own = chat.account_id;
  if (own === null) return false;
  const number = phoneNumberOf(own);
  return ids.some((id) => id === own || (number !== '' && phoneNumberOf(id) === number));
}

function localFilter(query: URLSearchParams, accountIds: readonly string[] | null): (chat: UnipileChat) => boolean {
  const unread = query.get('unread');
  const before = query.get('before');
  const after = query.get('after');
  const beforeMs = before === null ? null : Date.parse(before);
  const afterMs = after === null ? null : Date.parse(after);
  return (chat) => {
    if (accountIds !== null && !inAccounts(chat, accountIds)) return false;
    if (unread !== null && chat.unread_count > 0 !== (unread === 'true')) return false;
    if (beforeMs === null && afterMs === null) return true;
    const ts = chat.timestamp === null ? Number.NaN : Date.parse(chat.timestamp);
    return !Number.isNaN(ts) && (beforeMs === null || ts < beforeMs) && (afterMs === null || ts > afterMs);
  };
}

/** `phone`: the configured `x-phone` scope, null when the key's every phone is listed. */
export async function listChats(calls: PeriskopeCalls, phone: string | null, query: URLSearchParams): Promise<Response> {
  const accountType = query.get('account_type');
  // Periskope is WhatsApp only.
  if (accountType !== null && accountType !== 'WHATSAPP') return emptyList();
  const accountIds = query.get('account_id')?.split(',').map((id) => id.trim()).filter((id) => id !== '') ?? null;
  const configuredNumber = phone !== null && !/^phone-/i.test(phone) ? phoneNumberOf(phone) : null;
  if (configuredNumber && accountIds !== null && !accountIds.some((id) => phoneNumberOf(id) === configuredNumber)) return emptyList();
  // One account asked for: Periskope scopes the list to it, instead of every page being filtered here.
  const scope = phone ?? (accountIds?.length === 1 ? (accountIds[0] ?? null) : null);

  const upstreamQuery = new URLSearchParams({ sort_by: 'latest_message_timestamp', sort_order: 'desc' });
  const after = query.get('after');
  const before = query.get('before');
  if (after !== null) upstreamQuery.set('start_time', after);
  if (before !== null) upstreamQuery.set('end_time', before);

  const fingerprint = shortHash(['chats', scope, after, before, query.get('unread'), accountIds?.slice().sort().join(',')].join('|'));
  const cursor = decodeCursor(query.get('cursor'), fingerprint);
  const read = async (offset: number, count: number) => {
    const q = new URLSearchParams(upstreamQuery);
    q.set('offset', String(offset));
    q.set('limit', String(count));
    const raw = await calls.get('/chats', chatListSchema, { query: q, phone: scope });
    return windowOf<PeriskopeChat>(raw, offset, chatSchema, (chat) => chat.chat_id, chatSortKey);
  };
  const page = await readPage(read, limitOf(query), cursor, fingerprint);
  const items = page.items.map((entry) => toUnipileChat(entry.value)).filter(localFilter(query, accountIds));
  return jsonAnswer({ object: 'ChatList', items, cursor: page.cursor });
}
