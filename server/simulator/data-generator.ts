import {
  BROADCAST_NAMES, BUSINESS_NAMES, COMPANIES, CUSTOM_FOLDERS, EMOJI_NAMES, FILE_TEMPLATES, GROUP_NAMES, HOSTILE_STRINGS,
  LATIN_FIRST, LATIN_LAST, LINKEDIN_HTML_MESSAGES, LINKEDIN_PLAIN_MESSAGES, LOCATIONS, LONG_NAMES, OCCUPATIONS,
  PLAIN_MESSAGES, REACTIONS, SCRIPT_NAMES, SLACK_CHANNELS, SUBJECTS,
} from './corpus';
import { ID_KIND, type IdCodec } from './ids';
import { at, base62, digits, hash2, hash3, hashString, hex, int, mulberry32, pick, randomChars, type Rng, weighted } from './prng';
import type {
  AccountJson, AccountType, AttachmentJson, AttendeeJson, ChatType, DisabledFeature, Flag, LinkedinContentType,
  LinkedinSpecificsJson, MessageJson, QuotedJson, ReactionJson, ReadOnly, SourceStatus,
} from './types';

/**
 * Deterministic mailbox generation. Each chat i owns independent PRNG streams keyed by (seed, i, purpose), so
 * any chat, its messages or its attendees can be rebuilt on demand in isolation: the store keeps only the
 * few mutable fields per chat, which is what lets 200,000 chats fit in a few tens of MB.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const TWO_YEARS = 730 * DAY;

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Same output as new Date(ms).toISOString() for years 1000–9999, several times faster: message generation
 * formats two or three timestamps per message, and Date formatting dominated it.
 */
export function isoMs(ms: number): string {
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 8192) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = t - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

// Stream salts: one per purpose so adding a draw to one never shifts another.
const SALT_CORE = 0x0c0e;
const SALT_DETAILS = 0xd37a11;
const SALT_ATTENDEES = 0xa77e;
const SALT_MESSAGES = 0x3e55;

export interface AccountRecord {
  index: number;
  id: string;
  name: string;
  type: AccountType;
  status: SourceStatus;
  createdAt: number;
  ownerName: string;
  selfProviderId: string;
  weight: number;
  connectionParams: Record<string, string | string[] | null>;
}

export interface GenContext {
  seed: number;
  anchor: number;
  codec: IdCodec;
  accounts: AccountRecord[];
  /** [account index, weight] pairs, precomputed once: generation runs per chat. */
  accountWeights: readonly (readonly [number, number])[];
}

// ---------------------------------------------------------------------------------------------------------
// People and provider ids
// ---------------------------------------------------------------------------------------------------------

export interface Person {
  name: string;
  providerId: string;
  hasPicture: boolean;
  profileUrl?: string;
  specifics?: LinkedinSpecificsJson;
}

const COUNTRY_CODES = ['33', '1', '44', '49', '34', '351', '972', '971', '81', '55', '39', '91'];

function personName(r: Rng): string {
  const u = r();
  if (u < 0.55) return `${pick(r, LATIN_FIRST)} ${pick(r, LATIN_LAST)}`;
  if (u < 0.62) return pick(r, SCRIPT_NAMES.cjk);
  if (u < 0.65) return pick(r, SCRIPT_NAMES.korean);
  if (u < 0.71) return pick(r, SCRIPT_NAMES.arabic);
  if (u < 0.75) return pick(r, SCRIPT_NAMES.hebrew);
  if (u < 0.81) return pick(r, SCRIPT_NAMES.cyrillic);
  if (u < 0.83) return pick(r, SCRIPT_NAMES.greek);
  if (u < 0.86) return pick(r, SCRIPT_NAMES.indic);
  if (u < 0.87) return pick(r, SCRIPT_NAMES.thai);
  if (u < 0.89) return pick(r, SCRIPT_NAMES.mixed);
  if (u < 0.94) return pick(r, EMOJI_NAMES);
  if (u < 0.95) return pick(r, LONG_NAMES);
  return pick(r, BUSINESS_NAMES);
}

