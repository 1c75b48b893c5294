import type { InfiniteData } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet } from '@/lib/api-client';
import { readFlag, readText, readTime } from '@/lib/wire/readers';
import { readListPage } from '@/lib/tolerant-list';
import { chatApiPath } from './detail';

/*
 * Messages of one chat: GET /api/v1/chats/:id/messages, newest first, cursor paging. The wire shape follows the
 * Unipile SDK's message schema; every field but the id is optional here, and a malformed attachment, reaction or
 * quote is dropped on its own rather than losing the message.
 */

const flag = z.nullish(z.union([z.boolean(), z.number()]));
const text = z.nullish(z.string());

const wireMessageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  provider_id: text,
  sender_id: text,
  sender_attendee_id: text,
  text,
  timestamp: text,
  is_sender: flag,
  attachments: z.nullish(z.array(z.unknown())),
  reactions: z.nullish(z.array(z.unknown())),
  quoted: z.nullish(z.unknown()),
  seen: flag,
  hidden: flag,
  deleted: flag,
  edited: flag,
  is_event: flag,
  event_type: z.nullish(z.number()),
  delivered: flag,
});
type WireMessage = z.infer<typeof wireMessageSchema>;

const wireAttachmentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  type: text,
  file_name: text,
  file_size: z.nullish(z.number()),
  mimetype: text,
  unavailable: flag,
  size: z.nullish(z.object({ width: z.number(), height: z.number() })),
  sticker: flag,
  gif: flag,
  voice_note: flag,
  duration: z.nullish(z.number()),
});

const wireReactionSchema = z.object({ value: z.string(), sender_id: text, is_sender: flag });

const wireQuotedSchema = z.object({ provider_id: text, sender_id: text, text, attachments: z.nullish(z.array(z.unknown())) });

export type AttachmentKind = 'image' | 'video' | 'audio' | 'file' | 'post';

export interface MessageAttachment {
  id: string;
  kind: AttachmentKind;
  /** The file's own name, when the API gives one. */
  name: string | null;
  bytes: number | null;
  mimetype: string | null;
  width: number | null;
  height: number | null;
  unavailable: boolean;
  sticker: boolean;
  voiceNote: boolean;
}

export interface MessageReaction {
  value: string;
  senderId: string | null;
  mine: boolean;
}

export interface QuotedMessage {
  senderId: string | null;
  text: string | null;
  attachmentCount: number;
}

export interface ChatMessage {
  id: string;
  senderId: string | null;
  senderAttendeeId: string | null;
  text: string | null;
  /** Epoch ms. */
  sentAt: number | null;
  mine: boolean;
  attachments: MessageAttachment[];
  reactions: MessageReaction[];
  quoted: QuotedMessage | null;
  edited: boolean;
  deleted: boolean;
  isEvent: boolean;
  seen: boolean;
  delivered: boolean;
  /** `sending`: shown optimistically, not confirmed by the API yet. */
  status: 'sent' | 'sending';
}

/**
 * A message Triage writes into the cache itself (one being sent, one a live event announced) before the API's own
 * copy arrives: what it knows, and the plain defaults for the rest.
 */
export function localMessage(fields: Pick<ChatMessage, 'id' | 'text' | 'sentAt' | 'mine'> & Partial<ChatMessage>): ChatMessage {
  return {
    senderId: null,
    senderAttendeeId: null,
    attachments: [],
    reactions: [],
    quoted: null,
    edited: false,
    deleted: false,
    isEvent: false,
    seen: false,
    delivered: true,
    status: 'sent',
    ...fields,
  };
}

export interface MessagePage {
  messages: ChatMessage[];
  cursor: string | null;
}

export type MessagesData = InfiniteData<MessagePage, string | null>;


function attachmentKind(type: string | null | undefined): AttachmentKind {
  switch (type) {
    case 'img':
      return 'image';
    case 'video':
    case 'audio':
    case 'file':
      return type;
    case 'linkedin_post':
      return 'post';
    default:
      return 'file';
  }
}

