import { namespacedId, type BackendKind } from '../../src/lib/wire/backends';
import type { LiveEvent } from '../../src/lib/wire/live-events';

/**
 * A backend's live event with its ids as the browser knows them when several backends are merged (`<kind>~<raw>`,
 * the registry's namespacing): chat, account, message and sender attendee.
 */
export function namespaceLiveEvent(event: LiveEvent, kind: BackendKind): LiveEvent {
  const ns = (id: string) => namespacedId(kind, id);
  switch (event.type) {
    case 'message.created':
      return {
        ...event,
        chat_id: ns(event.chat_id),
        account_id: ns(event.account_id),
        message: { ...event.message, id: ns(event.message.id), sender_attendee_id: event.message.sender_attendee_id === null ? null : ns(event.message.sender_attendee_id) },
      };
    case 'message.updated':
      return { ...event, chat_id: ns(event.chat_id), account_id: ns(event.account_id), message_id: ns(event.message_id) };
    case 'account.status':
      return { ...event, account_id: ns(event.account_id) };
  }
}