/** ASCII handle from a display name (for profile URLs); falls back to a random one for non-Latin names. */
function handleOf(r: Rng, name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  const base = ascii.length >= 3 ? ascii.slice(0, 24) : `user${digits(r, 6)}`;
  return `${base}${r() < 0.5 ? '' : `.${hex(r, 4)}`}`;
}

function phone(r: Rng): string {
  return `${pick(r, COUNTRY_CODES)}${digits(r, 9)}`;
}

function makePerson(r: Rng, provider: AccountType): Person {
  const name = personName(r);
  const hasPicture = r() < 0.75;
  switch (provider) {
    case 'WHATSAPP':
      return { name, providerId: `${phone(r)}@s.whatsapp.net`, hasPicture };
    case 'LINKEDIN': {
      const providerId = `ACoAA${base62(r, 34)}`;
      const distance = pick(r, ['DISTANCE_1', 'DISTANCE_1', 'DISTANCE_2', 'DISTANCE_3', 'OUT_OF_NETWORK'] as const);
      const occupation = `${pick(r, OCCUPATIONS)} at ${pick(r, COMPANIES)}`;
      const specifics: LinkedinSpecificsJson = {
        provider: 'LINKEDIN',
        member_urn: `urn:li:member:${digits(r, 9)}`,
        occupation,
        network_distance: distance,
        location: pick(r, LOCATIONS),
        headline: occupation,
      };
      return { name, providerId, hasPicture, profileUrl: `https://www.linkedin.com/in/${handleOf(r, name).replace(/\./g, '-')}`, specifics };
    }
    case 'SLACK':
      return { name, providerId: `U0${randomChars(r, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 9)}`, hasPicture };
    case 'TELEGRAM':
      return { name, providerId: digits(r, 10), hasPicture };
    case 'INSTAGRAM':
      return { name, providerId: digits(r, 17), hasPicture, profileUrl: `https://www.instagram.com/${handleOf(r, name)}` };
    case 'MESSENGER':
      return { name, providerId: digits(r, 16), hasPicture };
    case 'TWITTER':
      return { name, providerId: digits(r, 19), hasPicture, profileUrl: `https://x.com/${handleOf(r, name).replace(/\./g, '_').slice(0, 15)}` };
  }
}

