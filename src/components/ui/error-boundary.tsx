import { Component, type ErrorInfo, type ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { ErrorState } from './error-state';

export interface ErrorBoundaryProps {
  /** What to show instead of the children after they threw while rendering. */
  fallback: (error: unknown, reset: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: unknown;
  failed: boolean;
}

/** Keeps a rendering error inside one pane: the rest of the app stays usable. (React offers this only as a class.) */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('triage: a pane failed to render', error, info.componentStack);
  }

  reset = (): void => this.setState({ error: null, failed: false });

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}

export interface PaneErrorBoundaryProps {
  /** The pane, as the start of a sentence: "The chat list", "This chat", "Settings". */
  name: string;
  /** Before the pane renders again: e.g. drop the cached data it failed on, so it is fetched afresh. */
  onReset?: () => void;
  /** More ways out beside Reset (e.g. "Back to chats"). */
  actions?: ReactNode;
  /** Classes of the box the fallback sits in, so it fills the pane as the pane did. */
  className?: string;
  children: ReactNode;
}

/** One pane's boundary (list, chat, settings): a rendering error there says so in the pane and offers Reset. */
export function PaneErrorBoundary({ name, onReset, actions, className, children }: PaneErrorBoundaryProps) {
  return (
    <ErrorBoundary
      fallback={(_error, reset) => (
        <div className={cn('flex min-h-0 flex-1 flex-col items-center justify-center bg-surface', className)}>
          <ErrorState
            title={`${name} could not be shown`}
            message="Something in it could not be displayed. The rest of Triage still works."
            retryLabel="Reset"
            onRetry={() => {
              onReset?.();
              reset();
            }}
            actions={actions}
          />
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
