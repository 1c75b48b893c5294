import type { Provider } from '@/config/providers';
import { wireAttendeeSchema, wireLastMessageSchema, type WireChat } from '../wire/chat-wire';
import type { ChatFacts } from '../wire/match';
import { readCount, readFlag, readMute, readStrings, readText, readTime, type MuteState } from '../wire/readers';

export type { MuteState } from '../wire/readers';

export type ChatKind = 'direct' | 'group' | 'broadcast';

export type ReadOnlyState = 'writable' | 'read_only' | 'locked';

/** A chat as the inbox uses it: booleans, parsed times, and a display name that is never empty. */
export interface InboxChat extends ChatFacts {
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
  folders: readonly string[];
  disabledFeatures: readonly string[];
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
  return readFlag(value) ? 'read_only' : 'writable';
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
  const name = readText(source.name) ?? readText(source.otherAttendeeName);
  if (name) return name;
  const id = readText(source.attendeeProviderId) ?? readText(source.providerId);
  if (id) return formatProviderId(id);
  return 'Unnamed chat';
}

/** Ids past this length are shortened: enough to tell two apart, short enough for a row. */
const ID_SHOWN = 12;

/**
 * A provider id shown where no name exists, so it reads as an id and not as a name: a WhatsApp number as a phone
 * number ("+33612345678"), anything else as "ID " and its start ("ID ACoAA2PHHGxy…").
 */
export function formatProviderId(providerId: string): string {
  const pretty = prettyProviderId(providerId);
  if (pretty !== providerId) return pretty;
  const chars = Array.from(providerId);
  return `ID ${chars.length > ID_SHOWN + 1 ? `${chars.slice(0, ID_SHOWN).join('')}…` : providerId}`;
}

/** The other person's name when the item happens to carry attendees or a last message (the list seeds do not). */
export function otherAttendeeName(wire: Pick<WireChat, 'attendees' | 'lastMessage'>): string | null {
  for (const raw of wire.attendees ?? []) {
    const attendee = wireAttendeeSchema.safeParse(raw);
    if (!attendee.success || readFlag(attendee.data.is_self)) continue;
    const name = readText(attendee.data.display_name) ?? readText(attendee.data.name);
    if (name) return name;
  }
  const last = wireLastMessageSchema.safeParse(wire.lastMessage);
  if (last.success && !readFlag(last.data.is_sender)) return readText(last.data.sender_name);
  return null;
}


export function normalizeChat(wire: WireChat, now: number = Date.now()): InboxChat {
  const kind = toKind(wire.type);
  const name = readText(wire.name);
  // A group is not named after one of its members.
  const other = kind === 'direct' ? otherAttendeeName(wire) : null;
  const providerId = readText(wire.provider_id);
  const attendeeProviderId = readText(wire.attendee_provider_id);
  const contentType = readText(wire.content_type);
  return {
    id: wire.id,
    accountId: intern(wire.account_id ?? ''),
    provider: intern(readText(wire.account_type) ?? ''),
    providerId,
    attendeeProviderId,
    name,
    otherAttendeeName: other,
    displayName: chatDisplayName({ name, otherAttendeeName: other, attendeeProviderId, providerId }),
    kind,
    lastActivityAt: readTime(wire.timestamp),
    unreadCount: readCount(wire.unread_count),
    archived: readFlag(wire.archived),
    pinned: readFlag(wire.pinned),
    mute: readMute(wire.muted_until, now),
    readOnly: toReadOnly(wire.read_only),
    subject: readText(wire.subject),
    contentType: contentType ? intern(contentType) : null,
    folders: readStrings(wire.folder),
    disabledFeatures: readStrings(wire.disabledFeatures),
  };
}
