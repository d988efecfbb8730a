import { pairsToRanges, segment } from './marks.ts';

/** Renders `text` with `marks` ranges as <mark> elements. No HTML parsing involved. */
export function MarkedText({
  text,
  marks,
}: {
  text: string;
  marks: ReadonlyArray<readonly [number, number]>;
}) {
  return (
    <>
      {segment(text, pairsToRanges(marks)).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}
