import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { LiveEvent } from '../../src/lib/wire/live-events';

/**
 * Unipile's webhook payloads, as far as Triage reads them, and their translation into Triage's own live events.
 * A messaging webhook is one flat object with `event`; an account-status webhook is `{"AccountStatus": {...}}`.
 * Unknown keys are kept out (zod strips them); only the fields below are trusted, and only after validation.
 */

/** The header Triage registers its webhooks with, carrying UNIPILE_WEBHOOK_SECRET. */
export const WEBHOOK_SECRET_HEADER = 'X-Webhook-Secret';

export const MESSAGE_EVENTS = ['message_received', 'message_read', 'message_reaction', 'message_edited', 'message_deleted', 'message_delivered'] as const;
export type MessageEventKind = (typeof MESSAGE_EVENTS)[number];

const id = z.string().check(z.minLength(1));
/** Unipile sends 0/1 in some places and booleans in others. */
const flag = z.union([z.number(), z.boolean()]);

const attendeeSchema = z.object({
  attendee_id: z.optional(z.nullable(z.string())),
  attendee_name: z.optional(z.nullable(z.string())),
  attendee_provider_id: z.optional(z.nullable(z.string())),
  attendee_profile_url: z.optional(z.nullable(z.string())),
});

export const messageWebhookSchema = z.object({
  event: z.enum(MESSAGE_EVENTS),
  account_id: id,
  account_type: z.optional(z.string()),
  account_info: z.optional(
    z.object({
      type: z.optional(z.string()),
      feature: z.optional(z.string()),
      /** The mailbox owner's provider id: a message whose sender has it was sent by the owner. */
      user_id: z.optional(z.nullable(z.string())),
    }),
  ),
  chat_id: id,
  message_id: id,
  timestamp: z.optional(z.string()),
  webhook_name: z.optional(z.string()),
  message: z.optional(z.nullable(z.string())),
  sender: z.optional(z.nullable(attendeeSchema)),
  attendees: z.optional(z.array(attendeeSchema)),
  attachments: z.optional(z.nullable(z.array(z.unknown()))),
  reaction: z.optional(z.nullable(z.string())),
  reaction_sender: z.optional(z.nullable(attendeeSchema)),
  is_sender: z.optional(flag),
});
export type MessageWebhook = z.infer<typeof messageWebhookSchema>;

export const accountStatusWebhookSchema = z.object({
  AccountStatus: z.object({
    account_id: id,
    account_type: z.optional(z.string()),
    message: id,
    timestamp: z.optional(z.string()),
  }),
});
export type AccountStatusWebhook = z.infer<typeof accountStatusWebhookSchema>;

export type UnipileWebhook = { kind: 'message'; payload: MessageWebhook } | { kind: 'account_status'; payload: AccountStatusWebhook };

export type ParsedWebhook = { ok: true; webhook: UnipileWebhook } | { ok: true; webhook: null; ignored: string } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Sorts a delivery into: a webhook Triage acts on, one it ignores (another source or event kind: Unipile also sends
 * mail, relation and calendar events to webhooks), or a malformed one (a known kind with missing or wrong fields).
 */
export function parseUnipileWebhook(body: unknown): ParsedWebhook {
  if (!isRecord(body)) return { ok: false, error: 'body: must be a JSON object' };
  if ('AccountStatus' in body) {
    const parsed = accountStatusWebhookSchema.safeParse(body);
    return parsed.success ? { ok: true, webhook: { kind: 'account_status', payload: parsed.data } } : { ok: false, error: describeIssues(parsed.error) };
  }
  const event = body.event;
  if (event === undefined) return { ok: true, webhook: null, ignored: 'no event' };
  if (typeof event !== 'string') return { ok: false, error: 'event: must be a string' };
  if (!(MESSAGE_EVENTS as readonly string[]).includes(event)) return { ok: true, webhook: null, ignored: event };
  const parsed = messageWebhookSchema.safeParse(body);
  return parsed.success ? { ok: true, webhook: { kind: 'message', payload: parsed.data } } : { ok: false, error: describeIssues(parsed.error) };
}

const CHANGE_OF: Record<Exclude<MessageEventKind, 'message_received'>, 'read' | 'reaction' | 'edited' | 'deleted' | 'delivered'> = {
  message_read: 'read',
  message_reaction: 'reaction',
  message_edited: 'edited',
  message_deleted: 'deleted',
  message_delivered: 'delivered',
};

function isFromOwner(p: MessageWebhook): number {
  if (p.is_sender !== undefined) return p.is_sender === true || p.is_sender === 1 ? 1 : 0;
  const owner = p.account_info?.user_id;
  return owner && p.sender?.attendee_provider_id === owner ? 1 : 0;
}

/** The live events one webhook stands for (one today; a list so a future payload may carry several). */
export function toLiveEvents(webhook: UnipileWebhook, now: () => number = Date.now): LiveEvent[] {
  if (webhook.kind === 'account_status') {
    const { account_id, message } = webhook.payload.AccountStatus;
    return [{ type: 'account.status', account_id, status: message }];
  }
  const p = webhook.payload;
  if (p.event === 'message_received') {
    return [
      {
        type: 'message.created',
        chat_id: p.chat_id,
        account_id: p.account_id,
        message: {
          id: p.message_id,
          text: p.message ?? null,
          // A webhook without its time is still news: it happened about now.
          timestamp: p.timestamp ?? new Date(now()).toISOString(),
          is_sender: isFromOwner(p),
          sender_name: p.sender?.attendee_name ?? null,
          sender_attendee_id: p.sender?.attendee_id ?? null,
          attachment_count: p.attachments?.length ?? 0,
        },
      },
    ];
  }
  const change = CHANGE_OF[p.event];
  return [
    {
      type: 'message.updated',
      chat_id: p.chat_id,
      account_id: p.account_id,
      message_id: p.message_id,
      change,
      ...(change === 'edited' ? { text: p.message ?? null } : {}),
      ...(change === 'reaction' ? { reaction: p.reaction ?? null } : {}),
    },
  ];
}

/**
 * What makes two deliveries the same event (Unipile retries send the same payload again), hashed to a fixed size.
 * A reaction or an edit is told apart by its content: two different reactions to one message are two events.
 * null: not deduplicated. An account status without a timestamp is idempotent to apply, and keying it on the status
 * alone would swallow a real OK → CREDENTIALS → OK within the window.
 */
export function dedupeKey(webhook: UnipileWebhook): string | null {
  let parts: (string | null | undefined)[];
  if (webhook.kind === 'account_status') {
    const s = webhook.payload.AccountStatus;
    if (s.timestamp === undefined) return null;
    parts = ['account_status', s.account_id, s.message, s.timestamp];
  } else {
    const p = webhook.payload;
    parts = [p.event, p.account_id, p.chat_id, p.message_id];
    if (p.event === 'message_reaction') parts.push(p.reaction, p.reaction_sender?.attendee_id);
    if (p.event === 'message_edited') parts.push(p.message);
  }
  return `unipile:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
}
