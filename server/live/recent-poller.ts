import * as z from 'zod/mini';
import { namespacedId, type BackendKind } from '../../src/lib/wire/backends';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import type { Backend } from '../backends/types';
import type { WebhookDedupe } from '../webhooks/dedupe';

/**
 * Live updates for a backend Triage receives no pushes from (Periskope here: its webhooks are signed in a way its
 * documentation does not spell out): its newest messages, asked for every `intervalMs` through its own adapter
 * (`GET /api/v1/messages`, one upstream call a tick), become `message.created` events on the bus. The first tick only
 * learns where "now" is; a message is published once across server copies (the webhook dedupe, Redis with several).
 */

const messageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  chat_id: z.string().check(z.minLength(1)),
  account_id: z.optional(z.nullable(z.string())),
  text: z.optional(z.nullable(z.string())),
  timestamp: z.string(),
  is_sender: z.optional(z.union([z.number(), z.boolean()])),
  sender_name: z.optional(z.nullable(z.string())),
  sender_attendee_id: z.optional(z.nullable(z.string())),
  attachments: z.optional(z.array(z.unknown())),
});
const pageSchema = z.object({ items: z.array(z.unknown()) });

type RecentMessage = z.infer<typeof messageSchema>;

export interface RecentPollerOptions {
  kind: BackendKind;
  /** The backend on its own (raw ids): its events are namespaced here when `namespaced`. */
  backend: Backend;
  namespaced: boolean;
  publish: (event: LiveEvent) => Promise<unknown>;
  dedupe: WebhookDedupe;
  intervalMs: number;
  /** How many of the newest messages one tick reads (more arriving within one tick are caught by a refetch). */
  pageSize?: number;
  onError?: (error: unknown) => void;
}

export interface RecentPoller {
  /** One tick now (tests call it; the timer calls it every interval). */
  poll(): Promise<void>;
  start(): void;
  stop(): void;
}

function eventOf(message: RecentMessage, ns: (id: string) => string): LiveEvent {
  const sender = message.sender_attendee_id ?? null;
  return {
    type: 'message.created',
    chat_id: ns(message.chat_id),
    account_id: ns(message.account_id ?? ''),
    message: {
      id: ns(message.id),
      text: message.text ?? null,
      timestamp: message.timestamp,
      is_sender: message.is_sender === true || message.is_sender === 1 ? 1 : 0,
      sender_name: message.sender_name ?? null,
      sender_attendee_id: sender === null ? null : ns(sender),
      attachment_count: message.attachments?.length ?? 0,
    },
  };
}

export function createRecentPoller({ kind, backend, namespaced, publish, dedupe, intervalMs, pageSize = 20, onError = () => {} }: RecentPollerOptions): RecentPoller {
  const ns = (id: string) => (namespaced && id !== '' ? namespacedId(kind, id) : id);
  // Messages at or before the watermark were there before Triage looked (or were published already).
  let watermark: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  // The tick in progress, and at most one more asked for meanwhile (it must read after what was asked happened).
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  async function tick(): Promise<void> {
    try {
      const response = await backend.request({ method: 'GET', path: '/api/v1/messages', query: new URLSearchParams({ limit: String(pageSize) }) });
      if (!response.ok) return;
      const page = pageSchema.safeParse(await response.json());
      if (!page.success) return;
      const messages = page.data.items.flatMap((item) => {
        const parsed = messageSchema.safeParse(item);
        const at = parsed.success ? Date.parse(parsed.data.timestamp) : Number.NaN;
        return parsed.success && Number.isFinite(at) ? [{ message: parsed.data, at }] : [];
      });
      const newest = Math.max(watermark ?? Number.NEGATIVE_INFINITY, ...messages.map((m) => m.at));
      const first = watermark === null;
      // Oldest first, so the browser's placement ends with the newest chat on top. At the watermark itself too (two
      // messages in the same millisecond): the claim keeps a message from going out twice.
      for (const { message } of messages.filter((m) => first || m.at >= (watermark ?? 0)).sort((a, b) => a.at - b.at)) {
        const fresh = await dedupe.claim(`${kind}:poll:${message.id}`);
        // The first tick only marks what was already there.
        if (fresh && !first) await publish(eventOf(message, ns));
      }
      watermark = Number.isFinite(newest) ? newest : (watermark ?? Date.now());
    } catch (error) {
      onError(error);
    }
  }

  function poll(): Promise<void> {
    if (running === null) {
      running = tick().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return poll();
    });
    return queued;
  }

  return {
    poll,
    start() {
      if (timer) return;
      void poll();
      timer = setInterval(() => void poll(), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
