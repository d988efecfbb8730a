import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { DOCUMENT_EXTENSIONS, type FileLike } from '../../lib/import/read-file.ts';

/** Add documents: the file picker (drops land on the whole section) and the paste box. */
export function LibraryImport(props: {
  busy: boolean;
  onFiles: (files: FileLike[]) => void;
  onPaste: (title: string, text: string) => Promise<boolean>;
}) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <div class="lib-import">
      <p class="lib-file-row">
        <label for="lib-files">{t('libAddFiles')}</label>{' '}
        <input
          id="lib-files"
          type="file"
          multiple
          accept={DOCUMENT_EXTENSIONS.join(',')}
          disabled={props.busy}
          aria-describedby="lib-files-hint"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const files = [...(input.files ?? [])];
            input.value = '';
            if (files.length) props.onFiles(files);
          }}
        />
      </p>
      <p id="lib-files-hint" class="muted">
        {t('libAddFilesHint', DOCUMENT_EXTENSIONS.join(' '))}
      </p>
      <details class="lib-paste">
        <summary>{t('libPaste')}</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void props.onPaste(title, text).then((ok) => {
              if (!ok) return;
              setTitle('');
              setText('');
            });
          }}
        >
          <p>
            <label for="lib-paste-title">{t('libPasteTitle')}</label>
            <input
              id="lib-paste-title"
              type="text"
              value={title}
              onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)}
            />
          </p>
          <p>
            <label for="lib-paste-text">{t('libPasteText')}</label>
            <textarea
              id="lib-paste-text"
              rows={6}
              value={text}
              onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
            />
          </p>
          <button type="submit" class="button" disabled={props.busy || !/\S/.test(text)}>
            {t('libPasteAdd')}
          </button>
        </form>
      </details>
    </div>
  );
}
