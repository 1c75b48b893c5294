import { ID_KIND } from '../ids';
import { at, hash2, hash3, mulberry32 } from '../prng';
import type { AttendeeJson, LinkedinSpecificsJson } from '../types';
import type { ChatDetails } from './chats';
import { SALT, type GenContext } from './context';
import { formatPhone, makePerson, type Person } from './people';

/** A chat's members: the other side(s), rebuilt from the chat's attendee stream, then the account owner. */

export interface AttendeeRecord {
  id: string;
  providerId: string;
  name: string;
  isSelf: boolean;
  hidden: boolean;
  hasPicture: boolean;
  profileUrl?: string;
  specifics?: LinkedinSpecificsJson;
}

export function selfAttendee(ctx: GenContext, accountIdx: number): AttendeeRecord {
  const a = at(ctx.accounts, accountIdx);
  return { id: ctx.codec.encode(ID_KIND.selfAttendee, accountIdx), providerId: a.selfProviderId, name: a.ownerName, isSelf: true, hidden: false, hasPicture: true };
}

/** Others first (sub-index 1..n-1), then the account owner, as a stable order. */
export function chatAttendees(ctx: GenContext, i: number, accountIdx: number, details: ChatDetails): AttendeeRecord[] {
  const provider = at(ctx.accounts, accountIdx).type;
  const others: Person[] = [];
  if (details.person) {
    others.push(details.person);
  } else {
    const r = mulberry32(hash2(ctx.seed ^ SALT.attendees, i));
    for (let k = 1; k < details.memberCount; k++) others.push(makePerson(r, provider));
  }
  const hiddenRng = mulberry32(hash3(ctx.seed, SALT.attendees, i));
  const list: AttendeeRecord[] = others.map((p, k) => {
    const rec: AttendeeRecord = {
      id: ctx.codec.encode(ID_KIND.attendee, i, k + 1),
      providerId: p.providerId,
      // An unnamed WhatsApp contact shows as its number; the chat name is null in that case too.
      name: provider === 'WHATSAPP' && details.person && details.name === null ? formatPhone(p.providerId) : p.name,
      isSelf: false,
      hidden: !details.person && hiddenRng() < 0.04,
      hasPicture: p.hasPicture,
    };
    if (p.profileUrl) rec.profileUrl = p.profileUrl;
    if (p.specifics) rec.specifics = p.specifics;
    return rec;
  });
  list.push(selfAttendee(ctx, accountIdx));
  return list;
}

export function attendeeJson(ctx: GenContext, accountIdx: number, a: AttendeeRecord): AttendeeJson {
  const provider = at(ctx.accounts, accountIdx).type;
  const json: AttendeeJson = {
    object: 'ChatAttendee',
    id: a.id,
    account_id: at(ctx.accounts, accountIdx).id,
    provider_id: a.providerId,
    name: a.name,
    is_self: a.isSelf ? 1 : 0,
    hidden: a.hidden ? 1 : 0,
  };
  // A .invalid host: nothing ever resolves it, so a UI that loads picture_url directly fails safely and visibly.
  if (a.hasPicture) json.picture_url = `https://cdn.simulator.invalid/${provider.toLowerCase()}/${a.id}.png`;
  if (a.profileUrl) json.profile_url = a.profileUrl;
  if (a.specifics) json.specifics = a.specifics;
  return json;
}
