import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

/**
 * LinkedIn sends message bodies as a little HTML. Only these tags survive, with `href` as their only attribute
 * (DOMPurify also drops `javascript:` and other unsafe URLs); every link opens in a new tab with no opener.
 * Everything else from a chat is rendered as text by React and never reaches this module.
 */
export const ALLOWED_TAGS = ['strong', 'em', 'a', 'ul', 'ol', 'li', 'p', 'br'];
export const ALLOWED_ATTR = ['href'];

let purifier: Purifier | null = null;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  // A private instance, so this hook never affects another DOMPurify user on the page.
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

export function sanitizeMessageHtml(html: string): string {
  return getPurifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR });
}
