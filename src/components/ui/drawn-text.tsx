import { cn } from '@/lib/cn';

/**
 * Text painted by CSS (`::before { content: attr(data-text) }`) instead of a text node. For widgets whose aria-label
 * already says everything in words (the chat rows): the painted details are not "visible label text" that the label
 * would have to repeat word for word (WCAG 2.5.3, axe's label-content-name-mismatch), and are hidden from
 * assistive technology, which hears the label.
 */
export function DrawnText({ text, className }: { text: string; className?: string }) {
  return <span aria-hidden="true" data-text={text} className={cn('drawn-text', className)} />;
}
