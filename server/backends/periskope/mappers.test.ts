import { describe, expect, it } from 'vitest';
import { readChat } from '../../previews/upstream';
import { toUnipileAccount } from './accounts';
import { toAttendees } from './attendees';
import { chatSortKey, toUnipileChat, toUnipileChatDetail } from './chats';
import { toUnipileMessage } from './messages';
import { chatListSchema, chatSchema, messageSchema, phoneSchema } from './schemas';
import seed from './seed-list-chats.fixture.json';

/** The seed's own "200 OK" example of GET /chats (periskope-list-chats.openapi.md), copied once into the fixture. */
const seedChats = chatListSchema.parse(seed).map((raw) => chatSchema.parse(raw));

const chat = (fields: Record<string, unknown>) => chatSchema.parse({ chat_id: '919537851844@c.us', org_phone: '918527184400@c.us', ...fields });
const message = (fields: Record<string, unknown>) => messageSchema.parse({ message_id: 'true_919537851844@c.us_ABC', org_phone: '918527184400@c.us', chat_id: '919537851844@c.us', ...fields });

describe('GOLDEN: the seed’s 23-chat example as inbox rows', () => {
  // Read off the seed by hand: the latest message's time; none for a chat without messages (it has no activity).
  const expected: [id: string, name: string, timestamp: string | null][] = [
    ['120363393294700553@g.us', 'Test New 1039', null],
    ['120363373936603867@g.us', 'Testing1234', '2025-01-21T11:10:13.000Z'],
    ['120363376050029178@g.us', 'Test Czech Republic', null],
    ['120363374949245199@g.us', 'Test Burundi', null],
    ['120363371308389685@g.us', 'Test Ukraine', null],
    ['120363372525172897@g.us', 'Test Jordan', '2025-01-21T04:12:02.000Z'],
    ['120363386347133520@g.us', 'Test Guyana', null],
    ['120363388696354849@g.us', 'Test Tanzania', null],
    ['120363392706769636@g.us', 'Test Micronesia', null],
    ['120363387379991154@g.us', 'Test British Indian Ocean Territory (Chagos Archipelago)', null],
    ['120363389171465741@g.us', 'Test Sri Lanka', null],
    ['120363329861739657@g.us', 'Test Skope Final 947', '2024-12-18T10:14:03.000Z'],
    ['120363371655584481@g.us', 'Test Finland', null],
    ['120363388281538713@g.us', 'Test Chile', '2025-01-21T04:12:02.000Z'],
    ['120363387670530253@g.us', 'Test Mali', null],
    ['120363391093262494@g.us', 'Test Liberia', null],
    ['120363373397909338@g.us', 'Test Central African Republic', null],
    ['120363372297359294@g.us', 'Test Sao Tome and Principe', null],
    ['120363373761356282@g.us', 'Test Nauru', null],
    ['120363331984403446@g.us', 'Test Skope Final 5', '2024-10-24T03:59:11.000Z'],
    ['120363378277037444@g.us', 'Test <> Xindus 2', null],
    ['120363352652386702@g.us', 'Test Skope Final 9473', '2025-01-01T15:30:20.000Z'],
    ['120363378751945209@g.us', 'Test Skope New', null],
  ];
  const rows = seedChats.map(toUnipileChat);

  it('reads all 23 chats', () => {
    expect(rows).toHaveLength(23);
  });

  it('keeps ids, names and times', () => {
    expect(rows.map((r) => [r.id, r.name, r.timestamp])).toEqual(expected);
    expect(rows.every((r) => r.provider_id === r.id)).toBe(true);
  });

  it('makes every one a WhatsApp group of the seed’s phone, read, in the inbox only', () => {
    for (const row of rows) {
      expect(row).toMatchObject({ object: 'Chat', type: 1, account_id: '918527184400@c.us', account_type: 'WHATSAPP', unread_count: 0, archived: 0, pinned: 0, read_only: 0, folder: ['INBOX'] });
      expect(row).not.toHaveProperty('attendee_provider_id');
    }
  });

  it('mutes only "Test Skope Final 9473", for good', () => {
    expect(rows.filter((r) => r.muted_until !== null).map((r) => [r.name, r.muted_until])).toEqual([['Test Skope Final 9473', -1]]);
  });

  it('gives "Testing1234" its last message, as the previews read it', () => {
    const detail = toUnipileChatDetail(seedChats[1]!);
    expect(detail.lastMessage).toMatchObject({
      id: 'true_120363373936603867@g.us_3EB0E9AF26D15A11C93960E7CACC60B03A614A07',
      chat_id: '120363373936603867@g.us',
      text: 'Hello, East Jenniferfurt!',
      timestamp: '2025-01-21T11:10:13.000Z',
      is_sender: 1,
      sender_id: '918527184400@c.us',
      seen: 1,
      delivered: 1,
      deleted: 0,
      edited: 0,
      attachments: [],
    });
    const read = readChat(JSON.parse(JSON.stringify(detail)));
    expect(read?.chat).toEqual({ id: '120363373936603867@g.us', name: 'Testing1234', kind: 'group', provider: 'WHATSAPP' });
    expect(read?.lastMessage).toMatchObject({ is_sender: true, text: 'Hello, East Jenniferfurt!' });
  });
});

