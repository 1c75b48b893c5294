/**
 * Request text in a log line: control characters (newlines above all) and non-ASCII are escaped, so a request cannot
 * forge a log line or hide in one. A stack keeps its line breaks when `multiline`.
 */
export function escapeForLog(text: string, multiline = false): string {
  const escaped = text.replace(/[^\x20-\x7e]/g, (ch) => {
    if (multiline && ch === '\n') return '\n';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return escaped.length > 2_000 ? `${escaped.slice(0, 2_000)}…` : escaped;
}
