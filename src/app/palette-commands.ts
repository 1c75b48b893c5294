import type { QueryClient } from '@tanstack/react-query';
import type { PaletteChat, PaletteCommand } from '@/features/palette';
import { KNOWN_PROVIDERS, providerLabel } from '@/config/providers';
import type { ShortcutAction } from '@/config/shortcuts';
import { keysOf } from '@/config/shortcuts';
import { indexAccounts, accountKeys, type Account } from '@/lib/accounts';
import { actionLabel, toggleAction, type ChatAction, type ChatActionKind } from '@/lib/chats/actions';
import type { ChatFilters } from '@/lib/chats/filters';
import { chatKeys } from '@/lib/chats/keys';
import { flattenChatPages, type ChatListData } from '@/lib/chats/list-pages';
import { displayNameOf, type ChatPreview } from '@/lib/chats/previews';
import type { InboxChat } from '@/lib/chats/model';

/** What the palette's commands do; the app passes the same handlers the keys use, so a command is never a copy. */
export interface PaletteHandlers {
  triage: (kind: ChatActionKind) => void;
  undo: () => void;
  toggleSelect: () => void;
  selectAll: () => void;
  clearSelection: () => void;
  setFilters: (filters: ChatFilters) => void;
  openSettings: () => void;
  openHelp: () => void;
  focusSearch: () => void;
}

export interface PaletteContext {
  /** The chat the triage commands act on (picked chats aside); null when the list is empty. */
  cursorChat: InboxChat | null;
  picked: number;
  filters: ChatFilters;
  undoWhat: string | null;
  /** Why an action is unavailable for the cursor chat (TriageView.blockReason); picked chats are the server's to judge. */
  blockReason?: (chat: InboxChat, action: ChatAction) => string | null;
}

const TRIAGE_KINDS: readonly ChatActionKind[] = ['archive', 'read', 'pin', 'mute'];

const keys = (action: ShortcutAction) => keysOf(action);

/** The palette's commands: triage actions on the cursor chat, views and filters, the app's dialogs; each with its keys. */
export function paletteCommands(context: PaletteContext, run: PaletteHandlers): PaletteCommand[] {
  const { cursorChat, picked } = context;
  const now = Date.now();
  const target = picked > 0 ? `${picked} selected` : cursorChat ? `“${cursorChat.displayName}”` : null;
  const actions: PaletteCommand[] = TRIAGE_KINDS.map((kind) => {
    const action = cursorChat && picked === 0 ? toggleAction(cursorChat, kind, now) : null;
    const blocked = action && cursorChat ? (context.blockReason?.(cursorChat, action) ?? null) : null;
    return {
      id: `action:${kind}`,
      label: `${actionLabel(action ?? { kind, value: true })}${target ? `: ${target}` : ''}`,
      group: 'Actions',
      keys: keys(kind),
      disabled: target === null || blocked !== null,
      run: () => run.triage(kind),
    };
  });
  actions.push(
    { id: 'action:undo', label: context.undoWhat ? `Undo: ${context.undoWhat}` : 'Undo', group: 'Actions', keys: keys('undo'), disabled: context.undoWhat === null, run: run.undo },
    { id: 'action:select', label: 'Select or unselect the chat', group: 'Actions', keys: keys('toggleSelect'), disabled: cursorChat === null, run: run.toggleSelect },
    { id: 'action:select-all', label: 'Select every loaded chat', group: 'Actions', keys: keys('selectAll'), run: run.selectAll },
  );
  if (picked > 0) actions.push({ id: 'action:clear', label: 'Clear the selection', group: 'Actions', keys: keys('close'), run: run.clearSelection });

  const views: [string, string, ChatFilters, string[]][] = [
    ['inbox', 'Inbox', {}, ['home', 'all']],
    ['unread', 'Unread', { unread: true }, []],
    ['pinned', 'Pinned', { pinned: true }, []],
    ['muted', 'Muted', { muted: true }, ['silenced']],
    ['archived', 'Archived', { view: 'archived' }, ['archive']],
    ['all', 'All chats', { view: 'all' }, ['everything']],
  ];
  const viewCommands: PaletteCommand[] = views.map(([id, label, filters, keywords]) => ({
    id: `view:${id}`,
    label,
    group: 'Views',
    keywords,
    run: () => run.setFilters(filters),
  }));
  const filterCommands: PaletteCommand[] = KNOWN_PROVIDERS.map((provider) => ({
    id: `filter:${provider}`,
    label: providerLabel(provider),
    group: 'Filters',
    keywords: ['provider', provider.toLowerCase()],
    run: () => run.setFilters({ ...context.filters, provider }),
  }));
  filterCommands.push({ id: 'filter:clear', label: 'Clear filters', group: 'Filters', keywords: ['reset'], run: () => run.setFilters({}) });

  const app: PaletteCommand[] = [
    { id: 'app:search', label: 'Search chats', group: 'App', keys: keys('search'), run: run.focusSearch },
    { id: 'app:settings', label: 'Settings', group: 'App', keys: keys('settings'), keywords: ['preferences', 'accounts', 'theme'], run: run.openSettings },
    { id: 'app:help', label: 'Keyboard shortcuts', group: 'App', keys: keys('help'), keywords: ['help', 'keys'], run: run.openHelp },
  ];
  return [...actions, ...viewCommands, ...filterCommands, ...app];
}

/** The loaded chats of the view, for finding one by name: "WhatsApp · Sales" says where each comes from. */
export function paletteChats(queryClient: QueryClient, listKey: readonly unknown[]): PaletteChat[] {
  const data = queryClient.getQueryData<ChatListData>(listKey);
  if (!data) return [];
  const accounts = indexAccounts(queryClient.getQueryData<Account[]>(accountKeys.list()));
  return flattenChatPages(data.pages).chats.map((chat) => {
    const provider = providerLabel(chat.provider);
    const account = accounts.get(chat.accountId)?.name;
    // Account names often start with their provider ("LinkedIn — Sales"): said once.
    const detail = !account ? provider : account.startsWith(provider) ? account : `${provider} · ${account}`;
    return { id: chat.id, name: displayNameOf(chat, queryClient.getQueryData<ChatPreview>(chatKeys.preview(chat.id))), detail };
  });
}

