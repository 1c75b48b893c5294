import type { InboxChat } from './model';

/** Tests only: a plain readable 1:1 WhatsApp chat in the inbox, named after its id, with what a test changes. */
export function makeChat(id: string, extra: Partial<InboxChat> = {}): InboxChat {
  return {
    id,
    accountId: 'acc',
    provider: 'WHATSAPP',
    providerId: null,
    attendeeProviderId: null,
    name: id,
    otherAttendeeName: null,
    displayName: id,
    kind: 'direct',
    lastActivityAt: null,
    unreadCount: 0,
    archived: false,
    pinned: false,
    mute: { kind: 'none' },
    readOnly: 'writable',
    subject: null,
    contentType: null,
    folders: ['INBOX'],
    disabledFeatures: [],
    ...extra,
  };
}