/** How WhatsApp shows an unsaved contact: the formatted number. */
function formatPhone(providerId: string): string {
  const num = providerId.split('@')[0] ?? providerId;
  return `+${num.slice(0, num.length - 9)} ${num.slice(-9, -6)} ${num.slice(-6, -3)} ${num.slice(-3)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------------------

const ACCOUNT_SPECS: readonly { type: AccountType; name: string; status: SourceStatus; weight: number; ageDays: number }[] = [
  { type: 'WHATSAPP', name: 'WhatsApp — Personal', status: 'OK', weight: 30, ageDays: 700 },
  { type: 'LINKEDIN', name: 'LinkedIn — Recruiting', status: 'OK', weight: 18, ageDays: 640 },
  { type: 'LINKEDIN', name: 'LinkedIn — Old Sales', status: 'CREDENTIALS', weight: 7, ageDays: 900 },
  { type: 'SLACK', name: 'Slack — Acme Corp', status: 'OK', weight: 12, ageDays: 400 },
  { type: 'TELEGRAM', name: 'Telegram — Community', status: 'OK', weight: 10, ageDays: 380 },
  { type: 'INSTAGRAM', name: 'Instagram — @studio.triage', status: 'OK', weight: 9, ageDays: 300 },
  { type: 'MESSENGER', name: 'Messenger — Personal', status: 'OK', weight: 8, ageDays: 250 },
  { type: 'TWITTER', name: 'X — @triage_app', status: 'OK', weight: 6, ageDays: 120 },
];

export function generateAccounts(seed: number, anchor: number, codec: IdCodec): AccountRecord[] {
  const r = mulberry32(hash2(seed, 0xacc0));
  const ownerName = `${pick(r, LATIN_FIRST)} ${pick(r, LATIN_LAST)}`;
  const handle = handleOf(r, ownerName);
  return ACCOUNT_SPECS.map((spec, index) => {
    const createdAt = anchor - spec.ageDays * DAY - int(r, 0, DAY - 1);
    const self = makePerson(r, spec.type);
    let connectionParams: Record<string, string | string[] | null>;
    switch (spec.type) {
      case 'WHATSAPP':
        connectionParams = { phone_number: `+${self.providerId.split('@')[0] ?? ''}` };
        break;
      case 'LINKEDIN':
        connectionParams = index === 2
          ? { id: self.providerId, username: ownerName, premiumContractId: `${digits(r, 9)}`, premiumFeatures: ['sales_navigator'] }
          : { id: self.providerId, username: ownerName, premiumContractId: null, premiumFeatures: ['recruiter', 'premium'] };
        break;
      case 'SLACK':
        connectionParams = { url: 'https://acme-corp.slack.com/', user: handle, user_id: self.providerId, team: 'Acme Corp', team_id: `T0${randomChars(r, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 9)}` };
        break;
      case 'TELEGRAM':
        connectionParams = { user_id: self.providerId, username: handle.replace(/\./g, '_') };
        break;
      case 'INSTAGRAM':
        connectionParams = { id: self.providerId, username: 'studio.triage' };
        break;
      case 'MESSENGER':
        connectionParams = { id: self.providerId, username: ownerName };
        break;
      case 'TWITTER':
        connectionParams = { id: self.providerId, username: 'triage_app' };
        break;
    }
    return {
      index,
      id: codec.encode(ID_KIND.account, index),
      name: spec.name,
      type: spec.type,
      status: spec.status,
      createdAt,
      ownerName,
      selfProviderId: self.providerId,
      weight: spec.weight,
      connectionParams,
    };
  });
}

export function accountJson(a: AccountRecord): AccountJson {
  return {
    object: 'Account',
    id: a.id,
    name: a.name,
    type: a.type,
    created_at: new Date(a.createdAt).toISOString(),
    connection_params: { im: a.connectionParams },
    sources: [{ id: `${a.id}_MESSAGING`, status: a.status }],
    groups: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Chats
// ---------------------------------------------------------------------------------------------------------

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

function chatTypeFor(r: Rng, provider: AccountType): ChatType {
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
  const r = mulberry32(hash2(ctx.seed ^ SALT_CORE, i));
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
  const r = mulberry32(hash2(ctx.seed ^ SALT_DETAILS, i));
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
      providerId = `${type === 0 ? 'D0' : 'C0'}${randomChars(r, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 9)}`;
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
  let folder: string[] = ['INBOX'];
  let organizationId: string | undefined;
  let mailboxId: string | undefined;
  if (provider === 'LINKEDIN') {
    const c = r();
    contentType = c < 0.1 ? 'inmail' : c < 0.13 ? 'sponsored' : c < 0.15 ? 'linkedin_offer' : undefined;
    if (contentType || r() < 0.05) subject = pick(r, SUBJECTS);
    const f = r();
    const box = f < 0.8 ? 'INBOX_LINKEDIN_CLASSIC' : f < 0.88 ? 'INBOX_LINKEDIN_RECRUITER' : f < 0.96 ? 'INBOX_LINKEDIN_SALES_NAVIGATOR' : 'INBOX_LINKEDIN_ORGANIZATION';
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

// ---------------------------------------------------------------------------------------------------------
// Attendees
// ---------------------------------------------------------------------------------------------------------

export interface AttendeeRecord {
  id: string;
  providerId: string;
  name: string;
  isSelf: boolean;
  hidden: boolean;
  hasPicture: boolean;
  profileUrl?: string;
  specifics?: LinkedinSpecificsJson;
}

export function selfAttendee(ctx: GenContext, accountIdx: number): AttendeeRecord {
  const a = at(ctx.accounts, accountIdx);
  return { id: ctx.codec.encode(ID_KIND.selfAttendee, accountIdx), providerId: a.selfProviderId, name: a.ownerName, isSelf: true, hidden: false, hasPicture: true };
}

/** Others first (sub-index 1..n-1), then the account owner, as a stable order. */
export function chatAttendees(ctx: GenContext, i: number, accountIdx: number, details: ChatDetails): AttendeeRecord[] {
  const provider = at(ctx.accounts, accountIdx).type;
  const others: Person[] = [];
  if (details.person) {
    others.push(details.person);
  } else {
    const r = mulberry32(hash2(ctx.seed ^ SALT_ATTENDEES, i));
    for (let k = 1; k < details.memberCount; k++) others.push(makePerson(r, provider));
  }
  const hiddenRng = mulberry32(hash3(ctx.seed, SALT_ATTENDEES, i));
  const list: AttendeeRecord[] = others.map((p, k) => {
    const rec: AttendeeRecord = {
      id: ctx.codec.encode(ID_KIND.attendee, i, k + 1),
      providerId: p.providerId,
      // An unnamed WhatsApp contact shows as its number; the chat name is null in that case too.
      name: provider === 'WHATSAPP' && details.person && details.name === null ? formatPhone(p.providerId) : p.name,
      isSelf: false,
      hidden: !details.person && hiddenRng() < 0.04,
      hasPicture: p.hasPicture,
    };
    if (p.profileUrl) rec.profileUrl = p.profileUrl;
    if (p.specifics) rec.specifics = p.specifics;
    return rec;
  });
  list.push(selfAttendee(ctx, accountIdx));
  return list;
}

export function attendeeJson(ctx: GenContext, accountIdx: number, a: AttendeeRecord): AttendeeJson {
  const provider = at(ctx.accounts, accountIdx).type;
  const json: AttendeeJson = {
    object: 'ChatAttendee',
    id: a.id,
    account_id: at(ctx.accounts, accountIdx).id,
    provider_id: a.providerId,
    name: a.name,
    is_self: a.isSelf ? 1 : 0,
    hidden: a.hidden ? 1 : 0,
  };
  // A .invalid host: nothing ever resolves it, so a UI that loads picture_url directly fails safely and visibly.
  if (a.hasPicture) json.picture_url = `https://cdn.simulator.invalid/${provider.toLowerCase()}/${a.id}.png`;
  if (a.profileUrl) json.profile_url = a.profileUrl;
  if (a.specifics) json.specifics = a.specifics;
  return json;
}

