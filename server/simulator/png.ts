import { deflateSync } from 'node:zlib';

/** Minimal truecolour PNG encoder (IHDR, IDAT, optional tEXt, IEND), enough for avatars and image attachments. */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngStyle {
  /** Two RGB colours blended along the diagonal. */
  from: readonly [number, number, number];
  to: readonly [number, number, number];
  /** Draw a soft lighter disc in the middle (avatars). */
  disc?: boolean;
}

/**
 * Encodes a width×height RGB gradient. Rows use PNG filter 1 (Sub): a smooth gradient then becomes
 * near-constant bytes and deflates to almost nothing, so even 800×600 images stay cheap to serve.
 * `padTo` appends a tEXt comment so the file is exactly that many bytes (the API's file_size must match).
 */
export function encodeGradientPng(width: number, height: number, style: PngStyle, padTo?: number): Uint8Array {
  const stride = width * 3 + 1;
  const raw = new Uint8Array(stride * height);
  const [r0, g0, b0] = style.from;
  const [r1, g1, b1] = style.to;
  const dr = r1 - r0;
  const dg = g1 - g0;
  const db = b1 - b0;
  const ix = 0.5 / Math.max(1, width - 1);
  const iy = 0.5 / Math.max(1, height - 1);
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) * 0.3;
  const disc = style.disc === true;
  for (let y = 0; y < height; y++) {
    let o = y * stride;
    raw[o++] = 1; // filter: Sub (each byte minus the same channel of the pixel to its left)
    let pr = 0;
    let pg = 0;
    let pb = 0;
    const dy2 = (y - cy) * (y - cy);
    for (let x = 0; x < width; x++) {
      const t = x * ix + y * iy;
      let r = r0 + dr * t;
      let g = g0 + dg * t;
      let b = b0 + db * t;
      if (disc) {
        const d = Math.sqrt((x - cx) * (x - cx) + dy2);
        if (d < radius) {
          const k = 0.35 * (1 - d / radius);
          r += (255 - r) * k;
          g += (255 - g) * k;
          b += (255 - b) * k;
        }
      }
      const R = r | 0;
      const G = g | 0;
      const B = b | 0;
      raw[o++] = (R - pr) & 0xff;
      raw[o++] = (G - pg) & 0xff;
      raw[o++] = (B - pb) & 0xff;
      pr = R;
      pg = G;
      pb = B;
    }
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const parts = [PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 }))];
  const iend = chunk('IEND', new Uint8Array(0));
  let size = parts.reduce((n, p) => n + p.length, 0) + iend.length;
  // tEXt costs 12 bytes of framing plus "Comment\0"; only pad when that fits.
  if (padTo !== undefined && padTo - size >= 20) {
    const text = new Uint8Array(padTo - size - 12);
    text.set([...'Comment'].map((ch) => ch.charCodeAt(0)));
    text[7] = 0;
    text.fill(0x2e, 8); // '.'
    parts.push(chunk('tEXt', text));
    size = padTo;
  }
  parts.push(iend);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Reads IHDR back (used by tests and to sanity-check uploads). */
export function readPngHeader(bytes: Uint8Array): { width: number; height: number; bitDepth: number; colorType: number } | null {
  if (bytes.length < 33) return null;
  for (let i = 0; i < 8; i++) if (bytes[i] !== PNG_SIGNATURE[i]) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR' || view.getUint32(8) !== 13) return null;
  if (crc32(bytes, 12, 29) !== view.getUint32(29)) return null;
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24] ?? 0, colorType: bytes[25] ?? 0 };
}
