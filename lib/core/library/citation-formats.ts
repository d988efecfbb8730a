// A passage cited in four formats (issue #12, item 7): plain text, Markdown, BibTeX and CSL-JSON.
// Each names the issuing body, the title in the text's own language (and the original's title for a
// translation, when known), the date, the passage number and, for a saved page, the access date,
// and says when the text is a translation (and when a machine's). The link is the page the text
// was taken from, with a text directive to the passage; a translation whose own page is unknown
// links to its original's
// page (no directive: the passage's words are not the original's). A document with neither (a
// file) links to the extension's reader in plain text and Markdown only, since that address works
// for nobody else: BibTeX and CSL then carry no URL.
import { mdEscape, mdUrl, oneLine, passageNumber, passageUrl } from '../citation.ts';
import type { Lang } from '../types.ts';
import { passageLink } from './text-fragment.ts';

/** What a citation reads of a document (DocumentMeta has all of it; a user document maps to it). */
export interface CitationSource {
  id: string;
  title: string;
  titleEn?: string;
  /** The original's title in its own language, when the text is a translation and it is known. */
  originalTitle?: string;
  /** yyyy-mm-dd (or yyyy-mm, yyyy), '' when unknown. */
  date: string;
  place?: string;
  /** The issuing body ("State Council"). */
  body?: string;
  lang: Lang;
  originalLang?: Lang;
  translation: boolean;
  /** The translation is a machine's: citations say "Machine translation". */
  machineTranslation?: boolean;
  /** The address (http/https) of the page this very text was taken from. */
  url?: string;
  /** A translation's original-language page, when its own page is unknown. */
  originalUrl?: string;
  /** yyyy-mm-dd a saved page was read. */
  accessed?: string;
  site?: string;
  byline?: string;
}

export interface CitationPassageRef {
  id: string;
  /** 0-based. */
  index: number;
  text: string;
}

export interface CitationOptions {
  /** The reader page's URL (used only when the document has no original URL). */
  readerUrl: string;
  /** "para." in the UI language. */
  paraLabel?: string;
  /** "accessed" in the UI language. */
  accessedLabel?: string;
  /** Replaces "(Machine) translation from <language>" (the UI passes it localised, language
   * included, and for a machine translation says so). */
  translationLabel?: string;
}

/** A CSL-JSON item (citationstyles.org csl-data.json): the fields this extension knows. */
export interface CslItem {
  id: string;
  type: 'webpage' | 'document';
  title: string;
  'original-title'?: string;
  author?: Array<{ literal: string }>;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  URL?: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  language?: string;
  note?: string;
}

export interface Citations {
  plain: string;
  markdown: string;
  bibtex: string;
  csl: CslItem;
  /** The link the plain and Markdown forms carry. */
  link: string;
}

const LANG_NAMES: Record<Lang, string> = {
  en: 'English',
  ja: 'Japanese',
  'zh-Hans': 'Chinese (Simplified)',
  'zh-Hant': 'Chinese (Traditional)',
  vi: 'Vietnamese',
};

function isWebUrl(u: string | undefined): u is string {
  return u !== undefined && /^https?:\/\/\S+$/i.test(u);
}

function dateParts(d: string | undefined): { 'date-parts': number[][] } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d ?? '');
  if (!m) return undefined;
  return {
    'date-parts': [
      m
        .slice(1)
        .filter((x) => x !== undefined)
        .map(Number),
    ],
  };
}

// BibTeX: these characters end a field or switch TeX modes; each is written as TeX spells it.
const BIB_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

