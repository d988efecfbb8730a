// Test fixture for the search tests (lib/core/search/*.test.ts): a small hand-made CorpusData (excerpts
// of the real documents). Tests only; the product loads generated/corpus.json.
import { normalizeQuery } from '../normalize.ts';
import type { Concept, CorpusData, CorpusDocument, Occurrence, Passage } from '../types.ts';

const docTexts: Record<string, { lang: 'ja' | 'en'; paras: string[] }> = {
  '000': {
    lang: 'ja',
    paras: [
      '1月21日、市委員会常務委員会は拡大会議を開き、報告を聴取した。省委員会常務委員、市委員会書記譚作鈞が会議を主宰した。',
      '会議は次のように指摘した。安定しつつ前進を求める活動全体の基調を堅持し、「六安定」活動を着実に行い、「六保」任務を全面的に実行し、第13次五カ年計画の主要指標を基本的に達成した。',
      '会議は次のように強調した。今年は中国共産党創立100周年であり、「第14次5カ年計画」が始まる年であり、各地区は情勢を十分に認識し、新たな発展理念を貫徹し、新たな発展構造に奉仕し、質の高い発展を推進しなければならない。企業誘致とプロジェクト建設に力を入れ、オンラインとオフラインの消費の融合発展を促進し、産業構造の最適化と高度化の推進を加速し、経済の基本的基盤をしっかりと安定させなければならない。改革開放・革新を揺るぐことなく推進し、国有資本・国有企業などの重点分野の改革を持続的に深化させ、東北地区の対外開放の新たな高地を築き、大連の革新策源能力の建設を加速させなければならない。',
      '会議では、各級監査機関は全国監査業務会議の精神を真剣に貫徹し、法に基づき監査監督の職責を全面的に履行し、党と人民大衆の「経済衛士」になるべきだと強調した。',
    ],
  },
  '002': {
    lang: 'en',
    paras: [
      'On January 21, the Standing Committee of the Municipal Party Committee held an enlarged meeting. Tan Zuojun, member of the Standing Committee of the Provincial Party Committee, presided over the meeting.',
      'It was noted that, in 2020, the committees adhere to the general tone of seeking progress while maintaining stability, do a solid job in the "six stability" work, fully implement the "six guarantees" task, basically complete the main indicators of the "13th Five-Year Plan".',
      'The meeting stressed that this year is the 100th anniversary of the founding of the Communist Party of China and the first year of the 14th Five-Year Plan.',
      'The meeting pointed out that speeding up the construction of digital villages is an important measure to implement the rural revitalization strategy.',
    ],
  },
  '003': {
    lang: 'ja',
    paras: [
      '秀洲区委員会は巡視整備を「二つの確立」を断固として守り、「二つの維持」を断固として実行する実際の行動とした。',
      '巡視改善活動では、党規律処分6人を与えた。制度44項目を整備する。',
    ],
  },
  '001': {
    lang: 'ja',
    paras: ['「四つの意識」を着実に強化し、「四つの自信」を固め、「二つの擁護」をやり遂げなければならない。'],
  },
  '004': {
    lang: 'ja',
    paras: [
      '会議の議長は、党中央委員であり省党委員会書記でもあるブー・ダイ・タン同志であった。',
      '会議で演説した党中央委員、省党委員会書記のヴー・ダイ・タン同志は、高く評価した。',
    ],
  },
};

const conceptDefs: Array<Omit<Concept, 'definition' | 'related'> & { extra?: string[] }> = [
  {
    id: 'six-stabilities',
    category: 'formulation',
    labels: { en: 'Six Stabilities', ja: '六安定', 'zh-Hans': '六稳', 'zh-Hant': '六穩' },
    aliases: { en: ['six stability'] },
  },
  {
    id: 'six-guarantees',
    category: 'formulation',
    labels: { en: 'Six Guarantees', ja: '六保', 'zh-Hans': '六保', 'zh-Hant': '六保' },
    aliases: {},
  },
  {
    id: 'two-safeguards',
    category: 'formulation',
    labels: { en: 'Two Safeguards', ja: '二つの擁護', 'zh-Hans': '两个维护', 'zh-Hant': '兩個維護' },
    aliases: { ja: ['二つの維持'], en: ['Two Upholds'] },
  },
  {
    id: 'two-establishments',
    category: 'formulation',
    labels: { en: 'Two Establishments', ja: '二つの確立', 'zh-Hans': '两个确立', 'zh-Hant': '兩個確立' },
    aliases: {},
  },
  {
    id: 'tan-zuojun',
    category: 'person',
    labels: { en: 'Tan Zuojun', ja: '譚作鈞', 'zh-Hans': '谭作钧', 'zh-Hant': '譚作鈞' },
    aliases: {},
  },
  {
    id: 'vu-dai-thang',
    category: 'person',
    labels: {
      en: 'Vu Dai Thang',
      ja: 'ヴー・ダイ・タン',
      'zh-Hans': '武大胜',
      'zh-Hant': '武大勝',
      vi: 'Vũ Đại Thắng',
    },
    aliases: { ja: ['ブー・ダイ・タン'] },
  },
  {
    id: '14th-five-year-plan',
    category: 'plan',
    labels: {
      en: '14th Five-Year Plan',
      ja: '第14次5カ年計画',
      'zh-Hans': '第十四个五年规划',
      'zh-Hant': '第十四個五年規劃',
    },
    aliases: { 'zh-Hans': ['十四五'] },
    extra: ['14th five year plan', '第14次五カ年計画', '第14次5ヵ年計画'],
  },
  {
    id: '13th-five-year-plan',
    category: 'plan',
    labels: {
      en: '13th Five-Year Plan',
      ja: '第13次五カ年計画',
      'zh-Hans': '第十三个五年规划',
      'zh-Hant': '第十三個五年規劃',
    },
    aliases: {},
    extra: ['13th five year plan'],
  },
  {
    id: 'four-consciousnesses',
    category: 'formulation',
    labels: { en: 'Four Consciousnesses', ja: '四つの意識', 'zh-Hans': '四个意识', 'zh-Hant': '四個意識' },
    aliases: {},
  },
];