// ---------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------

export function messageProviderId(r: Rng, provider: AccountType, ts: number, j: number): string {
  switch (provider) {
    case 'WHATSAPP':
      return `3EB0${hex(r, 18, true)}`;
    case 'LINKEDIN':
      return `2-${base62(r, 38)}==`;
    case 'SLACK':
      return `${Math.floor(ts / 1000)}.${String(j % 1_000_000).padStart(6, '0')}`;
    case 'TELEGRAM':
      return String(1000 + j);
    case 'INSTAGRAM':
      return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE${base62(r, 28)}`;
    case 'MESSENGER':
      return `mid.$${base62(r, 30)}`;
    case 'TWITTER':
      return digits(r, 19);
  }
}

/** The provider's raw payload, as Unipile passes it along (a JSON string); ids and dates here need no escaping. */
export function originalJson(provider: AccountType, providerId: string, timestamp: string): string {
  return `{"provider":"${provider}","id":"${providerId}","timestamp":"${timestamp}"}`;
}

/** What a generated attachment's bytes look like; rebuilt from the attachment JSON alone. */
export function attachmentId(seed: number, i: number, j: number, k: number): string {
  return base62(mulberry32(hash3(seed ^ 0xa77ac4, i, j * 8 + k)), 22);
}

function makeAttachments(r: Rng, ctx: GenContext, i: number, j: number, provider: AccountType): AttachmentJson[] {
  const a = r();
  if (a < 0.06) {
    const n = r() < 0.85 ? 1 : int(r, 2, 3);
    const out: AttachmentJson[] = [];
    for (let k = 0; k < n; k++) {
      const [width, height] = pick(r, [[640, 480], [480, 640], [800, 600], [600, 800], [512, 512], [320, 240]] as const);
      out.push({
        id: attachmentId(ctx.seed, i, j, k),
        type: 'img',
        size: { width, height },
        sticker: false,
        unavailable: false,
        file_size: Math.round(width * height * (0.2 + r() * 0.3)),
        mimetype: 'image/png',
      });
    }
    return out;
  }
  if (a < 0.09) {
    const t = pick(r, FILE_TEMPLATES);
    const size = t.kind === 'pdf' ? int(r, 20_000, 2_000_000) : int(r, 1_000, 200_000);
    const mimetype = t.kind === 'pdf' ? 'application/pdf' : t.kind === 'csv' ? 'text/csv' : 'text/plain';
    return [{ id: attachmentId(ctx.seed, i, j, 0), type: 'file', file_name: t.name, file_size: size, mimetype, unavailable: false }];
  }
  if (a < 0.1 && provider === 'WHATSAPP') {
    return [{ id: attachmentId(ctx.seed, i, j, 0), type: 'img', size: { width: 256, height: 256 }, sticker: true, unavailable: false, file_size: 18_000, mimetype: 'image/png' }];
  }
  return [];
}

function messageText(r: Rng, provider: AccountType, hostile: number, me: string, other: string): string {
  if (hostile !== 0 && r() < 0.25) return pick(r, HOSTILE_STRINGS);
  if (provider === 'LINKEDIN') {
    const u = r();
    if (u < 0.35) {
      return pick(r, LINKEDIN_HTML_MESSAGES)
        .replace('{first}', other.split(' ')[0] ?? other)
        .replace('{company}', pick(r, COMPANIES))
        .replace('{me}', me);
    }
    if (u < 0.65) return pick(r, LINKEDIN_PLAIN_MESSAGES);
  }
  return pick(r, PLAIN_MESSAGES);
}

const EVENT_TYPES = [3, 4, 5, 6, 7] as const;

function eventText(eventType: number, actor: string, target: string, chatName: string): string {
  switch (eventType) {
    case 3:
      return `${actor} created group "${chatName}"`;
    case 4:
      return `${actor} changed the subject to "${chatName}"`;
    case 5:
      return `${actor} added ${target}`;
    case 6:
      return `${actor} removed ${target}`;
    default:
      return `${actor} left`;
  }
}

export interface GeneratedChatInput {
  index: number;
  accountIdx: number;
  type: ChatType;
  /** The generated (original) timestamp and unread count: message history is anchored on them, not on later changes. */
  ts: number;
  unread: number;
  chatId: string;
  details: ChatDetails;
  attendees: AttendeeRecord[];
}

/** The chat's history, oldest first; the newest message carries exactly the chat's generated timestamp. */
export function generateMessages(ctx: GenContext, c: GeneratedChatInput): MessageJson[] {
  if (Number.isNaN(c.ts)) return []; // a chat without a timestamp has no messages yet
  const r = mulberry32(hash2(ctx.seed ^ SALT_MESSAGES, c.index));
  const account = at(ctx.accounts, c.accountIdx);
  const provider = account.type;
  const count = 3 + Math.floor(197 * r() ** 2.5);
  const times = new Array<number>(count);
  times[count - 1] = c.ts;
  for (let j = count - 2; j >= 0; j--) {
    const g = r();
    const gap = g < 0.6 ? int(r, 5_000, 20 * MINUTE) : g < 0.9 ? int(r, 20 * MINUTE, 8 * HOUR) : g < 0.98 ? int(r, 8 * HOUR, 4 * DAY) : int(r, 4 * DAY, 40 * DAY);
    times[j] = (times[j + 1] ?? c.ts) - gap;
  }
  const self = at(c.attendees, c.attendees.length - 1);
  const others = c.attendees.slice(0, -1);
  const visibleOthers = others.filter((a) => !a.hidden);
  const speakers = visibleOthers.length > 0 ? visibleOthers : others;
  const unreadN = Math.min(c.unread, count);
  const out: MessageJson[] = [];
  for (let j = 0; j < count; j++) {
    const ts = times[j] ?? c.ts;
    const timestamp = isoMs(ts);
    const forcedInbound = j >= count - unreadN;
    const fromSelf = !forcedInbound && r() < (c.type === 2 ? 0.1 : 0.45);
    const sender = fromSelf ? self : pick(r, speakers);
    const providerId = messageProviderId(r, provider, ts, j);
    let text: string | null;
    let isEvent: Flag = 0;
    let eventType: number | undefined;
    let hidden: Flag = 0;
    let attachments: AttachmentJson[] = [];
    if (c.type !== 0 && j > 0 && r() < 0.03) {
      isEvent = 1;
      eventType = pick(r, EVENT_TYPES);
      text = eventText(eventType, sender.name, pick(r, others).name, c.details.name ?? 'Group');
      hidden = r() < 0.3 ? 1 : 0;
    } else {
      attachments = makeAttachments(r, ctx, c.index, j, provider);
      const otherName = c.details.person?.name ?? sender.name;
      text = attachments.length > 0 && r() < 0.5 ? null : messageText(r, provider, c.details.hostile, account.ownerName, otherName);
    }
    const reactions: ReactionJson[] = [];
    if (!isEvent && r() < 0.08) {
      const n = int(r, 1, 3);
      for (let k = 0; k < n; k++) {
        const who = r() < 0.3 ? self : pick(r, speakers);
        reactions.push({ value: pick(r, REACTIONS), sender_id: who.providerId, is_sender: who.isSelf });
      }
    }
    let edited: Flag = !isEvent && text !== null && r() < 0.03 ? 1 : 0;
    let deleted: Flag = 0;
    if (!isEvent && r() < 0.015) {
      deleted = 1;
      edited = 0;
      text = null;
      attachments = [];
      reactions.length = 0;
    }
    let quoted: QuotedJson | undefined;
    if (!isEvent && !deleted && j > 0 && r() < 0.05) {
      const q = out[j - int(r, 1, Math.min(5, j))];
      if (q && !q.deleted && !q.is_event) quoted = { provider_id: q.provider_id, sender_id: q.sender_id, text: q.text, attachments: q.attachments };
    }
    const seen: Flag = fromSelf ? (j >= count - 2 && r() < 0.5 ? 0 : 1) : forcedInbound ? 0 : 1;
    const seenBy: Record<string, string | boolean> = {};
    if (fromSelf && seen) {
      const readers = c.type === 0 ? others : others.filter(() => r() < 0.6);
      for (const reader of readers) seenBy[reader.providerId] = isoMs(Math.min(ctx.anchor, ts + int(r, 1_000, 2 * HOUR)));
    }
    // Fixed shape first, optional fields assigned after: object spread here made generation several times slower.
    const message: MessageJson = {
      object: 'Message',
      id: ctx.codec.encode(ID_KIND.message, c.index, j),
      account_id: account.id,
      chat_id: c.chatId,
      chat_provider_id: c.details.providerId,
      provider_id: providerId,
      sender_id: sender.providerId,
      sender_attendee_id: sender.id,
      text,
      timestamp,
      is_sender: fromSelf ? 1 : 0,
      attachments,
      reactions,
      seen,
      seen_by: seenBy,
      hidden,
      deleted,
      edited,
      is_event: isEvent,
      // Only a message not yet seen can still be undelivered.
      delivered: fromSelf && !seen && r() < 0.3 ? 0 : 1,
      behavior: r() < 0.02 ? 0 : null,
      original: originalJson(provider, providerId, timestamp),
    };
    if (quoted) message.quoted = quoted;
    if (eventType !== undefined) message.event_type = eventType;
    out.push(message);
  }
  return out;
}

/** Seeded colours for a picture or image attachment, from any string key. */
export function paletteFor(key: string): { from: [number, number, number]; to: [number, number, number] } {
  const r = mulberry32(hashString(key));
  const hue = r() * 360;
  return { from: hsl(hue, 0.55, 0.55), to: hsl((hue + 40 + r() * 80) % 360, 0.6, 0.35) };
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return [f(0), f(8), f(4)];
}

