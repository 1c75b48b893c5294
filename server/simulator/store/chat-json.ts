import { isoMs, MUTE, type AccountRecord, type ChatDetails } from '../data-generator';
import type { ChatJson } from '../types';
import type { ChatTable } from './chat-table';

/** A chat as GET /chats sends it: the table's current state over the chat's generated details. */
export function chatJson(table: ChatTable, idx: number, account: AccountRecord, d: ChatDetails): ChatJson {
  const ts = table.tsOf(idx);
  const muted = table.mutedOf(idx);
  // Field order follows the OpenAPI schema, optional fields included only when present.
  return {
    object: 'Chat',
    id: table.idAt(idx),
    account_id: account.id,
    account_type: account.type,
    provider_id: d.providerId,
    ...(d.attendeeProviderId !== undefined ? { attendee_provider_id: d.attendeeProviderId } : {}),
    name: d.name,
    type: table.typeOf(idx),
    timestamp: Number.isNaN(ts) ? null : isoMs(ts),
    unread_count: table.unreadOf(idx),
    archived: table.isArchived(idx) ? 1 : 0,
    muted_until: muted === MUTE.forever ? -1 : muted === MUTE.future ? d.mutedFuture : muted === MUTE.past ? d.mutedPast : null,
    read_only: d.readOnly,
    disabledFeatures: d.disabledFeatures,
    ...(d.subject !== undefined ? { subject: d.subject } : {}),
    ...(d.organizationId !== undefined ? { organization_id: d.organizationId } : {}),
    ...(d.mailboxId !== undefined ? { mailbox_id: d.mailboxId } : {}),
    ...(d.contentType !== undefined ? { content_type: d.contentType } : {}),
    folder: d.folder,
    pinned: table.isPinned(idx) ? 1 : 0,
  };
}
