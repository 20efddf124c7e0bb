// What the PDF tests need from Node: the fonts read from disk, and PNGs made with zlib.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { PdfFontFiles } from './report-pdf';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** An RGB image `width` × `height` filled by `pixel(x, y)`. */
export function testPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const start = y * (1 + width * 3);
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), start + 1 + x * 3);
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', zlib.deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const ttf = (name: string) => new Uint8Array(fs.readFileSync(path.join(fontDir, name)));

/** The DejaVu Sans faces the web app ships, read from their package. */
export function dejaVuFonts(): PdfFontFiles {
  return {
    regular: ttf('DejaVuSans.ttf'),
    bold: ttf('DejaVuSans-Bold.ttf'),
    italic: ttf('DejaVuSans-Oblique.ttf'),
    boldItalic: ttf('DejaVuSans-BoldOblique.ttf'),
  };
}
