/** Folder names Unipile uses for LinkedIn mailboxes; a custom folder name is shown as is. */
const FOLDER_LABELS: Record<string, string> = {
  INBOX: 'Inbox',
  INBOX_LINKEDIN_CLASSIC: 'Classic',
  INBOX_LINKEDIN_RECRUITER: 'Recruiter',
  INBOX_LINKEDIN_SALES_NAVIGATOR: 'Sales Navigator',
  INBOX_LINKEDIN_ORGANIZATION: 'Organization',
};

/** The plain inbox is the default place of every chat, so it gets no chip. */
export const DEFAULT_FOLDER = 'INBOX';

export function folderLabel(folder: string): string {
  return FOLDER_LABELS[folder] ?? folder;
}

/** LinkedIn content classifiers worth a badge; other values (e.g. "message") are ordinary chats. */
const CONTENT_TYPE_LABELS: Record<string, string> = {
  inmail: 'InMail',
  sponsored: 'Sponsored',
  linkedin_offer: 'Offer',
};

export function contentTypeLabel(contentType: string | null): string | null {
  if (!contentType) return null;
  return CONTENT_TYPE_LABELS[contentType.toLowerCase()] ?? null;
}
