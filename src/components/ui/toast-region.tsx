import { lazy, Suspense } from 'react';
import { useToastStore } from '@/lib/toast-store';

// Toasts only follow an action, so their markup loads with the first one, not with the page.
const ToastItems = lazy(() => import('./toast-items').then((m) => ({ default: m.ToastItems })));

/**
 * Where toasts appear: mounted once by the app, always present so screen readers hear what is added to it. Bottom left
 * on wide screens (clear of the reply box and its Send button), above the reply box on phones.
 */
export function ToastRegion() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-16 z-50 flex flex-col items-center gap-2 p-4 sm:bottom-0 sm:items-start"
    >
      {toasts.length > 0 ? (
        <Suspense fallback={null}>
          <ToastItems toasts={toasts} onDismiss={dismiss} />
        </Suspense>
      ) : null}
    </section>
  );
}
