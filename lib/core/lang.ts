// Which glossary language a page (or a matched term) is in: orders the names on the hover card.
import type { Concept, Lang } from './types.ts';

/** Maps a BCP 47 tag (<html lang>, navigator.language) to a glossary language, if it is one. */
export function langFromTag(tag: string | null | undefined): Lang | undefined {
  const l = (tag ?? '').trim().toLowerCase().replace('_', '-');
  if (!l) return undefined;
  if (l === 'ja' || l.startsWith('ja-')) return 'ja';
  if (l === 'vi' || l.startsWith('vi-')) return 'vi';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(l) || l.includes('-hant')) return 'zh-Hant';
  if (l === 'zh' || l.startsWith('zh-') || l === 'cmn' || l.startsWith('cmn-')) return 'zh-Hans';
  return undefined;
}

const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const VI = /[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/;

/**
 * The language of the matched text: the concept label or alias it equals, else its script,
 * else the page's declared language.
 */
export function langOfMatch(
  text: string,
  concept: Pick<Concept, 'labels' | 'aliases'> | undefined,
  pageLang: Lang | undefined,
): Lang {
  if (concept) {
    const t = text.trim().toLowerCase();
    const hits = new Set<Lang>();
    for (const [lang, label] of Object.entries(concept.labels) as Array<[Lang, string]>) {
      if (label && label.toLowerCase() === t) hits.add(lang);
    }
    for (const [lang, list] of Object.entries(concept.aliases ?? {}) as Array<[Lang, string[]]>) {
      if (list?.some((a) => a.toLowerCase() === t)) hits.add(lang);
    }
    // 習近平 is both the ja and the zh-Hant label: the page's language breaks the tie.
    if (pageLang && hits.has(pageLang)) return pageLang;
    const [first] = hits;
    if (first) return first;
  }
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) {
    if (pageLang === 'ja' || pageLang === 'zh-Hans' || pageLang === 'zh-Hant') return pageLang;
    return 'zh-Hans';
  }
  if (VI.test(text)) return 'vi';
  if (pageLang === 'vi' && /[a-z]/i.test(text)) return 'vi';
  return /[a-z]/i.test(text) ? 'en' : (pageLang ?? 'en');
}

/** Languages in display order: `first`, then the rest in glossary order. */
export function langOrder(first: Lang, all: readonly Lang[]): Lang[] {
  return [first, ...all.filter((l) => l !== first)];
}
