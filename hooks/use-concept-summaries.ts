// All concept summaries (labels for chips, suggestions). Loaded once per page.
import { useEffect, useState } from 'preact/hooks';
import type { ConceptSummary } from '../lib/core/types.ts';
import { sendToBackground } from '../lib/messaging.ts';
import { answered } from './concept-data.ts';

let cache: Promise<Map<string, ConceptSummary>> | undefined;

function load(): Promise<Map<string, ConceptSummary>> {
  cache ??= answered(sendToBackground('getConceptSummaries', {})).then(
    (list) => new Map(list.map((c) => [c.id, c])),
    (e: unknown) => {
      cache = undefined;
      throw e;
    },
  );
  return cache;
}

export function useConceptSummaries(): Map<string, ConceptSummary> | undefined {
  const [map, setMap] = useState<Map<string, ConceptSummary>>();
  useEffect(() => {
    let live = true;
    load().then(
      (m) => live && setMap(m),
      () => live && setMap(new Map()),
    );
    return () => {
      live = false;
    };
  }, []);
  return map;
}
