import { FileText, Image as ImageIcon, Link2, Music, Video } from 'lucide-react';
import { cn } from '@/lib/cn';
import { attachmentUrl, type MessageAttachment } from '@/lib/chats/messages';
import { formatBytes } from './timeline';

const MAX_IMAGE = 240;
const MAX_STICKER = 120;

/** The thumbnail's box, known before the image loads, so a row's height never changes when it arrives. */
export function thumbnailSize(a: Pick<MessageAttachment, 'width' | 'height' | 'sticker'>): { width: number; height: number } {
  const max = a.sticker ? MAX_STICKER : MAX_IMAGE;
  const w = a.width ?? max;
  const h = a.height ?? max;
  const scale = Math.min(1, max / w, max / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

function fallbackName(a: MessageAttachment): string {
  switch (a.kind) {
    case 'image':
      return a.sticker ? 'Sticker' : 'Image';
    case 'video':
      return 'Video';
    case 'audio':
      return a.voiceNote ? 'Voice message' : 'Audio';
    case 'post':
      return 'LinkedIn post';
    case 'file':
      return 'File';
  }
}

const ICONS = { image: ImageIcon, video: Video, audio: Music, post: Link2, file: FileText } as const;

function Thumbnail({ messageId, attachment }: { messageId: string; attachment: MessageAttachment }) {
  const url = attachmentUrl(messageId, attachment.id);
  const { width, height } = thumbnailSize(attachment);
  const name = attachment.name ?? fallbackName(attachment);
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="block w-fit overflow-hidden rounded-lg border border-line bg-raised">
      <img src={url} alt={name} width={width} height={height} loading="lazy" decoding="async" className="block object-cover" style={{ width, height }} />
    </a>
  );
}

function FileLink({ messageId, attachment }: { messageId: string; attachment: MessageAttachment }) {
  const Icon = ICONS[attachment.kind];
  const name = attachment.name ?? fallbackName(attachment);
  const size = attachment.bytes !== null ? formatBytes(attachment.bytes) : null;
  return (
    <a
      href={attachmentUrl(messageId, attachment.id)}
      download={name}
      className="flex max-w-full min-w-0 items-center gap-2.5 rounded-lg border border-line bg-surface px-3 py-2 text-ink hover:bg-hover"
    >
      <Icon aria-hidden="true" className="size-4 shrink-0 text-muted" />
      <span className="min-w-0">
        <span className="block truncate text-[13px] font-medium">{name}</span>
        {size ? <span className="block text-xs text-muted">{size}</span> : null}
      </span>
    </a>
  );
}

export function MessageAttachments({ messageId, attachments, className }: { messageId: string; attachments: readonly MessageAttachment[]; className?: string }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label={attachments.length === 1 ? 'Attachment' : `${attachments.length} attachments`} className={cn('flex flex-col gap-1.5', className)}>
      {attachments.map((a) => (
        <li key={a.id} className="max-w-full min-w-0">
          {a.unavailable ? (
            <span className="inline-flex items-center gap-2 rounded-lg border border-dashed border-current/40 px-3 py-2 text-xs text-current">
              {a.name ?? fallbackName(a)}: no longer available
            </span>
          ) : a.kind === 'image' ? (
            <Thumbnail messageId={messageId} attachment={a} />
          ) : (
            <FileLink messageId={messageId} attachment={a} />
          )}
        </li>
      ))}
    </ul>
  );
}
