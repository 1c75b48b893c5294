import * as z from 'zod/mini';

/**
 * The answer of Triage's own `GET /api/previews?chat_ids=…` (server/routes/previews.ts builds it, lib/chats/previews.ts
 * reads it): per chat, its last message reduced to what a row shows, and the name and picture a 1:1 chat lacks. The
 * contract is written once, in README.md ("Previews"). Text is plain text, never markup.
 */

export const ATTACHMENT_KINDS = ['image', 'video', 'audio', 'file', 'sticker', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** At most this many chats per request. */
export const MAX_PREVIEW_IDS = 50;
/** A preview's text is cut to this many characters (an ellipsis included). */
export const PREVIEW_TEXT_MAX = 200;

const senderSchema = z.union([
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('other'), name: z.nullable(z.string()) }),
]);

export const wirePreviewAttachmentSchema = z.object({
  /** One of ATTACHMENT_KINDS; a kind this build does not know reads as 'other'. */
  kind: z.string(),
  /** A file's name; null for pictures, videos, voice notes. */
  name: z.nullable(z.string()),
});

export const wirePreviewMessageSchema = z.object({
  sender: senderSchema,
  /** Plain text, whitespace collapsed, at most PREVIEW_TEXT_MAX characters; '' when the message has none. */
  text: z.string(),
  attachments: z.array(wirePreviewAttachmentSchema),
  deleted: z.boolean(),
  edited: z.boolean(),
  /** A group event ("Amelia added Bob"): its text says who, so no sender prefix. */
  event: z.boolean(),
  /** ISO time the message was sent; null when the upstream gave none. */
  at: z.nullable(z.string()),
});

export const wirePreviewSchema = z.object({
  chat_id: z.string().check(z.minLength(1)),
  last_message: z.nullable(wirePreviewMessageSchema),
  /** The other attendee's name, only for a 1:1 chat whose own name is null or empty; else null. */
  display_name: z.nullable(z.string()),
  /** Whether the chat has a picture to show (decided from data already fetched, never by asking for the picture). */
  picture: z.boolean(),
  /** The id to ask `/api/v1/chat_attendees/:id/picture` for when `picture` is true (the other attendee's, in a 1:1 chat). */
  picture_id: z.nullable(z.string()),
  /** Its picture is still being looked up: ask again in a moment (absent means false). */
  partial: z.optional(z.boolean()),
});

export const wirePreviewListSchema = z.object({
  object: z.literal('PreviewList'),
  /** Checked one by one by the reader, so one odd item cannot blank the rest. */
  items: z.array(z.unknown()),
  /** Asked-for ids with no preview this time (the upstream failed or does not know the chat): ask again later. */
  missing: z.array(z.string()),
});

export type WirePreview = z.infer<typeof wirePreviewSchema>;
export type WirePreviewMessage = z.infer<typeof wirePreviewMessageSchema>;
export type WirePreviewAttachment = z.infer<typeof wirePreviewAttachmentSchema>;
