// What a hit is painted as, and whether it is shown: a bundled concept by its glossary category
// (`policy-lens-<category>`, hidden with its category in the options), a user term by its list's
// colour (`policy-lens-list-<i>`, shown whenever the lens is on: the user imported that list to
// see it, and it has no glossary category to hide it by).
import { listHighlightName } from '../core/library/list-colours.ts';
import type { Category } from '../core/types.ts';
import { HIGHLIGHT_PREFIX } from './constants.ts';
import type { Hit } from './types.ts';

type Kind = Pick<Hit, 'category' | 'colour'>;

/** The CSS.highlights name a hit is painted with. */
export function highlightNameOf(hit: Kind): string {
  return hit.category ? HIGHLIGHT_PREFIX + hit.category : listHighlightName(hit.colour ?? 0);
}

/** Is a hit of this kind shown with these categories (null: the lens is off)? */
export function hitShown(shown: ReadonlySet<Category> | null, hit: Kind): boolean {
  return !!shown && (hit.category ? shown.has(hit.category) : true);
}
