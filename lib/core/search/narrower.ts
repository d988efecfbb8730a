// Query understanding: a concept no passage names outright may still be talked about through the
// narrower concepts whose names hold its name: "Communist Party of Vietnam" (ĐCSVN, CPV) occurs as
// the "Central Committee of the Communist Party of Vietnam"; 秀洲区 as 中共嘉兴市秀洲区委员会. Their
// passages count for it, a little below its own.
import type { SearchIndexConcept } from './index-data.ts';
import { NARROWER_WEIGHT } from './tunables.ts';
import type { TermAt } from './understand.ts';

const HAS_LATIN = /[a-z]/;

/** A name long enough to be read inside another: 2 CJK characters, 6 Latin letters. */
const usable = (n: string) => n.length >= (HAS_LATIN.test(n) ? 6 : 2);

/** A name inside a much longer one is a word of its title, not what it is about ("đổi mới" in the
 * long Vietnamese title of Resolution 18). */
const INNER_SHARE_MIN = 0.25;

function holds(outer: string, inner: string): boolean {
  if (outer === inner || outer.length <= inner.length || inner.length < outer.length * INNER_SHARE_MIN)
    return false;
  const at = outer.indexOf(inner);
  if (at < 0) return false;
  if (!HAS_LATIN.test(inner)) return true;
  // A Latin name only as whole words ("party" is not inside "partying").
  const before = at > 0 ? outer[at - 1]! : ' ';
  const after = at + inner.length < outer.length ? outer[at + inner.length]! : ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

/**
 * Per concept id, built on first use: the passages of the concept and of the occurring concepts
 * whose names hold one of its names (weight NARROWER_WEIGHT), as term positions.
 */
export class NarrowerOccurrences {
  private readonly cache = new Map<string, ReadonlyMap<number, TermAt>>();
  private readonly occurring: ReadonlyArray<SearchIndexConcept>;
  private readonly byId: ReadonlyMap<string, SearchIndexConcept>;
  private readonly own: (id: string) => ReadonlyMap<number, TermAt> | undefined;

  constructor(
    concepts: readonly SearchIndexConcept[],
    own: (id: string) => ReadonlyMap<number, TermAt> | undefined,
  ) {
    this.own = own;
    this.byId = new Map(concepts.map((c) => [c.id, c]));
    this.occurring = concepts.filter((c) => (own(c.id)?.size ?? 0) > 0);
  }

  private readonly lists = new Map<string, string[]>();

  /** The narrower occurring concepts of `id`. */
  narrower(id: string): readonly string[] {
    let out = this.lists.get(id);
    if (out) return out;
    const c = this.byId.get(id);
    const mine = c?.names.filter((n) => usable(n) && !c.weak?.includes(n)) ?? [];
    out = mine.length
      ? this.occurring
          .filter(
            (o) => o.id !== id && o.names.some((n) => !o.weak?.includes(n) && mine.some((m) => holds(n, m))),
          )
          .map((o) => o.id)
      : [];
    this.lists.set(id, out);
    return out;
  }

  at(id: string): ReadonlyMap<number, TermAt> {
    let out = this.cache.get(id);
    if (out) return out;
    const m = new Map<number, TermAt>(this.own(id) ?? []);
    for (const n of this.narrower(id)) {
      for (const [pi, at] of this.own(n) ?? []) {
        if (!m.has(pi)) m.set(pi, { ...at, w: at.w * NARROWER_WEIGHT });
      }
    }
    this.cache.set(id, (out = m));
    return out;
  }
}
