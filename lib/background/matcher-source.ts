// The background owns the term matcher every frame uses: built once per background lifetime from
// the build's compiled glossary (failure links derived here, not in each frame) and kept packed,
// so a frame's request is answered from memory. User term lists are to be compiled and merged
// here too, then handed out the same way.
import { packMatcher, type PackedMatcher } from '../core/term-matcher-packed.ts';
import { createMatcher, type CompiledMatcher, type Matcher } from '../core/term-matcher.ts';
import { bundledMatcherData } from '../matcher-data.ts';

export type MatcherSource = () => PackedMatcher;

export function bundledMatcher(data: CompiledMatcher = bundledMatcherData): MatcherSource {
  let packed: PackedMatcher | null = null;
  // The page's filters travel with it: Han folding of the text, and the forms that need context.
  return () =>
    (packed ??= packMatcher(createMatcher(data), {
      hanFold: data.hanFold,
      needsContext: data.needsContext,
      contextShared: data.contextShared,
      countries: data.countries,
    }));
}

/** The bundled matcher decoded for the background's own matching (a user document's import). */
export function bundledRuntimeMatcher(data: CompiledMatcher = bundledMatcherData): () => Matcher {
  let m: Matcher | null = null;
  return () => (m ??= createMatcher(data));
}
