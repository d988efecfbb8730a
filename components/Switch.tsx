import type { ComponentChildren } from 'preact';

/** A labelled on/off switch (checkbox with role="switch"). */
export function Switch(props: {
  id: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
  children: ComponentChildren;
  hint?: string;
}) {
  return (
    <div class="switch-row">
      <input
        type="checkbox"
        role="switch"
        id={props.id}
        class="switch"
        checked={props.checked}
        disabled={props.disabled}
        aria-checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.children}</label>
      {props.hint ? (
        <span id={`${props.id}-hint`} class="hint">
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}
