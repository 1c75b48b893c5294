import { CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandRoot } from 'cmdk';
import { Search } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { ariaKeyShortcuts, keyLabel, SHORTCUTS } from '@/config/shortcuts';
import { cn } from '@/lib/cn';
import { formatCount } from '@/lib/number-format';
import { matchShortcut } from '@/lib/use-shortcuts';
import { foldNames, matchChats, matchCommands, readQuery } from './palette-match';
import type { CommandPaletteProps, PaletteChat, PaletteCommand } from './types';

const INPUT_LABEL = 'Type a command or a chat name';

const itemClass = cn(
  'flex min-h-10 cursor-pointer items-center gap-3 rounded-md px-3 py-1.5 text-sm text-ink select-none',
  'data-[selected=true]:bg-selected data-[disabled=true]:cursor-default data-[disabled=true]:opacity-55',
);
const groupClass = cn(
  '[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1',
  '[&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wide',
  '[&_[cmdk-group-heading]]:text-muted [&_[cmdk-group-heading]]:uppercase',
);

/**
 * The ⌘K palette: find a loaded chat by name or run a command, keyboard first. A real modal <dialog> (ModalDialog),
 * so the page's shortcuts stay quiet behind it and focus goes back where it was. cmdk does the combobox (arrows,
 * Enter, aria-activedescendant); the filtering is ours, because cmdk would render and score every one of 10,000 chats.
 */
export function CommandPalette({ open, onClose, chats, onOpenChat, commands }: CommandPaletteProps) {
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // A chosen command waits until the dialog has closed and focus is back, so a command that moves focus (search) or
  // opens another dialog (settings) finds the page live, not inert behind this modal.
  const pending = useRef<(() => void) | null>(null);
  const openRef = useRef(open);

  useEffect(() => {
    openRef.current = open;
    // After ModalDialog's showModal (a child's effect runs first): the browser would focus the first focusable box.
    if (open) inputRef.current?.focus();
  }, [open]);

  // An owner that unmounts the palette as it closes never gets the close event: the chosen command still runs.
  useEffect(() => {
    const box = pending;
    return () => {
      const run = box.current;
      box.current = null;
      run?.();
    };
  }, []);

  const handleDialogClose = () => {
    // Still open for the owner: Esc or a click outside, so tell it. Otherwise the owner closed it: run what was chosen.
    if (openRef.current) {
      pending.current = null;
      onClose();
      return;
    }
    const run = pending.current;
    pending.current = null;
    run?.();
  };

  const runCommand = (command: PaletteCommand) => {
    if (command.disabled) return;
    pending.current = command.run;
    onClose();
  };

  const openChat = (chat: PaletteChat) => {
    onOpenChat(chat.id);
    onClose();
  };

  return (
    <ModalDialog
      open={open}
      onClose={handleDialogClose}
      labelledBy={titleId}
      className="mx-auto mt-[min(12vh,6rem)] mb-auto w-[min(38rem,calc(100vw-1.5rem))] max-w-none overflow-hidden rounded-card border border-line p-0 shadow-pane"
    >
      <h2 id={titleId} className="sr-only">
        Command palette
      </h2>
      {/* Mounted only while open: each opening starts from an empty query, and a closed palette folds no names. */}
      {open ? <PaletteBody inputRef={inputRef} chats={chats} commands={commands} onRunCommand={runCommand} onOpenChat={openChat} onClose={onClose} /> : null}
    </ModalDialog>
  );
}

interface PaletteBodyProps {
  inputRef: RefObject<HTMLInputElement | null>;
  chats: readonly PaletteChat[];
  commands: readonly PaletteCommand[];
  onRunCommand: (command: PaletteCommand) => void;
  onOpenChat: (chat: PaletteChat) => void;
  onClose: () => void;
}

