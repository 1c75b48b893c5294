import { describe, expect, it } from 'vitest';
import { actionLabel, applyChatAction, chatState, inverseAction, revertChatAction, toggleAction } from './actions';
import type { InboxChat } from './model';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

const base: InboxChat = {
  id: 'c',
  accountId: 'a',
  provider: 'SLACK',
  providerId: null,
  attendeeProviderId: null,
  name: 'general',
  otherAttendeeName: null,
  displayName: 'general',
  kind: 'group',
  lastActivityAt: NOW,
  unreadCount: 3,
  archived: false,
  pinned: false,
  mute: { kind: 'until', until: NOW - 1 },
  readOnly: 'writable',
  subject: null,
  contentType: null,
  folders: [],
  disabledFeatures: [],
};

describe('chat actions', () => {
  it('toggles flip the current state, and names follow', () => {
    expect(toggleAction(base, 'read', NOW)).toEqual({ kind: 'read', value: true });
    expect(actionLabel(toggleAction(base, 'read', NOW))).toBe('Mark as read');
    // An expired mute is no mute: the toggle mutes.
    expect(actionLabel(toggleAction(base, 'mute', NOW))).toBe('Mute');
    expect(actionLabel(toggleAction({ ...base, archived: true }, 'archive', NOW))).toBe('Unarchive');
    expect(actionLabel(toggleAction({ ...base, pinned: true }, 'pin', NOW))).toBe('Unpin');
    expect(actionLabel(toggleAction({ ...base, unreadCount: 0 }, 'read', NOW))).toBe('Mark as unread');
  });

  it('applies each action to the chat', () => {
    expect(applyChatAction(base, { kind: 'read', value: true }).unreadCount).toBe(0);
    expect(applyChatAction({ ...base, unreadCount: 0 }, { kind: 'read', value: false }).unreadCount).toBe(1);
    expect(applyChatAction(base, { kind: 'read', value: false }).unreadCount).toBe(3);
    expect(chatState(applyChatAction(base, { kind: 'mute', value: true }), 'mute', NOW)).toBe(true);
    expect(applyChatAction(base, { kind: 'mute', value: false }).mute).toEqual({ kind: 'none' });
    expect(applyChatAction(base, { kind: 'archive', value: true }).archived).toBe(true);
    expect(applyChatAction(base, { kind: 'pin', value: true }).pinned).toBe(true);
  });

  it('an action and its inverse round-trip the flag; a revert puts back only the field the action changed', () => {
    const pinned = applyChatAction(base, { kind: 'pin', value: true });
    expect(applyChatAction(pinned, inverseAction({ kind: 'pin', value: true }))).toEqual(base);
    // Another action landed meanwhile (muted): reverting the pin keeps it.
    const both = applyChatAction(pinned, { kind: 'mute', value: true });
    expect(revertChatAction(both, base, 'pin')).toEqual({ ...base, mute: both.mute });
    const read = applyChatAction({ ...base, unreadCount: 4 }, { kind: 'read', value: true });
    expect(revertChatAction(read, { ...base, unreadCount: 4 }, 'read').unreadCount).toBe(4);
  });
});
