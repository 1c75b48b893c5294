import { isoMs } from '../data-generator/time';
import type { ChatRecord, ContactRecord, MessageRecord, PhoneRecord } from './records';
import type { PeriskopeStore } from './store';
import { CHAT_COLORS, type PeriskopeChatJson, type PeriskopeMemberJson, type PeriskopeMessageJson, type PeriskopePhoneJson } from './wire';

/** Records → Periskope's JSON (wire.ts), in the formats its examples show. */

/** `2025-01-21T04:12:02+00:00`: Periskope's timestamps (Postgres timestamptz, whole seconds for WhatsApp times). */
export function periskopeTime(ms: number): string {
  return `${isoMs(ms).slice(0, 19)}+00:00`;
}

/** `2025-01-21T07:48:19.483+00:00`: Periskope's updated_at columns keep the milliseconds. */
function periskopeTimeMs(ms: number): string {
  return `${isoMs(ms).slice(0, 23)}+00:00`;
}

export function messageJson(store: PeriskopeStore, chat: ChatRecord, m: MessageRecord): PeriskopeMessageJson {
  const orgPhone = store.phone(chat.phoneIdx).orgPhone;
  const serialized = `${m.fromMe}_${chat.chatId}_${m.uniqueId}`;
  const read = m.ack >= 3 ? 1 : 0;
  return {
    ack: String(m.ack),
    author: null,
    body: m.body,
    broadcast: false,
    broadcast_id: null,
    chat_id: chat.chatId,
    delivery_info: m.fromMe
      ? { delivered: {}, read: {}, pending: [], read_count: read, delivered_count: m.ack >= 2 ? 1 : 0 }
      : { delivered: {}, read: {}, pending: [], read_count: 0, delivered_count: 0 },
    device_type: m.fromMe ? 'web' : 'android',
    duration: m.kind === 'ptt' || m.kind === 'audio' || m.kind === 'video' ? String(3 + (m.uniqueId.charCodeAt(5) % 90)) : null,
    forwarding_score: null,
    from: m.fromMe ? orgPhone : m.sender,
    from_me: m.fromMe,
    has_media: m.media !== null,
    has_quoted_msg: false,
    has_reaction: false,
    id: { from_me: m.fromMe, id: m.uniqueId, remote: chat.chatId, serialized },
    is_deleted: m.deleted,
    is_forwarded: false,
    is_starred: false,
    media: m.media,
    mentioned_ids: [],
    message_id: serialized,
    message_type: m.kind,
    org_id: store.org.orgId,
    org_phone: orgPhone,
    performed_by: null,
    prev_body: m.prevBody,
    quoted_message_id: null,
    sender_phone: m.sender,
    timestamp: periskopeTime(m.ts),
    to: m.fromMe ? chat.chatId : orgPhone,
    unique_id: m.uniqueId,
    updated_at: periskopeTimeMs(m.ts + 350),
  };
}

function memberJson(store: PeriskopeStore, chat: ChatRecord, c: ContactRecord, admin: boolean): PeriskopeMemberJson {
  return {
    chat_id: chat.chatId,
    contact_id: c.id,
    id: null,
    is_admin: admin,
    is_super_admin: false,
    org_id: store.org.orgId,
    org_phone: store.phone(chat.phoneIdx).orgPhone,
    business_profile: null,
    contact_color: CHAT_COLORS[c.colorIdx] ?? null,
    contact_image: null,
    contact_lid: null,
    contact_name: c.name,
    contact_type: chat.kind === 'business' ? 'business' : 'user',
    is_blocked: false,
    is_business: chat.kind === 'business',
    is_enterprise: false,
    is_group: false,
    is_imported: false,
    is_internal: false,
    is_me: false,
    is_my_contact: c.isMyContact,
    is_user: true,
    is_wa_contact: true,
    label_ids: {},
    name: c.isMyContact ? c.name : null,
    number: c.number,
    periskope_name: null,
    pushname: c.name,
    short_name: c.name.split(' ')[0] ?? c.name,
    updated_at: periskopeTimeMs(chat.createdAt),
    verified_level: null,
    verified_name: chat.kind === 'business' ? c.name : null,
  };
}

