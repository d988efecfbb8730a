// The one table of glossary categories. Everything else derives from it: the Category type and
// list (types.ts), glossary validation, the page highlight CSS (lib/page/highlighter.ts), the
// --pl-cat-<id> colours of the card chip, the popup/options legend and the reader (CSS below,
// applied where each UI mounts) and the localised names (`message`, in public/_locales).
// A new category is one row here plus its message in every locale (checked by
// tests/categories.test.ts).

export interface CategoryRow {
  /** Glossary `category:` value; also names the page highlight `policy-lens-<id>`. */
  readonly id: string;
  /** Colour on light backgrounds (underline, tint, chip text: ≥ 4.5:1 on white). */
  readonly light: `#${string}`;
  /** Colour on dark backgrounds (prefers-color-scheme: dark). */
  readonly dark: `#${string}`;
  /** Key of the category's name in public/_locales/<locale>/messages.json. */
  readonly message: string;
}

export const CATEGORY_TABLE = [
  // slogans and formulations: 两个维护, 六稳
  { id: 'formulation', light: '#c2410c', dark: '#fb923c', message: 'catFormulation' },
  // plans and periods: 十四五
  { id: 'plan', light: '#1d4ed8', dark: '#60a5fa', message: 'catPlan' },
  // campaigns and programmes
  { id: 'campaign', light: '#a21caf', dark: '#e879f9', message: 'catCampaign' },
  // party/state bodies: 市委常委会, Ban Chấp hành Trung ương
  { id: 'institution', light: '#047857', dark: '#34d399', message: 'catInstitution' },
  // documents and regulations: Resolution 18-NQ/TW
  { id: 'document', light: '#4d7c0f', dark: '#a3e635', message: 'catDocument' },
  { id: 'person', light: '#b91c1c', dark: '#f87171', message: 'catPerson' },
  { id: 'place', light: '#0e7490', dark: '#22d3ee', message: 'catPlace' },
  // meetings, congresses, anniversaries
  { id: 'event', light: '#6d28d9', dark: '#a78bfa', message: 'catEvent' },
  // 习近平新时代中国特色社会主义思想
  { id: 'ideology', light: '#b45309', dark: '#fbbf24', message: 'catIdeology' },
] as const satisfies readonly CategoryRow[];

export type Category = (typeof CATEGORY_TABLE)[number]['id'];
/** Message key of a category's name (a key of public/_locales/en/messages.json). */
export type CategoryMessage = (typeof CATEGORY_TABLE)[number]['message'];

/** Every category, in table order (legend order). */
export const CATEGORIES: readonly Category[] = CATEGORY_TABLE.map((r) => r.id);

const BY_ID = new Map<string, (typeof CATEGORY_TABLE)[number]>(CATEGORY_TABLE.map((r) => [r.id, r]));

export function isCategory(v: unknown): v is Category {
  return typeof v === 'string' && BY_ID.has(v);
}

/** The table row of a category. */
export function categoryRow(c: Category): (typeof CATEGORY_TABLE)[number] {
  return BY_ID.get(c)!;
}

/** The custom property holding a category's colour in the UI: `--pl-cat-<id>`. */
export function categoryVar(id: string): string {
  return `--pl-cat-${id}`;
}

/**
 * The UI's category colours as CSS: `--pl-cat-<id>` on `scope` (light, and dark under
 * prefers-color-scheme), and `.cat-<id>` setting `--cat` to its colour. UI CSS colours a
 * category element with `var(--cat)` only; no category colour is written in a .css file.
 */
export function categoryColourCss(scope: string, table: readonly CategoryRow[] = CATEGORY_TABLE): string {
  const vars = (pick: 'light' | 'dark') => table.map((r) => `${categoryVar(r.id)}:${r[pick]};`).join('');
  const classes = table.map((r) => `.cat-${r.id}{--cat:var(${categoryVar(r.id)})}`).join('');
  return `${scope}{${vars('light')}}@media (prefers-color-scheme:dark){${scope}{${vars('dark')}}}${classes}`;
}
