// The category table (lib/core/categories.ts) is the single source of every category: its rows,
// colours and names, and every surface that shows a category takes them from it. A new category
// is one row plus its message in every locale; these tests say what is missing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_TABLE, categoryColourCss, type CategoryRow } from '../lib/core/categories.ts';
import { CATEGORIES as TYPES_CATEGORIES } from '../lib/core/types.ts';
import { highlightCss } from '../lib/page/highlighter.ts';
import { LIST_COLOURS } from '../lib/core/library/list-colours.ts';

const ROOT = resolve(import.meta.dirname, '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
function files(dir: string, re: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(ROOT, dir, n);
    if (statSync(p).isDirectory()) return files(relative(ROOT, p), re);
    return re.test(n) ? [relative(ROOT, p)] : [];
  });
}
const LOCALES = readdirSync(join(ROOT, 'public/_locales'));
const messages = (loc: string) =>
  JSON.parse(read(`public/_locales/${loc}/messages.json`)) as Record<string, { message: string }>;

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('the category table', () => {
  it('has one row per category, and the Category list is its ids', () => {
    const ids = CATEGORY_TABLE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CATEGORIES).toEqual(ids);
    expect(TYPES_CATEGORIES).toBe(CATEGORIES);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
  });

  it.each(CATEGORY_TABLE)('$id has valid, readable, distinct colours', (row) => {
    expect(row.light).toMatch(/^#[0-9a-f]{6}$/);
    expect(row.dark).toMatch(/^#[0-9a-f]{6}$/);
    // Chip and legend text: light on the card/page background, dark on the dark card background.
    expect(contrast(row.light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(row.dark, '#1f232a')).toBeGreaterThanOrEqual(4.5);
    const others = CATEGORY_TABLE.filter((r) => r !== row);
    expect(others.map((r) => r.light)).not.toContain(row.light);
    expect(others.map((r) => r.dark)).not.toContain(row.dark);
  });

  it.each(LOCALES)('every category has a name in %s', (loc) => {
    const m = messages(loc);
    for (const row of CATEGORY_TABLE)
      expect(m[row.message]?.message.trim(), `${loc}: ${row.message}`).toBeTruthy();
    const names = CATEGORY_TABLE.map((r) => m[r.message]!.message);
    expect(new Set(names).size, `${loc}: two categories share a name`).toBe(names.length);
  });
});

describe('every surface takes its colours from the table', () => {
  it('page highlights: one rule per row, light and dark, in the row colours', () => {
    const css = highlightCss();
    const [light, dark] = css.split('@media (prefers-color-scheme:dark)');
    for (const row of CATEGORY_TABLE) {
      const name = `::highlight(policy-lens-${row.id})`;
      expect(count(light!, name), row.id).toBe(1);
      expect(count(dark!, name), row.id).toBe(1);
      expect(light).toContain(`${name}{text-decoration:underline 2px ${row.light};`);
      expect(dark).toContain(`${name}{text-decoration:underline 2px ${row.dark};`);
    }
    // + active, + the user term lists' colours (issue #12; lib/page/list-highlights.dom.test.ts)
    expect(count(css, '::highlight(policy-lens-')).toBe(
      2 * CATEGORY_TABLE.length + 2 + 2 * LIST_COLOURS.length,
    );
  });

  it('card chip, legend and reader: one --pl-cat-<id> per row and scheme, one .cat-<id> per row', () => {
    const css = categoryColourCss(':root');
    const [light, dark] = css.split('@media (prefers-color-scheme:dark)');
    for (const row of CATEGORY_TABLE) {
      expect(count(light!, `--pl-cat-${row.id}:${row.light};`), row.id).toBe(1);
      expect(count(dark!, `--pl-cat-${row.id}:${row.dark};`), row.id).toBe(1);
      expect(count(css, `.cat-${row.id}{--cat:var(--pl-cat-${row.id})}`), row.id).toBe(1);
    }
  });

  it('the card and every extension page apply the generated colours', () => {
    expect(read('components/hover-card/card-css.ts')).toMatch(/categoryColourCss\('\.frame'\) \+ css/);
    for (const page of ['popup', 'options', 'reader'])
      expect(read(`entrypoints/${page}/main.tsx`), page).toMatch(/^applyCategoryColours\(\);$/m);
  });

  it('no category colour, class or variable is written by hand in CSS or UI code', () => {
    // The table's colours, and the legend palette the pages used before (purple formulations).
    // prettier-ignore
    const old = [
      '#8250df', '#0a7d55', '#bc4c00', '#6e7781', '#bf3989', '#1a7f37', '#9a6700', '#cf222e',
      '#c297ff', '#56d364', '#ffa657', '#79c0ff', '#b1bac4', '#ff9bce', '#7ee787', '#e3b341', '#ff7b72',
    ];
    const hexes = [...CATEGORY_TABLE.flatMap((r) => [r.light, r.dark]), ...old];
    const css = [...files('assets', /\.css$/), ...files('components', /\.css$/)];
    const code = ['components', 'entrypoints', 'hooks', 'lib']
      .flatMap((d) => files(d, /\.tsx?$/))
      .filter((f) => !/\.test\.tsx?$/.test(f) && f !== join('lib', 'core', 'categories.ts'));
    expect(css.length).toBeGreaterThan(3);
    for (const f of [...css, ...code]) {
      const text = read(f).toLowerCase();
      for (const hex of hexes) expect(text, `${f} writes ${hex}`).not.toContain(hex);
    }
    for (const f of css) {
      const text = read(f);
      for (const row of CATEGORY_TABLE) {
        expect(text, `${f} styles .cat-${row.id}`).not.toMatch(new RegExp(`\\.cat-${row.id}\\b`));
        expect(text, `${f} defines a colour for ${row.id}`).not.toMatch(
          new RegExp(`--[\\w-]*-${row.id}\\s*:`),
        );
      }
    }
  });
});

describe('a new category', () => {
  const table: readonly CategoryRow[] = [
    ...CATEGORY_TABLE,
    { id: 'slogan', light: '#123456', dark: '#abcdef', message: 'catSlogan' },
  ];

  it('gets its page highlight from its row', () => {
    const [light, dark] = highlightCss(table).split('@media (prefers-color-scheme:dark)');
    expect(light).toContain('::highlight(policy-lens-slogan){text-decoration:underline 2px #123456;');
    expect(dark).toContain('::highlight(policy-lens-slogan){text-decoration:underline 2px #abcdef;');
  });

  it('gets its chip/legend colour from its row', () => {
    const css = categoryColourCss('.frame', table);
    expect(css).toContain('.frame{');
    expect(css).toMatch(/^\.frame\{[^}]*--pl-cat-slogan:#123456;/);
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)\{\.frame\{[^}]*--pl-cat-slogan:#abcdef;/);
    expect(css).toContain('.cat-slogan{--cat:var(--pl-cat-slogan)}');
  });
});
