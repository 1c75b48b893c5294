/**
 * What a message body's text is, decided once for the browser and the server: LinkedIn sends bodies as a little
 * HTML (only the tags below); every other provider, and a LinkedIn body without those tags, is plain text, so "<3"
 * stays "<3". No DOM here: the server imports it.
 */

/** Tags LinkedIn uses; text without any of them is plain text. */
const LINKEDIN_MARKUP = /<\/?(?:p|br|strong|em|a|ul|ol|li)(?:\s[^<>]*)?\/?>/i;

export function looksLikeHtml(text: string): boolean {
  return LINKEDIN_MARKUP.test(text);
}

/** Whether this provider's body is read as HTML (only LinkedIn's, and only when it holds LinkedIn's tags). */
export function isHtmlBody(text: string, provider: string | null | undefined): boolean {
  return (provider ?? '').toUpperCase() === 'LINKEDIN' && looksLikeHtml(text);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', euro: '€', copy: '©', reg: '®', trade: '™',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range values are what a browser turns into U+FFFD; a preview just drops them.
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * LinkedIn HTML as the words a person reads: block ends and line breaks become spaces, every tag (allowed or not)
 * goes, entities are decoded once (so "&amp;lt;" reads "&lt;", never markup). The result is text, never HTML.
 */
export function htmlToText(html: string): string {
  const spaced = html.replace(/<(?:br|\/p|\/li|\/ul|\/ol)\b[^>]*>/gi, ' ').replace(/<li\b[^>]*>/gi, ' ');
  // Comments and tags go whole; a lone "<" that opens no tag stays as the character it is.
  const stripped = spaced.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-z][^<>]*>/gi, '');
  return decodeEntities(stripped);
}

/** One line of a message for a preview: HTML reduced when the provider sends HTML, whitespace collapsed, at most `max` characters. */
export function previewText(text: string | null | undefined, provider: string | null | undefined, max = 200): string {
  if (!text) return '';
  const plain = isHtmlBody(text, provider) ? htmlToText(text) : text;
  const line = plain.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  // Cut by code point, so an emoji is never split in half.
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
