import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makePdf, makeText } from './files';
import { PNG_SIGNATURE, crc32, encodeGradientPng, readPngHeader } from './png';

/** Walks the chunks, checking every CRC; returns their types and the inflated image data. */
function parseChunks(png: Uint8Array): { types: string[]; data: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  const idat: Uint8Array[] = [];
  let o = 8;
  while (o < png.length) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    expect(crc32(png, o + 4, o + 8 + len)).toBe(view.getUint32(o + 8 + len));
    types.push(type);
    if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  expect(o).toBe(png.length);
  return { types, data: inflateSync(Buffer.concat(idat)) };
}

describe('png', () => {
  it('crc32 matches the reference value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('encodes a valid truecolour PNG with correct chunks and CRCs', () => {
    const png = encodeGradientPng(64, 48, { from: [255, 0, 0], to: [0, 0, 255], disc: true });
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect(readPngHeader(png)).toEqual({ width: 64, height: 48, bitDepth: 8, colorType: 2 });
    const { types, data } = parseChunks(png);
    expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(data.length).toBe(48 * (64 * 3 + 1));
    // First pixel is the "from" colour (filter byte 1, then the raw first pixel since Sub has no left neighbour).
    expect([...data.subarray(0, 4)]).toEqual([1, 255, 0, 0]);
  });

  it('pads to an exact byte size with a tEXt chunk', () => {
    const png = encodeGradientPng(800, 600, { from: [10, 20, 30], to: [200, 210, 220] }, 120_000);
    expect(png.length).toBe(120_000);
    expect(parseChunks(png).types).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
  });
});

describe('files', () => {
  it('makes a PDF of the exact size whose xref offsets point at the objects', () => {
    for (const size of [2_000, 20_000, 1_234_567]) {
      const bytes = makePdf('Contrat (signé).pdf', size);
      expect(bytes.length).toBe(size);
      const text = Buffer.from(bytes).toString('latin1');
      expect(text.startsWith('%PDF-1.4\n')).toBe(true);
      expect(text.endsWith('%%EOF\n')).toBe(true);
      const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 4)).toBe('xref');
      const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    }
  });

  it('makes text and CSV files of the exact size', () => {
    expect(makeText('csv', 'x', 5_000).length).toBe(5_000);
    expect(Buffer.from(makeText('csv', 'x', 200)).toString().startsWith('id,date,customer')).toBe(true);
    expect(makeText('txt', 'Notes — été', 1_000).length).toBe(1_000);
  });
});
