import { SendHorizontal } from 'lucide-react';
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { providerLabel } from '@/config/providers';
import type { InboxChat } from '@/lib/chat-model';
import { describeError, type ErrorCopy } from '@/lib/error-messages';
import { COMPOSER_ID } from './composer-id';
import { useSendMessage } from './use-send-message';

const MAX_HEIGHT = 160;

export interface ComposerProps {
  chat: InboxChat;
  /** Why replying is unavailable, in words; null when it is available. */
  blockedReason: string | null;
  /** The id of an element already showing that reason (the header's notice): it is then not repeated here. */
  blockedReasonShownBy?: string;
}

/** Enter sends, Shift+Enter starts a new line. A failed send puts the text back and says why. */
export function Composer({ chat, blockedReason, blockedReasonShownBy }: ComposerProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<ErrorCopy | null>(null);
  const send = useSendMessage(chat.id);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const ownReasonId = useId();
  const reasonId = blockedReasonShownBy ?? ownReasonId;
  const errorId = useId();
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
    setError(null);
    setText('');
    send.mutate(
      { text: body },
      {
        onError: (err) => {
          // Keep what the person wrote: put it back, ahead of anything typed since.
          setText((current) => (current.trim() === '' ? body : `${body}\n${current}`));
          setError(describeError(err, { providerLabel: providerLabel(chat.provider) }));
          textareaRef.current?.focus();
        },
      },
    );
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

  const describedBy = [disabled ? reasonId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <form onSubmit={onSubmit} className="shrink-0 border-t border-line bg-surface px-3 py-2.5 sm:px-4">
      {error ? (
        <div id={errorId} role="alert" className="mb-2 rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-[13px]">
          <p className="font-medium text-danger">Not sent: {error.title}</p>
          <p className="text-muted">{error.message}</p>
        </div>
      ) : null}
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
