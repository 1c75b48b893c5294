import { ArrowLeft, Inbox, MessageSquare } from 'lucide-react';
import { Link } from 'wouter';
import { Avatar } from '@/components/ui/avatar';
import { ProviderIcon } from '@/components/ui/provider-icon';
import { StatePanel } from '@/components/ui/state-panel';
import { providerLabel } from '@/config/providers';
import { useCachedChat } from './use-cached-chat';

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

/** Stand-in for the chat detail pane (a later feature): the chat's name and where it comes from. */
export function ChatPlaceholderPane({ chatId, backHref }: { chatId: string; backHref: string }) {
  const chat = useCachedChat(chatId);
  const name = chat?.displayName ?? 'Chat';
  return (
    <section aria-labelledby="chat-pane-title" className="flex min-h-0 flex-1 flex-col bg-surface">
      <div className="flex h-14 shrink-0 items-center gap-3 border-b border-line px-4">
        <Link href={backHref} className="-ml-1 flex size-8 items-center justify-center rounded-md text-muted hover:bg-hover hover:text-ink lg:hidden" aria-label="Back to chats">
          <ArrowLeft aria-hidden="true" className="size-4" />
        </Link>
        <Avatar src={`/api/v1/chat_attendees/${encodeURIComponent(chatId)}/picture`} name={name} colorSeed={chatId} size={32} />
        <div className="min-w-0">
          <h2 id="chat-pane-title" className="truncate text-sm font-semibold text-ink">
            {name}
          </h2>
          {chat ? (
            <p className="flex items-center gap-1.5 text-xs text-muted">
              <ProviderIcon provider={chat.provider} className="size-3" />
              {providerLabel(chat.provider)}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex flex-1 items-center justify-center bg-canvas">
        <StatePanel icon={<MessageSquare className="size-5" aria-hidden="true" />} title="Conversation view coming soon">
          Messages and replies for {name} will show here.
        </StatePanel>
      </div>
    </section>
  );
}
