import type { Provider } from '@/config/providers';
import { wireAttendeeSchema, wireLastMessageSchema, type WireChat } from './wire/chat-wire';

export type ChatKind = 'direct' | 'group' | 'broadcast';

/** Computed once at read time: a mute date already in the past means the chat is not muted any more. */
export type MuteState = { kind: 'none' } | { kind: 'forever' } | { kind: 'until'; until: number };

export type ReadOnlyState = 'writable' | 'read_only' | 'locked';

/** A chat as the inbox uses it: booleans, parsed times, and a display name that is never empty. */
export interface InboxChat {
  id: string;
  accountId: string;
  /** Raw provider value: a known one (`LINKEDIN`) or any text the API sends. */
  provider: Provider;
  providerId: string | null;
  attendeeProviderId: string | null;
  /** The API's name, cleaned (null when missing, empty or the text "null"). */
  name: string | null;
  otherAttendeeName: string | null;
  displayName: string;
  kind: ChatKind;
  /** Last activity in epoch ms, parsed once here so rows never parse dates. */
  lastActivityAt: number | null;
  unreadCount: number;
  archived: boolean;
  pinned: boolean;
  mute: MuteState;
  readOnly: ReadOnlyState;
  subject: string | null;
  /** Raw LinkedIn classifier (`inmail`, `sponsored`, `linkedin_offer`, or anything else). */
  contentType: string | null;
  /** Raw folder values; labels come from config/folders.ts. */
  folders: string[];
  disabledFeatures: string[];
}

/** Text worth showing: not null, not blank, not a serialized "null"/"undefined". */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'null' || trimmed === 'undefined') return null;
  return trimmed;
}

function toFlag(value: boolean | number | null | undefined): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return false;
}

function toKind(value: number | string | null | undefined): ChatKind {
  if (value === 1) return 'group';
  if (value === 2) return 'broadcast';
  if (typeof value === 'string') {
    const word = value.toLowerCase();
    if (word === 'group' || word === '1') return 'group';
    if (word === 'broadcast' || word === 'channel' || word === '2') return 'broadcast';
  }
  return 'direct';
}

function toReadOnly(value: boolean | number | null | undefined): ReadOnlyState {
  if (value === 2) return 'locked';
  return toFlag(value) ? 'read_only' : 'writable';
}

/** Epoch ms of an ISO date, or null when absent or unparseable. */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** One copy of each low-cardinality string (account ids, providers) instead of one per chat, as JSON.parse makes. */
const interned = new Map<string, string>();
function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  // Bounded: these fields have a handful of values; anything else is not worth keeping.
  if (interned.size < 10_000) interned.set(value, value);
  return value;
}

/** Shared (frozen) by every chat that has them: with 100,000 chats in memory, per-chat copies add up. */
const NO_STRINGS = Object.freeze([]) as unknown as string[];
const NOT_MUTED: MuteState = Object.freeze({ kind: 'none' });
const FOREVER: MuteState = Object.freeze({ kind: 'forever' });

/**
 * `muted_until`: -1 → muted indefinitely; an ISO date → muted until then (past → not muted); null → not muted.
 * Numbers other than -1 are read as epoch times (seconds or ms), and unparseable text as "muted, end unknown",
 * because the API only sends the field when something is muted.
 */
export function readMute(value: number | string | boolean | null | undefined, now: number): MuteState {
  if (value === null || value === undefined || value === false) return NOT_MUTED;
  if (value === true) return FOREVER;
  let until: number;
  if (typeof value === 'number') {
    if (value < 0) return FOREVER;
    if (value === 0) return NOT_MUTED;
    until = value < 1e11 ? value * 1000 : value;
  } else {
    const text = value.trim();
    if (text === '') return NOT_MUTED;
    if (text === '-1') return FOREVER;
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return FOREVER;
    until = ms;
  }
  return until > now ? { kind: 'until', until } : NOT_MUTED;
}

export function isMuted(mute: MuteState): boolean {
  return mute.kind !== 'none';
}

/** WhatsApp ids look like `33612345678@s.whatsapp.net`: show them as a phone number. */
export function prettyProviderId(providerId: string): string {
  const whatsapp = /^(\d{6,15})@s\.whatsapp\.net$/.exec(providerId);
  if (whatsapp) return `+${whatsapp[1]}`;
  return providerId;
}

export interface DisplayNameSource {
  name: string | null | undefined;
  otherAttendeeName?: string | null | undefined;
  attendeeProviderId?: string | null | undefined;
  providerId?: string | null | undefined;
}

/** The one fallback chain for a chat's name: its name, the other attendee's name, a provider id, "Unnamed chat". */
export function chatDisplayName(source: DisplayNameSource): string {
  const name = cleanText(source.name) ?? cleanText(source.otherAttendeeName);
  if (name) return name;
  const id = cleanText(source.attendeeProviderId) ?? cleanText(source.providerId);
  if (id) return prettyProviderId(id);
  return 'Unnamed chat';
}

/** The other person's name when the item happens to carry attendees or a last message (the list seeds do not). */
export function otherAttendeeName(wire: Pick<WireChat, 'attendees' | 'lastMessage'>): string | null {
  for (const raw of wire.attendees ?? []) {
    const attendee = wireAttendeeSchema.safeParse(raw);
    if (!attendee.success || toFlag(attendee.data.is_self)) continue;
    const name = cleanText(attendee.data.display_name) ?? cleanText(attendee.data.name);
    if (name) return name;
  }
  const last = wireLastMessageSchema.safeParse(wire.lastMessage);
  if (last.success && !toFlag(last.data.is_sender)) return cleanText(last.data.sender_name);
  return null;
}


function strings(values: readonly unknown[] | null | undefined): string[] {
  if (!values || values.length === 0) return NO_STRINGS;
  const kept = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return kept.length === 0 ? NO_STRINGS : kept;
}

export function normalizeChat(wire: WireChat, now: number = Date.now()): InboxChat {
  const kind = toKind(wire.type);
  const name = cleanText(wire.name);
  // A group is not named after one of its members.
  const other = kind === 'direct' ? otherAttendeeName(wire) : null;
  const providerId = cleanText(wire.provider_id);
  const attendeeProviderId = cleanText(wire.attendee_provider_id);
  const unread = wire.unread_count ?? 0;
  const contentType = cleanText(wire.content_type);
  return {
    id: wire.id,
    accountId: intern(wire.account_id ?? ''),
    provider: intern(cleanText(wire.account_type) ?? ''),
    providerId,
    attendeeProviderId,
    name,
    otherAttendeeName: other,
    displayName: chatDisplayName({ name, otherAttendeeName: other, attendeeProviderId, providerId }),
    kind,
    lastActivityAt: parseTime(wire.timestamp),
    unreadCount: Number.isFinite(unread) && unread > 0 ? Math.floor(unread) : 0,
    archived: toFlag(wire.archived),
    pinned: toFlag(wire.pinned),
    mute: readMute(wire.muted_until, now),
    readOnly: toReadOnly(wire.read_only),
    subject: cleanText(wire.subject),
    contentType: contentType ? intern(contentType) : null,
    folders: strings(wire.folder),
    disabledFeatures: strings(wire.disabledFeatures),
  };
}
