import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/wire/live-events';
import { namespaceLiveEvent } from './namespace-event';

describe('namespaceLiveEvent', () => {
  it('gives every id of each event kind its backend’s namespace, and nothing else changes', () => {
    const created: LiveEvent = {
      type: 'message.created',
      chat_id: 'c1',
      account_id: 'a1',
      message: { id: 'm1', text: 'hi ~ there', timestamp: '2026-12-01T10:00:00.000Z', is_sender: 0, sender_name: 'Ann', sender_attendee_id: 'att1', attachment_count: 0 },
    };
    expect(namespaceLiveEvent(created, 'unipile')).toEqual({
      ...created,
      chat_id: 'unipile~c1',
      account_id: 'unipile~a1',
      message: { ...created.message, id: 'unipile~m1', sender_attendee_id: 'unipile~att1' },
    });
    const mine: LiveEvent = { ...created, message: { ...created.message, sender_attendee_id: null } };
    expect(namespaceLiveEvent(mine, 'periskope').type === 'message.created' && namespaceLiveEvent(mine, 'periskope')).toMatchObject({ message: { sender_attendee_id: null } });
    const updated: LiveEvent = { type: 'message.updated', chat_id: '1203@g.us', account_id: '91@c.us', message_id: 'true_1203@g.us_AB', change: 'read' };
    expect(namespaceLiveEvent(updated, 'periskope')).toEqual({ ...updated, chat_id: 'periskope~1203@g.us', account_id: 'periskope~91@c.us', message_id: 'periskope~true_1203@g.us_AB' });
    const status: LiveEvent = { type: 'account.status', account_id: 'a1', status: 'CREDENTIALS' };
    expect(namespaceLiveEvent(status, 'postpress')).toEqual({ ...status, account_id: 'postpress~a1' });
  });
});
