import type { PeriskopeChatKind, PeriskopeMediaJson, PeriskopeMessageKind } from './wire';

/** The simulator's state, small and flat: JSON is built from these on the way out (json.ts). Times are epoch ms. */

export interface PhoneRecord {
  phoneId: string;
  /** Country code + number, what `x-phone` names. */
  number: string;
  /** `<number>@c.us`: a chat's `org_phone`. */
  orgPhone: string;
  name: string;
  connected: boolean;
  createdAt: number;
  firstConnectedAt: number | null;
}

export interface LabelRecord {
  id: string;
  name: string;
}

export interface ContactRecord {
  /** `<number>@c.us`. */
  id: string;
  number: string;
  name: string;
  colorIdx: number;
  isMyContact: boolean;
}

export interface MessageRecord {
  /** The hex id WhatsApp gives a message; message_id is `<from_me>_<chat_id>_<uniqueId>`. */
  uniqueId: string;
  fromMe: boolean;
  /** Contact id of the sender (the org phone's for our own messages). */
  sender: string;
  /** Whole seconds, as WhatsApp's timestamps are. */
  ts: number;
  kind: PeriskopeMessageKind;
  body: string;
  media: PeriskopeMediaJson | null;
  deleted: boolean;
  /** The text before an edit; null when never edited. */
  prevBody: string | null;
  /** WhatsApp's ack: 0 pending/received, 1 sent, 2 delivered, 3 read. */
  ack: number;
}

export interface ChatRecord {
  index: number;
  chatId: string;
  kind: PeriskopeChatKind;
  name: string | null;
  phoneIdx: number;
  createdAt: number;
  /** The other members (the org phone is always a member too). */
  contacts: ContactRecord[];
  orgIsAdmin: boolean;
  description: string | null;
  inviteLink: string | null;
  announceOnly: boolean;
  muted: boolean;
  archived: boolean;
  pinned: boolean;
  /** Label names, in the org's label order. */
  labels: string[];
  /** message_unread_count: null for some chats that were never counted (reads as 0). */
  unread: number | null;
  /** Time of the newest message, null when the chat has none. */
  latestTs: number | null;
  /** What its generated messages are made from, fixed at generation (state changes never regenerate them). */
  generated: { count: number; latestTs: number | null; unread: number };
  /** Oldest first, once materialized (the first read of its messages, or a change); null until then. */
  messages: MessageRecord[] | null;
  updatedAt: number;
}
