// UI strings of the hover card, per UI locale. Kept here (not in _locales) because the card runs
// in the content script of every tab and must not depend on keys other modules are still adding.
import type { Category, Lang } from '../../lib/core/types.ts';

export type CardLocale = 'en' | 'ja' | 'zh-CN';

export interface CardStrings {
  close: string;
  names: string;
  members: string;
  origin: string;
  inCorpus: (passages: number, docs: number) => string;
  notInCorpus: string;
  loading: string;
  unavailable: string;
  search: string;
  openPassage: (title: string) => string;
  more: (n: number) => string;
  category: Record<Category, string>;
  lang: Record<Lang, string>;
}

const en: CardStrings = {
  close: 'Close',
  names: 'Names',
  members: 'Members',
  origin: 'Origin',
  inCorpus: (p, d) => `${p} passage${p === 1 ? '' : 's'} in ${d} document${d === 1 ? '' : 's'} of the corpus`,
  notInCorpus: 'No passages in the corpus.',
  loading: 'Loading…',
  unavailable: 'Details are unavailable (the extension may have been updated; reload the page).',
  search: 'Search the corpus for this',
  openPassage: (title) => `Open this passage of “${title}” in the reader`,
  more: (n) => `${n} more…`,
  category: {
    formulation: 'Formulation',
    plan: 'Plan',
    campaign: 'Campaign',
    institution: 'Institution',
    document: 'Document',
    person: 'Person',
    place: 'Place',
    event: 'Event',
    ideology: 'Ideology',
  },
  lang: {
    en: 'English',
    ja: 'Japanese',
    'zh-Hans': 'Chinese (Simplified)',
    'zh-Hant': 'Chinese (Traditional)',
    vi: 'Vietnamese',
  },
};

const ja: CardStrings = {
  close: '閉じる',
  names: '表記',
  members: '構成',
  origin: '由来',
  inCorpus: (p, d) => `コーパスの ${d} 文書・${p} 段落に出現`,
  notInCorpus: 'コーパスには出現しません。',
  loading: '読み込み中…',
  unavailable:
    '詳細を取得できません（拡張機能が更新された可能性があります。ページを再読み込みしてください）。',
  search: 'コーパスでこの語を検索',
  openPassage: (title) => `「${title}」のこの段落をリーダーで開く`,
  more: (n) => `ほか ${n} 件…`,
  category: {
    formulation: '提法',
    plan: '計画',
    campaign: '運動',
    institution: '機関',
    document: '文書',
    person: '人物',
    place: '地名',
    event: '会議・行事',
    ideology: '思想',
  },
  lang: {
    en: '英語',
    ja: '日本語',
    'zh-Hans': '中国語（簡体字）',
    'zh-Hant': '中国語（繁体字）',
    vi: 'ベトナム語',
  },
};

const zh: CardStrings = {
  close: '关闭',
  names: '名称',
  members: '组成',
  origin: '来源',
  inCorpus: (p, d) => `语料库中 ${d} 篇文件、${p} 个段落`,
  notInCorpus: '语料库中没有出现。',
  loading: '加载中…',
  unavailable: '无法获取详情（扩展可能已更新，请重新加载页面）。',
  search: '在语料库中搜索',
  openPassage: (title) => `在阅读器中打开《${title}》的这一段`,
  more: (n) => `另外 ${n} 条…`,
  category: {
    formulation: '提法',
    plan: '规划',
    campaign: '运动',
    institution: '机构',
    document: '文件',
    person: '人物',
    place: '地名',
    event: '会议活动',
    ideology: '思想',
  },
  lang: { en: '英文', ja: '日文', 'zh-Hans': '简体中文', 'zh-Hant': '繁体中文', vi: '越南文' },
};

export const CARD_STRINGS: Record<CardLocale, CardStrings> = { en, ja, 'zh-CN': zh };
