import type { Ref } from 'preact';
import { t } from '../../lib/i18n.ts';

export function SearchBox(props: {
  value: string;
  inputRef: Ref<HTMLInputElement>;
  activeId: string | undefined;
  onInput: (v: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  return (
    <div class="search-box">
      <label for="q" class="visually-hidden">
        {t('searchLabel')}
      </label>
      <svg class="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M13 13l5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        id="q"
        ref={props.inputRef}
        type="search"
        role="searchbox"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        value={props.value}
        aria-controls="results"
        aria-autocomplete="list"
        aria-activedescendant={props.activeId}
        aria-describedby="search-help"
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={props.onKeyDown}
      />
      <span id="search-help" class="visually-hidden">
        {t('searchHelp')}
      </span>
    </div>
  );
}
