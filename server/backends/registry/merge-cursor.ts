import { z } from 'zod';
import { BACKEND_KINDS } from '../../../src/lib/wire/backends';
import { InvalidParameterError } from '../../routes/errors';

/*
 * The merged lists' own cursors: base64url of a small JSON document. Everything a later page needs travels in them
 * (the server keeps no state); `o` says which list issued one, so a chat cursor is refused on the accounts.
 */

const kind = z.enum(BACKEND_KINDS);

const unavailable = z.object({ backend: kind, title: z.string(), detail: z.string(), type: z.string(), status: z.number().int() });

const chatCursorSchema = z.object({
  v: z.literal(1),
  o: z.literal('chats'),
  /** Members with chats left: the upstream cursor of the page being consumed (null: their first page). */
  m: z.array(z.object({ k: kind, c: z.string().min(1).nullable() })),
  /** Members that failed on an earlier page: out for the rest of the listing, and said so on every page. */
  x: z.array(unavailable),
  /**
   * The boundary: the last answered chat's timestamp (epoch ms, null for none) and the namespaced ids answered at
   * exactly that timestamp. Everything above it was answered (or moved up since); null before the first chat.
   */
  b: z.object({ t: z.number().nullable(), ids: z.array(z.string()) }).nullable(),
});
export type ChatMergeCursor = z.infer<typeof chatCursorSchema>;

const accountCursorSchema = z.object({
  v: z.literal(1),
  o: z.literal('accounts'),
  /** Members with accounts left, and the upstream cursor of their next page. */
  m: z.array(z.object({ k: kind, c: z.string().min(1) })),
});
export type AccountMergeCursor = z.infer<typeof accountCursorSchema>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function encode(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function decode<T>(raw: string, schema: z.ZodType<T>, what: string): T {
  const refuse = () => new InvalidParameterError('cursor', `is not a cursor Triage issued for the merged ${what}`);
  if (!BASE64URL.test(raw)) throw refuse();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw refuse();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw refuse();
  return parsed.data;
}

export const encodeChatCursor = (cursor: ChatMergeCursor): string => encode(cursor);
export const decodeChatCursor = (raw: string): ChatMergeCursor => decode(raw, chatCursorSchema, 'chat list');
export const encodeAccountCursor = (cursor: AccountMergeCursor): string => encode(cursor);
export const decodeAccountCursor = (raw: string): AccountMergeCursor => decode(raw, accountCursorSchema, 'account list');
