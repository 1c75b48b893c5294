import * as z from 'zod/mini';
import { apiGet } from '@/lib/api-client';
import { readFlag, readText } from '@/lib/wire/readers';
import { readListPage } from '@/lib/tolerant-list';
import { chatApiPath } from './detail';

const flag = z.nullish(z.union([z.boolean(), z.number()]));
const text = z.nullish(z.string());

const wireAttendeeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  provider_id: text,
  name: text,
  is_self: flag,
  hidden: flag,
  picture_url: text,
  profile_url: text,
  specifics: z.nullish(z.object({ headline: text, occupation: text })),
});
type WireAttendee = z.infer<typeof wireAttendeeSchema>;

export interface ChatAttendee {
  id: string;
  providerId: string | null;
  name: string;
  isSelf: boolean;
  hidden: boolean;
  /** Same-origin picture path, or null when the API has no picture (so no request is made to find out). */
  pictureSrc: string | null;
  /** An http(s) profile link; anything else (e.g. `javascript:`) is dropped. */
  profileUrl: string | null;
  headline: string | null;
}


/** Only http(s) links are ever put in an href: a profile URL comes from the provider, not from us. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  const value = readText(raw);
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function attendeePicturePath(attendeeId: string): string {
  return `/api/v1/chat_attendees/${encodeURIComponent(attendeeId)}/picture`;
}

export function normalizeAttendee(wire: WireAttendee): ChatAttendee {
  const isSelf = readFlag(wire.is_self);
  return {
    id: wire.id,
    providerId: readText(wire.provider_id),
    name: readText(wire.name) ?? readText(wire.provider_id) ?? 'Unknown person',
    isSelf,
    hidden: readFlag(wire.hidden),
    // picture_url may point at a third party: the browser only ever asks the Triage server.
    pictureSrc: readText(wire.picture_url) ? attendeePicturePath(wire.id) : null,
    profileUrl: safeHttpUrl(wire.profile_url),
    headline: readText(wire.specifics?.headline) ?? readText(wire.specifics?.occupation),
  };
}

/** A big group can page its attendees; past this many pages the rest is not worth the requests. */
const MAX_ATTENDEE_PAGES = 10;

export async function fetchAttendees(chatId: string, signal?: AbortSignal): Promise<ChatAttendee[]> {
  const out: ChatAttendee[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_ATTENDEE_PAGES; i += 1) {
    const query = new URLSearchParams();
    if (cursor) query.set('cursor', cursor);
    const page = readListPage(await apiGet(`${chatApiPath(chatId)}/attendees`, { query, signal }), wireAttendeeSchema, normalizeAttendee, 'attendee');
    out.push(...page.items);
    if (!page.cursor || page.cursor === cursor) break;
    cursor = page.cursor;
  }
  return out;
}


/** Attendees by both ids a message may carry: the attendee id and the provider's sender id. */
export function indexAttendees(attendees: readonly ChatAttendee[] | undefined): ReadonlyMap<string, ChatAttendee> {
  const map = new Map<string, ChatAttendee>();
  for (const attendee of attendees ?? []) {
    map.set(attendee.id, attendee);
    if (attendee.providerId && !map.has(attendee.providerId)) map.set(attendee.providerId, attendee);
  }
  return map;
}
