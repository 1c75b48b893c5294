import { SendHorizontal } from 'lucide-react';
import { useId, useLayoutEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { InboxChat } from '@/lib/chats/model';
import { COMPOSER_ID } from './composer-id';
import { useDraftStore } from './draft-store';
import { useSendMessage } from './use-send-message';

const MAX_HEIGHT = 160;

export interface ComposerProps {
  chat: InboxChat;
  /** Why replying is unavailable, in words; null when it is available. */
  blockedReason: string | null;
  /** The id of an element already showing that reason (the header's notice): it is then not repeated here. */
  blockedReasonShownBy?: string;
}

/** Enter sends, Shift+Enter starts a new line. A failed send puts the text back (a toast says why, with Retry). */
export function Composer({ chat, blockedReason, blockedReasonShownBy }: ComposerProps) {
  const text = useDraftStore((state) => state.drafts[chat.id] ?? '');
  const setDraft = useDraftStore((state) => state.setDraft);
  const setText = (value: string) => setDraft(chat.id, value);
  const send = useSendMessage(chat.id);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const ownReasonId = useId();
  const reasonId = blockedReasonShownBy ?? ownReasonId;
  const disabled = blockedReason !== null;

  // Grows with its content up to a few lines, then scrolls.
  useLayoutEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(MAX_HEIGHT, el.scrollHeight)}px`;
  }, [text]);

  const submit = () => {
    const body = text.trim();
    if (disabled || body === '') return;
    setText('');
    // The send puts the text back into the draft if it fails; the box is where to fix it and send again.
    send.mutate({ text: body }, { onError: () => textareaRef.current?.focus() });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Esc leaves the box (keeping the text); a second Esc, now outside any field, closes the chat.
    if (event.key === 'Escape') {
      event.currentTarget.blur();
      return;
    }
    // An IME composition (Japanese, Chinese…) confirms its text with Enter: that is not a send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    submit();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const describedBy = disabled ? reasonId : undefined;
  return (
    <form onSubmit={onSubmit} className="shrink-0 border-t border-line bg-surface px-3 py-2.5 sm:px-4">
      {disabled && !blockedReasonShownBy ? (
        <p id={ownReasonId} className="mb-2 text-[13px] text-muted">
          {blockedReason}
        </p>
      ) : null}
      <div className="flex items-end gap-2">
        <textarea
          id={COMPOSER_ID}
          ref={textareaRef}
          aria-label="Reply"
          aria-describedby={describedBy}
          placeholder={disabled ? 'Replying is not available' : `Reply to ${chat.displayName}`}
          rows={1}
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          className="max-h-40 min-h-9 flex-1 resize-none rounded-lg border border-line bg-canvas px-3 py-2 text-sm text-ink placeholder:text-faint focus:border-accent disabled:cursor-not-allowed disabled:opacity-60"
        />
        <Button type="submit" variant="primary" disabled={disabled || text.trim() === ''} aria-describedby={disabled ? reasonId : undefined} title={blockedReason ?? 'Send (Enter)'}>
          <SendHorizontal aria-hidden="true" className="size-4" />
          Send
        </Button>
      </div>
    </form>
  );
}
