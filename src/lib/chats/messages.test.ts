import { describe, expect, it } from 'vitest';
import { normalizeAttendee, safeHttpUrl } from './attendees';
import { attachmentUrl, messagesOldestFirst, normalizeMessage, type MessagePage } from './messages';

const wire = {
  id: 'm1',
  sender_id: 'p1',
  text: 'Hi <b>there</b>',
  timestamp: '2026-03-10T10:00:00.000Z',
  is_sender: 1,
  attachments: [
    { id: 'a1', type: 'img', size: { width: 640, height: 480 }, sticker: false, unavailable: false, file_size: 1000, mimetype: 'image/png' },
    { id: 'a2', type: 'file', file_name: 'Q3.pdf', file_size: 2048, unavailable: false },
    { type: 'file' },
  ],
  reactions: [{ value: '👍', sender_id: 'p2', is_sender: false }, { value: 5 }],
  quoted: { provider_id: 'x', sender_id: 'p2', text: 'earlier', attachments: [] },
  edited: 1,
  deleted: 0,
  is_event: 0,
};

describe('normalizeMessage', () => {
  it('keeps text verbatim, reads flags, and drops malformed attachments and reactions on their own', () => {
    const m = normalizeMessage(wire);
    expect(m.text).toBe('Hi <b>there</b>');
    expect(m.mine).toBe(true);
    expect(m.edited).toBe(true);
    expect(m.attachments.map((a) => [a.id, a.kind, a.name, a.bytes])).toEqual([
      ['a1', 'image', null, 1000],
      ['a2', 'file', 'Q3.pdf', 2048],
    ]);
    expect(m.reactions).toEqual([{ value: '👍', senderId: 'p2', mine: false }]);
    expect(m.quoted).toEqual({ senderId: 'p2', text: 'earlier', attachmentCount: 0 });
  });

  it('a deleted message shows nothing of what it was', () => {
    const m = normalizeMessage({ ...wire, deleted: 1 });
    expect([m.text, m.attachments, m.reactions, m.quoted]).toEqual([null, [], [], null]);
  });

  it('attachment URLs stay same-origin with encoded ids', () => {
    expect(attachmentUrl('m/1', 'a?2')).toBe('/api/v1/messages/m%2F1/attachments/a%3F2');
  });
});

describe('message pages', () => {
  const page = (ids: string[]): MessagePage => ({ messages: ids.map((id) => normalizeMessage({ id })), cursor: null });

  it('shows pages (newest first) oldest first, each message once', () => {
    const data = { pages: [page(['m5', 'm4', 'm3']), page(['m3', 'm2', 'm1'])], pageParams: [null, 'c'] };
    expect(messagesOldestFirst(data).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });
});

describe('attendees', () => {
  it('only ever links http(s) profiles, and pictures go through the server', () => {
    expect(safeHttpUrl('https://www.linkedin.com/in/x')).toBe('https://www.linkedin.com/in/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('  ')).toBeNull();
    const a = normalizeAttendee({ id: 'att 1', name: '', provider_id: 'p1', is_self: 1, picture_url: 'https://cdn.example/x.png', profile_url: 'data:text/html,hi' });
    expect(a).toMatchObject({ name: 'p1', isSelf: true, pictureSrc: '/api/v1/chat_attendees/att%201/picture', profileUrl: null });
  });
});
