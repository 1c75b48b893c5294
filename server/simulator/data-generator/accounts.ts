import type { KnownProvider } from '../../../src/lib/wire/vocabulary';
import { LATIN_FIRST, LATIN_LAST } from '../corpus';
import { ID_KIND, type IdCodec } from '../ids';
import { digits, hash2, int, mulberry32, pick, randomChars } from '../prng';
import type { AccountJson, SourceStatus } from '../types';
import { handleOf, makePerson, SLACK_ID_CHARS } from './people';
import { DAY } from './time';

/** The mailbox owner's eight accounts, one disconnected, with each provider's connection parameters. */

export interface AccountRecord {
  index: number;
  id: string;
  name: string;
  type: KnownProvider;
  status: SourceStatus;
  createdAt: number;
  ownerName: string;
  selfProviderId: string;
  weight: number;
  connectionParams: Record<string, string | string[] | null>;
}

const ACCOUNT_SPECS: readonly { type: KnownProvider; name: string; status: SourceStatus; weight: number; ageDays: number }[] = [
  { type: 'WHATSAPP', name: 'WhatsApp — Personal', status: 'OK', weight: 30, ageDays: 700 },
  { type: 'LINKEDIN', name: 'LinkedIn — Recruiting', status: 'OK', weight: 18, ageDays: 640 },
  { type: 'LINKEDIN', name: 'LinkedIn — Old Sales', status: 'CREDENTIALS', weight: 7, ageDays: 900 },
  { type: 'SLACK', name: 'Slack — Acme Corp', status: 'OK', weight: 12, ageDays: 400 },
  { type: 'TELEGRAM', name: 'Telegram — Community', status: 'OK', weight: 10, ageDays: 380 },
  { type: 'INSTAGRAM', name: 'Instagram — @studio.triage', status: 'OK', weight: 9, ageDays: 300 },
  { type: 'MESSENGER', name: 'Messenger — Personal', status: 'OK', weight: 8, ageDays: 250 },
  { type: 'TWITTER', name: 'X — @triage_app', status: 'OK', weight: 6, ageDays: 120 },
];

export function generateAccounts(seed: number, anchor: number, codec: IdCodec): AccountRecord[] {
  const r = mulberry32(hash2(seed, 0xacc0));
  const ownerName = `${pick(r, LATIN_FIRST)} ${pick(r, LATIN_LAST)}`;
  const handle = handleOf(r, ownerName);
  return ACCOUNT_SPECS.map((spec, index) => {
    const createdAt = anchor - spec.ageDays * DAY - int(r, 0, DAY - 1);
    const self = makePerson(r, spec.type);
    let connectionParams: Record<string, string | string[] | null>;
    switch (spec.type) {
      case 'WHATSAPP':
        connectionParams = { phone_number: `+${self.providerId.split('@')[0] ?? ''}` };
        break;
      case 'LINKEDIN':
        connectionParams = index === 2
          ? { id: self.providerId, username: ownerName, premiumContractId: `${digits(r, 9)}`, premiumFeatures: ['sales_navigator'] }
          : { id: self.providerId, username: ownerName, premiumContractId: null, premiumFeatures: ['recruiter', 'premium'] };
        break;
      case 'SLACK':
        connectionParams = { url: 'https://acme-corp.slack.com/', user: handle, user_id: self.providerId, team: 'Acme Corp', team_id: `T0${randomChars(r, SLACK_ID_CHARS, 9)}` };
        break;
      case 'TELEGRAM':
        connectionParams = { user_id: self.providerId, username: handle.replace(/\./g, '_') };
        break;
      case 'INSTAGRAM':
        connectionParams = { id: self.providerId, username: 'studio.triage' };
        break;
      case 'MESSENGER':
        connectionParams = { id: self.providerId, username: ownerName };
        break;
      case 'TWITTER':
        connectionParams = { id: self.providerId, username: 'triage_app' };
        break;
    }
    return {
      index,
      id: codec.encode(ID_KIND.account, index),
      name: spec.name,
      type: spec.type,
      status: spec.status,
      createdAt,
      ownerName,
      selfProviderId: self.providerId,
      weight: spec.weight,
      connectionParams,
    };
  });
}

export function accountJson(a: AccountRecord): AccountJson {
  return {
    object: 'Account',
    id: a.id,
    name: a.name,
    type: a.type,
    created_at: new Date(a.createdAt).toISOString(),
    connection_params: { im: a.connectionParams },
    sources: [{ id: `${a.id}_MESSAGING`, status: a.status }],
    groups: [],
  };
}