describe('a chat, field by field', () => {
  it('reads 1:1 and business chats as 1:1, with the other party as attendee provider id', () => {
    expect(toUnipileChat(chat({ chat_type: 'user' }))).toMatchObject({ type: 0, attendee_provider_id: '919537851844@c.us' });
    expect(toUnipileChat(chat({ chat_type: 'business' })).type).toBe(0);
    expect(toUnipileChat(chat({ chat_type: 'unknown' })).type).toBe(0);
    expect(toUnipileChat(chat({ chat_type: 'group' })).type).toBe(1);
  });

  it('sorts and stamps by latest_message_timestamp (ms or s) before the message’s own time and created_at', () => {
    const ms = Date.UTC(2025, 2, 3, 4, 5, 6, 789);
    const c = chat({ latest_message_timestamp: ms, latest_message: { message_id: 'm', timestamp: '2020-01-01T00:00:00+00:00' }, created_at: '2019-01-01T00:00:00+00:00' });
    expect(chatSortKey(c)).toBe(ms);
    expect(toUnipileChat(c).timestamp).toBe('2025-03-03T04:05:06.789Z');
    expect(toUnipileChat(chat({ latest_message_timestamp: Math.floor(ms / 1000) })).timestamp).toBe('2025-03-03T04:05:06.000Z');
    expect(chatSortKey(chat({ created_at: '2019-01-01T00:00:00+00:00' }))).toBeNull();
    // No message, no activity: created_at would sort it among chats Periskope does not list it with.
    expect(toUnipileChat(chat({ created_at: '2019-01-01T00:00:00+00:00' })).timestamp).toBeNull();
  });

  it('counts unread from message_unread_count, else the org phone’s entry of unread_count', () => {
    expect(toUnipileChat(chat({ message_unread_count: 3, unread_count: { '918527184400@c.us': 9 } })).unread_count).toBe(3);
    expect(toUnipileChat(chat({ message_unread_count: null, unread_count: { '918527184400@c.us': 9, 'other@c.us': 2 } })).unread_count).toBe(9);
    expect(toUnipileChat(chat({ message_unread_count: null })).unread_count).toBe(0);
  });

  it('archives on is_archived or closed_at, pins on is_pinned, and makes labels folders', () => {
    expect(toUnipileChat(chat({ is_archived: true })).archived).toBe(1);
    expect(toUnipileChat(chat({ closed_at: 1737697834000 })).archived).toBe(1);
    expect(toUnipileChat(chat({ closed_at: null, is_archived: false })).archived).toBe(0);
    expect(toUnipileChat(chat({ is_pinned: true })).pinned).toBe(1);
    expect(toUnipileChat(chat({ label_ids: { VIP: true, 'label-old': false, Leads: true } })).folder).toEqual(['INBOX', 'VIP', 'Leads']);
  });

  it('is read-only when the phone left, or admins only write and the members say we are no admin', () => {
    const self = { contact_id: '918527184400@c.us', is_admin: false };
    expect(toUnipileChat(chat({ is_exited: true })).read_only).toBe(1);
    expect(toUnipileChat(chat({ messages_admins_only: true })).read_only).toBe(0);
    expect(toUnipileChat(chat({ messages_admins_only: true, members: { '918527184400@c.us': self } })).read_only).toBe(1);
    expect(toUnipileChat(chat({ messages_admins_only: true, members: { '918527184400@c.us': { ...self, is_admin: true } } })).read_only).toBe(0);
  });

  it('reads a field of the wrong type as absent instead of losing the chat', () => {
    const c = chatSchema.parse({ chat_id: 'x@g.us', is_muted: 'yes', message_unread_count: 'many', label_ids: [1, 2] });
    expect(toUnipileChat(c)).toMatchObject({ id: 'x@g.us', muted_until: null, unread_count: 0, folder: ['INBOX'] });
    expect(chatSchema.safeParse({ chat_name: 'no id' }).success).toBe(false);
  });
});

