import { useMemo } from 'react';
import { cn } from '@/lib/cn';
import { isHtmlBody } from '@/lib/wire/message-text';
import { sanitizeMessageHtml } from './sanitize-html';

/** Styles for the few tags a sanitized LinkedIn body can hold. */
const HTML_CLASSES =
  '[&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2 [&_ol]:list-decimal [&_ol]:pl-5 [&_p+p]:mt-2 [&_ul]:list-disc [&_ul]:pl-5 [&_li]:my-0.5';

/**
 * A message body. Plain text goes through React (escaped, so markup shows as the characters it is). Only a LinkedIn
 * body that looks like HTML is parsed, and only after DOMPurify has reduced it to the allowed tags.
 */
export function MessageText({ text, provider, className }: { text: string; provider: string; className?: string }) {
  const html = useMemo(() => (isHtmlBody(text, provider) ? sanitizeMessageHtml(text) : null), [text, provider]);
  if (html !== null) {
    return <div className={cn('[overflow-wrap:anywhere]', HTML_CLASSES, className)} dangerouslySetInnerHTML={{ __html: html }} />;
  }
  return <p className={cn('whitespace-pre-wrap [overflow-wrap:anywhere]', className)}>{text}</p>;
}