/** The org phone as a member of its own chats (`is_internal`), named after the phone. */
function selfMemberJson(store: PeriskopeStore, chat: ChatRecord): PeriskopeMemberJson {
  const phone = store.phone(chat.phoneIdx);
  const self = memberJson(store, chat, { id: phone.orgPhone, number: phone.number, name: phone.name, colorIdx: 0, isMyContact: true }, chat.orgIsAdmin);
  return { ...self, is_internal: true, is_me: true, is_super_admin: chat.kind === 'group' && chat.orgIsAdmin, verified_name: null, is_business: false, contact_type: 'user' };
}

function membersJson(store: PeriskopeStore, chat: ChatRecord): Record<string, PeriskopeMemberJson> {
  const members: Record<string, PeriskopeMemberJson> = {};
  const self = selfMemberJson(store, chat);
  members[self.contact_id] = self;
  chat.contacts.forEach((c, i) => {
    // In a group the first member made it; 1:1 chats have no admins to speak of, both sides show as admin.
    members[c.id] = memberJson(store, chat, c, chat.kind !== 'group' || i === 0);
  });
  return members;
}

/** A chat as GET /chats lists it (`members` null, as the seed notes) or, `withMembers`, as GET /chats/{chat_id} answers. */
export function chatJson(store: PeriskopeStore, chat: ChatRecord, withMembers: boolean): PeriskopeChatJson {
  const orgPhone = store.phone(chat.phoneIdx).orgPhone;
  const latest = store.latestMessage(chat);
  const labelIds: Record<string, boolean> = {};
  for (const name of chat.labels) labelIds[name] = true;
  return {
    add_members_admins_only: chat.kind === 'group' ? false : null,
    active_phone: orgPhone,
    ai_metadata: null,
    assigned_to: null,
    chat_access: {},
    chat_id: chat.chatId,
    chat_image: null,
    chat_name: chat.name,
    chat_org_phones: [orgPhone],
    chat_type: chat.kind,
    closed_at: null,
    created_at: periskopeTime(chat.createdAt),
    custom_properties: {},
    flag_count: 0,
    group_description: chat.description,
    hubspot_metadata: null,
    info_admins_only: false,
    initiated_by: null,
    invite_link: chat.inviteLink,
    is_archived: chat.archived,
    is_exited: false,
    is_muted: chat.muted,
    is_pinned: chat.pinned,
    label_ids: labelIds,
    latest_mention_at: null,
    latest_message: latest ? messageJson(store, chat, latest) : null,
    latest_message_timestamp: chat.latestTs,
    member_count: chat.contacts.length + 1,
    members: withMembers ? membersJson(store, chat) : null,
    message_unread_count: chat.unread,
    messages_admins_only: chat.announceOnly,
    org_id: store.org.orgId,
    org_phone: orgPhone,
    override_chat_access: null,
    parent_community_id: null,
    updated_at: periskopeTimeMs(chat.updatedAt + 420),
  };
}

export function phoneJson(store: PeriskopeStore, p: PhoneRecord): PeriskopePhoneJson {
  return {
    created_at: periskopeTimeMs(p.createdAt),
    first_connected_at: p.firstConnectedAt === null ? null : periskopeTimeMs(p.firstConnectedAt),
    is_ready: p.connected,
    label_ids: {},
    labels: [],
    org_id: store.org.orgId,
    org_phone: p.orgPhone,
    phone_id: p.phoneId,
    phone_image: null,
    phone_name: p.name,
    // A disconnected phone waits for its QR code to be scanned; a connected one has none.
    qr_code: p.connected ? null : `2@${p.phoneId.slice(6)},${p.number},simulated-qr`,
    updated_at: periskopeTimeMs(p.createdAt + 3_600_000),
    wa_state: p.connected ? 'CONNECTED' : 'DISCONNECTED',
  };
}
