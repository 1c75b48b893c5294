import type { InboxChat } from '../chats/model';

/** The words the triage toasts use for the chats an action touched. */

/** Names shown before "and N more". */
const MAX_NAMES = 3;

/** "“Ada”", "“Ada” and “Bo”", "“Ada”, “Bo”, “Cy” and 4 more". */
export function quoted(chats: readonly InboxChat[]): string {
  const names = chats.slice(0, MAX_NAMES).map((chat) => `“${chat.displayName}”`);
  const more = chats.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

export function chatsWord(count: number): string {
  return `${count} ${count === 1 ? 'chat' : 'chats'}`;
}

/** One chat by name, several by count: "Archived “Ada”", "Archived 3 chats". */
export function whatOf(chats: readonly InboxChat[]): string {
  return chats.length === 1 ? `“${chats[0]!.displayName}”` : chatsWord(chats.length);
}
