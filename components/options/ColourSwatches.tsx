import { LIST_COLOURS } from '../../lib/core/library/list-colours.ts';
import { t, type MessageKey } from '../../lib/i18n.ts';

/** A list's colour: a radio group of swatches, each named (listColourTeal …). */
export function ColourSwatches(props: {
  name: string;
  legend: string;
  value: number;
  onChange: (colour: number) => void;
}) {
  return (
    <fieldset class="swatches">
      <legend>{props.legend}</legend>
      {LIST_COLOURS.map((c, i) => (
        <label
          key={c.message}
          class="swatch"
          style={{ '--swatch-light': c.light, '--swatch-dark': c.dark } as Record<string, string>}
        >
          <input
            type="radio"
            name={props.name}
            value={i}
            checked={props.value === i}
            onChange={() => props.onChange(i)}
            aria-label={t(c.message as MessageKey)}
          />
          <span class="swatch-chip" aria-hidden="true" />
        </label>
      ))}
    </fieldset>
  );
}
