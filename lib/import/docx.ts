// .docx files: the text with mammoth (its browser build; paragraphs come separated by blank
// lines), title and dates from docProps/core.xml (Dublin Core) when the file has them.
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth/mammoth.browser.js';
import { finish, normaliseParagraphs, type FoundMeta, type ReadResult } from './finish.ts';

/** Title, creator and dates of a .docx's core properties ({} when absent or unreadable). */
export function docxCoreMeta(data: Uint8Array): FoundMeta {
  let xml: string;
  try {
    const files = unzipSync(data, { filter: (f) => f.name === 'docProps/core.xml' });
    const core = files['docProps/core.xml'];
    if (!core) return {};
    xml = strFromU8(core);
  } catch {
    return {};
  }
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const field = (local: string) =>
    [...doc.getElementsByTagName('*')].find((e) => e.localName === local)?.textContent?.trim() || null;
  return {
    title: field('title'),
    byline: field('creator'),
    lang: field('language'),
    // dcterms:created is when the file was made; a document's own date is often not in it at all.
    date: field('created'),
  };
}

export async function readDocx(fileName: string, data: ArrayBuffer): Promise<ReadResult> {
  let text: string;
  try {
    text = (await mammoth.extractRawText({ arrayBuffer: data })).value;
  } catch (e) {
    return {
      ok: false,
      error: `${fileName}: not a readable .docx file (${(e as Error).message ?? String(e)})`,
    };
  }
  return finish(fileName, 'docx', normaliseParagraphs(text), docxCoreMeta(new Uint8Array(data)));
}
