import { describe, expect, it } from 'vitest';
import { isTypingTarget } from '@/lib/typing-target';
import { isSettingsShortcut, type ShortcutEvent } from './settings-shortcut';

// The unit tests run without a DOM: elements are stood in for by the fields the check reads.
const element = (tagName: string, extra: Record<string, unknown> = {}) => ({ nodeType: 1, tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;

const press = (overrides: Partial<ShortcutEvent> = {}): ShortcutEvent => ({
  key: ',',
  target: element('BODY'),
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
  ...overrides,
});

describe('settings shortcut', () => {
  it('opens on a plain comma outside text fields', () => {
    expect(isSettingsShortcut(press())).toBe(true);
    expect(isSettingsShortcut(press({ target: element('DIV') }))).toBe(true);
    expect(isSettingsShortcut(press({ target: element('INPUT', { type: 'checkbox' }) }))).toBe(true);
    expect(isSettingsShortcut(press({ target: element('BUTTON') }))).toBe(true);
  });

  it('leaves a comma typed into a text field alone', () => {
    expect(isTypingTarget(element('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(element('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(element('INPUT', { type: '' }))).toBe(true);
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(element('DIV', { isContentEditable: true }))).toBe(true);
    expect(isSettingsShortcut(press({ target: element('TEXTAREA') }))).toBe(false);
  });

  it('ignores other keys, modified and repeated presses, and handled events', () => {
    expect(isSettingsShortcut(press({ key: '.' }))).toBe(false);
    expect(isSettingsShortcut(press({ metaKey: true }))).toBe(false);
    expect(isSettingsShortcut(press({ ctrlKey: true }))).toBe(false);
    expect(isSettingsShortcut(press({ altKey: true }))).toBe(false);
    expect(isSettingsShortcut(press({ repeat: true }))).toBe(false);
    expect(isSettingsShortcut(press({ defaultPrevented: true }))).toBe(false);
    expect(isSettingsShortcut(press({ target: null }))).toBe(true);
  });
});
