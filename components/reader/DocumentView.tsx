import { useEffect } from 'preact/hooks';
import type { CorpusDocument, Passage } from '../../lib/core/types.ts';
import { langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';
import { type ReadingProps, PassageAnchor, useReadingUi } from './reading-ui.tsx';
import { passageDomId } from './route.ts';
import { sectionBlocks } from './sections.ts';
import { MissingPassage } from './Status.tsx';

export function DocMeta({ doc }: { doc: CorpusDocument }) {
  return (
    <dl class="doc-meta-list">
      <div>
        <dt>{t('metaDate')}</dt>
        <dd>
          <DocDate value={doc.date} />
        </dd>
      </div>
      {doc.published ? (
        <div>
          <dt>{t('metaPublished')}</dt>
          <dd class="doc-published">
            <DocDate value={doc.published} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('metaPlace')}</dt>
        <dd>
          {doc.place}
          {doc.placeLocal ? ` (${doc.placeLocal})` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('metaBody')}</dt>
        <dd>{doc.body}</dd>
      </div>
      <div>
        <dt>{t('metaLanguage')}</dt>
        <dd>{langName(doc.lang)}</dd>
      </div>
      <div>
        <dt>{t('metaOriginalLanguage')}</dt>
        <dd>{langName(doc.originalLang)}</dd>
      </div>
      <div>
        <dt>{t('metaTranslation')}</dt>
        <dd>{doc.translation ? t('yes') : t('no')}</dd>
      </div>
      {doc.source ? (
        <div>
          <dt>{t('metaSource')}</dt>
          <dd>{doc.source}</dd>
        </div>
      ) : null}
      <UserDocMeta doc={doc} />
    </dl>
  );
}

/** What a user document adds: where it came from (a link to the original), by whom, when read. */
function UserDocMeta({ doc }: { doc: CorpusDocument }) {
  const url = doc.url && /^https?:\/\//.test(doc.url) ? doc.url : undefined;
  return (
    <>
      {url ? (
        <div>
          <dt>{t('libMetaSource')}</dt>
          <dd class="doc-url">
            <a href={url} target="_blank" rel="noopener noreferrer">
              {url}
            </a>
          </dd>
        </div>
      ) : null}
      {doc.site ? (
        <div>
          <dt>{t('libMetaSite')}</dt>
          <dd>{doc.site}</dd>
        </div>
      ) : null}
      {doc.byline ? (
        <div>
          <dt>{t('libMetaByline')}</dt>
          <dd>{doc.byline}</dd>
        </div>
      ) : null}
      {doc.accessed ? (
        <div>
          <dt>{t('libMetaAccessed')}</dt>
          <dd>
            <DocDate value={doc.accessed} />
          </dd>
        </div>
      ) : null}
      {doc.tags?.length ? (
        <div>
          <dt>{t('libFieldTags')}</dt>
          <dd>{doc.tags.join(', ')}</dd>
        </div>
      ) : null}
    </>
  );
}

export function htmlLang(lang: string): string {
  return lang === 'zh-Hans' ? 'zh-CN' : lang === 'zh-Hant' ? 'zh-TW' : lang;
}

/**
 * Scrolls to a passage and flashes it once the view shows it. `shown` is what the view renders
 * (passages, rows): a link from one document to a passage of another first re-renders the old
 * document, so the effect runs again when the new one arrives.
 */
export function useScrollToPassage(passageId: string | undefined, shown: readonly unknown[]): void {
  useEffect(() => {
    if (!shown.length || !passageId) return;
    const el = document.getElementById(passageDomId(passageId));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
  }, [passageId, shown]);
}

export function DocumentView(
  props: ReadingProps & {
    doc: CorpusDocument;
    passages: Passage[];
    passageId: string | undefined;
  },
) {
  const { doc, passages } = props;
  const ui = useReadingUi(props);
  useScrollToPassage(props.passageId, passages);
  const blocks = sectionBlocks(passages);
  const lang = htmlLang(doc.lang);
  const missing = props.passageId && !passages.some((p) => p.id === props.passageId);
  return (
    <article class="document" aria-labelledby="doc-title">
      {missing ? <MissingPassage passageId={props.passageId!} /> : null}
      <header class="doc-header">
        <h1 id="doc-title" lang={lang}>
          {doc.title}
        </h1>
        {doc.titleEn && doc.titleEn !== doc.title ? (
          <p class="doc-title-en" lang="en">
            {doc.titleEn}
          </p>
        ) : null}
        <DocMeta doc={doc} />
        {doc.versions.length ? (
          <p>
            <a class="button" href={`#${doc.id}?parallel`}>
              {t('openParallel')}
            </a>
          </p>
        ) : null}
      </header>
      <div class="doc-body" lang={lang}>
        {blocks.map((b) => {
          const p = b.passage;
          const H = (level: number) => `h${Math.min(6, level + 2)}` as 'h2';
          const TitleTag = H(b.titleLevel);
          const hasBody = b.titleLength < p.text.length;
          return (
            <>
              {b.headings.map((h) => {
                const HT = H(h.level);
                return (
                  <HT class="section-heading" key={`${p.id}-h${h.level}`}>
                    {h.text}
                  </HT>
                );
              })}
              <div
                class={`passage${b.titleLength > 0 ? ' passage-titled' : ''}`}
                id={passageDomId(p.id)}
                data-passage={p.id}
                tabIndex={-1}
                key={p.id}
              >
                <PassageAnchor passage={p} />
                {b.titleLength > 0 ? (
                  <TitleTag class="section-heading passage-title">{ui.text(p, 0, b.titleLength)}</TitleTag>
                ) : null}
                {hasBody ? <p class="passage-text">{ui.text(p, b.titleLength)}</p> : null}
                <div class="passage-tools">{ui.citeButton(p)}</div>
                {ui.citeBox(doc, p)}
              </div>
            </>
          );
        })}
      </div>
      {ui.overlay}
    </article>
  );
}
