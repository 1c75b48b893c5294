import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeChat } from './inbox-chat.fixture';
import { chatKeys } from './keys';
import { displayNameOf, fetchPreviews, previewLine, type ChatPreview, type PreviewMessage } from './previews';
import { formatProviderId } from './model';

afterEach(() => vi.unstubAllGlobals());

function preview(message: Partial<PreviewMessage> | null, extra: Partial<ChatPreview> = {}): ChatPreview {
  const lastMessage: PreviewMessage | null = message && {
    sender: { kind: 'other', name: 'Amelia Horváth' }, text: '', attachments: [], deleted: false, edited: false, event: false, at: null, ...message,
  };
  return { chatId: 'c1', lastMessage, displayName: null, pictureSrc: null, partial: false, ...extra };
}

describe('previewLine', () => {
  it('prefixes what you sent with "You: " in every kind of chat', () => {
    const p = preview({ sender: { kind: 'self' }, text: 'ok see you then' });
    expect(previewLine(p, 'direct')).toBe('You: ok see you then');
    expect(previewLine(p, 'group')).toBe('You: ok see you then');
  });

  it('names the sender by first name in groups and broadcasts, not in a 1:1 chat', () => {
    const p = preview({ text: 'sounds good' });
    expect(previewLine(p, 'group')).toBe('Amelia: sounds good');
    expect(previewLine(p, 'broadcast')).toBe('Amelia: sounds good');
    expect(previewLine(p, 'direct')).toBe('sounds good');
    expect(previewLine(preview({ text: 'sounds good', sender: { kind: 'other', name: null } }), 'group')).toBe('sounds good');
  });

  it('says what attachments are: a kind in words, a file by its name', () => {
    expect(previewLine(preview({ attachments: [{ kind: 'image', name: null }] }), 'direct')).toBe('Photo');
    expect(previewLine(preview({ attachments: [{ kind: 'image', name: null }, { kind: 'image', name: null }, { kind: 'image', name: null }] }), 'direct')).toBe('3 photos');
    expect(previewLine(preview({ attachments: [{ kind: 'file', name: 'cv.pdf' }] }), 'direct')).toBe('📎 cv.pdf');
    expect(previewLine(preview({ attachments: [{ kind: 'file', name: 'cv.pdf' }, { kind: 'image', name: null }] }), 'direct')).toBe('📎 cv.pdf +1');
    expect(previewLine(preview({ attachments: [{ kind: 'video', name: null }] }), 'direct')).toBe('Video');
    expect(previewLine(preview({ attachments: [{ kind: 'audio', name: null }] }), 'direct')).toBe('Audio message');
    expect(previewLine(preview({ attachments: [{ kind: 'sticker', name: null }] }), 'direct')).toBe('Sticker');
    expect(previewLine(preview({ attachments: [{ kind: 'other', name: null }] }), 'direct')).toBe('Attachment');
    expect(previewLine(preview({ attachments: [{ kind: 'image', name: null }], text: 'look', sender: { kind: 'self' } }), 'direct')).toBe('You: Photo · look');
  });

  it('marks deleted and edited messages', () => {
    expect(previewLine(preview({ deleted: true }), 'group')).toBe('Message deleted');
    expect(previewLine(preview({ deleted: true, sender: { kind: 'self' } }), 'direct')).toBe('You deleted a message');
    expect(previewLine(preview({ text: 'fixed typo', edited: true }), 'group')).toBe('Amelia: fixed typo (edited)');
  });

  it('shows a group event as it is, without a prefix', () => {
    expect(previewLine(preview({ text: 'Amelia Horváth added Bob', event: true }), 'group')).toBe('Amelia Horváth added Bob');
  });

  it('is empty when there is no message, or nothing to say', () => {
    expect(previewLine(preview(null), 'direct')).toBe('');
    expect(previewLine(undefined, 'group')).toBe('');
    expect(previewLine(preview({ text: '' }), 'group')).toBe('');
  });
});

describe('displayNameOf', () => {
  const unnamed = makeChat('c1', { name: null, displayName: 'x', attendeeProviderId: 'ACoAA2PHHGxyz0123456789abcdef' });

  it('prefers the chat\'s own name, then the other attendee\'s from the list, then the preview\'s', () => {
    const p = preview(null, { displayName: 'Amelia Horváth' });
    expect(displayNameOf(makeChat('c1', { name: 'Recruiting' }), p)).toBe('Recruiting');
    expect(displayNameOf({ ...unnamed, otherAttendeeName: 'Bob Stone' }, p)).toBe('Bob Stone');
    expect(displayNameOf(unnamed, p)).toBe('Amelia Horváth');
  });

  it('formats a provider id as an id when no name exists at all', () => {
    expect(displayNameOf(unnamed, null)).toBe('ID ACoAA2PHHGxy…');
    expect(displayNameOf(makeChat('c1', { name: '  ', attendeeProviderId: '33612345678@s.whatsapp.net' }), preview(null))).toBe('+33612345678');
    expect(displayNameOf(makeChat('c1', { name: null, providerId: 'D0ABC' }), undefined)).toBe('ID D0ABC');
    expect(displayNameOf(makeChat('c1', { name: null }), undefined)).toBe('Unnamed chat');
    expect(formatProviderId('ABCDEFGHIJKLM')).toBe('ID ABCDEFGHIJKLM');
  });
});

describe('fetchPreviews', () => {
  const answer = {
    object: 'PreviewList',
    items: [
      {
        chat_id: 'c1',
        last_message: { sender: { kind: 'other', name: 'Amelia' }, text: 'hi', attachments: [{ kind: 'hologram', name: null }], deleted: false, edited: true, event: false, at: '2026-01-01T00:00:00.000Z' },
        display_name: 'Amelia Horváth', picture: true, picture_id: 'att/1',
      },
      { chat_id: 'c2', last_message: 'not a message', display_name: null, picture: false, picture_id: null },
    ],
    missing: ['c3'],
  };

  it('asks once for all ids and reads each preview, leaving out a malformed one', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(answer)));
    vi.stubGlobal('fetch', fetchMock);
    const batch = await fetchPreviews(['c1', 'c2', 'c3']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith('/api/previews?chat_ids=c1%2Cc2%2Cc3', expect.anything());
    expect(batch.missing).toEqual(['c2', 'c3']);
    expect(batch.previews).toEqual([{
      chatId: 'c1',
      lastMessage: { sender: { kind: 'other', name: 'Amelia' }, text: 'hi', attachments: [{ kind: 'other', name: null }], deleted: false, edited: true, event: false, at: Date.UTC(2026, 0, 1) },
      displayName: 'Amelia Horváth',
      pictureSrc: '/api/v1/chat_attendees/att%2F1/picture',
      partial: false,
    }]);
  });

  it('refuses an answer that is no PreviewList, and more ids than one request takes', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"items": 3}')));
    await expect(fetchPreviews(['c1'])).rejects.toMatchObject({ type: 'client/invalid_response' });
    await expect(fetchPreviews(Array.from({ length: 51 }, (_, i) => `c${i}`))).rejects.toThrow(RangeError);
    await expect(fetchPreviews([])).resolves.toEqual({ previews: [], missing: [] });
  });
});

describe('chatKeys.preview', () => {
  it('sits beside the lists and details, so their setQueriesData never reaches it', () => {
    expect(chatKeys.preview('c1')).toEqual(['chats', 'preview', 'c1']);
    expect(chatKeys.preview('c1').slice(0, 2)).not.toEqual(chatKeys.details());
    expect(chatKeys.preview('c1').slice(0, 2)).not.toEqual(chatKeys.lists());
  });
});
