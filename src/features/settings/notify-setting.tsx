import { useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { notificationsSupported, requestNotificationPermission } from '@/lib/live/notify';
import { selectNotifyNewMessages, useSettings } from './use-settings';

/**
 * "Notify me of new messages": ticking it asks the browser for permission (a click is the only moment browsers let a
 * page ask); it stays off when permission is refused, and says why.
 */
export function NotifyNewMessages() {
  const checked = useSettings(selectNotifyNewMessages);
  const setNotifyNewMessages = useSettings((state) => state.setNotifyNewMessages);
  const [refused, setRefused] = useState(false);
  const supported = notificationsSupported();

  const onChange = async (next: boolean) => {
    if (!next) {
      setNotifyNewMessages(false);
      return;
    }
    const granted = await requestNotificationPermission();
    setRefused(!granted);
    setNotifyNewMessages(granted);
  };

  let hint = 'A desktop notification while Triage is in the background, for chats that are not muted.';
  if (!supported) hint = 'This browser does not show desktop notifications.';
  else if (refused) hint = 'The browser blocks notifications for this site: allow them in its site settings, then tick this again.';

  return <CheckboxField label="Notify me of new messages" hint={hint} checked={checked} disabled={!supported} hintIsStatus={refused} onChange={(next) => void onChange(next)} />;
}
