import { z } from 'zod';
import { KNOWN_PROVIDERS, PAGE_SIZE } from '../../src/lib/wire/vocabulary';
import { decodeBase64Json, encodeBase64Json } from '../base64-json';
import type { AllMessagesQuery, UpstreamChatQuery, UpstreamMessageQuery } from './store';

/**
 * Opaque cursors: standard base64 (with padding, as the SDK's isBase64 check wants) of a small JSON
 * document. Like Unipile's, a chat-list cursor carries the filters and limit of the walk it belongs to.
 */

export function encodeCursor(payload: unknown): string {
  return encodeBase64Json(payload);
}

const decodeRaw = (cursor: string): unknown => decodeBase64Json(cursor);

const timestamp = z.number().finite().nullable();
const limit = z.number().int().min(PAGE_SIZE.min).max(PAGE_SIZE.max);

export const chatCursorSchema = z.object({
  k: z.literal('chats'),
  /** Snapshot: the store's change sequence number when the walk started. */
  s: z.number().int().nonnegative(),
  /** Clock time of the first page (informational). */
  t0: z.number().finite(),
  ts: timestamp,
  id: z.string().min(1),
  l: limit,
  f: z.object({
    unread: z.boolean().optional(),
    account_type: z.enum(KNOWN_PROVIDERS).optional(),
    account_id: z.array(z.string().min(1)).optional(),
    before: z.number().finite().optional(),
    after: z.number().finite().optional(),
  }) satisfies z.ZodType<UpstreamChatQuery>,
});
export type ChatCursor = z.infer<typeof chatCursorSchema>;

export const messageCursorSchema = z.object({
  k: z.literal('messages'),
  chat: z.string().min(1),
  /** Continue below this message index (exclusive). */
  below: z.number().int().nonnegative(),
  l: limit,
  f: z.object({
    before: z.number().finite().optional(),
    after: z.number().finite().optional(),
    sender_id: z.string().min(1).optional(),
  }) satisfies z.ZodType<UpstreamMessageQuery>,
});
export type MessageCursor = z.infer<typeof messageCursorSchema>;

/** GET /messages across chats: keyset paging below the last message returned (time, then id). */
export const allMessagesCursorSchema = z.object({
  k: z.literal('all-messages'),
  ts: z.number().finite(),
  id: z.string().min(1),
  l: limit,
  f: z.object({
    before: z.number().finite().optional(),
    after: z.number().finite().optional(),
    sender_id: z.string().min(1).optional(),
    account_id: z.string().min(1).optional(),
  }) satisfies z.ZodType<AllMessagesQuery>,
});
export type AllMessagesCursor = z.infer<typeof allMessagesCursorSchema>;

export const offsetCursorSchema = z.object({
  k: z.enum(['accounts', 'attendees']),
  /** Owner of the list (chat id for attendees), so a cursor cannot be replayed on another list. */
  of: z.string(),
  offset: z.number().int().nonnegative(),
  l: limit,
});
export type OffsetCursor = z.infer<typeof offsetCursorSchema>;

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(decodeRaw(cursor));
  return parsed.success ? parsed.data : undefined;
}
