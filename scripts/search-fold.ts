// Han folding table for the search index, from opencc-js (build time only; lib/core takes no
// conversion library). scripts/gen-search-han-fold.ts turns it into lib/core/search/han-fold-table.ts,
// the default of buildSearchIndex; it can also be passed directly:
//   buildSearchIndex(data, { hanFold: openccHanFold })
// Every Han character of the corpus and glossary gets its simplified form as the canonical one;
// its traditional and Japanese (shinjitai) forms map to it too, so a query in any of the three
// scripts matches text in any other (谭作钧 / 譚作鈞, 经济卫士 / 経済衛士, 监察 / 監察).
import * as OpenCC from 'opencc-js';
import { foldPairsToString } from '../lib/core/search/fold.ts';
import type { HanFold } from '../lib/core/search/fold.ts';

const HAN = /\p{Script=Han}/u;

/** Every BMP Han character opencc-js may know: CJK Unified Ideographs, Extension A, compatibility. */
export function allHanChars(): string[] {
  const out: string[] = [];
  for (const [a, b] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ] as const) {
    for (let c = a; c <= b; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

export const openccHanFold: HanFold = (chars) => {
  const toCn = OpenCC.Converter({ from: 'jp', to: 'cn' });
  const toT = OpenCC.Converter({ from: 'cn', to: 't' });
  const toJp = OpenCC.Converter({ from: 'cn', to: 'jp' });
  const single = (s: string) => s.length === 1 && HAN.test(s);
  const pairs = new Map<string, string>();
  for (const c of chars) {
    if (!single(c)) continue;
    const canon = toCn(c);
    if (!single(canon)) continue;
    for (const form of [c, toT(canon), toJp(canon), toT(c), toJp(c)]) {
      if (single(form) && form !== canon && !pairs.has(form)) pairs.set(form, canon);
    }
  }
  return foldPairsToString(pairs);
};
