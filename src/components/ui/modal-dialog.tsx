import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type SyntheticEvent } from 'react';
import { cn } from '@/lib/cn';

export interface ModalDialogProps {
  open: boolean;
  /** Called once per close, however it happened (Esc, a close button, the backdrop, `open` turning false). */
  onClose: () => void;
  /** Id of the visible heading that names the dialog. */
  labelledBy: string;
  /** Where focus goes on close when the element focused before opening is gone (or was the page itself). */
  fallbackFocus?: () => HTMLElement | null;
  className?: string;
  children: ReactNode;
}

const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]';

/** What Tab visits inside `root`, in order; of a radio group only the checked radio is a stop. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.tabIndex < 0 || element.matches(':disabled') || element.getClientRects().length === 0) return false;
    if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked && element.name) {
      const group = root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]`);
      return ![...group].some((radio) => radio.checked);
    }
    return true;
  });
}

/**
 * The native <dialog> opened with showModal(): the browser makes the page behind inert and closes on Esc, so
 * that is not re-implemented here. `open` drives it; the native close event reports back. One thing is added:
 * Tab past the last control wraps to the first, where the browser would step out into its own toolbar.
 */
export function ModalDialog({ open, onClose, labelledBy, fallbackFocus, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const latest = useRef({ onClose, fallbackFocus });
  useEffect(() => {
    latest.current = { onClose, fallbackFocus };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // A dialog removed while open (route change, unmount) must not leave the page inert.
  useEffect(() => {
    const dialog = ref.current;
    return () => dialog?.close();
  }, []);

  const handleClose = () => {
    // The close event is queued: if the dialog was shown again since (a quick reopen), this close is stale.
    if (ref.current?.open) return;
    const before = opener.current;
    opener.current = null;
    const target = before instanceof HTMLElement && before.isConnected && before !== document.body ? before : latest.current.fallbackFocus?.();
    target?.focus();
    latest.current.onClose();
  };

  // Esc: tell the owner at once instead of closing natively and reporting on the queued close event, so a reopen that
  // comes before that event (a quick Esc then click on Settings) is not lost. The owner's `open` then closes it.
  const handleCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    latest.current.onClose();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = tabStops(event.currentTarget);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && (active === first || active === event.currentTarget)) {
      event.preventDefault();
      last.focus();
    }
  };

  // A click on the dimmed backdrop lands on the <dialog> itself (its content fills the box), and closes it.
  const handleClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.close();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={handleClose}
      onCancel={handleCancel}
      onClick={handleClick}
      onKeyDown={handleKeyDown}
      className={cn('bg-surface text-ink backdrop:bg-black/45', className)}
    >
      {children}
    </dialog>
  );
}
