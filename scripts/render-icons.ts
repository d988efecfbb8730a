// Renders assets/icon.svg to the PNG sizes the manifest needs (public/icon/<size>.png; WXT
// picks them up as the manifest's icons). Deterministic: same SVG, same bytes.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'));
const outDir = join(ROOT, 'public', 'icon');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(outDir, `${size}.png`), png);
}
console.log(`icons: rendered ${outDir}/{16,32,48,96,128}.png`);
