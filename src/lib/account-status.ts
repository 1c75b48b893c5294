import type { AccountStatus } from './accounts';

/** How worried the person should be: `problem` needs them to act (reconnect, grant access). */
export type AccountStatusTone = 'ok' | 'pending' | 'paused' | 'problem';

export interface AccountStatusCopy {
  /** One or two words for tight places (a chat row, a badge): "Disconnected". */
  short: string;
  /** The plain-words sentence for the settings panel: "Disconnected: reconnect needed". */
  long: string;
  tone: AccountStatusTone;
}

const COPY: Record<string, AccountStatusCopy> = {
  OK: { short: 'Connected', long: 'Connected', tone: 'ok' },
  CONNECTING: { short: 'Connecting', long: 'Connecting', tone: 'pending' },
  CREDENTIALS: { short: 'Disconnected', long: 'Disconnected: reconnect needed', tone: 'problem' },
  ERROR: { short: 'Error', long: 'Error: the provider reported a problem', tone: 'problem' },
  STOPPED: { short: 'Stopped', long: 'Stopped: sync is paused', tone: 'paused' },
  PERMISSIONS: { short: 'Missing permissions', long: 'Missing permissions: reconnect and grant access', tone: 'problem' },
};

/** A source status in plain words; a status Unipile adds later is shown as its raw text rather than hidden. */
export function describeAccountStatus(status: AccountStatus): AccountStatusCopy {
  const key = status.trim().toUpperCase();
  const known = Object.hasOwn(COPY, key) ? COPY[key] : undefined;
  if (known) return known;
  const raw = status.trim() === '' ? 'Unknown status' : status.trim();
  return { short: raw, long: raw, tone: 'paused' };
}

/** Whether chats of this account can no longer sync until someone acts (they are flagged in the list). */
export function accountNeedsReconnect(status: AccountStatus): boolean {
  return describeAccountStatus(status).tone === 'problem';
}
