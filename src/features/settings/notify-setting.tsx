import { useId, useState } from 'react';
import { notificationsSupported, requestNotificationPermission } from '@/lib/live/notify';
import { selectNotifyNewMessages, useSettings } from './use-settings';

/**
 * "Notify me of new messages": ticking it asks the browser for permission (a click is the only moment browsers let a
 * page ask); it stays off when permission is refused, and says why.
 */
export function NotifyNewMessages() {
  const id = useId();
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

  return (
    <div className="flex items-start gap-3">
      <input
        id={`${id}-checkbox`}
        type="checkbox"
        checked={checked}
        disabled={!supported}
        onChange={(event) => void onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-[rgb(var(--accent))] disabled:cursor-not-allowed"
      />
      <div>
        <label htmlFor={`${id}-checkbox`} className="cursor-pointer text-sm font-medium text-ink">
          Notify me of new messages
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-[13px] text-muted" role={refused ? 'status' : undefined}>
          {hint}
        </p>
      </div>
    </div>
  );
}
