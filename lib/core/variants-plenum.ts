// Variant generation (build time): the names of a numbered Central Committee plenum as news
// writes them besides the glossary's label. Chinese and Japanese drop the Party before the term
// number (中国共产党第十九届中央委员会第五次全体会议 -> 第十九届… / 十九届…, 中共二十届三中全会 ->
// 二十届三中全会); English turns the phrase around and says plenum or plenary session ("Fifth
// Plenary Session of the 19th CPC Central Committee" -> "the 19th Central Committee's fifth
// plenary session", "Fifth Plenum of the 19th Central Committee"). Only a name with a term number
// is rewritten: the unnumbered 中共中央全会 keeps its Party, which is what makes it a name.

const NUM = '[〇一二三四五六七八九十0-9０-９]+';
const ZH_PARTY = new RegExp(`^(?:中国共产党|中國共產黨|中共|党的|黨的)(第?)(${NUM}[届屆].+)$`);
const JA_PARTY = new RegExp(`^(?:中国共産党|中共)(第?)(${NUM}期.+)$`);

/** 中国共产党第十九届… -> 第十九届…, 十九届…; 中共二十届… -> 二十届… */
export function cjkPlenumNames(s: string): string[] {
  const m = ZH_PARTY.exec(s) ?? JA_PARTY.exec(s);
  if (!m) return [];
  const [, di, rest] = m;
  return di ? [di + rest!, rest!] : [rest!];
}

const EN_PLENUM =
  /^(\w+) (?:plenary session|plenum) of the (\d+(?:st|nd|rd|th)|\w+) ((?:CPC |CCP )?)Central Committee(?: of the (?:Communist Party of China|Chinese Communist Party|CPC|CCP))?$/i;

/** "Fifth Plenary Session of the 19th CPC Central Committee" in the other orders news uses. */
export function enPlenumNames(s: string): string[] {
  const m = EN_PLENUM.exec(s.trim());
  if (!m) return [];
  const [, ord, n, party] = m;
  const out: string[] = [];
  for (const cc of party ? [`${party}Central Committee`, 'Central Committee'] : ['Central Committee'])
    for (const kind of ['plenary session', 'plenum']) {
      out.push(`${ord} ${kind} of the ${n} ${cc}`, `${n} ${cc}'s ${ord} ${kind}`);
    }
  return out;
}