function PaletteBody({ inputRef, chats, commands, onRunCommand, onOpenChat, onClose }: PaletteBodyProps) {
  const [search, setSearch] = useState('');
  const folded = useMemo(() => foldNames(chats), [chats]);
  const query = readQuery(search);
  const shownCommands = matchCommands(commands, query);
  const { chats: shownChats, total } = matchChats(chats, folded, query);

  // The page's ⌘K is quiet behind this modal: the same keys close the palette, as they opened it.
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (matchShortcut(event.nativeEvent, 'global', { typing: false, behindModal: false }, SHORTCUTS)?.action === 'palette') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <CommandRoot label={INPUT_LABEL} shouldFilter={false} loop onKeyDown={handleKeyDown} className="flex max-h-[min(32rem,80dvh)] flex-col">
      {/* The input is always focused here: the accent line under it marks focus, not the page's outline ring. */}
      <div className="flex items-center gap-2 border-b border-line px-4 focus-within:border-accent">
        <Search aria-hidden="true" className="size-4 shrink-0 text-muted" />
        <CommandInput
          ref={inputRef}
          value={search}
          onValueChange={setSearch}
          placeholder={`${INPUT_LABEL}…`}
          className="h-12 min-w-0 flex-1 bg-transparent text-base text-ink outline-none! placeholder:text-faint"
        />
      </div>
      <CommandList label="Commands and chats" className="min-h-0 flex-1 scroll-py-2 overflow-y-auto overscroll-contain p-2">
        <CommandEmpty className="px-3 py-6 text-center text-sm text-muted">No command or chat matches “{search.trim()}”.</CommandEmpty>
        {/* Groups in the order of their best match (group order when nothing is typed), so the best match is first. */}
        {[...new Set(shownCommands.map((c) => c.group))].map((group) => {
          const items = shownCommands.filter((c) => c.group === group);
          if (items.length === 0) return null;
          return (
            <CommandGroup key={group} heading={group} className={groupClass}>
              {items.map((command) => (
                <CommandItem
                  key={command.id}
                  value={`command:${command.id}`}
                  disabled={command.disabled}
                  onSelect={() => onRunCommand(command)}
                  aria-keyshortcuts={command.keys?.length ? ariaKeyShortcuts(command.keys) : undefined}
                  className={itemClass}
                >
                  <span className="min-w-0 flex-1 truncate">{command.label}</span>
                  {command.keys?.length ? <Keys keys={command.keys} /> : null}
                </CommandItem>
              ))}
            </CommandGroup>
          );
        })}
        {shownChats.length > 0 ? (
          <CommandGroup heading="Chats" className={groupClass}>
            {shownChats.map((chat) => (
              <CommandItem key={chat.id} value={`chat:${chat.id}`} onSelect={() => onOpenChat(chat)} className={itemClass}>
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{chat.name || 'Unnamed chat'}</span>
                  {chat.detail ? <span className="block truncate text-xs text-muted">{chat.detail}</span> : null}
                </span>
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
      </CommandList>
      <PaletteFooter shown={shownChats.length} total={total} searching={query.words.length > 0} />
    </CommandRoot>
  );
}

/** The shortcut of a command, as the "?" dialog writes it; read out through the option's aria-keyshortcuts instead. */
function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span aria-hidden="true" className="flex shrink-0 items-center gap-1">
      {keys.map((key, i) => (
        <span key={key} className="flex items-center gap-1">
          {i > 0 ? <span className="text-xs text-faint">or</span> : null}
          <kbd className="min-w-6 rounded border border-line bg-raised px-1.5 py-0.5 text-center font-sans text-xs font-medium text-ink">{keyLabel(key)}</kbd>
        </span>
      ))}
    </span>
  );
}

function PaletteFooter({ shown, total, searching }: { shown: number; total: number; searching: boolean }) {
  const note = searching && total > shown ? `${formatCount(shown)} of ${formatCount(total)} matching chats shown: type more to narrow` : '';
  // The live region stays in the page while the bar is hidden on a phone (nothing to say, no room for key hints).
  return (
    <>
      <span role="status" className="sr-only">
        {note}
      </span>
      <div aria-hidden="true" className={cn('items-center justify-between gap-3 border-t border-line bg-raised px-4 py-2 text-xs text-muted', note ? 'flex' : 'hidden sm:flex')}>
        <span>{note}</span>
        <span className="hidden shrink-0 gap-3 sm:flex">
          <span>↑↓ move</span>
          <span>Enter choose</span>
          <span>Esc close</span>
        </span>
      </div>
    </>
  );
}