function readAttachments(raw: readonly unknown[] | null | undefined): MessageAttachment[] {
  const out: MessageAttachment[] = [];
  for (const item of raw ?? []) {
    const parsed = wireAttachmentSchema.safeParse(item);
    if (!parsed.success) continue;
    const a = parsed.data;
    const bytes = a.file_size;
    out.push({
      id: a.id,
      kind: attachmentKind(a.type),
      name: readText(a.file_name),
      bytes: typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0 ? bytes : null,
      mimetype: readText(a.mimetype),
      width: a.size && a.size.width > 0 ? a.size.width : null,
      height: a.size && a.size.height > 0 ? a.size.height : null,
      unavailable: readFlag(a.unavailable),
      sticker: readFlag(a.sticker),
      voiceNote: readFlag(a.voice_note),
    });
  }
  return out;
}

function readReactions(raw: readonly unknown[] | null | undefined): MessageReaction[] {
  const out: MessageReaction[] = [];
  for (const item of raw ?? []) {
    const parsed = wireReactionSchema.safeParse(item);
    if (parsed.success && parsed.data.value.trim() !== '') {
      out.push({ value: parsed.data.value, senderId: readText(parsed.data.sender_id), mine: readFlag(parsed.data.is_sender) });
    }
  }
  return out;
}

function readQuoted(raw: unknown): QuotedMessage | null {
  if (raw === null || raw === undefined) return null;
  const parsed = wireQuotedSchema.safeParse(raw);
  if (!parsed.success) return null;
  return { senderId: readText(parsed.data.sender_id), text: parsed.data.text ?? null, attachmentCount: parsed.data.attachments?.length ?? 0 };
}

export function normalizeMessage(wire: WireMessage): ChatMessage {
  const deleted = readFlag(wire.deleted);
  return {
    id: wire.id,
    senderId: readText(wire.sender_id),
    senderAttendeeId: readText(wire.sender_attendee_id),
    // Text is kept verbatim (spacing and line breaks matter); only emptiness is normalized.
    text: deleted || !wire.text || wire.text.trim() === '' ? null : wire.text,
    sentAt: readTime(wire.timestamp),
    mine: readFlag(wire.is_sender),
    attachments: deleted ? [] : readAttachments(wire.attachments),
    reactions: deleted ? [] : readReactions(wire.reactions),
    quoted: deleted ? null : readQuoted(wire.quoted),
    edited: readFlag(wire.edited),
    deleted,
    isEvent: readFlag(wire.is_event),
    seen: readFlag(wire.seen),
    delivered: wire.delivered === undefined || wire.delivered === null ? true : readFlag(wire.delivered),
    status: 'sent',
  };
}

/** Messages per request: a screenful or three, so the first paint is quick and scrolling up pages in often. */
export const MESSAGE_PAGE_SIZE = 50;

export async function fetchMessagePage(chatId: string, cursor: string | null, signal?: AbortSignal): Promise<MessagePage> {
  const query = new URLSearchParams({ limit: String(MESSAGE_PAGE_SIZE) });
  if (cursor) query.set('cursor', cursor);
  const json = await apiGet(`${chatApiPath(chatId)}/messages`, { query, signal });
  const page = readListPage(json, wireMessageSchema, normalizeMessage, 'message');
  return { messages: page.items, cursor: page.cursor };
}


/** Oldest first, each message once (a page boundary that shifted while paging can repeat one). */
export function messagesOldestFirst(data: Pick<MessagesData, 'pages'> | undefined): ChatMessage[] {
  if (!data) return [];
  const seen = new Set<string>();
  const newestFirst: ChatMessage[] = [];
  for (const page of data.pages) {
    for (const message of page.messages) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      newestFirst.push(message);
    }
  }
  return newestFirst.reverse();
}

export function attachmentUrl(messageId: string, attachmentId: string): string {
  return `/api/v1/messages/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
