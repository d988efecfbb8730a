import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { QUERY_INPUT_MAX, cutSafe } from '../../lib/core/limits.ts';
import { t } from '../../lib/i18n.ts';

/**
 * Whether the edit `e` announces would overflow the box: maxLength then cuts a typed or pasted
 * text natively (no over-long value ever reaches the input handler), but the user is told too.
 */
export function overflows(e: InputEvent, el: HTMLInputElement, max = QUERY_INPUT_MAX): boolean {
  if (!e.inputType.startsWith('insert')) return false;
  const text = e.data ?? e.dataTransfer?.getData('text/plain') ?? '';
  const selected = Math.abs((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
  return el.value.length - selected + text.length > max;
}

/**
 * The input handler: a value longer than QUERY_INPUT_MAX (lib/core/limits.ts; the search reads no
 * more, and a 1 MB value alone costs the browser seconds of layout and paint) is cut in the same
 * task, before the browser lays out the next frame (maxLength stops typing and pasting, not a
 * value set by script).
 */
export function readInput(el: HTMLInputElement): { value: string; cut: boolean } {
  const v = el.value;
  if (v.length <= QUERY_INPUT_MAX) return { value: v, cut: false };
  const value = cutSafe(v, QUERY_INPUT_MAX);
  el.value = value;
  el.setSelectionRange(value.length, value.length);
  return { value, cut: true };
}

export function SearchBox(props: {
  value: string;
  inputRef: Ref<HTMLInputElement>;
  activeId: string | undefined;
  /** The last input was cut to QUERY_INPUT_MAX characters: say so (politely, to screen readers too). */
  cut?: boolean;
  onInput: (v: string, cut: boolean) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  // Set by beforeinput when maxLength is about to cut the edit; read by the next input event.
  const willCut = useRef(false);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const onBefore = (e: Event) => {
      const el = e.target as HTMLInputElement;
      willCut.current = el.id === 'q' && e instanceof InputEvent && overflows(e, el);
    };
    box.addEventListener('beforeinput', onBefore);
    return () => box.removeEventListener('beforeinput', onBefore);
  }, []);
  return (
    <>
      <div class="search-box" ref={boxRef}>
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
          maxLength={QUERY_INPUT_MAX}
          aria-describedby="search-help query-cut"
          onInput={(e) => {
            const { value, cut } = readInput(e.currentTarget as HTMLInputElement);
            props.onInput(value, cut || willCut.current);
            willCut.current = false;
          }}
          onKeyDown={props.onKeyDown}
        />
        <span id="search-help" class="visually-hidden">
          {t('searchHelp')}
        </span>
      </div>
      <div id="query-cut" aria-live="polite">
        {props.cut ? (
          <p class="muted small query-cut">{t('queryShortened', QUERY_INPUT_MAX.toLocaleString())}</p>
        ) : null}
      </div>
    </>
  );
}
