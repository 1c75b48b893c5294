/**
 * Opaque cursors as standard, padded base64 of a small JSON document (the official SDK checks a list's cursor with
 * isBase64, so ours look like Unipile's). Used by the simulator's cursors and the server's own scan cursors.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `prefix` (text before the JSON) lets a reader tell one kind of cursor from another before parsing. */
export function encodeBase64Json(payload: unknown, prefix = ''): string {
  return Buffer.from(prefix + JSON.stringify(payload), 'utf8').toString('base64');
}

/** The JSON after `prefix`, or undefined when the text is no such cursor (never throws). */
export function decodeBase64Json(raw: string, prefix = ''): unknown {
  // A '+' sent unencoded in a query string arrives as a space.
  const text64 = raw.replace(/ /g, '+');
  if (text64.length === 0 || !BASE64.test(text64)) return undefined;
  const text = Buffer.from(text64, 'base64').toString('utf8');
  if (!text.startsWith(prefix)) return undefined;
  try {
    return JSON.parse(text.slice(prefix.length)) as unknown;
  } catch {
    return undefined;
  }
}
