import type { KnownProvider } from '../../../src/lib/wire/vocabulary';
import {
  BUSINESS_NAMES, COMPANIES, EMOJI_NAMES, LATIN_FIRST, LATIN_LAST, LOCATIONS, LONG_NAMES, OCCUPATIONS, SCRIPT_NAMES,
} from '../corpus';
import { base62, digits, hex, pick, randomChars, type Rng } from '../prng';
import type { LinkedinSpecificsJson } from '../types';

/** Generated people: display names across scripts, and each provider's shape of user id and profile URL. */

export interface Person {
  name: string;
  providerId: string;
  hasPicture: boolean;
  profileUrl?: string;
  specifics?: LinkedinSpecificsJson;
}

/** Slack's id alphabet (user, channel and team ids). */
export const SLACK_ID_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const COUNTRY_CODES = ['33', '1', '44', '49', '34', '351', '972', '971', '81', '55', '39', '91'];

function personName(r: Rng): string {
  const u = r();
  if (u < 0.55) return `${pick(r, LATIN_FIRST)} ${pick(r, LATIN_LAST)}`;
  if (u < 0.62) return pick(r, SCRIPT_NAMES.cjk);
  if (u < 0.65) return pick(r, SCRIPT_NAMES.korean);
  if (u < 0.71) return pick(r, SCRIPT_NAMES.arabic);
  if (u < 0.75) return pick(r, SCRIPT_NAMES.hebrew);
  if (u < 0.81) return pick(r, SCRIPT_NAMES.cyrillic);
  if (u < 0.83) return pick(r, SCRIPT_NAMES.greek);
  if (u < 0.86) return pick(r, SCRIPT_NAMES.indic);
  if (u < 0.87) return pick(r, SCRIPT_NAMES.thai);
  if (u < 0.89) return pick(r, SCRIPT_NAMES.mixed);
  if (u < 0.94) return pick(r, EMOJI_NAMES);
  if (u < 0.95) return pick(r, LONG_NAMES);
  return pick(r, BUSINESS_NAMES);
}

/** ASCII handle from a display name (for profile URLs); falls back to a random one for non-Latin names. */
export function handleOf(r: Rng, name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  const base = ascii.length >= 3 ? ascii.slice(0, 24) : `user${digits(r, 6)}`;
  return `${base}${r() < 0.5 ? '' : `.${hex(r, 4)}`}`;
}

function phone(r: Rng): string {
  return `${pick(r, COUNTRY_CODES)}${digits(r, 9)}`;
}

export function makePerson(r: Rng, provider: KnownProvider): Person {
  const name = personName(r);
  const hasPicture = r() < 0.75;
  switch (provider) {
    case 'WHATSAPP':
      return { name, providerId: `${phone(r)}@s.whatsapp.net`, hasPicture };
    case 'LINKEDIN': {
      const providerId = `ACoAA${base62(r, 34)}`;
      const distance = pick(r, ['DISTANCE_1', 'DISTANCE_1', 'DISTANCE_2', 'DISTANCE_3', 'OUT_OF_NETWORK'] as const);
      const occupation = `${pick(r, OCCUPATIONS)} at ${pick(r, COMPANIES)}`;
      const specifics: LinkedinSpecificsJson = {
        provider: 'LINKEDIN',
        member_urn: `urn:li:member:${digits(r, 9)}`,
        occupation,
        network_distance: distance,
        location: pick(r, LOCATIONS),
        headline: occupation,
      };
      return { name, providerId, hasPicture, profileUrl: `https://www.linkedin.com/in/${handleOf(r, name).replace(/\./g, '-')}`, specifics };
    }
    case 'SLACK':
      return { name, providerId: `U0${randomChars(r, SLACK_ID_CHARS, 9)}`, hasPicture };
    case 'TELEGRAM':
      return { name, providerId: digits(r, 10), hasPicture };
    case 'INSTAGRAM':
      return { name, providerId: digits(r, 17), hasPicture, profileUrl: `https://www.instagram.com/${handleOf(r, name)}` };
    case 'MESSENGER':
      return { name, providerId: digits(r, 16), hasPicture };
    case 'TWITTER':
      return { name, providerId: digits(r, 19), hasPicture, profileUrl: `https://x.com/${handleOf(r, name).replace(/\./g, '_').slice(0, 15)}` };
  }
}

/** How WhatsApp shows an unsaved contact: the formatted number. */
export function formatPhone(providerId: string): string {
  const num = providerId.split('@')[0] ?? providerId;
  return `+${num.slice(0, num.length - 9)} ${num.slice(-9, -6)} ${num.slice(-6, -3)} ${num.slice(-3)}`;
}
