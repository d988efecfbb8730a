// Highlight bench, report: the "How each number is measured" text written under the tables (it
// takes the run's options, so the text says what that run did).
import type { RunOptions } from './types.ts';

export function method(o: RunOptions): string {
  return `How each number is measured (bench/highlight.bench.ts and bench/highlight/, bench/lib/trace.ts):

- **Setup.** Headless Chromium with the flags of \`scripts/lib/find-browser.ts\` (via \`e2e/harness.ts\`
  \`launchChromium\`). Ours: the test build in \`.output-bench/chrome-mv3\` loaded with
  \`--load-extension\`. Peers: a separate browser launched with \`noExtension: true\`. Every page is
  opened in a fresh tab; CPU throttling is set on that tab with CDP \`Emulation.setCPUThrottlingRate\`
  before navigation ("spin probe" in the JSON checks it took effect). Pages are served by
  \`scripts/lib/static-server.ts\`: \`../shared/real-pages\` at \`/real/\`, \`bench/fixtures\` at \`/bench/\`.
- **Main-thread ms.** A CDP trace (categories \`devtools.timeline\`, \`disabled-by-default-devtools.timeline\`,
  \`v8.execute\`, \`disabled-by-default-v8.cpu_profiler\`) from before navigation until the page settled.
  A script's time is the union, per thread, of (1) every complete trace event whose \`args.data.url\`
  (or \`args.fileName\`) is the script — EvaluateScript (first run, including the microtasks it
  triggers), FunctionCall (timer, idle-callback, event, MutationObserver callbacks), v8.compile — and
  (2) every CPU-profile sample (≈0.2 ms apart) whose stack contains a frame of the script (catches
  promise continuations, which have no FunctionCall). Ours = \`chrome-extension://<id>/content-scripts/*\`
  in all frames (the manifest injects it into frames loaded from a URL, \`allFrames: true\`; \`about:blank\`/\`srcdoc\` frames are driven by their parent's script; column "frames" counts the isolated worlds);
  peers mark the top document only. A peer = its one script \`/peer/<lib>.js\` (library source + runner), added with a
  \`<script>\` element right after the load event (our content script runs at \`document_idle\`).
  Page load, style, layout and paint outside those intervals are not counted for anyone.
- **Longest task.** The largest amount of the script's time inside one top-level \`RunTask\`; "CPU" =
  the thread time (\`tdur\`) of our outermost events in that task. The machine is shared: wall-clock
  figures, and most of all the DOM-edit ratios, move with its load (column "load"); the CPU figures
  and the MutationObserver-only control column help to read them.
- **Settled.** Ours: the content script's test hook (\`policy-lens:e2e-stats\` event, E2E_HOOKS=1
  builds only) reports no pending scan work after at least one slice, and the number of painted
  ranges has been unchanged for ${o.quietMs} ms (after the fixture's last append on the
  infinite-scroll page); polled every 0.3 s (each poll runs our tiny stats listener, which is
  counted in our time). Peers: their synchronous \`mark()\` returned (and the fixture finished),
  then ${o.quietMs} ms. A peer still busy after ${o.peerTimeoutMs / 1000} s is stopped
  (CDP \`Page.crash\` on its tab) and shown as "> ${o.peerTimeoutMs / 1000} s"; it is then not run
  again at the higher throttle.
- **Highlights.** Ours: the sum of \`size\` of every \`CSS.highlights\` entry whose name starts with
  \`policy-lens\` (main frame; one range per text-node piece of a match). Peers: \`<mark>\` elements
  created (their \`each\` callback; also one per text-node piece of a match). advanced-mark.js's own
  match count (\`totalMatches\`) is in the JSON.
- **Peer options.** The alias list is every string in \`generated/corpus.json\` \`variants\` (deduplicated).
  Aliases that start or end with a Latin/Greek/Cyrillic letter or digit are marked with
  \`accuracy: { value: 'exactly', limiters: <ASCII and CJK punctuation> }\` (whole words), all others
  (CJK) with \`accuracy: 'partially'\`; both calls use \`separateWordSearch: false\`, \`diacritics: false\`,
  \`caseSensitive: false\`, \`acrossElements: true\`; advanced-mark.js also \`combinePatterns: ${String(o.combinePatterns)}\`.
  Content added later is marked by a MutationObserver that runs the same two calls on the added
  elements. Semantics differ from ours: no NFKC/width/quote normalisation (full-width or
  variant-quote text is missed unless the variant is in the list), no leftmost-longest selection
  across concepts beyond the libraries' own longest-first term sort, no category/quoted-only/case
  rules, no exclusion list, and they wrap matches in \`<mark>\` elements (DOM changes) where we paint
  CSS highlights.
- **Heap.** \`Runtime.getHeapUsage\` of the tab's renderer after two \`HeapProfiler.collectGarbage\`,
  with our extension minus the same page without it (separate browser, same throttle, same quiet
  time): V8 \`usedSize\` + Blink \`embedderHeapUsedSize\` (Range/Highlight objects live there). Isolated
  worlds share the page's V8 isolate, so a per-world figure is not available from CDP.
- **DOM edits.** A main-world function performs ${o.edits} DOM edits inside the article (5 per
  iteration: append a \`<p>\`, set its \`textContent\`, insert a \`<span>\` at the start of an existing
  paragraph, remove both; the DOM ends as it began), timed with \`performance.now()\` — the synchronous
  loop ("sync"), and the loop plus the following microtask checkpoint where MutationObserver callbacks
  run ("+µtasks"). One warm-up, then ${o.reps} rounds, in rotating order, in three tabs of three browsers: ours
  (highlights present), no extension, and a control extension (\`bench/fixtures/mo-control\`) whose
  content script only registers a MutationObserver with our exact options and an empty callback
  (the floor any observer-based highlighter pays); 0.5 s apart; medians. Ratio = tab / no-extension tab.
  Same tab (ours): each round also runs the batch with our highlights taken out of \`CSS.highlights\`
  (from the main world; put back right after) and with the same ranges registered as live
  \`Range\`s instead (what a highlighter keeping Range objects holds; a forced GC after each such
  batch unregisters them). "painted / removed" is the cost of holding our highlights, with the
  same browser, tab, page and observer; "live / removed" is what StaticRange saves. "Paired":
  after the rounds, ${o.pairs ?? '—'} back-to-back (painted, removed) pairs in our tab (alternating which
  goes first, 300 ms apart), the median of the per-pair ratios; the same-tab target is judged on
  it, on the pages that hold ranges.
- **Size.** \`content-scripts/content.js\` of the store build (\`.output-bench-store\`, what ships;
  the target applies to it) and of the benchmarked test build (\`.output-bench\`, E2E_HOOKS=1), raw
  bytes and gzip -9; the compiled matcher data is bundled in it (checked by the script).
- **Ours (setup).** The test build (E2E_HOOKS=1, in \`.output-bench\`) is benchmarked: it is the
  store build plus the stats listener used for "Settled".`;
}
