// Variant generation (build time), shared machinery: the cap on variants per alias and the cross
// product of alternative spellings for every slot a rule finds in an alias.

export const MAX_VARIANTS = 64;

/**
 * Cross product of alternatives for every match of `re` in `s`. `alts` returns the other forms of
 * a match (not including itself). Returns the variants other than `s`, in order.
 */
export function expandSlots(
  s: string,
  re: RegExp,
  alts: (m: RegExpExecArray) => string[],
  cap: number,
): string[] {
  const parts: string[] = [];
  const slots: string[][] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const a = alts(m);
    if (a.length === 0) continue;
    parts.push(s.slice(last, m.index));
    slots.push([m[0], ...a]);
    last = m.index + m[0].length;
  }
  if (slots.length === 0) return [];
  const tail = s.slice(last);
  let acc = [''];
  for (let k = 0; k < slots.length; k++) {
    const next: string[] = [];
    for (const pre of acc) {
      for (const alt of slots[k]!) {
        if (next.length >= cap * 4) break;
        next.push(pre + parts[k]! + alt);
      }
    }
    acc = next;
  }
  return acc.map((x) => x + tail).filter((x) => x !== s);
}
