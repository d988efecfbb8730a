// Page time: a Han match that is only part of a longer word around it. Chinese and Japanese write
// no spaces, so the automaton cannot see word edges; two patterns of real text are decided here:
// - A deputy's office is another office: 副首相 (deputy prime minister) is not 首相, 副主席 not
//   主席. Only 副 is such a prefix: 前/元 (former), 代理 (acting) or 故 (late) name a holder of
//   the same office, so 元首相 still shows the office's card.
// - A one-character country name that is the second half of a country pair before 共同 (joint):
//   日中共同声明, 米中共同記者会見, 中越共同声明 hold 中共 and 越共 across two words. The Party's
//   abbreviation after any other character (越共和中共同意: "Vietnam's and China's Parties
//   agreed") stands.
import type { TermMatch } from './types.ts';

/** Prefixes that make the following office another office. */
const DEPUTY = new Set(['副']);

/** One-character country names that pair up in 日中, 米中, 中越 (simplified, traditional, Japanese). */
const COUNTRY = new Set([...'中日米美英韓韩朝露俄越台独德仏法豪澳印欧歐加泰蒙比伊']);

/** Words that start on a match's last character and run on past it. */
const JOINT = ['共同'];

function splitsPair(text: string, m: TermMatch): boolean {
  if (m.start === 0 || !COUNTRY.has(text[m.start - 1]!) || !COUNTRY.has(text[m.start]!)) return false;
  const last = text[m.end - 1]!;
  return JOINT.some((w) => w[0] === last && text.startsWith(w.slice(1), m.end));
}

/** `matches` without those that are part of a longer Han word (see above). */
export function dropInsideHanWords(text: string, matches: readonly TermMatch[]): TermMatch[] {
  return matches.filter((m) => !(m.start > 0 && DEPUTY.has(text[m.start - 1]!)) && !splitsPair(text, m));
}