/** Builds the fixture CorpusData; occurrences found by plain case-insensitive search. */
export function makeFixture(): CorpusData {
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  for (const id of Object.keys(docTexts).sort()) {
    const { lang, paras } = docTexts[id]!;
    let text = '';
    const passageIds: string[] = [];
    paras.forEach((para, i) => {
      const pid = `${id}/p${String(i).padStart(2, '0')}`;
      if (text) text += '\n\n';
      passages.push({
        id: pid,
        docId: id,
        index: i,
        text: para,
        start: text.length,
        end: text.length + para.length,
        section: [],
      });
      text += para;
      passageIds.push(pid);
    });
    documents.push({
      id,
      title: `Document ${id}`,
      titleSupplied: false,
      titleEn: `Document ${id}`,
      date: '2021-01-21',
      place: 'Dalian',
      body: 'Committee',
      lang,
      originalLang: 'zh-Hans',
      translation: true,
      seedFile: `${id}.txt`,
      versions: [],
      removed: [],
      text,
      passageIds,
    });
  }
  const concepts: Concept[] = conceptDefs.map(({ extra: _extra, ...c }) => ({
    ...c,
    definition: { en: `${c.labels.en}.` },
    related: [],
  }));
  const variants: Record<string, string[]> = {};
  const occurrences: Record<string, Occurrence[]> = {};
  for (const def of conceptDefs) {
    const names = [
      ...Object.values(def.labels),
      ...Object.values(def.aliases).flat(),
      ...(def.extra ?? []),
    ] as string[];
    variants[def.id] = [...new Set(names.map((n) => normalizeQuery(n)))].sort();
    const occ: Occurrence[] = [];
    for (const p of passages) {
      const lower = p.text.toLowerCase();
      const taken: Array<[number, number]> = [];
      for (const n of [...new Set(names)].sort((a, b) => b.length - a.length)) {
        let at = lower.indexOf(n.toLowerCase());
        while (at >= 0) {
          const end = at + n.length;
          if (!taken.some(([s, e]) => at < e && end > s)) {
            taken.push([at, end]);
            occ.push({ passageId: p.id, docId: p.docId, start: at, end });
          }
          at = lower.indexOf(n.toLowerCase(), end);
        }
      }
    }
    occ.sort((a, b) => (a.passageId < b.passageId ? -1 : a.passageId > b.passageId ? 1 : a.start - b.start));
    occurrences[def.id] = occ;
  }
  return { version: 1, documents, passages, concepts, variants, occurrences };
}

/** A corpus `factor` times larger: the fixture's passages repeated with shuffled-in noise. */
export function scaleCorpus(data: CorpusData, factor: number): CorpusData {
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  const occurrences: Record<string, Occurrence[]> = {};
  for (const c of data.concepts) occurrences[c.id] = [];
  for (let k = 0; k < factor; k++) {
    for (const doc of data.documents) {
      const id = `${doc.id}x${k}`;
      const ids: string[] = [];
      for (const pid of doc.passageIds) {
        const p = data.passages.find((x) => x.id === pid)!;
        const npid = `${id}/p${String(p.index).padStart(2, '0')}`;
        // vary the text a little so the copies are not identical
        passages.push({ ...p, id: npid, docId: id, text: `${p.text} (${k})` });
        ids.push(npid);
      }
      documents.push({ ...doc, id, passageIds: ids });
    }
    for (const c of data.concepts) {
      for (const o of data.occurrences[c.id] ?? []) {
        const [d, pn] = o.passageId.split('/');
        occurrences[c.id]!.push({ ...o, docId: `${d}x${k}`, passageId: `${d}x${k}/${pn}` });
      }
    }
  }
  return { ...data, documents, passages, occurrences };
}
