import { CircleAlert, RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { describeError, type ErrorContext } from '@/lib/error-messages';
import { Button } from './button';
import { Spinner } from './spinner';
import { StatePanel } from './state-panel';

export interface ErrorStateProps {
  /** The failure; its plain words are shown, with the envelope type and status in small print. */
  error?: unknown;
  context?: ErrorContext;
  /** What failed, before the error's own headline: "Messages could not be loaded: Unipile is unavailable". */
  what?: string;
  /** Words of one's own instead of the error's (a rendering error has none worth showing). */
  title?: string;
  message?: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
  /** A retry is in flight: the button waits, and says "Retrying…" once an attempt of it has failed. */
  retrying?: boolean;
  failureCount?: number;
  /** More buttons after Retry (e.g. "Back to chats"). */
  actions?: ReactNode;
  className?: string;
}

function technicalLine(error: unknown): string | null {
  if (!isApiError(error)) return null;
  return error.status > 0 ? `${error.type} · HTTP ${error.status}` : error.type;
}

/** A pane that could not show what it should: why, in plain words, and what to do (Retry, or another way out). */
export function ErrorState({ error, context, what, title, message, onRetry, retryLabel = 'Retry', retrying = false, failureCount = 0, actions, className }: ErrorStateProps) {
  const copy = error === undefined ? null : describeError(error, context);
  const headline = title ?? (copy ? (what ? `${what}: ${copy.title}` : copy.title) : (what ?? 'Something went wrong'));
  const technical = title === undefined ? technicalLine(error) : null;
  return (
    <StatePanel
      role="alert"
      tone="danger"
      icon={<CircleAlert className="size-5" aria-hidden="true" />}
      title={headline}
      className={className}
      action={
        onRetry || actions ? (
          <>
            {onRetry ? (
              <Button variant="primary" onClick={onRetry} disabled={retrying}>
                {retrying ? <Spinner className="text-accent-ink" /> : <RotateCw aria-hidden="true" className="size-4" />}
                {retrying && failureCount > 0 ? 'Retrying…' : retryLabel}
              </Button>
            ) : null}
            {actions}
          </>
        ) : undefined
      }
    >
      <p>{message ?? copy?.message}</p>
      {technical ? <p className="mt-2 font-mono text-xs text-faint">{technical}</p> : null}
    </StatePanel>
  );
}
