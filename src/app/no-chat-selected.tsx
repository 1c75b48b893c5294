import { Inbox } from 'lucide-react';
import { StatePanel } from '@/components/ui/state-panel';

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-line bg-raised px-1.5 py-0.5 font-sans text-[11px] font-medium text-ink">{children}</kbd>;
}

/** Wide screens with no chat open. */
export function NoChatSelected() {
  return (
    <div className="flex flex-1 items-center justify-center">
      <StatePanel icon={<Inbox className="size-5" aria-hidden="true" />} title="Select a chat">
        <p>
          Move with <Kbd>j</Kbd> <Kbd>k</Kbd> or the arrow keys, open with <Kbd>Enter</Kbd>.
        </p>
      </StatePanel>
    </div>
  );
}
