// Highlight bench, the peers: the scripts that run mark.js / advanced-mark.js inside a page.
//
// Each peer is served as ONE classic script (library + runner) from the bench server, so its whole
// main-thread cost (parse, evaluate, marking, MutationObserver callbacks for content added later)
// carries the script's URL in the trace, exactly like our content script does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/cli.ts';

export type PeerId = 'markjs' | 'advanced';

export interface Peer {
  id: PeerId;
  label: string;
  version: string;
  /** File served at /peer/<file>. */
  file: string;
  source: string;
}

/** Punctuation that ends a word for `accuracy: exactly` (besides white space). */
const LIMITERS = [...',.;:!?\'"()[]{}<>/\\|-–—…‘’“”«»·•、。，；：！？（）「」『』【】《》〈〉・'];

export interface PeerConfig {
  lib: PeerId;
  /** Aliases that start or end with a Latin-like letter/digit: word boundaries required. */
  latin: string[];
  /** All other aliases (CJK etc.): matched anywhere. */
  other: string[];
  limiters: string[];
  /** advanced-mark.js only: value of `combinePatterns`. */
  combinePatterns: boolean | number;
}

export interface PeerStats {
  syncMs: number[];
  matches: number;
  marks: number;
  doneCalls: number;
  markCalls: number;
  errors: string[];
}

// Runs in the page (serialised with Function.prototype.toString): keep it ES5-ish and self-contained.
function runner(cfg: PeerConfig): void {
  const w = window as unknown as {
    Mark: new (ctx: Element | Element[]) => { mark(t: string[], o: object): void };
    __benchPeer: PeerStats;
  };
  const Mark = w.Mark;
  const stats: PeerStats = { syncMs: [], matches: 0, marks: 0, doneCalls: 0, markCalls: 0, errors: [] };
  w.__benchPeer = stats;
  const base = {
    separateWordSearch: false,
    diacritics: false,
    caseSensitive: false,
    acrossElements: true,
    ignoreJoiners: false,
    each: function () {
      stats.marks++;
    },
    done: function (a: number, b?: number) {
      stats.doneCalls++;
      // mark.js: done(totalMatches); advanced-mark.js: done(totalMarks, totalMatches, termStats)
      stats.matches += cfg.lib === 'advanced' ? (b ?? 0) : a;
    },
  } as Record<string, unknown>;
  if (cfg.lib === 'advanced') base.combinePatterns = cfg.combinePatterns;
  const withAccuracy = (accuracy: unknown) => {
    const o: Record<string, unknown> = {};
    for (const k in base) o[k] = base[k];
    o.accuracy = accuracy;
    return o;
  };
  const exact = withAccuracy({ value: 'exactly', limiters: cfg.limiters });
  const partial = withAccuracy('partially');
  // mark.js 8 recurses once per keyword and overflows the stack (RangeError) with ~1,000 keywords
  // in one call, so it gets the list in chunks; advanced-mark.js takes the whole list.
  const chunk = cfg.lib === 'markjs' ? 100 : Infinity;
  const markIn = (ctx: Element | Element[]) => {
    const t0 = performance.now();
    const inst = new Mark(ctx);
    const lists: Array<[string[], object]> = [
      [cfg.latin, exact],
      [cfg.other, partial],
    ];
    for (const [list, o] of lists) {
      for (let k = 0; k < list.length; k += chunk) {
        stats.markCalls++;
        try {
          inst.mark(list.slice(k, k + chunk), o);
        } catch (e) {
          if (stats.errors.length < 5) stats.errors.push(String(e).slice(0, 300));
        }
      }
    }
    stats.syncMs.push(performance.now() - t0);
  };
  markIn(document.body);
  // Content added later (infinite scroll): mark the added elements, ignore our own <mark>s.
  const mo = new MutationObserver((records) => {
    const added: Element[] = [];
    for (const r of records) {
      for (let k = 0; k < r.addedNodes.length; k++) {
        const n = r.addedNodes[k]!;
        if (n.nodeType === 1 && !(n as Element).hasAttribute('data-markjs')) added.push(n as Element);
      }
    }
    if (added.length) markIn(added);
    mo.takeRecords();
  });
  mo.observe(document.body, { childList: true, subtree: true });
  document.documentElement.setAttribute('data-bench-peer-ready', '1');
}

function isLatinEdge(s: string): boolean {
  return /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]$/u.test(
    s.trim(),
  );
}

export function splitAliases(aliases: string[]): { latin: string[]; other: string[] } {
  const latin: string[] = [];
  const other: string[] = [];
  for (const a of aliases) (isLatinEdge(a) ? latin : other).push(a);
  return { latin, other };
}

export function buildPeers(aliases: string[], combinePatterns: boolean | number): Peer[] {
  const { latin, other } = splitAliases(aliases);
  const libs: Array<{ id: PeerId; label: string; pkg: string }> = [
    { id: 'markjs', label: 'mark.js', pkg: 'mark.js' },
    { id: 'advanced', label: 'advanced-mark.js', pkg: 'advanced-mark.js' },
  ];
  return libs.map(({ id, label, pkg }) => {
    const dir = join(ROOT, 'node_modules', pkg);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      version: string;
      main: string;
    };
    const lib = readFileSync(join(dir, meta.main), 'utf8');
    const cfg: PeerConfig = { lib: id, latin, other, limiters: LIMITERS, combinePatterns };
    // Hide AMD/CommonJS globals a page may define so the UMD build sets window.Mark.
    const source =
      `(function(){var define, module, exports;\n${lib}\n}).call(window);\n` +
      `(${runner.toString()})(${JSON.stringify(cfg)});\n`;
    return { id, label: `${label} ${meta.version}`, version: meta.version, file: `${id}.js`, source };
  });
}
