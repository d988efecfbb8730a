import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { ErrorRetry } from '../ErrorRetry.tsx';
import type { LibraryModel } from '../../lib/library-model.ts';
import { LibraryDocuments } from './LibraryDocuments.tsx';
import { LibraryImport } from './LibraryImport.tsx';
import { LibraryProgress } from './LibraryProgress.tsx';
import { LibraryTermLists } from './LibraryTermLists.tsx';

/** Back up: "Export library" and "Import backup" (merge, or replace what the library holds). */
function LibraryBackup(props: { lib: LibraryModel; busy: boolean }) {
  const [replace, setReplace] = useState(false);
  return (
    <div class="lib-backup">
      <p>
        <button
          type="button"
          class="button"
          disabled={props.busy}
          onClick={() => void props.lib.exportLibrary()}
        >
          {t('libExport')}
        </button>
      </p>
      <p>
        <label for="lib-backup-file">{t('libImportBackup')}</label>{' '}
        <input
          id="lib-backup-file"
          type="file"
          accept=".json,application/json"
          disabled={props.busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const f = input.files?.[0];
            input.value = '';
            if (f) void props.lib.importBackup(f, replace);
          }}
        />
      </p>
      <p class="check-row">
        <input
          id="lib-backup-replace"
          type="checkbox"
          checked={replace}
          onChange={(e) => setReplace((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="lib-backup-replace">{t('libBackupReplace')}</label>
      </p>
    </div>
  );
}

/** The options page's "Library" section. Files dropped anywhere on it are imported. */
export function LibrarySection({ lib }: { lib: LibraryModel }) {
  const [over, setOver] = useState(false);
  const busy = lib.progress !== null;
  return (
    <section
      aria-labelledby="lib-h"
      class={`library-section${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length && !busy) void lib.importFiles(files);
      }}
    >
      <h2 id="lib-h">{t('libHeading')}</h2>
      <p class="muted">{t('libIntro')}</p>
      <h3>{t('libDocumentsHeading')}</h3>
      <LibraryImport busy={busy} onFiles={(f) => void lib.importFiles(f)} onPaste={lib.importPaste} />
      {lib.progress ? (
        <LibraryProgress label={lib.progress.label} fraction={lib.progress.fraction} onCancel={lib.cancel} />
      ) : null}
      <div class="lib-errors" role="alert" aria-live="assertive">
        {lib.errors.length ? (
          <ul>
            {lib.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="lib-notes" role="status" aria-live="polite">
        {lib.notes.length ? (
          <ul>
            {lib.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {lib.data ? (
        <>
          <LibraryDocuments
            docs={lib.data.documents}
            onUpdate={lib.updateDocument}
            onDelete={(id) => void lib.deleteDocument(id)}
          />
          <h3>{t('libListsHeading')}</h3>
          <LibraryTermLists
            lists={lib.data.termLists}
            busy={busy}
            onImport={lib.importTermList}
            onUpdate={lib.updateTermList}
            onDelete={(id) => void lib.deleteTermList(id)}
            onExport={(id, f) => void lib.exportTermList(id, f)}
          />
        </>
      ) : lib.loadError ? (
        <ErrorRetry message={t('libLoadFailed')} onRetry={lib.reload} />
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <h3>{t('libBackupHeading')}</h3>
      <LibraryBackup lib={lib} busy={busy} />
    </section>
  );
}
