import type { QueryClient } from '@tanstack/react-query';
import { knownChat } from '../chats/list-pages';
import type { LiveEvent } from '../wire/live-events';
import { isMutedAt } from '../wire/readers';

/**
 * Desktop notifications for new messages (opt-in in Settings): only while the page is hidden (a visible inbox shows
 * the message itself), never for a message I sent, never for a muted chat. A chat the browser has not loaded yet
 * cannot be known to be muted: it notifies, as the provider's own app would.
 */

export interface NotificationContent {
  title: string;
  body: string;
  /** One notification per chat: a second message replaces the first instead of stacking. */
  tag: string;
}

export function notificationFor(queryClient: QueryClient, event: LiveEvent, now: number): NotificationContent | null {
  if (event.type !== 'message.created' || event.message.is_sender === 1) return null;
  const chat = knownChat(queryClient, event.chat_id);
  if (chat && isMutedAt(chat.mute, now)) return null;
  const { message } = event;
  const sender = message.sender_name?.trim() || null;
  const title = chat?.displayName ?? sender ?? 'New message';
  const groupSender = chat && chat.kind !== 'direct' && sender ? `${sender}: ` : '';
  const text = message.text?.trim() ?? '';
  const attachments = message.attachment_count > 0 ? (message.attachment_count === 1 ? 'Attachment' : `${message.attachment_count} attachments`) : '';
  const body = `${groupSender}${text || attachments || 'New message'}`;
  return { title, body: body.length > 200 ? `${body.slice(0, 199)}…` : body, tag: `triage-chat:${event.chat_id}` };
}

/** Shows it when the setting is on, permission was given and the page is hidden. */
export function notifyIfHidden(queryClient: QueryClient, event: LiveEvent, onClick?: (chatId: string) => void): void {
  if (typeof document === 'undefined' || document.visibilityState !== 'hidden') return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const content = notificationFor(queryClient, event, Date.now());
  if (!content || event.type !== 'message.created') return;
  const notification = new Notification(content.title, { body: content.body, tag: content.tag });
  notification.onclick = () => {
    window.focus();
    onClick?.(event.chat_id);
    notification.close();
  };
}

/** Asks for permission (from a click: browsers refuse otherwise); true when notifications may be shown. */
export async function requestNotificationPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  if (Notification.permission === 'granted') return true;
  if (Notification.permission === 'denied') return false;
  return (await Notification.requestPermission()) === 'granted';
}

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}
