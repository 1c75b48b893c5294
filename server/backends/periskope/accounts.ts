import type { PeriskopePhone } from './schemas';
import { epochMs, isoOf } from './time';

/** A Periskope phone (PhoneInfoType) as a Unipile Account: one WhatsApp account per connected number. */

/** The Unipile source statuses the browser knows (src/lib/account-status.ts). */
type SourceStatus = 'OK' | 'CONNECTING' | 'CREDENTIALS' | 'ERROR' | 'STOPPED';

export interface UnipileAccount {
  object: 'Account';
  id: string;
  name: string;
  type: 'WHATSAPP';
  created_at: string | null;
  connection_params: { im: { phone_number: string | null } };
  sources: { id: string; status: SourceStatus }[];
  groups: string[];
}

/** WhatsApp Web's states (wa_state): blocked or broken sessions are errors, an unpaired one needs a new QR scan. */
const STATE_STATUS: Record<string, SourceStatus> = {
  CONNECTED: 'OK',
  OPENING: 'CONNECTING',
  PAIRING: 'CONNECTING',
  CONFLICT: 'ERROR',
  DEPRECATED_VERSION: 'ERROR',
  PROXYBLOCK: 'ERROR',
  SMB_TOS_BLOCK: 'ERROR',
  TOS_BLOCK: 'ERROR',
  TIMEOUT: 'ERROR',
  UNLAUNCHED: 'STOPPED',
  UNPAIRED: 'CREDENTIALS',
  UNPAIRED_IDLE: 'CREDENTIALS',
};

/** Connected → OK; anything else the browser shows as a problem or a pause, never as connected. */
export function phoneStatus(phone: PeriskopePhone): SourceStatus {
  const state = phone.wa_state?.trim().toUpperCase();
  if (state) return STATE_STATUS[state] ?? (phone.is_ready === true ? 'OK' : 'CREDENTIALS');
  return phone.is_ready === true ? 'OK' : 'CREDENTIALS';
}

/** The number of an org phone or chat id ("918527184400@c.us" → "918527184400"). */
export function phoneNumberOf(id: string): string {
  return id.replace(/@.*$/, '').replace(/\D/g, '');
}

/** The account's id is the phone's org_phone, the value chats carry in `org_phone`; a phone not paired yet has its phone_id. */
export function accountIdOf(phone: PeriskopePhone): string | null {
  return phone.org_phone ?? phone.phone_id ?? null;
}

export function toUnipileAccount(phone: PeriskopePhone): UnipileAccount | null {
  const id = accountIdOf(phone);
  if (id === null) return null;
  const number = phone.org_phone ? phoneNumberOf(phone.org_phone) || null : null;
  return {
    object: 'Account',
    id,
    name: phone.phone_name?.trim() || number || id,
    type: 'WHATSAPP',
    created_at: isoOf(epochMs(phone.created_at)),
    connection_params: { im: { phone_number: number } },
    sources: [{ id: phone.phone_id ?? id, status: phoneStatus(phone) }],
    groups: [],
  };
}