export function bibEscape(s: string): string {
  return oneLine(s).replace(/[\\{}&%$#_^~]/g, (c) => BIB_SPECIAL[c]!);
}

/** A URL in a BibTeX url field (verbatim for biblatex): only braces would break the entry. */
function bibUrl(u: string): string {
  return u.replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20');
}

/** The parts every format shares, trimmed to one line each ('' when absent). */
function parts(doc: CitationSource, passage: CitationPassageRef, opts: CitationOptions) {
  const title = oneLine(doc.title);
  const titleEn = oneLine(doc.titleEn ?? '');
  const original = oneLine(doc.originalTitle ?? '');
  const origLang = doc.originalLang && doc.originalLang !== doc.lang ? doc.originalLang : undefined;
  const kind = doc.machineTranslation ? 'Machine translation' : 'Translation';
  const translation = !doc.translation
    ? ''
    : oneLine(opts.translationLabel ?? (origLang ? `${kind} from ${LANG_NAMES[origLang]}` : kind));
  const hasUrl = isWebUrl(doc.url);
  const originalPage = !hasUrl && isWebUrl(doc.originalUrl) ? doc.originalUrl : undefined;
  return {
    author: oneLine(doc.body ?? '') || oneLine(doc.byline ?? ''),
    title,
    titleEn: titleEn !== title ? titleEn : '',
    original: doc.translation && original !== title ? original : '',
    site: oneLine(doc.site ?? ''),
    place: oneLine(doc.place ?? ''),
    date: doc.date,
    para: `${opts.paraLabel ?? 'para.'} ${passageNumber(passage)}`,
    translation,
    accessed: hasUrl && doc.accessed ? `${opts.accessedLabel ?? 'accessed'} ${doc.accessed}` : '',
    /** The link leads to a web page (BibTeX and CSL carry it). */
    hasUrl: hasUrl || originalPage !== undefined,
    link: hasUrl
      ? passageLink(doc.url!, passage.text)
      : (originalPage ?? passageUrl(opts.readerUrl, passage.id)),
  };
}

type Parts = ReturnType<typeof parts>;

const sentence = (s: string) => (s === '' ? '' : /[.!?。！？]$/.test(s) ? s : `${s}.`);

function plainOf(p: Parts): string {
  const title = [p.title, p.titleEn && `(${p.titleEn})`, p.original && `[${p.original}]`]
    .filter(Boolean)
    .join(' ');
  const where = [p.site, p.place, p.date, p.para].filter(Boolean).join(', ');
  const link = p.accessed ? `${p.link} (${p.accessed})` : p.link;
  return [sentence(p.author), sentence(title), sentence(where), sentence(p.translation), link]
    .filter(Boolean)
    .join(' ');
}

function markdownOf(p: Parts): string {
  const title = [
    `[${mdEscape(p.title)}](${mdUrl(p.link)})`,
    p.titleEn && `(*${mdEscape(p.titleEn)}*)`,
    p.original && `\\[${mdEscape(p.original)}\\]`,
  ]
    .filter(Boolean)
    .join(' ');
  const where = mdEscape([p.site, p.place, p.date, p.para].filter(Boolean).join(', '));
  const accessed = p.accessed && `${p.accessed[0]!.toUpperCase()}${p.accessed.slice(1)}`;
  return [
    sentence(mdEscape(p.author)),
    sentence(title),
    sentence(where),
    sentence(mdEscape(p.translation)),
    sentence(accessed),
  ]
    .filter(Boolean)
    .join(' ');
}

function citeKey(doc: CitationSource, passage: CitationPassageRef): string {
  return `policylens:${doc.id}:p${passageNumber(passage)}`.replace(/[^A-Za-z0-9:_-]/g, '-');
}

function bibtexOf(doc: CitationSource, passage: CitationPassageRef, p: Parts): string {
  const fields: Array<[string, string]> = [];
  // Double braces: an institution is one name, and the title keeps its capitals.
  if (p.author) fields.push(['author', `{${bibEscape(p.author)}}`]);
  fields.push(['title', `{${bibEscape(p.title)}}`]);
  if (p.titleEn) fields.push(['titleaddon', bibEscape(p.titleEn)]);
  if (p.original) fields.push(['origtitle', bibEscape(p.original)]);
  const year = /^\d{4}/.exec(p.date)?.[0];
  if (year) fields.push(['year', year], ['date', p.date]);
  if (p.hasUrl) fields.push(['url', bibUrl(p.link)]);
  if (p.accessed) fields.push(['urldate', doc.accessed!]);
  if (p.site) fields.push(['organization', bibEscape(p.site)]);
  if (p.place) fields.push(['location', bibEscape(p.place)]);
  fields.push(['language', LANG_NAMES[doc.lang]]);
  fields.push(['note', bibEscape([p.para, p.translation].filter(Boolean).join('. '))]);
  const body = fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n');
  return `@${p.hasUrl ? 'online' : 'misc'}{${citeKey(doc, passage)},\n${body}\n}`;
}

function cslOf(doc: CitationSource, passage: CitationPassageRef, p: Parts): CslItem {
  const item: CslItem = {
    id: citeKey(doc, passage),
    type: p.hasUrl ? 'webpage' : 'document',
    title: p.title,
  };
  if (p.original) item['original-title'] = p.original;
  if (p.author) item.author = [{ literal: p.author }];
  const issued = dateParts(p.date);
  if (issued) item.issued = issued;
  const accessed = p.accessed ? dateParts(doc.accessed) : undefined;
  if (accessed) item.accessed = accessed;
  if (p.hasUrl) item.URL = p.link;
  const publisher = oneLine(doc.body ?? '') || p.site;
  if (publisher) item.publisher = publisher;
  if (p.place) item['publisher-place'] = p.place;
  if (p.site && p.hasUrl) item['container-title'] = p.site;
  item.language = doc.lang;
  item.note = [p.para, p.translation, p.titleEn && `English title: ${p.titleEn}`].filter(Boolean).join('. ');
  return item;
}

/** The citation of one passage in every format. */
export function formatCitations(
  doc: CitationSource,
  passage: CitationPassageRef,
  opts: CitationOptions,
): Citations {
  const p = parts(doc, passage, opts);
  return {
    plain: plainOf(p),
    markdown: markdownOf(p),
    bibtex: bibtexOf(doc, passage, p),
    csl: cslOf(doc, passage, p),
    link: p.link,
  };
}
