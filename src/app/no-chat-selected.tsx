import { Inbox } from 'lucide-react';
import { StatePanel } from '@/components/ui/state-panel';
import { keyLabel, keysOf } from '@/config/shortcuts';

// The keys come from the one shortcut table: the letters (j, k, Enter) as they are typed.
const letters = (action: 'next' | 'previous' | 'open') => keysOf(action).filter((k) => !k.startsWith('Arrow')).map(keyLabel);

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-line bg-raised px-1.5 py-0.5 font-sans text-[11px] font-medium text-ink">{children}</kbd>;
}

/** Wide screens with no chat open. */
export function NoChatSelected() {
  return (
    <div className="flex flex-1 items-center justify-center">
      <StatePanel icon={<Inbox className="size-5" aria-hidden="true" />} title="Select a chat">
        <p>
          Move with <Kbd>{letters('next')[0] ?? ''}</Kbd> <Kbd>{letters('previous')[0] ?? ''}</Kbd> or the arrow keys, open with{' '}
          <Kbd>{letters('open')[0] ?? ''}</Kbd>.
        </p>
      </StatePanel>
    </div>
  );
}
