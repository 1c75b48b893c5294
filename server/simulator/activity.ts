import { PLAIN_MESSAGES } from './corpus';
import { at } from './prng';
import type { SimulatorStore } from './store';
import type { KnownProvider } from '../../src/lib/wire/vocabulary';

/**
 * The simulator's live activity: now and then someone writes to a random chat of the mailbox. The message goes into
 * the store (so GET /chats and /messages show it, unread + 1, at the top) and out as a Unipile-shaped
 * `message_received` webhook, which the caller delivers by a real HTTP POST to Triage's own /webhooks/unipile: the
 * same path a real Unipile push takes, exercised end to end.
 */

interface WebhookAttendeeJson {
  attendee_id: string;
  attendee_name: string;
  attendee_provider_id: string;
  attendee_profile_url?: string;
}

/** Unipile's new-message webhook, as the simulator sends it (a subset of the fields Unipile sends). */
export interface MessageWebhookJson {
  account_id: string;
  account_type: KnownProvider;
  account_info: { type: KnownProvider; feature: string; user_id: string };
  event: 'message_received';
  chat_id: string;
  timestamp: string;
  webhook_name: string;
  message_id: string;
  message: string | null;
  sender: WebhookAttendeeJson;
  attendees: WebhookAttendeeJson[];
  attachments: unknown[];
  reaction: string;
  reaction_sender: null;
  provider_chat_id: string;
  provider_message_id: string;
  is_sender: 0;
}

export interface IncomingMessageOptions {
  /** This chat; otherwise a random chat that is neither archived nor on a disconnected account. */
  chatId?: string;
  text?: string;
  random?: () => number;
}

/** Random picks before falling back to a scan: a mailbox where almost every chat is archived still gets one. */
const RANDOM_PICKS = 32;

function pickChat(store: SimulatorStore, random: () => number): number {
  const eligible = (idx: number) => store.chatJson(idx).archived === 0 && !store.isDisconnected(idx);
  const count = store.chatCount;
  for (let k = 0; k < RANDOM_PICKS && count > 0; k++) {
    const idx = Math.floor(random() * count);
    if (eligible(idx)) return idx;
  }
  for (let idx = 0; idx < count; idx++) if (eligible(idx)) return idx;
  return -1;
}

/** One incoming message now, in the store; returns its webhook, or null when there is no such chat (or none to pick). */
export function simulateIncomingMessage(store: SimulatorStore, { chatId, text, random = Math.random }: IncomingMessageOptions = {}): MessageWebhookJson | null {
  const idx = chatId === undefined ? pickChat(store, random) : store.chatIndex(chatId);
  if (idx < 0) return null;
  const body = text ?? at(PLAIN_MESSAGES, Math.floor(random() * PLAIN_MESSAGES.length));
  const message = store.receiveMessage(idx, body);
  const chat = store.chatJson(idx);
  const records = store.attendeeRecords(idx);
  const toJson = (a: (typeof records)[number]): WebhookAttendeeJson => ({
    attendee_id: a.id,
    attendee_name: a.name,
    attendee_provider_id: a.providerId,
    ...(a.profileUrl ? { attendee_profile_url: a.profileUrl } : {}),
  });
  const sender = records.find((a) => a.id === message.sender_attendee_id) ?? at(records, 0);
  const self = records.find((a) => a.isSelf);
  return {
    account_id: chat.account_id,
    account_type: chat.account_type,
    account_info: { type: chat.account_type, feature: 'classic', user_id: self?.providerId ?? '' },
    event: 'message_received',
    chat_id: chat.id,
    timestamp: message.timestamp,
    webhook_name: 'triage-messaging',
    message_id: message.id,
    message: message.text,
    sender: toJson(sender),
    attendees: records.filter((a) => !a.isSelf).map(toJson),
    attachments: [],
    reaction: '',
    reaction_sender: null,
    provider_chat_id: message.chat_provider_id,
    provider_message_id: message.provider_id,
    is_sender: 0,
  };
}

export type DeliverWebhook = (payload: MessageWebhookJson) => Promise<void>;

export interface SimulatorActivityOptions {
  store: SimulatorStore;
  /** Messages per minute on average (0: none by itself; triggerNow still works). */
  perMinute: number;
  deliver: DeliverWebhook;
  random?: () => number;
  /** A delivery that failed (Triage not listening yet, refused the secret…): the message stays in the store. */
  onError?: (error: unknown) => void;
}

export interface SimulatorActivity {
  /** One message now, delivered before it resolves; null when `chatId` names no chat. */
  triggerNow(chatId?: string): Promise<{ chat_id: string; message_id: string } | null>;
  start(): void;
  stop(): void;
}

export const MAX_ACTIVITY_PER_MINUTE = 600;

export function createSimulatorActivity({ store, perMinute, deliver, random = Math.random, onError = () => {} }: SimulatorActivityOptions): SimulatorActivity {
  if (!Number.isFinite(perMinute) || perMinute < 0 || perMinute > MAX_ACTIVITY_PER_MINUTE) {
    throw new RangeError(`perMinute must be from 0 to ${MAX_ACTIVITY_PER_MINUTE}`);
  }
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const triggerNow: SimulatorActivity['triggerNow'] = async (chatId) => {
    const payload = simulateIncomingMessage(store, { chatId, random });
    if (payload === null) return null;
    await deliver(payload);
    return { chat_id: payload.chat_id, message_id: payload.message_id };
  };

  // Irregular on purpose (half to one and a half times the mean gap): a real inbox does not tick like a clock.
  const scheduleNext = () => {
    const meanMs = 60_000 / perMinute;
    timer = setTimeout(() => {
      if (!running) return;
      triggerNow().catch(onError);
      scheduleNext();
    }, meanMs * (0.5 + random()));
    // The activity never keeps a process alive on its own (tests, a shutdown in progress).
    timer.unref();
  };

  return {
    triggerNow,
    start() {
      if (running || perMinute === 0) return;
      running = true;
      scheduleNext();
    },
    stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
