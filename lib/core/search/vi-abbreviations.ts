// Query understanding: Vietnamese administrative writing abbreviates by syllable initials
// ("BCH TW" is Ban Chấp hành Trung ương, "NQ 18" Nghị quyết 18, "BCĐ 35" Ban Chỉ đạo 35). The
// standard abbreviations of Party and state writing, diacritics folded as the search compares them;
// a query written with them is read again with them spelt out.

/** Abbreviation -> the syllables it stands for (folded, lower case). */
export const VI_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['bch', 'ban chap hanh'],
  ['btv', 'ban thuong vu'],
  ['bct', 'bo chinh tri'],
  ['bcd', 'ban chi dao'],
  ['tw', 'trung uong'],
  ['tu', 'tinh uy'],
  ['nq', 'nghi quyet'],
  ['ct', 'chi thi'],
  ['kh', 'ke hoach'],
  ['qd', 'quyet dinh'],
  ['dh', 'dai hoi'],
  ['dcsvn', 'dang cong san viet nam'],
  ['ubnd', 'uy ban nhan dan'],
  ['hdnd', 'hoi dong nhan dan'],
  ['mttq', 'mat tran to quoc'],
]);

const SPLIT = /^([a-z]{2,5})(\d+)$/;

/**
 * The query's words with the abbreviations spelt out ("nq18" is read "nghi quyet 18"), or null
 * when it has none. `from`/`to` is the part of the query the abbreviations cover.
 */
export function spellOutVi(
  words: ReadonlyArray<{ w: string; at: number }>,
): { text: string; from: number; to: number } | null {
  let from = -1;
  let to = -1;
  const out: string[] = [];
  for (const { w, at } of words) {
    const split = SPLIT.exec(w);
    const [letters, digits] = split ? [split[1]!, split[2]!] : [w, ''];
    const long = VI_ABBREVIATIONS.get(letters);
    if (!long) {
      out.push(w);
      continue;
    }
    out.push(digits ? `${long} ${digits}` : long);
    if (from < 0) from = at;
    to = at + w.length;
  }
  return from < 0 ? null : { text: out.join(' '), from, to };
}
