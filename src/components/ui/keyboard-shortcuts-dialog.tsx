import { X } from 'lucide-react';
import { useId } from 'react';
import { keyLabel, SHORTCUT_GROUPS, SHORTCUTS } from '@/config/shortcuts';
import { ModalDialog } from './modal-dialog';

/** The shortcut table of config/shortcuts.ts, every key grouped by where it works. */
export function KeyboardShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={titleId} className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-card border border-line p-0 shadow-pane">
      <div className="flex items-center justify-between border-b border-line py-3 pr-3 pl-5">
        <h2 id={titleId} className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button type="submit" aria-label="Close" className="flex size-8 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-ink">
            <X aria-hidden="true" className="size-4" />
          </button>
        </form>
      </div>
      <div className="max-h-[70vh] overflow-y-auto px-5 pt-2 pb-5">
        {SHORTCUT_GROUPS.map(({ group, label }) => {
          const shortcuts = SHORTCUTS.filter((s) => s.group === group);
          if (shortcuts.length === 0) return null;
          return (
            <section key={group} className="mt-3">
              <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{label}</h3>
              <dl className="divide-y divide-line">
                {shortcuts.map((s) => (
                  <div key={s.action} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                    <dt className="text-ink">{s.label}</dt>
                    <dd className="flex shrink-0 gap-1">
                      {s.keys.map((key, i) => (
                        <span key={key} className="flex items-center gap-1">
                          {i > 0 ? <span className="text-xs text-faint">or</span> : null}
                          <kbd className="min-w-6 rounded border border-line bg-raised px-1.5 py-0.5 text-center font-sans text-xs font-medium text-ink">{keyLabel(key)}</kbd>
                        </span>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <p className="mt-4 text-xs text-muted">Shortcuts do nothing while you type in a text field, or with Ctrl, Alt or ⌘ held.</p>
      </div>
    </ModalDialog>
  );
}
