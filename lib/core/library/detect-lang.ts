// The language of an imported text, guessed from its script (the Library section shows it, and the
// user can change it). Kana decide Japanese before Han does (Japanese text is mostly kanji);
// simplified and traditional Chinese are told apart by the characters only one of them writes;
// Vietnamese by the letters its tones and vowels add to Latin. Pure, no dictionaries.
import type { Lang } from '../types.ts';

const KANA = /[\u3040-\u309f\u30a0-\u30ff]/gu;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/gu;
// Letters Vietnamese writes and other Latin-script languages of our readers do not: about one
// letter in four of Vietnamese prose, a few in English naming Hà Nội (hence the 8% floor).
const VI_LETTERS =
  /[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]/gu;

// Frequent characters with a different simplified and traditional form, position for position
// (the words of policy prose: 国家 發展 經濟 會議 …).
const SIMPLIFIED =
  '这们个说发国会对时经进过动问关实现长开学东书为与产业务划战设计机议区级门见观规则总员' +
  '济应当无义们来还实际类组织领导战略党历决样报认识话语资农';
const TRADITIONAL =
  '這們個說發國會對時經進過動問關實現長開學東書為與產業務劃戰設計機議區級門見觀規則總員' +
  '濟應當無義們來還實際類組織領導戰略黨歷決樣報認識話語資農';

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

function countIn(text: string, chars: ReadonlySet<string>): number {
  let n = 0;
  for (const ch of text) if (chars.has(ch)) n++;
  return n;
}
const SIMPLIFIED_SET: ReadonlySet<string> = new Set(SIMPLIFIED);
const TRADITIONAL_SET: ReadonlySet<string> = new Set(TRADITIONAL);
/** Characters read: enough to tell the script of a long document from its opening. */
const SAMPLE = 20_000;

/** The most likely language of `text` (en when nothing else stands out). */
export function detectLang(text: string): Lang {
  const s = text.slice(0, SAMPLE);
  const kana = count(s, KANA);
  const han = count(s, HAN);
  const latin = count(s, LATIN);
  // A few kana in Chinese prose (a quoted Japanese name) do not make it Japanese.
  if (kana > 0 && kana * 10 >= han && kana + han >= latin / 4) return 'ja';
  if (han > 0 && han >= latin / 4) {
    const simp = countIn(s, SIMPLIFIED_SET);
    const trad = countIn(s, TRADITIONAL_SET);
    return trad > simp ? 'zh-Hant' : 'zh-Hans';
  }
  const vi = count(s, VI_LETTERS);
  if (latin > 0 && vi / latin > 0.08) return 'vi';
  return 'en';
}
