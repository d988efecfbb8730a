// One tab stop per passage for its highlighted terms (the WAI-ARIA Authoring Practices' "roving
// tabindex"): a document has hundreds of terms, and Tab should move from passage to passage, not
// through every term. Within a passage, ←/→ move to the previous/next term and Home/End to the
// first/last; the term focused last is the passage's tab stop. ↑/↓ are left to scroll the page.

/** Container of one roving group (every passage element carries data-passage). */
export const ROVING_GROUP = '[data-passage]';
/** An item of the group. */
export const ROVING_ITEM = '.term';

/**
 * The term that `key` moves focus to from `term`, or null when the key is not a roving key or
 * there is nowhere to go (no wrap-around: an arrow at either end of the passage does nothing).
 */
export function rovingTarget(term: Element, key: string): HTMLElement | null {
  const group = term.closest(ROVING_GROUP) ?? term.parentElement;
  if (!group) return null;
  const items = [...group.querySelectorAll<HTMLElement>(ROVING_ITEM)];
  const i = items.indexOf(term as HTMLElement);
  if (i < 0) return null;
  switch (key) {
    case 'ArrowRight':
      return items[i + 1] ?? null;
    case 'ArrowLeft':
      return items[i - 1] ?? null;
    case 'Home':
      return items[0] ?? null;
    case 'End':
      return items.at(-1) ?? null;
    default:
      return null;
  }
}
