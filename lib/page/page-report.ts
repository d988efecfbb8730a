// Stage 6 (report): counts for the toolbar badge (every frame reports its own) and the answers
// to the popup's ContentProtocol questions (top frame only).
import type { Category, Lang } from '../core/types.ts';
import { labelIn, uiLabelLang } from '../i18n.ts';
import { listen, sendToBackground, type PageConcept } from '../messaging.ts';
import type { LensContext, ScanStats } from './types.ts';

export interface ReportDeps {
  /** Counts of this content script's documents (its own and the child frames it drives). */
  stats(): ScanStats;
  /** Highlighting is on for this page. */
  enabled(): boolean;
  /** Scroll to the next/previous occurrence of a concept and open its card (found?). */
  reveal(direction: 1 | -1, conceptId: string): boolean;
  pageLang(): Lang | undefined;
  hostname: string;
  isTop: boolean;
  categoryOf(id: string): Category | undefined;
  /** A user term's list colour; undefined for a bundled concept. */
  colourOf(id: string): number | undefined;
}

/** Sums per-document stats (shown categories only): counts add up, `capped` if any was. */
export function mergeStats(all: readonly ScanStats[]): ScanStats {
  if (all.length === 1) return all[0]!;
  const counts = new Map<string, number>();
  let total = 0;
  let capped = false;
  for (const s of all) {
    total += s.total;
    capped ||= s.capped;
    for (const [id, n] of s.counts) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return { counts, distinct: counts.size, total, capped };
}

/** What the popup asks the top frame (libraryChanged goes to every world: library-changed.ts). */
const POPUP_QUESTIONS = ['getPageConcepts', 'revealConcept'] as const;

export function createReporter(ctx: LensContext, deps: ReportDeps) {
  let last = '';
  let timer: number | undefined;
  ctx.onInvalidated(() => clearTimeout(timer));

  const send = () => {
    timer = undefined;
    const s = deps.stats();
    const concepts = [...s.counts];
    const key = JSON.stringify([s.total, s.capped, concepts]);
    if (key === last) return;
    // Frames that never found anything stay silent (ads, widgets): no message, no badge churn.
    if (!deps.isTop && last === '' && s.total === 0) return;
    last = key;
    sendToBackground('reportPageConcepts', {
      distinct: s.distinct,
      total: s.total,
      capped: s.capped,
      concepts,
    }).catch(
      () => undefined, // background asleep or extension reloaded: the next change reports again
    );
  };

  return {
    /** Throttled: at most one report per 400 ms, and only when the numbers changed. */
    report() {
      if (timer === undefined) timer = window.setTimeout(send, 400);
    },
    /** Top frame: answer the popup. */
    listen() {
      ctx.onInvalidated(
        listen(POPUP_QUESTIONS, {
          getPageConcepts: async () => {
            const own = deps.stats();
            // Frames with a content script of their own (cross-origin embeds) report to the
            // background; their counts join the list.
            const others = await sendToBackground('getFrameConcepts', {}).catch(() => []);
            const s = others.length
              ? mergeStats([
                  own,
                  { counts: new Map(others), distinct: others.length, total: 0, capped: false },
                ])
              : own;
            const ids = [...s.counts.keys()];
            const lang = deps.pageLang() ?? uiLabelLang();
            const summaries = ids.length
              ? await sendToBackground('getConceptSummaries', { ids }).catch(() => [])
              : [];
            const byId = new Map(summaries.map((x) => [x.id, x]));
            const concepts: PageConcept[] = ids.map((id) => {
              const sum = byId.get(id);
              const colour = sum?.list?.colour ?? deps.colourOf(id);
              return {
                conceptId: id,
                category: sum?.category ?? deps.categoryOf(id) ?? 'formulation',
                label: sum ? labelIn(sum.labels, lang) : id,
                count: s.counts.get(id) ?? 0,
                // a user term: its list (the name comes with the background's summary)
                ...(colour !== undefined ? { list: { name: sum?.list?.name ?? '', colour } } : {}),
              };
            });
            concepts.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
            return { concepts, capped: s.capped, enabled: deps.enabled(), hostname: deps.hostname };
          },
          revealConcept: ({ conceptId, direction }) => ({
            found: deps.reveal(direction ?? 1, conceptId),
          }),
        }),
      );
    },
  };
}
