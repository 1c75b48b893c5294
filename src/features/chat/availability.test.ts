import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/accounts';
import { makeChat } from '@/lib/chats/inbox-chat.fixture';
import type { BackendInfo } from '@/lib/wire/backends';
import { isDisconnected, reconnectUrl, replyBlockReason, triageActionReason, triageBlockReason } from './availability';

const unipile: BackendInfo = { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false };
const unipileSim: BackendInfo = { ...unipile, host: 'embedded simulator', simulated: true };
const periskope: BackendInfo = { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: false };
const postpress: BackendInfo = { kind: 'postpress', label: 'postpress', host: 'api.postpress.ai', simulated: false };

const connected: Account = { id: 'acc', name: 'Work', provider: 'WHATSAPP', identity: null, status: 'OK' };
const disconnected: Account = { ...connected, name: 'Recruiting', provider: 'LINKEDIN', status: 'CREDENTIALS' };

describe('triageBlockReason', () => {
  it('leaves read, mute, archive and pin available on writable, read-only and locked chats of a connected account', () => {
    for (const readOnly of ['writable', 'read_only', 'locked'] as const) {
      expect(triageBlockReason(makeChat('c', { readOnly }), connected)).toBeNull();
    }
  });

  it('leaves them available when the account is not known (the API decides)', () => {
    expect(triageBlockReason(makeChat('c', { readOnly: 'read_only' }), undefined)).toBeNull();
  });

  it('blocks them on a disconnected account, naming the provider and the account and saying how to fix it', () => {
    const chat = makeChat('c', { provider: 'LINKEDIN', readOnly: 'read_only' });
    expect(triageBlockReason(chat, disconnected, [unipileSim])).toBe(
      'The LinkedIn account “Recruiting” is disconnected: reconnect it in your Unipile dashboard to act on this chat.',
    );
  });

  it('names the dashboard of the chat’s own backend, or none before the backends are known', () => {
    const chat = makeChat('periskope~123@c.us', { provider: 'WHATSAPP' });
    expect(triageBlockReason(chat, disconnected, [unipile, periskope])).toBe(
      'The WhatsApp account “Recruiting” is disconnected: reconnect it in your Periskope dashboard to act on this chat.',
    );
    expect(triageBlockReason(chat, disconnected)).toMatch(/reconnect it in your messaging API’s dashboard to act on this chat\.$/);
  });

  it('is not blocked by statuses that do not refuse writes', () => {
    for (const status of ['CONNECTING', 'STOPPED', 'ERROR', 'PERMISSIONS', 'SOMETHING_NEW']) {
      expect(triageBlockReason(makeChat('c'), { ...connected, status })).toBeNull();
    }
  });
});

describe('triageActionReason', () => {
  const both = [unipile, periskope];
  const periskopeChat = makeChat('periskope~123@c.us');

  it('puts a disconnected account first, then the gap, else nothing', () => {
    const archive = { kind: 'archive', value: true } as const;
    expect(triageActionReason(periskopeChat, archive, disconnected, both)).toBe(triageBlockReason(periskopeChat, disconnected, both));
    expect(triageActionReason(periskopeChat, archive, connected, both)).toBe('Periskope has no way to archive a chat.');
    expect(triageActionReason(periskopeChat, { kind: 'read', value: true }, connected, both)).toBeNull();
  });
});

describe('replyBlockReason', () => {
  it('lets a writable chat of a connected account be answered', () => {
    expect(replyBlockReason(makeChat('c'), connected)).toBeNull();
  });

  it('says a read-only chat cannot be answered, and a locked one by whom', () => {
    expect(replyBlockReason(makeChat('c', { readOnly: 'read_only' }), connected)).toBe('This chat is read-only: replies cannot be sent to it.');
    expect(replyBlockReason(makeChat('c', { readOnly: 'locked', provider: 'LINKEDIN' }), connected)).toBe(
      'This chat is locked by LinkedIn: replies cannot be sent to it.',
    );
  });

  it('says when the provider turned replies off, whatever the case of the feature name', () => {
    expect(replyBlockReason(makeChat('c', { disabledFeatures: ['Reply'] }), connected)).toBe('Replies are turned off for this chat by WhatsApp.');
    expect(replyBlockReason(makeChat('c', { disabledFeatures: ['reactions'] }), connected)).toBeNull();
  });

  // The pane compares the two reasons to say a disconnection once (in the header), not twice.
  it('gives exactly the triage words for a disconnected account, before any read-only reason', () => {
    for (const readOnly of ['writable', 'read_only', 'locked'] as const) {
      const chat = makeChat('c', { provider: 'LINKEDIN', readOnly, disabledFeatures: ['reply'] });
      const reason = replyBlockReason(chat, disconnected);
      expect(reason).not.toBeNull();
      expect(reason).toBe(triageBlockReason(chat, disconnected));
    }
  });

  it('differs from the triage reason whenever only the reply is blocked', () => {
    const chat = makeChat('c', { readOnly: 'locked' });
    expect(replyBlockReason(chat, connected)).not.toBe(triageBlockReason(chat, connected));
  });
});

describe('isDisconnected', () => {
  it('is true only for an account whose credentials are needed again', () => {
    expect(isDisconnected(disconnected)).toBe(true);
    expect(isDisconnected(connected)).toBe(false);
    expect(isDisconnected(undefined)).toBe(false);
  });
});

describe('reconnectUrl', () => {
  it('points at the Unipile dashboard for a chat Unipile itself serves', () => {
    expect(reconnectUrl(unipile)).toBe('https://dashboard.unipile.com');
  });

  it('has no page to offer for the simulator, another backend, or before the config is known', () => {
    expect(reconnectUrl(unipileSim)).toBeNull();
    expect(reconnectUrl(periskope)).toBeNull();
    expect(reconnectUrl(postpress)).toBeNull();
    expect(reconnectUrl(null)).toBeNull();
  });
});
