/**
 * The wire's vocabulary and limits, shared by the server and the browser (server/ imports this folder by relative
 * path; nothing here may import the browser app, the DOM or a library).
 */

/** The providers Unipile documents for chats (`account_type`); anything else the API sends is kept as raw text. */
export const KNOWN_PROVIDERS = ['WHATSAPP', 'LINKEDIN', 'SLACK', 'TWITTER', 'MESSENGER', 'INSTAGRAM', 'TELEGRAM'] as const;
export type KnownProvider = (typeof KNOWN_PROVIDERS)[number];

export function isKnownProvider(value: string): value is KnownProvider {
  return (KNOWN_PROVIDERS as readonly string[]).includes(value);
}

/** Folder names Unipile uses (LinkedIn mailboxes); a custom folder name is any other text. */
export const KNOWN_FOLDERS = ['INBOX', 'INBOX_LINKEDIN_CLASSIC', 'INBOX_LINKEDIN_RECRUITER', 'INBOX_LINKEDIN_SALES_NAVIGATOR', 'INBOX_LINKEDIN_ORGANIZATION'] as const;
export type KnownFolder = (typeof KNOWN_FOLDERS)[number];
/** Every chat's default place: it gets no chip. */
export const DEFAULT_FOLDER: KnownFolder = 'INBOX';

/** Unipile's bounds for `limit`, and what a list asks for when it names none. */
export const PAGE_SIZE = { min: 1, max: 250, default: 100 } as const;

/** The longest search text the server accepts (`q`). */
export const MAX_SEARCH_LENGTH = 200;

/** The PATCH /chats/:id actions Triage sends (and the simulator and proxy accept). */
export const CHAT_ACTIONS = ['setReadStatus', 'setMuteStatus', 'setArchiveStatus', 'setPinnedStatus'] as const;
export type ChatAction = (typeof CHAT_ACTIONS)[number];
