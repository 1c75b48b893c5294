import { ApiError, apiGet } from '@/lib/api-client';
import { readText } from '../wire/readers';
import {
  ATTACHMENT_KINDS, MAX_PREVIEW_IDS, wirePreviewListSchema, wirePreviewSchema,
  type AttachmentKind, type WirePreview,
} from '../wire/preview-wire';
import { attendeePicturePath } from './attendees';
import { chatDisplayName, type ChatKind, type InboxChat } from './model';

/**
 * Chat previews, the browser side: `GET /api/previews` read into ChatPreview, and the words a row shows for one.
 * No React here; the list decides when to ask (rows that rest on screen), TanStack Query keeps the answers under
 * `chatKeys.preview(id)`.
 */

export interface PreviewAttachment {
  kind: AttachmentKind;
  name: string | null;
}

export interface PreviewMessage {
  /** 'self', or the other person's name when the upstream says it (null when not). */
  sender: { kind: 'self' } | { kind: 'other'; name: string | null };
  /** Plain text (never markup), '' when the message has none. */
  text: string;
  attachments: readonly PreviewAttachment[];
  deleted: boolean;
  edited: boolean;
  /** A group event ("Amelia added Bob"): its text names who. */
  event: boolean;
  /** Epoch ms, or null. */
  at: number | null;
}

export interface ChatPreview {
  chatId: string;
  lastMessage: PreviewMessage | null;
  /** The other attendee's name, for a 1:1 chat without a name of its own; else null. */
  displayName: string | null;
  /** Same-origin picture path when the chat has a picture; null means draw initials and ask for nothing. */
  pictureSrc: string | null;
  /** The server was still looking up part of it (the picture): worth asking again in a moment. */
  partial: boolean;
}

export interface PreviewBatch {
  previews: ChatPreview[];
  /** Ids the server had no preview for this time (ask again later, not at once). */
  missing: string[];
}

const KINDS: readonly string[] = ATTACHMENT_KINDS;

export function normalizePreview(wire: WirePreview): ChatPreview {
  const m = wire.last_message;
  const at = m?.at ? Date.parse(m.at) : Number.NaN;
  return {
    chatId: wire.chat_id,
    lastMessage: m && {
      sender: m.sender.kind === 'self' ? { kind: 'self' } : { kind: 'other', name: readText(m.sender.name) },
      text: m.text,
      attachments: m.attachments.map((a) => ({ kind: (KINDS.includes(a.kind) ? a.kind : 'other') as AttachmentKind, name: readText(a.name) })),
      deleted: m.deleted,
      edited: m.edited,
      event: m.event,
      at: Number.isNaN(at) ? null : at,
    },
    displayName: readText(wire.display_name),
    pictureSrc: wire.picture && wire.picture_id ? attendeePicturePath(wire.picture_id) : null,
    partial: wire.partial === true,
  };
}

/** The previews of up to MAX_PREVIEW_IDS chats in one request; a malformed item is left out (and its id reported missing). */
export async function fetchPreviews(ids: readonly string[], signal?: AbortSignal): Promise<PreviewBatch> {
  if (ids.length === 0) return { previews: [], missing: [] };
  if (ids.length > MAX_PREVIEW_IDS) throw new RangeError(`fetchPreviews: at most ${MAX_PREVIEW_IDS} ids per request (got ${ids.length})`);
  const json = await apiGet('/api/previews', { query: new URLSearchParams({ chat_ids: ids.join(',') }), signal });
  const envelope = wirePreviewListSchema.safeParse(json);
  if (!envelope.success) {
    throw new ApiError({ status: 200, type: 'client/invalid_response', title: 'Unexpected response', detail: 'The previews answer is not a PreviewList.' });
  }
  const previews: ChatPreview[] = [];
  for (const raw of envelope.data.items) {
    const item = wirePreviewSchema.safeParse(raw);
    if (item.success) previews.push(normalizePreview(item.data));
  }
  const answered = new Set(previews.map((p) => p.chatId));
  return { previews, missing: ids.filter((id) => !answered.has(id)) };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

/** What the attachments are, in a word or a file name: "Photo", "3 photos", "📎 cv.pdf", "📎 cv.pdf +1". */
export function attachmentLabel(attachments: readonly PreviewAttachment[]): string {
  if (attachments.length === 0) return '';
  const first = attachments[0] as PreviewAttachment;
  const same = attachments.every((a) => a.kind === first.kind);
  const file = attachments.find((a) => a.kind === 'file' && a.name);
  if (file && (first.kind === 'file' || !same)) return `📎 ${file.name}${attachments.length > 1 ? ` +${attachments.length - 1}` : ''}`;
  if (!same) return plural(attachments.length, 'Attachment', 'attachments');
  const n = attachments.length;
  switch (first.kind) {
    case 'image':
      return plural(n, 'Photo', 'photos');
    case 'video':
      return plural(n, 'Video', 'videos');
    case 'audio':
      return plural(n, 'Audio message', 'audio messages');
    case 'sticker':
      return 'Sticker';
    case 'file':
      return plural(n, '📎 File', 'files');
    default:
      return plural(n, 'Attachment', 'attachments');
  }
}

/** "Amelia" of "Amelia Horváth": groups prefix a message with the sender's first name. */
function firstName(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/**
 * The row's one line: "You: ok see you then", "Amelia: sounds good" (groups and broadcasts: the first name),
 * "Photo", "📎 cv.pdf", "Photo · look at this", "Message deleted", "… (edited)"; '' when there is no message.
 * A 1:1 chat needs no name prefix: the row's title is the other person.
 */
export function previewLine(preview: ChatPreview | null | undefined, chatKind: ChatKind): string {
  const m = preview?.lastMessage;
  if (!m) return '';
  if (m.deleted) return m.sender.kind === 'self' ? 'You deleted a message' : 'Message deleted';
  if (m.event) return m.text;
  const label = attachmentLabel(m.attachments);
  const body = label && m.text ? `${label} · ${m.text}` : label || m.text;
  if (!body) return '';
  let prefix = '';
  if (m.sender.kind === 'self') prefix = 'You: ';
  else if (chatKind !== 'direct' && m.sender.name) prefix = `${firstName(m.sender.name)}: `;
  return `${prefix}${body}${m.edited ? ' (edited)' : ''}`;
}

type NamedChat = Pick<InboxChat, 'name' | 'otherAttendeeName' | 'attendeeProviderId' | 'providerId'>;

/** A chat's name: its own, else the other attendee's (from the list, then the preview), else its provider id as an id. */
export function displayNameOf(chat: NamedChat, preview: ChatPreview | null | undefined): string {
  return chatDisplayName({ ...chat, otherAttendeeName: readText(chat.otherAttendeeName) ?? preview?.displayName });
}
