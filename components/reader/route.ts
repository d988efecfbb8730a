// Pure: reader hash routes.
//   ""  / "#"              library
//   "#000"                 document
//   "#000/p12"             document, scrolled to passage 000/p12
//   "#000?parallel"        parallel view of 000 and its other language version
//   "#parallel/000"        same
//   "#concept/<id>"        concept view
//   "#glossary"            every concept, filterable
//   "#search", "#search/<q>" the corpus search (the popup's), with a query

import { cutSafe, URL_QUERY_CAP } from '../../lib/core/limits.ts';

export type Route =
  | { view: 'library' }
  | { view: 'document'; docId: string; passageId?: string }
  | { view: 'parallel'; docId: string; passageId?: string }
  | { view: 'concept'; conceptId: string }
  | { view: 'glossary' }
  | { view: 'search'; query: string };

const DOC = /^[A-Za-z0-9_-]{1,40}$/;
const PASSAGE = /^([A-Za-z0-9_-]{1,40})\/(p[0-9]{1,5})$/;

export function parseRoute(hash: string): Route {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    h = decodeURIComponent(h);
  } catch {
    // keep raw
  }
  h = h.trim();
  if (h === '') return { view: 'library' };
  if (h === 'glossary') return { view: 'glossary' };
  if (h === 'search' || h.startsWith('search/'))
    return { view: 'search', query: cutSafe(h.slice('search/'.length), URL_QUERY_CAP) };
  if (h.startsWith('concept/')) {
    const id = h.slice('concept/'.length);
    return id ? { view: 'concept', conceptId: id } : { view: 'library' };
  }
  if (h.startsWith('parallel/')) {
    const rest = h.slice('parallel/'.length);
    const pm = PASSAGE.exec(rest);
    if (pm) return { view: 'parallel', docId: pm[1]!, passageId: rest };
    if (DOC.test(rest)) return { view: 'parallel', docId: rest };
    return { view: 'library' };
  }
  const [path = '', query = ''] = h.split('?', 2);
  const parallel = query.split('&').includes('parallel');
  const pm = PASSAGE.exec(path);
  if (pm) return { view: parallel ? 'parallel' : 'document', docId: pm[1]!, passageId: path };
  if (DOC.test(path)) return { view: parallel ? 'parallel' : 'document', docId: path };
  return { view: 'library' };
}

export function routeHash(r: Route): string {
  switch (r.view) {
    case 'library':
      return '#';
    case 'concept':
      return `#concept/${r.conceptId}`;
    case 'glossary':
      return '#glossary';
    case 'search':
      return r.query ? `#search/${encodeURIComponent(r.query)}` : '#search';
    case 'document':
      return `#${r.passageId ?? r.docId}`;
    case 'parallel':
      return `#${r.passageId ?? r.docId}?parallel`;
  }
}

/** DOM id of a passage element. */
export function passageDomId(passageId: string): string {
  return `passage-${passageId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
