import { z } from 'zod';

/*
 * What the adapter reads of Periskope's answers (reference: @periskope/types ChatType, MessageType, PhoneInfoType,
 * ChatMemberType, ListChatsType, ListChatMessagesType). Lenient on purpose: unknown fields are dropped, and a field of
 * an unexpected type reads as null (`.catch`) instead of losing the item. Only an item's id is required.
 */

const opt = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
const text = opt(z.string());
const flag = opt(z.boolean());
/** Epoch times arrive as numbers (ms, sometimes s) or as text. */
const time = opt(z.union([z.number(), z.string()]));

const media = z.object({ mimetype: text, filename: text, size: opt(z.number()) });
const reaction = z.object({ reaction: text, sender_id: text });

export const messageSchema = z.object({
  message_id: z.string().min(1),
  chat_id: text,
  org_phone: text,
  body: text,
  timestamp: text,
  from_me: flag,
  sender_phone: text,
  author: text,
  from: text,
  message_type: text,
  has_media: flag,
  media: opt(media),
  is_deleted: flag,
  prev_body: text,
  ack: opt(z.union([z.string(), z.number()])),
  reactions: opt(z.array(z.unknown())),
});
export type PeriskopeMessage = z.infer<typeof messageSchema>;
export const reactionSchema = reaction;

export const memberSchema = z.object({
  contact_id: text,
  contact_name: text,
  name: text,
  verified_name: text,
  pushname: text,
  short_name: text,
  number: text,
  is_admin: flag,
  is_super_admin: flag,
  is_me: flag,
  org_phone: text,
});
export type PeriskopeMember = z.infer<typeof memberSchema>;

export const chatSchema = z.object({
  chat_id: z.string().min(1),
  chat_name: text,
  chat_type: text,
  org_phone: text,
  created_at: text,
  latest_message: opt(messageSchema),
  latest_message_timestamp: time,
  message_unread_count: opt(z.number()),
  unread_count: opt(z.record(z.string(), z.unknown())),
  is_muted: flag,
  is_archived: flag,
  is_pinned: flag,
  closed_at: time,
  is_exited: flag,
  messages_admins_only: flag,
  label_ids: opt(z.record(z.string(), z.unknown())),
  /** Only on GET /chats/{chat_id}: the list leaves members out. */
  members: opt(z.record(z.string(), z.unknown())),
});
export type PeriskopeChat = z.infer<typeof chatSchema>;

export const phoneSchema = z.object({
  org_phone: text,
  phone_id: text,
  phone_name: text,
  wa_state: text,
  is_ready: flag,
  created_at: text,
});
export type PeriskopePhone = z.infer<typeof phoneSchema>;

/**
 * List envelopes (ListingType): the types make the array optional, so an answer is a listing when it has the array or
 * a `count`; anything else is malformed (it cannot be told from the end of the list). Items are checked one by one.
 */
export const chatListSchema = z
  .object({ chats: z.array(z.unknown()).optional(), count: z.number().optional() })
  .refine((body) => body.chats !== undefined || body.count !== undefined, 'no chats array')
  .transform((body) => body.chats ?? []);
export const messageListSchema = z
  .object({ messages: z.array(z.unknown()).optional(), count: z.number().optional() })
  .refine((body) => body.messages !== undefined || body.count !== undefined, 'no messages array')
  .transform((body) => body.messages ?? []);
