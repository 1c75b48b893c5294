/**
 * Which accounts' chats the list shows. Settings store the hidden ones (so an account connected later is shown),
 * while the API's `account_id` filter only names accounts to include: turning one into the other needs the list of
 * accounts that exist.
 */

export interface AccountView {
  /** For ChatListParams.accountIds: [] = every account, the shown ids, or null = not known until the accounts load. */
  accountIds: string[] | null;
  /** Accounts shown, of those that exist (0 while unknown). */
  shown: number;
  /** Accounts that exist (0 while unknown). */
  total: number;
}

/**
 * The existing accounts that are hidden, as the store will keep them: ids of accounts that are gone are dropped; a
 * selection carried over from settings version 1 ("only these", `legacyShownIds`) becomes the rest; and hiding every
 * account hides none, since the API cannot be asked for no account at all (the panel never lets the last one go).
 */
export function hiddenAmong(existingIds: readonly string[], hiddenIds: readonly string[], legacyShownIds: readonly string[] | null): string[] {
  const existing = new Set(existingIds);
  let hidden: string[];
  if (legacyShownIds) {
    const shown = new Set(legacyShownIds.filter((id) => existing.has(id)));
    // Version 1 read an empty (or fully pruned) selection as every account.
    hidden = shown.size === 0 ? [] : existingIds.filter((id) => !shown.has(id));
  } else {
    hidden = hiddenIds.filter((id) => existing.has(id));
  }
  return hidden.length >= existing.size ? [] : hidden;
}

/** What the list asks for; `existingIds` is undefined while the accounts have not loaded. */
export function accountView(
  existingIds: readonly string[] | undefined,
  hiddenIds: readonly string[],
  legacyShownIds: readonly string[] | null,
): AccountView {
  if (!existingIds) return { accountIds: hiddenIds.length === 0 && !legacyShownIds ? [] : null, shown: 0, total: 0 };
  const hidden = new Set(hiddenAmong(existingIds, hiddenIds, legacyShownIds));
  const total = new Set(existingIds).size;
  if (hidden.size === 0) return { accountIds: [], shown: total, total };
  const shownIds = [...new Set(existingIds.filter((id) => !hidden.has(id)))];
  return { accountIds: shownIds, shown: shownIds.length, total };
}
