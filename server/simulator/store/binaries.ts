import { makePdf, makeText } from '../files';
import { encodeGradientPng } from '../png';
import { hashString, mulberry32 } from '../prng';
import type { AttachmentJson } from '../types';
import { BoundedCache } from './bounded-cache';

/** Bytes behind the JSON: uploaded files (within a memory budget), seeded PNG pictures, generated attachment files. */

const PICTURE_CACHE_SIZE = 512;
const UPLOAD_BUDGET_BYTES = 64 * 1024 * 1024;
const PICTURE_SIZE = 128;

export interface Binary {
  bytes: Uint8Array;
  contentType: string;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export class Binaries {
  private readonly uploads = new Map<string, Binary>();
  private uploadedBytes = 0;
  private readonly pictures = new BoundedCache<string, Uint8Array>(PICTURE_CACHE_SIZE);

  /** Keeps an uploaded file's bytes under attachment id `id`; false once the budget is spent (the file is then unavailable). */
  keepUpload(id: string, bytes: Uint8Array, contentType: string): boolean {
    if (this.uploadedBytes + bytes.length > UPLOAD_BUDGET_BYTES) return false;
    this.uploads.set(id, { bytes, contentType });
    this.uploadedBytes += bytes.length;
    return true;
  }

  /** The PNG for a picture id, or null when `exists` says that id has none. */
  picture(id: string, exists: () => boolean): Uint8Array | null {
    const cached = this.pictures.get(id);
    if (cached) return cached;
    if (!exists()) return null;
    const png = encodeGradientPng(PICTURE_SIZE, PICTURE_SIZE, { ...paletteFor(id), disc: true });
    this.pictures.set(id, png);
    return png;
  }

  /** An attachment's bytes: the uploaded ones, or generated from its JSON alone; null when unavailable. */
  attachment(att: AttachmentJson): Binary | null {
    const uploaded = this.uploads.get(att.id);
    if (uploaded) return uploaded;
    if (att.unavailable) return null;
    const size = att.file_size ?? 10_000;
    if (att.type === 'img') {
      return { bytes: encodeGradientPng(att.size.width, att.size.height, paletteFor(att.id), size), contentType: 'image/png' };
    }
    const ext = att.file_name.split('.').pop()?.toLowerCase() ?? '';
    const title = att.file_name;
    if (ext === 'pdf') return { bytes: makePdf(title, size), contentType: 'application/pdf' };
    const kind = ext === 'csv' ? 'csv' : ext === 'log' ? 'log' : 'txt';
    return { bytes: makeText(kind, title, size), contentType: att.mimetype ?? 'text/plain' };
  }
}

/** Seeded colours for a picture or image attachment, from any string key. */
function paletteFor(key: string): { from: [number, number, number]; to: [number, number, number] } {
  const r = mulberry32(hashString(key));
  const hue = r() * 360;
  return { from: hsl(hue, 0.55, 0.55), to: hsl((hue + 40 + r() * 80) % 360, 0.6, 0.35) };
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return [f(0), f(8), f(4)];
}
