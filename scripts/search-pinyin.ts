// Pinyin for the search index (build time only; lib/core takes no pinyin library): the readings of
// every Han character of the corpus and glossary as pinyin-pro reads them in context, and the
// pinyin of every Chinese concept name. The search reads them (lib/core/search/pinyin.ts) to match
// pinyin queries ("sige yishi", "sìgè yìshí", "si4ge4 yi4shi2", "sigeyishi", "sgys") with Chinese
// and Japanese-kanji text; the views show the label's pinyin.
import { pinyin } from 'pinyin-pro';
import { foldTableFor } from '../lib/core/search/fold.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { SearchIndexPinyin } from '../lib/core/search/pinyin.ts';
import { preparePassage } from '../lib/core/search/prepared-passage.ts';
import type { CorpusData } from '../lib/core/types.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_ONLY = /^[\p{Script=Han}\s]+$/u;

/** The search's Han folding may pick a CJK compatibility ideograph (U+F9E4 for 理) as the canonical
 * form; pinyin-pro knows the unified one. One character for one, so positions still line up. */
function unified(s: string): string {
  return [...s].map((c) => (/[\uF900-\uFAFF]/.test(c) ? c.normalize('NFKC') : c)).join('');
}

/** Toneless syllables, ü written u (as the search folds it). */
function syllables(han: string): string[] {
  return pinyin(unified(han), { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) =>
    s.replace(/ü/g, 'u').replace(/v/g, 'u'),
  );
}

export function searchPinyin(data: CorpusData, index: SearchIndexData): SearchIndexPinyin {
  const t = foldTableFor(index.fold);
  const readings = new Map<string, Set<string>>();
  const learn = (text: string) => {
    for (const m of text.matchAll(HAN_RUN)) {
      const chars = [...m[0]];
      const syl = syllables(m[0]);
      if (syl.length !== chars.length) continue;
      chars.forEach((ch, i) => {
        const r = syl[i]!;
        if (!/^[a-z]+$/.test(r)) return;
        let set = readings.get(ch);
        if (!set) readings.set(ch, (set = new Set()));
        set.add(r);
      });
    }
  };
  for (const p of data.passages) learn(preparePassage(p, t).text);
  const concepts: SearchIndexPinyin['concepts'] = {};
  const byId = new Map(data.concepts.map((c) => [c.id, c]));
  for (const c of index.concepts) {
    const names = new Set<string>();
    for (const n of c.names) {
      if (!HAN_ONLY.test(n)) continue;
      learn(n);
      const syl = syllables(n);
      if (syl.length >= 2 && syl.every((s) => /^[a-z]+$/.test(s))) names.add(syl.join(' '));
    }
    const hans = byId.get(c.id)?.labels['zh-Hans'];
    if (!names.size || !hans) continue;
    concepts[c.id] = { label: pinyin(hans, { nonZh: 'consecutive' }), names: [...names].sort() };
  }
  const chars = [...readings.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([ch, set]) => `${ch}${[...set].sort().join(',')}`)
    .join(';');
  return { chars, concepts };
}

/** The index with its pinyin (what generated/search-index.json holds). */
export function withSearchPinyin(index: SearchIndexData, data: CorpusData): SearchIndexData {
  return { ...index, pinyin: searchPinyin(data, index) };
}
