// The popup's search state: the query, the latest answer grouped by document, and the
// keyboard selection (↑/↓ move, Enter opens, Esc clears) for the listbox.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { flattenGroups, groupHitsByDocument, moveActive, optionId } from '../lib/core/hit-groups.ts';
import type { HitGroup } from '../lib/core/hit-groups.ts';
import type { SearchHit, SearchResult } from '../lib/core/types.ts';
import { useSearch } from './use-search.ts';

export interface PopupSearch {
  query: string;
  setQuery(q: string): void;
  /**
   * The search box's input handler: asks the background at once (before the re-render), then
   * sets the query. `cut`: the box's value was shortened to QUERY_INPUT_MAX (a long paste).
   */
  onInput(q: string, cut: boolean): void;
  /** The last input was shortened to QUERY_INPUT_MAX characters (the user is told so). */
  inputCut: boolean;
  /** The latest answer (kept while the next one is on its way: no flicker per keystroke). */
  showing: SearchResult | undefined;
  /** The query `showing` answers. */
  answered: string;
  pending: boolean;
  error: string | undefined;
  /** Asks again for the current query (after an error). */
  retry(): void;
  groups: HitGroup[];
  flat: SearchHit[];
  activeId: string | undefined;
  setActiveHit(hit: SearchHit): void;
  onKeyDown(e: KeyboardEvent): void;
}

export function usePopupSearch(initialQuery: string, open: (hit: SearchHit) => void): PopupSearch {
  const [query, setQueryState] = useState(initialQuery);
  const [inputCut, setInputCut] = useState(false);
  const search = useSearch(query);
  const setQuery = (q: string) => {
    setInputCut(false);
    setQueryState(q);
  };
  const onInput = (q: string, cut: boolean) => {
    search.request(q);
    setInputCut(cut);
    setQueryState(q);
  };
  const showing = query.trim() !== '' ? search.result : undefined;
  const groups = useMemo(() => groupHitsByDocument(showing?.hits ?? []), [showing]);
  const flat = useMemo(() => flattenGroups(groups), [groups]);
  // The selection belongs to one result set: new results drop it in the same render
  // (an effect would run after paint and could undo a ↓ pressed in between).
  const [sel, setSel] = useState<{ result: SearchResult | undefined; index: number }>({
    result: undefined,
    index: -1,
  });
  const active = sel.result === showing ? sel.index : -1;
  const activeHit = active >= 0 ? flat[active] : undefined;
  const activeId = activeHit ? optionId(activeHit.passageId) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      setSel((s) => ({
        result: showing,
        index: moveActive(s.result === showing ? s.index : -1, delta, flat.length),
      }));
    } else if (e.key === 'Enter') {
      const hit = activeHit ?? flat[0];
      if (hit) {
        e.preventDefault();
        open(hit);
      }
    } else if (e.key === 'Escape' && query !== '') {
      // Esc clears; a second Esc (empty box) is left to the browser, which closes the popup.
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  return {
    query,
    setQuery,
    onInput,
    inputCut,
    showing,
    answered: showing ? search.answered : '',
    pending: search.pending,
    error: search.error && search.answered === query.trim() ? search.error : undefined,
    retry: search.retry,
    groups,
    flat,
    activeId,
    setActiveHit: (hit) => setSel({ result: showing, index: flat.indexOf(hit) }),
    onKeyDown,
  };
}
