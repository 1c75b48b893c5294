import * as z from 'zod/mini';

/**
 * Triage's own live events: what `GET /api/events` (Server-Sent Events) sends every open browser, whichever upstream
 * they came from (a Unipile webhook, the simulator's activity). Small on purpose: the browser places them with the
 * chats resource's own rules (lib/chats/list-cache.ts, the shared matcher), and asks the API for anything more.
 * One SSE message per event: `id: <sequence>`, `event: triage`, `data: <one LiveEvent as JSON>`. Written once here;
 * the README's "Live updates" section describes it in words.
 */

export const LIVE_EVENT_NAME = 'triage';

const messageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** Plain text as the upstream sent it (the browser renders it as it renders any message); null when none. */
  text: z.nullable(z.string()),
  /** ISO time the message was sent. */
  timestamp: z.string(),
  /** 1 when the mailbox owner sent it (from another device, or this browser). */
  is_sender: z.number(),
  sender_name: z.nullable(z.string()),
  sender_attendee_id: z.nullable(z.string()),
  attachment_count: z.number(),
});

export const liveEventSchema = z.discriminatedUnion('type', [
  /** A new message in a chat: the chat moves to the top of every view it belongs to, its unread count and preview change. */
  z.object({
    type: z.literal('message.created'),
    chat_id: z.string().check(z.minLength(1)),
    account_id: z.string(),
    message: messageSchema,
  }),
  /** A message changed: read by the other side, a reaction, edited (new text), deleted. */
  z.object({
    type: z.literal('message.updated'),
    chat_id: z.string().check(z.minLength(1)),
    account_id: z.string(),
    message_id: z.string().check(z.minLength(1)),
    change: z.enum(['read', 'reaction', 'edited', 'deleted', 'delivered']),
    /** The new text, for `edited`. */
    text: z.optional(z.nullable(z.string())),
    /** The reaction, for `reaction` (an emoji). */
    reaction: z.optional(z.nullable(z.string())),
  }),
  /** An account's connection status changed (OK, CREDENTIALS, ERROR, STOPPED, CONNECTING, …). */
  z.object({
    type: z.literal('account.status'),
    account_id: z.string().check(z.minLength(1)),
    status: z.string().check(z.minLength(1)),
  }),
]);

export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveMessage = z.infer<typeof messageSchema>;