describe('a message', () => {
  it('names the sender: the org phone for our own, the sender phone (or author) for others', () => {
    expect(toUnipileMessage(message({ from_me: true, sender_phone: null })).sender_id).toBe('918527184400@c.us');
    expect(toUnipileMessage(message({ from_me: false, sender_phone: null, author: '9199@c.us' })).sender_attendee_id).toBe('9199@c.us');
    const named = toUnipileMessage(message({ from_me: false, sender_phone: '9199@c.us' }), new Map([['9199@c.us', 'Asha']]));
    expect(named.sender_name).toBe('Asha');
  });

  it('turns media into an attachment that says it cannot be downloaded', () => {
    const doc = toUnipileMessage(message({ message_type: 'document', has_media: true, body: 'the deck', media: { filename: 'deck.pdf', mimetype: 'application/pdf', size: 1200 } }));
    expect(doc.text).toBe('the deck');
    expect(doc.attachments).toEqual([{ id: 'true_919537851844@c.us_ABC:media', type: 'file', file_name: 'deck.pdf', mimetype: 'application/pdf', file_size: 1200, unavailable: true, sticker: false, voice_note: false }]);
    expect(toUnipileMessage(message({ message_type: 'sticker' })).attachments[0]).toMatchObject({ type: 'img', sticker: true });
    expect(toUnipileMessage(message({ message_type: 'ptt' })).attachments[0]).toMatchObject({ type: 'audio', voice_note: true });
    expect(toUnipileMessage(message({ message_type: 'chat', body: 'hi' })).attachments).toEqual([]);
  });

  it('marks deleted (no words left), edited and event messages, and reads reactions', () => {
    expect(toUnipileMessage(message({ is_deleted: true, body: 'secret', message_type: 'image' }))).toMatchObject({ deleted: 1, text: null, attachments: [], edited: 0 });
    expect(toUnipileMessage(message({ prev_body: 'old words', body: 'new words' }))).toMatchObject({ edited: 1, text: 'new words' });
    expect(toUnipileMessage(message({ message_type: 'gp2', body: 'Asha added Bob' })).is_event).toBe(1);
    const reacted = toUnipileMessage(message({ reactions: [{ reaction: '👍', sender_id: '918527184400@c.us' }, { reaction: null }, 'junk'] }));
    expect(reacted.reactions).toEqual([{ value: '👍', sender_id: '918527184400@c.us', is_sender: true }]);
  });
});

describe('a phone as an account', () => {
  const phone = (fields: Record<string, unknown>) => toUnipileAccount(phoneSchema.parse({ org_phone: '918527184400@c.us', phone_id: 'phone-abc', ...fields }));

  it('is a WhatsApp account named by its phone, with its number as identity', () => {
    expect(phone({ phone_name: 'Sales', wa_state: 'CONNECTED', created_at: '2024-01-02T03:04:05+00:00' })).toEqual({
      object: 'Account',
      id: '918527184400@c.us',
      name: 'Sales',
      type: 'WHATSAPP',
      created_at: '2024-01-02T03:04:05.000Z',
      connection_params: { im: { phone_number: '918527184400' } },
      sources: [{ id: 'phone-abc', status: 'OK' }],
      groups: [],
    });
    expect(phone({ phone_name: null })?.name).toBe('918527184400');
  });

  it('is OK only when connected; otherwise a status the browser shows as not connected', () => {
    const status = (fields: Record<string, unknown>) => phone(fields)?.sources[0]?.status;
    expect(status({ wa_state: 'CONNECTED' })).toBe('OK');
    expect(status({ wa_state: null, is_ready: true })).toBe('OK');
    expect(status({ wa_state: 'UNPAIRED', is_ready: false })).toBe('CREDENTIALS');
    expect(status({ wa_state: null, is_ready: false })).toBe('CREDENTIALS');
    expect(status({ wa_state: 'OPENING' })).toBe('CONNECTING');
    expect(status({ wa_state: 'TOS_BLOCK' })).toBe('ERROR');
  });

  it('uses the phone_id of a phone not paired yet', () => {
    expect(phone({ org_phone: null })?.id).toBe('phone-abc');
  });
});

describe('attendees', () => {
  it('come from the members, ours marked as self', () => {
    const c = chat({ chat_type: 'group', members: { '918527184400@c.us': { contact_id: '918527184400@c.us', contact_name: null, number: '918527184400' }, '9199@c.us': { contact_id: '9199@c.us', contact_name: 'Asha' } } });
    expect(toAttendees(c).map((a) => [a.id, a.name, a.is_self])).toEqual([
      ['918527184400@c.us', '918527184400', 1],
      ['9199@c.us', 'Asha', 0],
    ]);
  });

  it('of a 1:1 chat without members are the other party and us', () => {
    expect(toAttendees(chat({ chat_type: 'user', chat_name: 'Ravi' })).map((a) => [a.id, a.name, a.is_self])).toEqual([
      ['919537851844@c.us', 'Ravi', 0],
      ['918527184400@c.us', '918527184400', 1],
    ]);
  });
});
