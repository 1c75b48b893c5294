import { describe, expect, it } from 'vitest';
import { escapeForLog } from './log';

describe('escapeForLog', () => {
  it('escapes line breaks and other control characters, so a request cannot forge a log line', () => {
    expect(escapeForLog('/api/v1/chats/x\r\ntriage: GET /admin 200')).toBe('/api/v1/chats/x\\x0d\\x0atriage: GET /admin 200');
    expect(escapeForLog('a\u0000b\u001bc\u007f')).toBe('a\\x00b\\x1bc\\x7f');
  });

  it('escapes non-ASCII (no bidi overrides or look-alikes in a log)', () => {
    expect(escapeForLog('Zo\u00eb\u202e')).toBe('Zo\\xeb\\u202e');
  });

  it('keeps newlines of a stack when asked, and bounds the length', () => {
    expect(escapeForLog('Error: x\n    at y', true)).toBe('Error: x\n    at y');
    expect(escapeForLog('x'.repeat(5_000))).toHaveLength(2_001);
  });
});
