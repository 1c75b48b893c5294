const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether a key press lands in a place that takes text (or a choice): single-key shortcuts must stay out of it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { nodeType?: unknown }).nodeType !== 'number') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(((element as HTMLInputElement).type || 'text').toLowerCase());
  return false;
}
