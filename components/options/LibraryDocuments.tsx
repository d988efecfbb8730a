import { useState } from 'preact/hooks';
import type { UserDocPatch, UserDocSummary } from '../../lib/core/library/schema.ts';
import { LANGS, type Lang } from '../../lib/core/types.ts';
import { langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';

function EditDocument(props: {
  doc: UserDocSummary;
  onSave: (patch: UserDocPatch) => Promise<boolean>;
  onDone: () => void;
}) {
  const m = props.doc.meta;
  const id = `lib-doc-${props.doc.id}`;
  const [f, setF] = useState({
    title: m.title,
    lang: m.lang,
    date: m.date,
    url: m.url ?? '',
    publisher: m.publisher ?? '',
    tags: m.tags.join(', '),
  });
  const field = (key: keyof typeof f, label: string, type: 'text' | 'date' | 'url' = 'text') => (
    <p>
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        // Preact types each input type apart; all three take a string value.
        type={type as 'text'}
        value={f[key]}
        onInput={(e) => setF({ ...f, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
    </p>
  );
  return (
    <form
      class="lib-edit"
      aria-label={t('libEditLabel', m.title)}
      onSubmit={(e) => {
        e.preventDefault();
        const patch: UserDocPatch = {
          title: f.title,
          lang: f.lang,
          date: f.date,
          publisher: f.publisher,
          tags: f.tags
            .split(/[,，、]/)
            .map((s) => s.trim())
            .filter(Boolean),
        };
        if (f.url.trim()) patch.url = f.url.trim();
        void props.onSave(patch).then((ok) => ok && props.onDone());
      }}
    >
      {field('title', t('libFieldTitle'))}
      <p>
        <label for={`${id}-lang`}>{t('metaLanguage')}</label>
        <select
          id={`${id}-lang`}
          value={f.lang}
          onChange={(e) => setF({ ...f, lang: (e.currentTarget as HTMLSelectElement).value as Lang })}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {langName(l)}
            </option>
          ))}
        </select>
      </p>
      {field('date', t('metaDate'), 'date')}
      {field('url', t('libFieldUrl'), 'url')}
      {field('publisher', t('libFieldPublisher'))}
      {field('tags', t('libFieldTags'))}
      <button type="submit" class="button primary">
        {t('libSave')}
      </button>{' '}
      <button type="button" class="button" onClick={props.onDone}>
        {t('libCancel')}
      </button>
    </form>
  );
}

/** The user's documents: open in the reader, edit the metadata, delete (after a confirmation). */
export function LibraryDocuments(props: {
  docs: UserDocSummary[];
  onUpdate: (docId: string, patch: UserDocPatch) => Promise<boolean>;
  onDelete: (docId: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (!props.docs.length) return <p class="muted">{t('libNoDocuments')}</p>;
  return (
    <ul class="lib-docs">
      {props.docs.map((d) => (
        <li key={d.id} data-doc={d.id}>
          <p class="lib-doc-title">
            <a href={`/reader.html#${d.id}`} target="_blank" rel="noopener">
              {d.meta.title}
            </a>
          </p>
          <p class="muted lib-doc-facts">
            {langName(d.meta.lang)}
            {d.meta.date ? (
              <>
                {' · '}
                <DocDate value={d.meta.date} />
              </>
            ) : null}
            {d.meta.publisher ? ` · ${d.meta.publisher}` : ''}
            {' · '}
            {t('libDocCounts', [d.passageCount, d.conceptCount])}
            {d.meta.tags.length ? ` · ${d.meta.tags.join(', ')}` : ''}
          </p>
          {editing === d.id ? (
            <EditDocument doc={d} onSave={(p) => props.onUpdate(d.id, p)} onDone={() => setEditing(null)} />
          ) : (
            <p class="lib-actions">
              <button
                type="button"
                class="button"
                aria-label={t('libEditLabel', d.meta.title)}
                onClick={() => setEditing(d.id)}
              >
                {t('libEdit')}
              </button>{' '}
              <ConfirmDelete what={d.meta.title} onConfirm={() => props.onDelete(d.id)} />
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
