import { describe, expect, it } from 'vitest';
import type { InboxChat } from './model';
import { makeChat } from './inbox-chat.fixture';
import { accountShortName, describeChat, visibleFolders } from './describe';
import { createTimeFormatter } from '../time-format';

const format = createTimeFormatter({ locale: 'en-US', timeZone: 'UTC' });
const AT = Date.parse('2026-05-17T09:42:00.000Z');

const base: InboxChat = makeChat('c1', { provider: 'LINKEDIN', name: 'Jordan Walke', displayName: 'Jordan Walke', lastActivityAt: AT });

const describeWith = (extra: Partial<InboxChat>, account?: { name: string }) => describeChat({ ...base, ...extra }, account, format);

describe('describeChat', () => {
  it('starts with the display name and states a plain read chat', () => {
    expect(describeWith({})).toBe('Jordan Walke, LinkedIn, read, last activity Sun, May 17, 2026, 9:42 AM');
  });

  it('states unread, pinned and muted in words, in that order', () => {
    expect(describeWith({ unreadCount: 2, pinned: true, mute: { kind: 'forever' } }, { name: 'Work' })).toBe(
      'Jordan Walke, LinkedIn, account Work, 2 unread, pinned, muted, last activity Sun, May 17, 2026, 9:42 AM',
    );
  });

  it('gives the end of a timed mute', () => {
    expect(describeWith({ mute: { kind: 'until', until: Date.parse('2026-06-01T08:00:00.000Z') } })).toContain('muted until Mon, Jun 1, 2026, 8:00 AM');
  });

  it('names group and broadcast chats', () => {
    expect(describeWith({ kind: 'group', displayName: 'Design' })).toMatch(/^Design, group, LinkedIn/);
    expect(describeWith({ kind: 'broadcast' })).toContain(', broadcast, ');
  });

  it('states archived, read-only and locked', () => {
    expect(describeWith({ archived: true, readOnly: 'read_only' })).toContain(', archived, read-only, ');
    expect(describeWith({ readOnly: 'locked' })).toContain(', locked, ');
  });

  it('names folders except the plain inbox, custom ones as they are', () => {
    expect(describeWith({ folders: ['INBOX', 'INBOX_LINKEDIN_RECRUITER', 'Hiring'] })).toContain(', folders Recruiter and Hiring, ');
    expect(describeWith({ folders: ['INBOX_LINKEDIN_SALES_NAVIGATOR'] })).toContain(', folder Sales Navigator, ');
    expect(describeWith({ folders: ['INBOX'] })).not.toContain('folder');
  });

  it('states the LinkedIn content type and subject', () => {
    expect(describeWith({ contentType: 'inmail', subject: 'Role at Acme' })).toContain(', InMail, subject: Role at Acme, ');
    expect(describeWith({ contentType: 'linkedin_offer' })).toContain(', Offer, ');
    expect(describeWith({ contentType: 'sponsored' })).toContain(', Sponsored, ');
    expect(describeWith({ contentType: 'message' })).not.toContain('message');
  });

  it('shows an unknown provider as its raw text', () => {
    expect(describeWith({ provider: 'MASTODON' })).toMatch(/^Jordan Walke, MASTODON, read/);
  });

  it('says when there is no activity yet', () => {
    expect(describeWith({ lastActivityAt: null })).toMatch(/, no activity yet$/);
  });
});

describe('visibleFolders', () => {
  it('labels known folders and keeps custom names', () => {
    expect(visibleFolders({ folders: ['INBOX', 'INBOX_LINKEDIN_CLASSIC', 'INBOX_LINKEDIN_ORGANIZATION', 'VIP'] })).toEqual(['LinkedIn Classic', 'Organization', 'VIP']);
  });
});

describe('accountShortName', () => {
  it('drops the provider the icon already shows, and keeps names without it whole', () => {
    expect(accountShortName('LinkedIn — Recruiting', 'LINKEDIN')).toBe('Recruiting');
    expect(accountShortName('X — @triage_app', 'TWITTER')).toBe('@triage_app');
    expect(accountShortName('Instagram - @studio.triage', 'INSTAGRAM')).toBe('@studio.triage');
    expect(accountShortName('WhatsApp — Personal', 'WHATSAPP')).toBe('Personal');
    expect(accountShortName('Sales team — EMEA', 'SLACK')).toBe('Sales team — EMEA');
    expect(accountShortName('Work', 'SLACK')).toBe('Work');
  });
});
