// Query understanding: the words of a question that carry no subject, per language. They are
// dropped from the query's terms (a question's subject is what the passages must hold); concept
// names are still looked for in the whole query, so "two safeguards" keeps its "two".
//
// Forms are as the search compares them: lower case, Latin diacritics folded (Vietnamese "là gì"
// is "la gi"), Han characters in their folded (simplified) form.

/** English function words, question words and the verbs of asking ("what did X decide about Y"). */
const EN = `a an the and or of to in on at by for from with about into over under as is are was were
be been being am do does did doing done have has had having will would shall should can could may
might must this that these those it its they them their there here what which who whom whose when
where why how whether if then than so not no yes any some all each every much many more most
i me my we our you your he him his she her us please tell show find search know say said says saying
decide decided decides decision mention mentioned talk talking mean means meaning happen happened
document documents text passage article one two three four five six seven eight nine ten
also just only very really about regarding concerning whats what's`;

/** Vietnamese (diacritics folded): question words, copulas, common particles. */
const VI = `la gi nao sao the nhu noi ve tai da se duoc bi cua va voi cho trong mot nhung cac
nay do thi ma o khi bao nhieu hay hoac co khong chua roi ai dau vay a u nhe cu`;

/** Chinese (folded to simplified): question words and particles, longest first when matched. */
const ZH = `是什么 什么是 什么 怎么样 怎么 怎样 如何 哪些 哪个 哪里 为什么 为何 多少 有没有 是否 吗 呢
吧 啊 的 了 是 对 有 在 和 与 及 关于 对于 说了 说 讲了 讲 请问 告诉 一下 这个 那个 这些 那些 哪 谁`;

/** Japanese: question words written in kanji (kana are dropped as a class: see understand.ts). */
const JA = `何 誰 何故 如何 何時 何処`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Latin-script words (English and Vietnamese) dropped from the terms. */
export const LATIN_STOP = new Set([...words(EN), ...words(VI)]);

/** Han-script phrases cut out of a CJK run, longest first. */
export const HAN_STOP: readonly string[] = [...new Set([...words(ZH), ...words(JA)])].sort(
  (a, b) => b.length - a.length || (a < b ? -1 : 1),
);
