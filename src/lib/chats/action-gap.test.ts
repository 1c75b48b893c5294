import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../wire/backends';
import { sharedActionGap, triageActionGap } from './action-gap';

const unipile: BackendInfo = { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false };
const periskope: BackendInfo = { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: true };
const postpress: BackendInfo = { kind: 'postpress', label: 'postpress', host: 'api.postpress.ai', simulated: false };
const both = [unipile, periskope];
const periskopeChat = { id: 'periskope~123@c.us' };
const unipileChat = { id: 'unipile~abc' };

describe('triageActionGap', () => {
  it('says what the chat’s backend has no way to do, per action and value, simulated or not', () => {
    expect(triageActionGap(periskopeChat, { kind: 'archive', value: true }, both)).toBe('Periskope has no way to archive a chat.');
    expect(triageActionGap(periskopeChat, { kind: 'read', value: false }, both)).toBe('Periskope cannot mark a chat unread.');
    expect(triageActionGap(periskopeChat, { kind: 'pin', value: false }, both)).toBe('Periskope has no way to unpin a chat.');
    expect(triageActionGap(periskopeChat, { kind: 'read', value: true }, both)).toBeNull();
  });

  it('leaves every action of a backend that offers them all, and of a chat whose backend is not known', () => {
    for (const kind of ['read', 'mute', 'archive', 'pin'] as const) {
      for (const value of [true, false]) {
        expect(triageActionGap(unipileChat, { kind, value }, both)).toBeNull();
        expect(triageActionGap({ id: 'postpress~x' }, { kind, value }, [unipile, postpress])).toBeNull();
        // Before /api/config answers, or an id of no configured backend: the server decides.
        expect(triageActionGap(periskopeChat, { kind, value }, [])).toBeNull();
        expect(triageActionGap({ id: 'raw-id' }, { kind, value }, both)).toBeNull();
      }
    }
  });

  it('with one backend, applies its gaps to every chat, namespaced or not', () => {
    expect(triageActionGap({ id: '123@c.us' }, { kind: 'mute', value: true }, [periskope])).toBe('Periskope has no way to mute a chat.');
  });
});

describe('sharedActionGap', () => {
  const archive = { kind: 'archive', value: true } as const;

  it('is the gap only when every chat has it', () => {
    expect(sharedActionGap([periskopeChat, { id: 'periskope~456@c.us' }], archive, both)).toBe('Periskope has no way to archive a chat.');
    expect(sharedActionGap([periskopeChat, unipileChat], archive, both)).toBeNull();
    expect(sharedActionGap([periskopeChat], { kind: 'read', value: true }, both)).toBeNull();
    expect(sharedActionGap([], archive, both)).toBeNull();
  });
});
