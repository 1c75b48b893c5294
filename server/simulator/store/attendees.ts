import { attendeeJson, chatAttendees, selfAttendee, type AttendeeRecord, type ChatDetails, type GenContext } from '../data-generator';
import { ID_KIND } from '../ids';
import type { AttendeeJson } from '../types';
import type { ChatTable } from './chat-table';

/** Chat members and the owners' own attendees, found by chat index or by id; which ids have a picture. */
export class AttendeeDirectory {
  constructor(
    private readonly ctx: GenContext,
    private readonly table: ChatTable,
    private readonly details: (chatIdx: number) => ChatDetails,
  ) {}

  /** Others first, then the account owner. */
  records(chatIdx: number): AttendeeRecord[] {
    return chatAttendees(this.ctx, chatIdx, this.table.accountOf(chatIdx), this.details(chatIdx));
  }

  json(chatIdx: number): AttendeeJson[] {
    const accountIdx = this.table.accountOf(chatIdx);
    return this.records(chatIdx).map((a) => attendeeJson(this.ctx, accountIdx, a));
  }

  find(id: string): { accountIdx: number; attendee: AttendeeRecord; json: AttendeeJson } | null {
    const d = this.ctx.codec.decode(id);
    if (!d) return null;
    let accountIdx: number;
    let attendee: AttendeeRecord | undefined;
    if (d.kind === ID_KIND.selfAttendee && d.index < this.ctx.accounts.length && d.sub === 0) {
      accountIdx = d.index;
      attendee = selfAttendee(this.ctx, accountIdx);
    } else if (d.kind === ID_KIND.attendee && d.index < this.table.count && d.sub >= 1) {
      accountIdx = this.table.accountOf(d.index);
      attendee = this.records(d.index)[d.sub - 1];
      if (attendee?.isSelf) attendee = undefined;
    } else {
      return null;
    }
    if (!attendee) return null;
    return { accountIdx, attendee, json: attendeeJson(this.ctx, accountIdx, attendee) };
  }

  /** Whether an attendee id, or a group chat id, has a picture. */
  hasPicture(id: string): boolean {
    const d = this.ctx.codec.decode(id);
    if (!d) return false;
    if (d.kind === ID_KIND.selfAttendee) return d.index < this.ctx.accounts.length && d.sub === 0;
    if (d.kind === ID_KIND.attendee) return this.find(id)?.attendee.hasPicture ?? false;
    if (d.kind === ID_KIND.chat && d.index < this.table.count && d.sub === 0) return this.table.typeOf(d.index) !== 0 && this.details(d.index).hasGroupPicture;
    return false;
  }
}
