import * as z from 'zod/mini';

/**
 * The chat item of GET /api/v1/chats as the seeds disagree about it (Unipile OpenAPI, Unipile reference page,
 * postpress): every encoding any of them documents is accepted here; normalization happens in lib/chats/model.ts with ./readers.ts.
 * Unknown extra fields are dropped by z.object. A field present with a type no seed documents makes the item
 * malformed (it is then skipped, never the whole page).
 */

/** 0/1 (OpenAPI, postpress) or a boolean (reference page); null or absent reads as "no". */
const flag = z.nullish(z.union([z.boolean(), z.number()]));
const text = z.nullish(z.string());

const attendee = z.object({
  name: text,
  display_name: text,
  is_self: flag,
});

/** Only what a display name can use; other last-message fields are the chat feature's business. */
const lastMessage = z.object({
  sender_name: text,
  is_sender: flag,
});

export const wireChatSchema = z.object({
  id: z.string().check(z.minLength(1)),
  account_id: text,
  /** A provider the enum does not know yet stays as its raw text. */
  account_type: text,
  provider_id: text,
  attendee_provider_id: text,
  name: text,
  /** 0 = 1:1, 1 = group, 2 = broadcast; one seed sends words ("individual"). */
  type: z.nullish(z.union([z.number(), z.string()])),
  timestamp: text,
  unread_count: z.nullish(z.number()),
  archived: flag,
  /** -1 = muted indefinitely, an ISO date = muted until then, null = not muted. */
  muted_until: z.nullish(z.union([z.number(), z.string(), z.boolean()])),
  /** 0 = writable, 1 = read-only, 2 = locked (or a boolean). */
  read_only: flag,
  /** Missing in older schemas: not pinned. */
  pinned: flag,
  disabledFeatures: z.nullish(z.array(z.unknown())),
  subject: text,
  content_type: text,
  folder: z.nullish(z.array(z.unknown())),
  organization_id: text,
  mailbox_id: text,
  /** Not in the list seeds; some responses embed them, and they give 1:1 chats a name. */
  attendees: z.nullish(z.array(z.unknown())),
  lastMessage: z.nullish(z.unknown()),
});

export type WireChat = z.infer<typeof wireChatSchema>;

export const wireAttendeeSchema = attendee;
export const wireLastMessageSchema = lastMessage;

/** The list envelope; items are checked one by one so a single bad item cannot blank a page. */
export const wireListEnvelopeSchema = z.object({
  items: z.array(z.unknown()),
  cursor: z.nullish(z.unknown()),
});
