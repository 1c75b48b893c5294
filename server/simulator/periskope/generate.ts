import { BUSINESS_NAMES, GROUP_NAMES } from '../corpus';
import { makePerson } from '../data-generator/people';
import { DAY, MINUTE } from '../data-generator/time';
import { base62, digits, hash2, hash3, hex, int, mulberry32, pick, randomChars, weighted, type Rng } from '../prng';
import type { ChatRecord, ContactRecord, LabelRecord, PhoneRecord } from './records';
import { CHAT_COLORS } from './wire';

/**
 * The generated organisation: two phones (one connected, one not, so a disconnected account shows), a few chat
 * labels, and `chats` chats across both phones: 1:1 (`<number>@c.us`, a few of them `business`) and groups
 * (`120363…@g.us`), every chat from its own seeded stream so a seed always gives the same org.
 */

export const SALT = { org: 0x9e75, chat: 0xc4a7, message: 0x3e55a, activity: 0xac71 } as const;

export const LABEL_NAMES = ['Leads', 'Support', 'Billing', 'VIP', 'Follow-up'] as const;

/** Chats without any message were created before every generated message, so both sort orders agree on them. */
const OLDEST_MESSAGE_AGE = 300 * DAY;

export interface OrgData {
  orgId: string;
  phones: PhoneRecord[];
  labels: LabelRecord[];
}

const lower = 'abcdefghijklmnopqrstuvwxyz';

function uuid(r: Rng): string {
  const h = hex(r, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Whole seconds: WhatsApp's timestamps have no milliseconds. */
export const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

export function generateOrg(seed: number, anchor: number): OrgData {
  const r = mulberry32(hash2(seed, SALT.org));
  const orgId = uuid(r);
  const phone = (cc: string, name: string, connected: boolean, ageDays: number): PhoneRecord => {
    const number = `${cc}${digits(r, 10)}`;
    const createdAt = toSecond(anchor - ageDays * DAY);
    return {
      phoneId: `phone-${randomChars(r, lower, 16)}`, number, orgPhone: `${number}@c.us`, name, connected, createdAt,
      firstConnectedAt: createdAt + 2 * MINUTE,
    };
  };
  const phones = [phone('91', 'Support', true, 820), phone('44', 'Sales', false, 760)];
  const labels = LABEL_NAMES.map((name) => ({ id: `label-${randomChars(r, lower, 16)}`, name }));
  return { orgId, phones, labels };
}

function contact(r: Rng): ContactRecord {
  const person = makePerson(r, 'WHATSAPP');
  const number = person.providerId.split('@')[0] ?? digits(r, 11);
  return { id: `${number}@c.us`, number, name: person.name, colorIdx: int(r, 0, CHAT_COLORS.length - 1), isMyContact: r() < 0.8 };
}

/** How long before the next-newer message one was sent: seconds to days. */
export function messageGap(r: Rng): number {
  const band = weighted(r, [[0, 0.3], [1, 0.4], [2, 0.3]] as const);
  if (band === 0) return int(r, 5, 300) * 1000;
  if (band === 1) return int(r, 5, 360) * MINUTE;
  return int(r, 6 * 60, 3 * 24 * 60) * MINUTE;
}

/** Chat `index` of the org; `taken` holds the chat ids already used (ids are drawn again on a clash). */
export function generateChat(seed: number, anchor: number, index: number, taken: Set<string>): ChatRecord {
  const r = mulberry32(hash3(seed, SALT.chat, index));
  const phoneIdx = r() < 0.65 ? 0 : 1;
  const kind = weighted(r, [['user', 0.7], ['group', 0.22], ['business', 0.08]] as const);
  let contacts: ContactRecord[];
  let chatId: string;
  let name: string | null;
  if (kind === 'group') {
    contacts = Array.from({ length: int(r, 2, 14) }, () => contact(r));
    do chatId = `120363${digits(r, 12)}@g.us`;
    while (taken.has(chatId));
    name = pick(r, GROUP_NAMES);
  } else {
    let other = contact(r);
    while (taken.has(other.id)) other = contact(r);
    contacts = [other];
    chatId = other.id;
    if (kind === 'business') {
      other.name = pick(r, BUSINESS_NAMES);
      name = other.name;
    } else {
      // An unsaved contact's chat has no name of its own: its name is the member's.
      name = r() < 0.8 ? other.name : null;
    }
  }
  taken.add(chatId);

  const empty = r() < (kind === 'group' ? 0.08 : 0.02);
  const generatedCount = empty ? 0 : weighted(r, [[int(r, 1, 3), 0.3], [int(r, 4, 12), 0.45], [int(r, 13, 30), 0.25]] as const);
  // Skewed towards now: the top of the list is minutes old, its tail months.
  const latestTs = empty ? null : toSecond(anchor - 30_000 - int(r, 0, 900) * 1000 - Math.floor(Math.pow(r(), 2.5) * 200 * DAY));
  // A chat's creation precedes its oldest message; message gaps are at most 3 days each (messageGap).
  const createdAt = latestTs === null
    ? toSecond(anchor - OLDEST_MESSAGE_AGE - int(r, 100, 400) * DAY)
    : toSecond(latestTs - generatedCount * 3 * DAY - int(r, 0, 20) * DAY);
  const unreadDraw = r();
  let unread: number | null = 0;
  if (generatedCount > 0 && unreadDraw < 0.3) unread = Math.min(generatedCount, int(r, 1, kind === 'group' ? 40 : 9));
  else if (unreadDraw > 0.95) unread = null;
  const labels = LABEL_NAMES.filter(() => r() < 0.12);
  return {
    index, chatId, kind, name, phoneIdx, createdAt, contacts,
    orgIsAdmin: kind === 'group' ? r() < 0.5 : true,
    description: kind === 'group' && r() < 0.3 ? 'Shared notes, plans and photos.' : null,
    inviteLink: kind === 'group' ? `https://chat.whatsapp.com/invite/${base62(r, 22)}` : null,
    announceOnly: kind === 'group' && r() < 0.08,
    muted: r() < 0.12,
    archived: r() < 0.05,
    pinned: r() < 0.03,
    labels,
    unread,
    latestTs,
    generated: { count: generatedCount, latestTs, unread: unread ?? 0 },
    messages: null,
    updatedAt: latestTs ?? createdAt,
  };
}
