/**
 * The chat header's grid, shared by the header and its skeleton so the real one lands exactly where the placeholder
 * was. Phone: title row, then the details toggle beside the actions (badges fold under the toggle); ≥ 640 px: title
 * and actions on one row, badges below; ≥ 1024 px the Back link goes (the list is beside the chat).
 */
export const HEADER_GRID = [
  'grid grid-cols-[auto_auto_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1.5 px-3 py-2 sm:gap-y-2 sm:px-4 sm:py-2.5',
  "[grid-template-areas:'back_avatar_title_title'_'details_details_details_actions'_'badges_badges_badges_badges']",
  "sm:[grid-template-areas:'back_avatar_title_actions'_'badges_badges_badges_badges']",
  "lg:grid-cols-[auto_minmax(0,1fr)_auto] lg:[grid-template-areas:'avatar_title_actions'_'._badges_badges']",
].join(' ');

/** The header's avatar: small enough for the phone's compact title row, the same on every width. */
export const HEADER_AVATAR_SIZE = 36;
