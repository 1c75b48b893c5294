import { DEFAULT_FOLDER, type KnownFolder, type KnownProvider } from '../../../src/lib/wire/vocabulary';
import { BROADCAST_NAMES, CUSTOM_FOLDERS, GROUP_NAMES, HOSTILE_STRINGS, SLACK_CHANNELS, SUBJECTS } from '../corpus';
import { at, base62, digits, hash2, int, mulberry32, pick, randomChars, type Rng, weighted } from '../prng';
import type { ChatType, DisabledFeature, LinkedinContentType, ReadOnly } from '../types';
import { SALT, type GenContext } from './context';
import { makePerson, SLACK_ID_CHARS, type Person } from './people';
import { DAY, HOUR, isoMs } from './time';

/** A chat in two parts: the core the store keeps and changes, and the details rebuilt from the chat's own stream. */

const TWO_YEARS = 730 * DAY;

/** Markup-in-data chats, placed at fixed indices so every mailbox of 200+ chats has some (for escaping tests). */
export function hostileKind(i: number): 0 | 1 | 2 | 3 {
  const m = i % 997;
  return m === 13 ? 1 : m === 42 ? 2 : m === 101 ? 3 : 0;
}

/** Muted state codes stored per chat: null, forever (-1), until a generated date (future or past). */
export const MUTE = { none: 0, forever: 1, future: 2, past: 3 } as const;

/** The mutable / sortable part of a chat, kept in typed arrays by the store. */
export interface ChatCore {
  accountIdx: number;
  type: ChatType;
  /** ms since epoch; NaN for a chat without a timestamp. */
  ts: number;
  unread: number;
  archived: boolean;
  pinned: boolean;
  muted: number;
}

function chatTypeFor(r: Rng, provider: KnownProvider): ChatType {
  const u = r();
  switch (provider) {
    case 'WHATSAPP':
      return u < 0.76 ? 0 : u < 0.96 ? 1 : 2;
    case 'LINKEDIN':
      return u < 0.95 ? 0 : 1;
    case 'SLACK':
      return u < 0.5 ? 0 : u < 0.9 ? 1 : 2;
    case 'TELEGRAM':
      return u < 0.6 ? 0 : u < 0.85 ? 1 : 2;
    case 'INSTAGRAM':
    case 'MESSENGER':
      return u < 0.88 ? 0 : 1;
    case 'TWITTER':
      return u < 0.93 ? 0 : 1;
  }
}

export function generateChatCore(ctx: GenContext, i: number): ChatCore {
  const r = mulberry32(hash2(ctx.seed ^ SALT.core, i));
  const accountIdx = weighted(r, ctx.accountWeights);
  const type = chatTypeFor(r, at(ctx.accounts, accountIdx).type);
  const u = r();
  let ts: number;
  if (hostileKind(i) !== 0) {
    ts = ctx.anchor - Math.floor(r() * 3 * DAY); // recent, so the escaping cases are easy to find in the UI
  } else if (u < 0.012) {
    ts = Number.NaN;
  } else if (u < 0.022) {
    // Bulk-imported chats sharing one instant: exercises the id tie-break of the sort order.
    ts = Math.floor(ctx.anchor / DAY) * DAY - int(r, 0, 40) * DAY + 9 * HOUR;
    if (ts > ctx.anchor) ts -= DAY;
  } else {
    ts = ctx.anchor - Math.floor(TWO_YEARS * r() ** 1.6); // denser recently: ~0.2% within the last hour
  }
  const v = r();
  let unread = v < 0.74 ? 0 : v < 0.97 ? 1 + Math.floor(r() ** 2 * 99) : pick(r, [100, 150, 250, 999, 1200, 4821]);
  if (Number.isNaN(ts)) unread = 0;
  const archived = r() < 0.15;
  const pinned = r() < 0.03;
  const m = r();
  const muted = m < 0.86 ? MUTE.none : m < 0.92 ? MUTE.forever : m < 0.96 ? MUTE.future : MUTE.past;
  return { accountIdx, type, ts, unread: Math.min(unread, 99_999), archived, pinned, muted };
}

/** Everything about a chat that never changes; rebuilt from its own stream whenever it is serialised. */
export interface ChatDetails {
  providerId: string;
  attendeeProviderId?: string;
  name: string | null;
  readOnly: ReadOnly;
  disabledFeatures: DisabledFeature[];
  subject?: string;
  contentType?: LinkedinContentType;
  folder: string[];
  organizationId?: string;
  mailboxId?: string;
  mutedFuture: string;
  mutedPast: string;
  /** The other side of a 1:1 chat. */
  person?: Person;
  memberCount: number;
  hasGroupPicture: boolean;
  hostile: 0 | 1 | 2 | 3;
}

