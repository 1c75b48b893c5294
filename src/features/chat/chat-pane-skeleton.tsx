import { useQueryClient } from '@tanstack/react-query';
import { Avatar } from '@/components/ui/avatar';
import { knownChat } from '@/lib/chats/list-pages';
import { HEADER_AVATAR_SIZE, HEADER_GRID } from './header-layout';
import { MessageSkeleton } from './message-skeleton';

const bar = 'block rounded bg-hover';

export interface ChatPaneSkeletonProps {
  /** With an id the list (or an earlier open) already knows, the header shows its avatar and name straight away. */
  chatId?: string;
  /** Shown over the placeholder messages, e.g. "Retrying…" while the chat itself is being fetched again. */
  status?: string | null;
}

/**
 * The chat pane before it can draw itself (its chunk still loading, or a chat no list has loaded): the same header
 * grid, placeholder messages and a reply box outline, so nothing moves when the real pane arrives. In the initial
 * chunk: keep its imports light.
 */
export function ChatPaneSkeleton({ chatId, status = null }: ChatPaneSkeletonProps) {
  const queryClient = useQueryClient();
  const chat = chatId ? knownChat(queryClient, chatId) : undefined;
  return (
    <section aria-label={chat ? chat.displayName : 'Chat'} aria-busy="true" className="flex min-h-0 min-w-0 flex-1 flex-col bg-surface">
      <header className="shrink-0 border-b border-line bg-surface">
        <div className={HEADER_GRID}>
          <span aria-hidden="true" className="-ml-1 size-8 [grid-area:back] lg:hidden" />
          {chat ? (
            <Avatar src={null} name={chat.displayName} colorSeed={chat.id} size={HEADER_AVATAR_SIZE} className="[grid-area:avatar]" />
          ) : (
            <span aria-hidden="true" className="shrink-0 rounded-full bg-hover [grid-area:avatar]" style={{ width: HEADER_AVATAR_SIZE, height: HEADER_AVATAR_SIZE }} />
          )}
          <div className="min-w-0 [grid-area:title]">
            {chat ? (
              <h2 className="truncate text-[15px] font-semibold text-ink">{chat.displayName}</h2>
            ) : (
              <span aria-hidden="true" className="flex h-[22.5px] items-center">
                <span className={`${bar} h-3.5 w-40`} />
              </span>
            )}
            <span aria-hidden="true" className="flex h-4 items-center">
              <span className={`${bar} h-2.5 w-56 max-w-full`} />
            </span>
          </div>
          <span aria-hidden="true" className="flex h-8 items-center [grid-area:details] sm:hidden">
            <span className={`${bar} h-3 w-16`} />
          </span>
          <span aria-hidden="true" className="flex h-8 items-center gap-2 justify-self-end [grid-area:actions]">
            {[0, 1, 2, 3, 4].map((i) => (
              <span key={i} className={`${bar} size-5`} />
            ))}
          </span>
          {/* As tall as the badges' line box (a badge in a list item), not as the badge itself. */}
          <span aria-hidden="true" className="hidden h-6 items-center gap-1.5 [grid-area:badges] sm:flex">
            <span className={`${bar} h-[18px] w-10`} />
            <span className={`${bar} h-[18px] w-24`} />
          </span>
        </div>
      </header>
      <MessageSkeleton label={chat ? `Loading ${chat.displayName}` : 'Loading the chat'} status={status} />
      <div aria-hidden="true" className="shrink-0 border-t border-line px-3 py-2.5 sm:px-4">
        <div className="flex gap-2">
          <span className="h-9 flex-1 rounded-lg border border-line bg-canvas" />
          <span className="h-9 w-20 rounded-md bg-hover" />
        </div>
      </div>
    </section>
  );
}
