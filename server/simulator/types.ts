import type { KnownProvider } from '../../src/lib/wire/vocabulary';

export type { ChatAction } from '../../src/lib/wire/vocabulary';

/** Unipile wire shapes, as the simulator emits them (field names and 0/1 flags exactly as the API sends them). */

export const SOURCE_STATUSES = ['OK', 'CONNECTING', 'CREDENTIALS', 'ERROR', 'STOPPED', 'PERMISSIONS'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export type ChatType = 0 | 1 | 2;
export type Flag = 0 | 1;
export type ReadOnly = 0 | 1 | 2;
export type DisabledFeature = 'reactions' | 'reply';
export type LinkedinContentType = 'inmail' | 'sponsored' | 'linkedin_offer';

export interface AccountJson {
  object: 'Account';
  id: string;
  name: string;
  type: KnownProvider;
  created_at: string;
  connection_params: { im: Record<string, string | string[] | null> };
  sources: { id: string; status: SourceStatus }[];
  groups: string[];
}

export interface ChatJson {
  object: 'Chat';
  id: string;
  account_id: string;
  account_type: KnownProvider;
  provider_id: string;
  attendee_provider_id?: string;
  name: string | null;
  type: ChatType;
  timestamp: string | null;
  unread_count: number;
  archived: Flag;
  muted_until: -1 | string | null;
  read_only: ReadOnly;
  disabledFeatures: DisabledFeature[];
  subject?: string;
  organization_id?: string;
  mailbox_id?: string;
  content_type?: LinkedinContentType;
  folder: string[];
  pinned: Flag;
}

export interface ChatWithLastMessageJson extends ChatJson {
  lastMessage: MessageJson | null;
}

interface AttachmentBase {
  id: string;
  file_size?: number;
  unavailable: boolean;
  mimetype?: string;
}

export interface ImageAttachmentJson extends AttachmentBase {
  type: 'img';
  size: { width: number; height: number };
  sticker: boolean;
}

export interface FileAttachmentJson extends AttachmentBase {
  type: 'file';
  file_name: string;
}

export type AttachmentJson = ImageAttachmentJson | FileAttachmentJson;

export interface ReactionJson {
  value: string;
  sender_id: string;
  is_sender: boolean;
}

export interface QuotedJson {
  provider_id: string;
  sender_id: string;
  text: string | null;
  attachments: AttachmentJson[];
}

export interface MessageJson {
  object: 'Message';
  id: string;
  account_id: string;
  chat_id: string;
  chat_provider_id: string;
  provider_id: string;
  sender_id: string;
  sender_attendee_id: string;
  text: string | null;
  timestamp: string;
  is_sender: Flag;
  attachments: AttachmentJson[];
  reactions: ReactionJson[];
  quoted?: QuotedJson;
  seen: Flag;
  seen_by: Record<string, string | boolean>;
  hidden: Flag;
  deleted: Flag;
  edited: Flag;
  is_event: Flag;
  event_type?: number;
  delivered: Flag;
  behavior: 0 | null;
  original: string;
}

export interface LinkedinSpecificsJson {
  provider: 'LINKEDIN';
  member_urn: string;
  occupation?: string;
  network_distance?: 'DISTANCE_1' | 'DISTANCE_2' | 'DISTANCE_3' | 'OUT_OF_NETWORK';
  location?: string;
  headline?: string;
}

export interface AttendeeJson {
  object: 'ChatAttendee';
  id: string;
  account_id: string;
  provider_id: string;
  name: string;
  is_self: Flag;
  hidden: Flag;
  picture_url?: string;
  profile_url?: string;
  specifics?: LinkedinSpecificsJson;
}

export interface ErrorJson {
  title: string;
  detail: string;
  type: string;
  status: number;
}
