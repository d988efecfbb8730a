import type { Category } from '../../lib/core/types.ts';
import type { Range } from '../marks.ts';
import { segment } from '../marks.ts';
import { rovingTarget } from './roving.ts';

/**
 * Passage text with concept occurrences as highlights that open a popover on hover, click,
 * Enter or Space. Spans with role="button" (not <button>) so long terms wrap with the text.
 * Each term is coloured by its category (.cat-<id>, as on web pages).
 *
 * Keyboard: the terms of a passage are one roving tab stop (./roving.ts). A passage may be
 * rendered in several slices (its title, its body): terms are numbered across the passage
 * ("ordinals"), `firstOrdinal` being the number of the first term of this slice.
 */
export function PassageText(props: {
  text: string;
  ranges: Range[];
  openConceptId: string | undefined;
  categoryOf: (conceptId: string) => Category | undefined;
  firstOrdinal: number;
  /** The ordinal of the passage's term that is its tab stop. */
  stopOrdinal: number;
  /** Id of the element describing the arrow keys to screen readers. */
  describedBy?: string | undefined;
  onTermFocus: (ordinal: number) => void;
  onTermEnter: (conceptId: string, el: HTMLElement) => void;
  onTermLeave: () => void;
  onTermClick: (conceptId: string, el: HTMLElement) => void;
}) {
  let n = 0;
  return (
    <>
      {segment(props.text, props.ranges).map((s, i) => {
        if (!s.marked || !s.tag) return s.text;
        const id = s.tag;
        const cat = props.categoryOf(id);
        const ordinal = props.firstOrdinal + n++;
        return (
          <span
            role="button"
            tabIndex={ordinal === props.stopOrdinal ? 0 : -1}
            key={i}
            class={cat ? `term cat-${cat}` : 'term'}
            data-concept={id}
            aria-haspopup="dialog"
            aria-expanded={props.openConceptId === id}
            aria-describedby={props.describedBy}
            onFocus={() => props.onTermFocus(ordinal)}
            onMouseEnter={(e) => props.onTermEnter(id, e.currentTarget as HTMLElement)}
            onMouseLeave={props.onTermLeave}
            onClick={(e) => props.onTermClick(id, e.currentTarget as HTMLElement)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                props.onTermClick(id, e.currentTarget as HTMLElement);
                return;
              }
              if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
              const to = rovingTarget(e.currentTarget as HTMLElement, e.key);
              if (to) {
                e.preventDefault();
                to.focus();
              }
            }}
          >
            {s.text}
          </span>
        );
      })}
    </>
  );
}
