/**
 * "/" puts the cursor in the search box. The key is heard by the list (in the first chunk); the box comes with the
 * filter bar's chunk a moment later, so a "/" pressed before it exists is kept and honoured when the box mounts.
 */
let pending = false;

const SEARCH_BOX = 'input[type="search"][aria-label="Search chats"]';

/** Focuses the search box, or asks the filter bar to once it has mounted. False when the box is hidden (phone, chat open). */
export function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>(SEARCH_BOX);
  if (box) {
    if (box.offsetParent === null) return false;
    box.focus();
    return true;
  }
  pending = true;
  return true;
}

/** The filter bar's mount: takes a "/" that came before it. */
export function takePendingSearchFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
