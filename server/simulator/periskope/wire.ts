/**
 * The JSON the Periskope-dialect simulator answers, field for field as `@periskope/types` declares it (ChatType,
 * MessageType, ChatMemberType, PhoneInfoType, the List*Type pages, MessageSendType). Written out here because that
 * package is only a dependency of the client; server/periskope-conformance.test.ts proves at compile time that each
 * shape is assignable to the client's declared return types. Type aliases, not interfaces, so they stay assignable
 * to the `Json` index-signature types.
 */

/** `enum_chat_colors` of Periskope's schema. */
export const CHAT_COLORS = [
  '#B4876E', '#A5B337', '#06CF9C', '#25D366', '#02A698', '#7D9EF1', '#007BFC', '#5E47DE', '#7F66FF', '#9333EA', '#FA6533',
  '#C4532D', '#DC2626', '#FF2E74', '#DB2777',
] as const;
export type ChatColor = (typeof CHAT_COLORS)[number];

/** The message kinds the simulator generates (a subset of Periskope's SUPPORTED_TYPES). */
export type PeriskopeMessageKind = 'chat' | 'image' | 'video' | 'document' | 'audio' | 'ptt' | 'sticker';

export type PeriskopeMediaJson = {
  path?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
};

export type PeriskopeMessageJson = {
  ack: string | null;
  author: string | null;
  body: string | null;
  broadcast: boolean | null;
  broadcast_id: string | null;
  chat_id: string;
  delivery_info: { delivered: Record<string, number>; read: Record<string, number>; pending: string[]; read_count: number; delivered_count: number } | null;
  device_type: string | null;
  duration: string | null;
  forwarding_score: number | null;
  from: string | null;
  from_me: boolean;
  has_media: boolean | null;
  has_quoted_msg: boolean | null;
  has_reaction: boolean | null;
  id: { from_me: boolean; id: string; remote: string; serialized: string };
  is_deleted: boolean | null;
  is_forwarded: boolean | null;
  is_starred: boolean | null;
  media: PeriskopeMediaJson | null;
  mentioned_ids: string[];
  message_id: string;
  message_type: PeriskopeMessageKind;
  org_id: string;
  org_phone: string;
  performed_by: string | null;
  prev_body: string | null;
  quoted_message_id: string | null;
  sender_phone: string | null;
  timestamp: string;
  to: string | null;
  unique_id: string;
  updated_at: string;
};

/** ChatMemberType: a chat participant merged with its contact (every column present, most null). */
export type PeriskopeMemberJson = {
  chat_id: string;
  contact_id: string;
  id: null;
  is_admin: boolean | null;
  is_super_admin: boolean | null;
  org_id: string;
  org_phone: string;
  business_profile: null;
  contact_color: ChatColor | null;
  contact_image: string | null;
  contact_lid: string | null;
  contact_name: string | null;
  contact_type: string | null;
  is_blocked: boolean | null;
  is_business: boolean | null;
  is_enterprise: boolean | null;
  is_group: boolean | null;
  is_imported: boolean | null;
  is_internal: boolean | null;
  is_me: boolean | null;
  is_my_contact: boolean | null;
  is_user: boolean | null;
  is_wa_contact: boolean | null;
  label_ids: Record<string, boolean> | null;
  name: string | null;
  number: string | null;
  periskope_name: string | null;
  pushname: string | null;
  short_name: string | null;
  updated_at: string | null;
  verified_level: number | null;
  verified_name: string | null;
};

export type PeriskopeChatKind = 'user' | 'group' | 'business';

/** ChatType: the `view_chats` row plus the fields Periskope's API adds. */
export type PeriskopeChatJson = {
  add_members_admins_only: boolean | null;
  active_phone: string | null;
  ai_metadata: null;
  assigned_to: string | null;
  chat_access: Record<string, boolean>;
  chat_id: string;
  chat_image: string | null;
  chat_name: string | null;
  chat_org_phones: string[];
  chat_type: PeriskopeChatKind;
  closed_at: number | null;
  created_at: string;
  custom_properties: Record<string, string>;
  flag_count: number | null;
  group_description: string | null;
  hubspot_metadata: null;
  info_admins_only: boolean;
  initiated_by: string | null;
  invite_link: string | null;
  is_archived: boolean;
  is_exited: boolean;
  is_muted: boolean;
  is_pinned: boolean;
  label_ids: Record<string, boolean>;
  latest_mention_at: string | null;
  latest_message: PeriskopeMessageJson | null;
  latest_message_timestamp: number | null;
  member_count: number;
  members: Record<string, PeriskopeMemberJson> | null;
  message_unread_count: number | null;
  messages_admins_only: boolean;
  org_id: string;
  org_phone: string;
  override_chat_access: null;
  parent_community_id: string | null;
  updated_at: string;
};

/** PhoneInfoType. */
export type PeriskopePhoneJson = {
  created_at: string;
  first_connected_at: string | null;
  is_ready: boolean;
  label_ids: Record<string, boolean>;
  labels: string[];
  org_id: string;
  org_phone: string;
  phone_id: string;
  phone_image: string | null;
  phone_name: string;
  qr_code: string | null;
  updated_at: string;
  wa_state: 'CONNECTED' | 'DISCONNECTED';
};

/** ListChatsType / ListChatMessagesType: 1-based `from`/`to` of the page, `count` of every match. */
export type PeriskopeChatListJson = { from: number; to: number; count: number; chats: PeriskopeChatJson[] };
export type PeriskopeMessageListJson = { from: number; to: number; count: number; messages: PeriskopeMessageJson[] };

/** MessageSendType: Periskope queues a send and answers where it sits in the phone's queue. */
export type PeriskopeSendJson = { queue_id: string; queue_position: string };

/** Periskope's error body (the seed's 422 example; other statuses carry the same fields). */
export type PeriskopeErrorJson = {
  code: string;
  message: string;
  name: string;
  status: number;
  fields?: Record<string, { message: string; value?: string }>;
};
