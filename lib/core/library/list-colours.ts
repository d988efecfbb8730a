// The colours a user term list may take: one table, like the categories (lib/core/categories.ts).
// A list's terms are painted on pages with the highlight `policy-lens-list-<index>` in its colour;
// the Library section offers these as swatches (each ≥ 4.5:1 on white for light, on #111 for dark,
// checked by lib/core/library/list-colours.test.ts). A list's index is stored with it.

export interface ListColour {
  /** Key of the colour's name in public/_locales/<locale>/messages.json (the swatch's label). */
  readonly message: string;
  readonly light: `#${string}`;
  readonly dark: `#${string}`;
}

export const LIST_COLOURS = [
  { message: 'listColourTeal', light: '#0f766e', dark: '#2dd4bf' },
  { message: 'listColourRose', light: '#be123c', dark: '#fb7185' },
  { message: 'listColourIndigo', light: '#4338ca', dark: '#818cf8' },
  { message: 'listColourBrown', light: '#92400e', dark: '#deb887' },
  { message: 'listColourGreen', light: '#15803d', dark: '#4ade80' },
  { message: 'listColourPurple', light: '#7e22ce', dark: '#c084fc' },
  { message: 'listColourSlate', light: '#334155', dark: '#cbd5e1' },
  { message: 'listColourPink', light: '#9d174d', dark: '#f9a8d4' },
] as const satisfies readonly ListColour[];

/** The page highlight name of a list colour. */
export function listHighlightName(colour: number): string {
  return `policy-lens-list-${colour}`;
}
