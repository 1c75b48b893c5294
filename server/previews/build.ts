import { previewText } from '../../src/lib/wire/message-text';
import { PREVIEW_TEXT_MAX, type AttachmentKind, type WirePreview, type WirePreviewAttachment, type WirePreviewMessage } from '../../src/lib/wire/preview-wire';
import type { UpstreamAttendee, UpstreamChat, UpstreamMessage } from './upstream';

/** From what the upstream said about a chat to the preview a row shows. Pure: the service decides what to fetch. */

function attachmentOf(a: UpstreamMessage['attachments'][number]): WirePreviewAttachment {
  let kind: AttachmentKind;
  switch (a.type) {
    case 'img':
      kind = a.sticker ? 'sticker' : 'image';
      break;
    case 'video':
    case 'audio':
    case 'file':
      kind = a.type;
      break;
    default:
      kind = 'other';
  }
  return { kind, name: kind === 'file' ? a.file_name : null };
}

/** The attendee who sent a message, by attendee id or by the provider's sender id. */
function senderOf(message: UpstreamMessage, attendees: readonly UpstreamAttendee[] | null): UpstreamAttendee | undefined {
  return attendees?.find((a) => (message.sender_attendee_id !== null && a.id === message.sender_attendee_id) || (message.sender_id !== null && a.provider_id === message.sender_id));
}

export function otherAttendee(attendees: readonly UpstreamAttendee[] | null): UpstreamAttendee | undefined {
  return attendees?.find((a) => !a.is_self);
}

/** Whether naming the sender of this chat's last message takes the attendee list. */
export function needsAttendees(chat: UpstreamChat, message: UpstreamMessage | null): boolean {
  // A 1:1 chat without a name: the other person's. A group: who wrote, when not said. (A named 1:1 chat's picture
  // is not worth waiting for: it comes with a later answer, see service.ts.)
  if (chat.kind === 'direct') return chat.name === null;
  return message !== null && !message.is_sender && !message.is_event && message.sender_name === null;
}

export function previewMessage(message: UpstreamMessage, chat: UpstreamChat, attendees: readonly UpstreamAttendee[] | null): WirePreviewMessage {
  const name = message.sender_name ?? senderOf(message, attendees)?.name ?? (chat.kind === 'direct' ? (otherAttendee(attendees)?.name ?? null) : null);
  return {
    sender: message.is_sender ? { kind: 'self' } : { kind: 'other', name },
    // A deleted message keeps no words: whatever the upstream left in `text` is not shown.
    text: message.deleted ? '' : previewText(message.text, chat.provider, PREVIEW_TEXT_MAX),
    attachments: message.deleted ? [] : message.attachments.map(attachmentOf),
    deleted: message.deleted,
    edited: message.edited && !message.deleted,
    event: message.is_event,
    at: message.timestamp,
  };
}

/**
 * `attendees` is null when they were not needed or could not be had; then a null-named 1:1 chat has no display name
 * and no picture this time.
 */
export function buildPreview(chat: UpstreamChat, message: UpstreamMessage | null, attendees: readonly UpstreamAttendee[] | null, partial = false): WirePreview {
  const other = chat.kind === 'direct' ? otherAttendee(attendees) : undefined;
  // Groups: Unipile says nothing of a group picture short of asking for it, so none is promised.
  const pictureId = other?.picture_url ? other.id : null;
  return {
    chat_id: chat.id,
    last_message: message ? previewMessage(message, chat, attendees) : null,
    display_name: chat.kind === 'direct' && chat.name === null ? (other?.name ?? null) : null,
    picture: pictureId !== null,
    picture_id: pictureId,
    partial,
  };
}
