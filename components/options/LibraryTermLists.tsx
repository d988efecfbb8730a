import { useState } from 'preact/hooks';
import { LIST_COLOURS } from '../../lib/core/library/list-colours.ts';
import type { TermListPatch, TermListSummary } from '../../lib/core/library/schema.ts';
import { TERM_LIST_EXTENSIONS } from '../../lib/core/library/term-list-parse.ts';
import { t } from '../../lib/i18n.ts';
import type { FileLike } from '../../lib/import/read-file.ts';
import { ColourSwatches } from './ColourSwatches.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import type { ListExportFormat } from '../../lib/library-model.ts';

/** Import a term list: the file, a name (the file's by default) and a colour. */
function ImportList(props: {
  busy: boolean;
  firstFree: number;
  onImport: (file: FileLike, name: string, colour: number) => Promise<boolean>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [named, setNamed] = useState(false); // the user typed a name: a new file keeps it
  const [colour, setColour] = useState<number | null>(null);
  const [key, setKey] = useState(0); // remounts the file input to clear it
  return (
    <form
      class="lib-list-import"
      aria-labelledby="lib-list-import-h"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        void props.onImport(file, name, colour ?? props.firstFree).then((ok) => {
          if (!ok) return;
          setFile(null);
          setName('');
          setNamed(false);
          setColour(null);
          setKey((k) => k + 1);
        });
      }}
    >
      <h4 id="lib-list-import-h">{t('libListImport')}</h4>
      <p>
        <label for="lib-list-file">{t('libListFile')}</label>{' '}
        <input
          key={key}
          id="lib-list-file"
          type="file"
          accept={TERM_LIST_EXTENSIONS.join(',')}
          aria-describedby="lib-list-hint"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
            setFile(f);
            if (f && !named) setName(f.name.replace(/\.[^.]+$/, ''));
          }}
        />
      </p>
      <p id="lib-list-hint" class="muted">
        {t('libListHint', TERM_LIST_EXTENSIONS.join(' '))}
      </p>
      <p>
        <label for="lib-list-name">{t('libListName')}</label>
        <input
          id="lib-list-name"
          type="text"
          value={name}
          onInput={(e) => {
            setName((e.currentTarget as HTMLInputElement).value);
            setNamed(true);
          }}
        />
      </p>
      <ColourSwatches
        name="lib-list-colour"
        legend={t('libListColour')}
        value={colour ?? props.firstFree}
        onChange={setColour}
      />
      <button type="submit" class="button primary" disabled={props.busy || !file}>
        {t('libListImportButton')}
      </button>
    </form>
  );
}

function ListRow(props: {
  list: TermListSummary;
  onUpdate: (patch: TermListPatch) => Promise<boolean>;
  onDelete: () => void;
  onExport: (format: ListExportFormat) => void;
}) {
  const l = props.list;
  const [name, setName] = useState(l.name);
  const colour = LIST_COLOURS[l.colour] ?? LIST_COLOURS[0];
  return (
    <li data-list={l.id}>
      <p class="lib-list-title">
        <span
          class="swatch-chip"
          aria-hidden="true"
          style={{ '--swatch-light': colour.light, '--swatch-dark': colour.dark } as Record<string, string>}
        />{' '}
        <strong>{l.name}</strong>{' '}
        <span class="muted">{t('libListCounts', [l.termCount, l.occurrenceCount])}</span>
      </p>
      <details>
        <summary>{t('libListEdit', l.name)}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void props.onUpdate({ name });
          }}
        >
          <label for={`lib-list-${l.id}-name`}>{t('libListName')}</label>
          <input
            id={`lib-list-${l.id}-name`}
            type="text"
            value={name}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="submit" class="button">
            {t('libRename')}
          </button>
        </form>
        <ColourSwatches
          name={`lib-list-${l.id}-colour`}
          legend={t('libListColour')}
          value={l.colour}
          onChange={(c) => void props.onUpdate({ colour: c })}
        />
        <p class="lib-actions" role="group" aria-label={t('libListExport', l.name)}>
          <span>{t('libListExport', l.name)}</span>{' '}
          {(['csv', 'tbx', 'yomitan'] as const).map((f) => (
            <button key={f} type="button" class="button" data-export={f} onClick={() => props.onExport(f)}>
              {f === 'csv' ? 'CSV' : f === 'tbx' ? 'TBX' : t('libListYomitan')}
            </button>
          ))}
        </p>
        <ConfirmDelete what={l.name} onConfirm={props.onDelete} />
      </details>
    </li>
  );
}

/** The user's term lists, and the form that imports one. */
export function LibraryTermLists(props: {
  lists: TermListSummary[];
  busy: boolean;
  onImport: (file: FileLike, name: string, colour: number) => Promise<boolean>;
  onUpdate: (listId: string, patch: TermListPatch) => Promise<boolean>;
  onDelete: (listId: string) => void;
  onExport: (listId: string, format: ListExportFormat) => void;
}) {
  const used = new Set(props.lists.map((l) => l.colour));
  const firstFree = Math.max(
    0,
    LIST_COLOURS.findIndex((_, i) => !used.has(i)),
  );
  return (
    <div class="lib-lists">
      {props.lists.length ? (
        <ul class="lib-list-rows">
          {props.lists.map((l) => (
            <ListRow
              key={l.id}
              list={l}
              onUpdate={(p) => props.onUpdate(l.id, p)}
              onDelete={() => props.onDelete(l.id)}
              onExport={(f) => props.onExport(l.id, f)}
            />
          ))}
        </ul>
      ) : (
        <p class="muted">{t('libNoLists')}</p>
      )}
      <ImportList busy={props.busy} firstFree={firstFree} onImport={props.onImport} />
    </div>
  );
}
