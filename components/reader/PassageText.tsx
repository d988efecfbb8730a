import type { Category } from '../../lib/core/types.ts';
import type { Range } from '../marks.ts';
import { segment } from '../marks.ts';

/**
 * Passage text with concept occurrences as highlights that open a popover on hover, click,
 * Enter or Space. Spans with role="button" (not <button>) so long terms wrap with the text.
 * Each term is coloured by its category (.cat-<id>, as on web pages).
 */
export function PassageText(props: {
  text: string;
  ranges: Range[];
  openConceptId: string | undefined;
  categoryOf: (conceptId: string) => Category | undefined;
  onTermEnter: (conceptId: string, el: HTMLElement) => void;
  onTermLeave: () => void;
  onTermClick: (conceptId: string, el: HTMLElement) => void;
}) {
  return (
    <>
      {segment(props.text, props.ranges).map((s, i) => {
        if (!s.marked || !s.tag) return s.text;
        const id = s.tag;
        const cat = props.categoryOf(id);
        return (
          <span
            role="button"
            tabIndex={0}
            key={i}
            class={cat ? `term cat-${cat}` : 'term'}
            data-concept={id}
            aria-haspopup="dialog"
            aria-expanded={props.openConceptId === id}
            onMouseEnter={(e) => props.onTermEnter(id, e.currentTarget as HTMLElement)}
            onMouseLeave={props.onTermLeave}
            onClick={(e) => props.onTermClick(id, e.currentTarget as HTMLElement)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                props.onTermClick(id, e.currentTarget as HTMLElement);
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