export function chatDetails(ctx: GenContext, i: number, accountIdx: number, type: ChatType): ChatDetails {
  const r = mulberry32(hash2(ctx.seed ^ SALT.details, i));
  const account = at(ctx.accounts, accountIdx);
  const provider = account.type;
  const hostile = hostileKind(i);
  const person = type === 0 ? makePerson(r, provider) : undefined;
  // A hostile 1:1 chat is hostile all the way: the contact's own name carries the markup too.
  if (person && (hostile === 1 || hostile === 2)) person.name = at(HOSTILE_STRINGS, hostile - 1);

  let providerId: string;
  switch (provider) {
    case 'WHATSAPP':
      providerId = person ? person.providerId : type === 1 ? `120363${digits(r, 12)}@g.us` : `${digits(r, 10)}@broadcast`;
      break;
    case 'LINKEDIN':
      providerId = `urn:li:fsd_conversation:2-${base62(r, 32)}==`;
      break;
    case 'SLACK':
      providerId = `${type === 0 ? 'D0' : 'C0'}${randomChars(r, SLACK_ID_CHARS, 9)}`;
      break;
    case 'TELEGRAM':
      providerId = person ? person.providerId : `-100${digits(r, 10)}`;
      break;
    case 'INSTAGRAM':
      providerId = digits(r, 24);
      break;
    case 'MESSENGER':
      providerId = person ? person.providerId : digits(r, 16);
      break;
    case 'TWITTER':
      providerId = person ? `${account.selfProviderId}-${person.providerId}` : digits(r, 19);
      break;
  }

  let name: string | null;
  if (hostile === 1) name = at(HOSTILE_STRINGS, 0);
  else if (hostile === 2) name = at(HOSTILE_STRINGS, 1);
  else if (person) name = r() < 0.05 ? null : person.name;
  else if (type === 1) name = provider === 'SLACK' ? pick(r, SLACK_CHANNELS) : r() < 0.03 ? null : pick(r, GROUP_NAMES);
  else name = provider === 'SLACK' ? pick(r, ['announcements', 'company-news', 'releases']) : pick(r, BROADCAST_NAMES);

  let contentType: LinkedinContentType | undefined;
  let subject: string | undefined;
  let folder: string[] = [DEFAULT_FOLDER];
  let organizationId: string | undefined;
  let mailboxId: string | undefined;
  if (provider === 'LINKEDIN') {
    const c = r();
    contentType = c < 0.1 ? 'inmail' : c < 0.13 ? 'sponsored' : c < 0.15 ? 'linkedin_offer' : undefined;
    if (contentType || r() < 0.05) subject = pick(r, SUBJECTS);
    const f = r();
    const box: KnownFolder = f < 0.8 ? 'INBOX_LINKEDIN_CLASSIC' : f < 0.88 ? 'INBOX_LINKEDIN_RECRUITER' : f < 0.96 ? 'INBOX_LINKEDIN_SALES_NAVIGATOR' : 'INBOX_LINKEDIN_ORGANIZATION';
    folder = [box];
    if (box === 'INBOX_LINKEDIN_ORGANIZATION') {
      organizationId = digits(r, 8);
      mailboxId = `urn:li:fsd_company:${organizationId}`;
    }
  }
  if (r() < 0.02) folder = [...folder, pick(r, CUSTOM_FOLDERS)]; // custom labels: the API allows them, SDK 1.9.3 does not

  let readOnly: ReadOnly;
  const ro = r();
  if (type === 2) readOnly = ro < 0.8 ? 1 : 0;
  else if (contentType === 'sponsored') readOnly = 2;
  else readOnly = ro < 0.006 ? 1 : ro < 0.01 ? 2 : 0;
  const disabledFeatures: DisabledFeature[] = [];
  const df = r();
  if (readOnly !== 0 && df < 0.5) disabledFeatures.push('reply');
  if (provider === 'LINKEDIN' ? df < 0.3 : df > 0.95) disabledFeatures.unshift('reactions');

  const mutedFuture = isoMs(ctx.anchor + int(r, HOUR, 365 * DAY));
  const mutedPast = isoMs(ctx.anchor - int(r, HOUR, 365 * DAY));
  const memberCount = type === 0 ? 2 : int(r, 3, 12);
  const hasGroupPicture = type !== 0 && r() < 0.6;

  const details: ChatDetails = { providerId, name, readOnly, disabledFeatures, folder, mutedFuture, mutedPast, memberCount, hasGroupPicture, hostile };
  if (person) {
    details.person = person;
    details.attendeeProviderId = person.providerId;
  }
  if (subject !== undefined) details.subject = subject;
  if (contentType !== undefined) details.contentType = contentType;
  if (organizationId !== undefined) details.organizationId = organizationId;
  if (mailboxId !== undefined) details.mailboxId = mailboxId;
  return details;
}
