// The Chrome Web Store listing images in store/ (rendered by `npm run store-assets`): every
// expected file is there, with the exact size the store accepts, as the PNG the store accepts
// (8-bit RGB, no alpha), small enough to upload quickly, and documented in store/README.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = resolve(import.meta.dirname, '..', 'store');
const LOCALES = ['en', 'ja', 'zh_CN'];
const IMAGES: Record<string, { width: number; height: number }> = {
  '1-popup-search.png': { width: 1280, height: 800 },
  '2-page-card.png': { width: 1280, height: 800 },
  '3-reader.png': { width: 1280, height: 800 },
  'promo-tile.png': { width: 440, height: 280 },
};
const EXPECTED = LOCALES.flatMap((l) => Object.keys(IMAGES).map((f) => `${l}/${f}`));
const MAX_BYTES = 500 * 1024;
/** A blank or nearly blank render compresses to a few KB; real screenshots are far above this. */
const MIN_BYTES = 12 * 1024;

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

/** The IHDR chunk, which the PNG format puts first, right after the 8-byte signature. */
function pngHeader(bytes: Buffer): PngHeader {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG (bad signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (first chunk is not IHDR)');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes.readUInt8(24),
    colourType: bytes.readUInt8(25),
  };
}

function pngsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pngsUnder(p);
    return e.name.endsWith('.png') ? [relative(STORE, p).split('\\').join('/')] : [];
  });
}

describe('store listing images', () => {
  it.each(EXPECTED)('%s exists with the exact size, as 8-bit RGB without alpha', (rel) => {
    const file = join(STORE, rel);
    expect(existsSync(file), `${rel} is missing: run npm run store-assets`).toBe(true);
    const header = pngHeader(readFileSync(file));
    const want = IMAGES[rel.split('/')[1]!]!;
    expect({ width: header.width, height: header.height }).toEqual(want);
    // Colour type 2 = truecolour (RGB); 6 would carry an alpha channel, which the store refuses.
    expect({ bitDepth: header.bitDepth, colourType: header.colourType }).toEqual({
      bitDepth: 8,
      colourType: 2,
    });
    const size = statSync(file).size;
    expect(size, `${rel} is ${size} bytes`).toBeLessThan(MAX_BYTES);
    expect(size, `${rel} is ${size} bytes: a blank render?`).toBeGreaterThan(MIN_BYTES);
  });

  it('has no other PNG (a renamed image would leave a stale one behind)', () => {
    expect(pngsUnder(STORE).sort()).toEqual([...EXPECTED].sort());
  });

  it('store/README.md describes every image', () => {
    const readme = readFileSync(join(STORE, 'README.md'), 'utf8');
    for (const name of Object.keys(IMAGES)) expect(readme, name).toContain(name);
    for (const locale of LOCALES) expect(readme, locale).toContain(`${locale}/`);
  });

  it('reads a PNG header and refuses what is not a PNG', () => {
    // 1×1 RGB PNG header (signature + IHDR), as any encoder writes it.
    const oneByOne = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000', 'hex');
    expect(pngHeader(oneByOne)).toEqual({ width: 1, height: 1, bitDepth: 8, colourType: 2 });
    expect(() => pngHeader(Buffer.from('GIF89a\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0'))).toThrow(/signature/);
  });
});
