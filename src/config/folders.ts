import type { KnownFolder } from '@/lib/wire/vocabulary';

export { DEFAULT_FOLDER } from '@/lib/wire/vocabulary';

/** Labels of the folder names Unipile uses (LinkedIn mailboxes); a custom folder name is shown as is. */
const FOLDER_LABELS: Record<KnownFolder, string> = {
  INBOX: 'Inbox',
  INBOX_LINKEDIN_CLASSIC: 'LinkedIn Classic',
  INBOX_LINKEDIN_RECRUITER: 'Recruiter',
  INBOX_LINKEDIN_SALES_NAVIGATOR: 'Sales Navigator',
  INBOX_LINKEDIN_ORGANIZATION: 'Organization',
};

export function folderLabel(folder: string): string {
  return Object.hasOwn(FOLDER_LABELS, folder) ? FOLDER_LABELS[folder as KnownFolder] : folder;
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
