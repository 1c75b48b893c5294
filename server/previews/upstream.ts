import { readFlag, readText } from '../../src/lib/wire/readers';
import type { Backend } from '../backends/types';
import { readJson } from '../routes/relay';

/*
 * What the previews read from the upstream, tolerantly: a field of an unexpected type is ignored, never fatal, and
 * an item without an id is skipped. Every call goes through the backend (protection, scrubbing), never around it.
 */

type Fields = Record<string, unknown>;

function fieldsOf(raw: unknown): Fields | null {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Fields) : null;
}

/** An id: a non-empty string, or null (the item is then skipped). */
function idOf(fields: Fields): string | null {
  return typeof fields.id === 'string' && fields.id !== '' ? fields.id : null;
}

export interface UpstreamAttachment {
  type: string | null;
  file_name: string | null;
  sticker: boolean;
}

export interface UpstreamMessage {
  id: string;
  chat_id: string | null;
  is_sender: boolean;
  sender_id: string | null;
  sender_attendee_id: string | null;
  /** Not in Unipile's schema; some answers carry it and it saves a look-up. */
  sender_name: string | null;
  text: string | null;
  attachments: UpstreamAttachment[];
  deleted: boolean;
  edited: boolean;
  is_event: boolean;
  timestamp: string | null;
}

export type ChatKindCode = 'direct' | 'group';

export interface UpstreamChat {
  id: string;
  name: string | null;
  kind: ChatKindCode;
  provider: string | null;
}

export interface UpstreamAttendee {
  id: string;
  provider_id: string | null;
  name: string | null;
  is_self: boolean;
  picture_url: string | null;
}

export function readMessage(raw: unknown): UpstreamMessage | null {
  const f = fieldsOf(raw);
  const id = f && idOf(f);
  if (!f || !id) return null;
  const attachments = (Array.isArray(f.attachments) ? f.attachments : []).flatMap((a: unknown): UpstreamAttachment[] => {
    const af = fieldsOf(a);
    return af ? [{ type: readText(af.type), file_name: readText(af.file_name), sticker: readFlag(af.sticker) }] : [];
  });
  return {
    id,
    chat_id: readText(f.chat_id),
    is_sender: readFlag(f.is_sender),
    sender_id: readText(f.sender_id),
    sender_attendee_id: readText(f.sender_attendee_id),
    sender_name: readText(f.sender_name),
    text: typeof f.text === 'string' ? f.text : null,
    attachments,
    deleted: readFlag(f.deleted),
    edited: readFlag(f.edited),
    is_event: readFlag(f.is_event),
    timestamp: readText(f.timestamp),
  };
}

/** 0 (or "individual", or anything unknown) is 1:1; groups and broadcasts are read alike here. */
function kindOf(type: unknown): ChatKindCode {
  if (type === 1 || type === 2) return 'group';
  if (typeof type === 'string' && /^(?:1|2|group|broadcast|channel)$/i.test(type)) return 'group';
  return 'direct';
}

export function readChat(raw: unknown): { chat: UpstreamChat; lastMessage: UpstreamMessage | null } | null {
  const f = fieldsOf(raw);
  const id = f && idOf(f);
  if (!f || !id) return null;
  const chat: UpstreamChat = { id, name: readText(f.name), kind: kindOf(f.type), provider: readText(f.account_type) };
  return { chat, lastMessage: readMessage(f.lastMessage) };
}

function readAttendee(raw: unknown): UpstreamAttendee | null {
  const f = fieldsOf(raw);
  const id = f && idOf(f);
  if (!f || !id) return null;
  return { id, provider_id: readText(f.provider_id), name: readText(f.name), is_self: readFlag(f.is_self), picture_url: readText(f.picture_url) };
}

function readItems<T>(body: unknown, read: (raw: unknown) => T | null): T[] {
  const items = fieldsOf(body)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((raw: unknown) => {
    const item = read(raw);
    return item === null ? [] : [item];
  });
}

/** The upstream answer of one GET, or the error it was (an error answer is thrown as UpstreamErrorResponse). */
async function getJson(backend: Backend, path: string, query?: URLSearchParams): Promise<unknown> {
  return readJson(await backend.request({ method: 'GET', path, ...(query ? { query } : {}) }));
}

export async function fetchChatWithLastMessage(backend: Backend, chatId: string) {
  const found = readChat(await getJson(backend, `/api/v1/chats/${encodeURIComponent(chatId)}`));
  // A 200 that is no chat (or another chat) is as good as no answer.
  return found && found.chat.id === chatId ? found : null;
}

/** The first page only: a 1:1 chat has two attendees, and a group's active speakers come first often enough. */
export async function fetchAttendees(backend: Backend, chatId: string): Promise<UpstreamAttendee[]> {
  return readItems(await getJson(backend, `/api/v1/chats/${encodeURIComponent(chatId)}/attendees`), readAttendee);
}

export async function fetchRecentMessages(backend: Backend, limit: number): Promise<UpstreamMessage[]> {
  return readItems(await getJson(backend, '/api/v1/messages', new URLSearchParams({ limit: String(limit) })), readMessage);
}

export async function fetchRecentChats(backend: Backend, limit: number): Promise<UpstreamChat[]> {
  return readItems(await getJson(backend, '/api/v1/chats', new URLSearchParams({ limit: String(limit) })), (raw) => readChat(raw)?.chat ?? null);
}
