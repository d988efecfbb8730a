// The conventions we care about, checked: core purity, layers that point one way, thin
// entrypoints, presentational components, every message has a handler, no HTML-string sinks in
// product code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

// lib/messaging.ts sends through wxt/browser; only its names and validators are used here.
vi.mock('wxt/browser', () => ({ browser: {} }));

const ROOT = resolve(import.meta.dirname, '..');

/** Functions (declarations, expressions, arrows, methods) of `text` longer than `max` lines. */
function longFunctions(file: string, text: string, max: number): string[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: string[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = line(n.getStart(sf));
      const lines = line(n.getEnd()) - first + 1;
      const name = n.name && ts.isIdentifier(n.name) ? n.name.text : '(anonymous)';
      if (lines > max) out.push(`${name} at line ${first}: ${lines} lines`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}
function files(dir: string, re = /\.(ts|tsx)$/): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((n) => {
    const p = join(abs, n);
    if (statSync(p).isDirectory()) return files(relative(ROOT, p), re);
    return re.test(n) ? [relative(ROOT, p)] : [];
  });
}
const src = (f: string) => readFileSync(join(ROOT, f), 'utf8');
/** Runtime imports (type-only imports are erased and do not count). */
const importsOf = (code: string) =>
  [...code.matchAll(/^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1] ?? '',
  );

/** Every module a file names: imports and re-exports (type-only ones too), side-effect and dynamic imports. */
const specsOf = (code: string) =>
  [
    ...code.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
/** What `f` imports: repo-relative paths ("lib/core/types.ts") for relative specs, else the package name. */
const targetsOf = (f: string) =>
  specsOf(src(f)).map((spec) => {
    const path = spec.split('?')[0]!; // cardCss from './x.css?inline'
    if (!path.startsWith('.')) return path;
    return relative(ROOT, resolve(ROOT, dirname(f), path))
      .split(sep)
      .join('/');
  });
const sources = (dir: string) => files(dir).filter((f) => !/\.test\.tsx?$/.test(f));

// Pure-JS libraries lib/core may use besides its own modules: search, schemas, and the file
// formats of the user's library (CSV, XML/TBX, YAML, zip), none of which touches the DOM.
const CORE_LIBRARIES = new Set(['fuse.js', 'valibot', 'papaparse', 'fast-xml-parser', 'yaml', 'fflate']);

describe('lib/core is pure', () => {
  const core = sources('lib/core');
  it('has modules', () => expect(core.length).toBeGreaterThan(3));
  it.each(core)('%s imports only lib/core and pure libraries', (f) => {
    for (const t of targetsOf(f)) {
      const ok = t.startsWith('lib/core/') || CORE_LIBRARIES.has(t);
      expect(ok, `${f} imports ${t}`).toBe(true);
    }
    expect(src(f)).not.toMatch(/\b(document|window|chrome|browser)\.\w/);
  });
});

// Layers point one way: entrypoints -> components / hooks -> lib. Type-only imports count too.
describe('layers point one way', () => {
  const outOf = (f: string, layers: RegExp) => targetsOf(f).filter((t) => layers.test(t));
  it('sees type-only, side-effect and ?inline imports', () => {
    expect(outOf('lib/core/lang.ts', /^lib\/core\/types\.ts$/)).toEqual(['lib/core/types.ts']);
    expect(specsOf("import type { A } from '../x.ts';\nimport './y.css';\nimport('z');")).toEqual([
      '../x.ts',
      './y.css',
      'z',
    ]);
  });
  it.each(sources('lib'))('%s imports nothing from components/, hooks/ or entrypoints/', (f) => {
    expect(outOf(f, /^(components|hooks|entrypoints)\//), `${f} reaches up a layer`).toEqual([]);
  });
  it.each(sources('components'))('%s imports nothing from hooks/ or entrypoints/', (f) => {
    expect(outOf(f, /^(hooks|entrypoints)\//), `${f}: data comes in through props`).toEqual([]);
  });
  it.each(sources('hooks'))('%s imports nothing from components/ or entrypoints/', (f) => {
    expect(outOf(f, /^(components|entrypoints)\//), `${f}: shared helpers live in lib/`).toEqual([]);
  });
});

describe('entrypoints are thin wiring', () => {
  it.each(files('entrypoints'))('%s stays small', (f) => {
    // WXT convention: main.tsx renders one App; App containers may wire hooks to components but
    // past ~250 lines they want splitting (a controller past ~300 lines is 10ten's cautionary tale).
    expect(
      src(f).split('\n').length,
      `${f} is over 250 lines: move logic to lib/ or components/`,
    ).toBeLessThan(250);
  });
});

describe('size: one algorithm per file', () => {
  // fuse.js keeps one algorithm per file of at most ~190 lines; we allow 400 per file and 150 per
  // function (tests included), so a module that grows past that is split by role, not scrolled.
  const code = ['lib', 'components', 'hooks', 'entrypoints'].flatMap((d) => files(d));
  it.each(code)('%s: at most 400 lines, no function over 150', (f) => {
    const text = src(f);
    expect(text.split('\n').length, `${f} is over 400 lines`).toBeLessThanOrEqual(400);
    expect(longFunctions(f, text, 150), `${f} has functions over 150 lines`).toEqual([]);
  });
  it('sees a long function', () => {
    const body = Array.from({ length: 151 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `export function big() {\n${body}\n}`, 150)).toEqual([
      'big at line 1: 153 lines',
    ]);
    expect(longFunctions('x.ts', `const f = () => {\n${body}\n};`, 150)).toEqual([
      '(anonymous) at line 1: 153 lines',
    ]);
  });
});

describe('components are presentational', () => {
  const comps = files('components').filter((f) => !/\.test\.tsx?$/.test(f));
  it.each(comps.length ? comps : ['(none)'])('%s does not talk to browser APIs or messaging', (f) => {
    if (f === '(none)') return;
    const code = src(f);
    for (const spec of importsOf(code)) {
      expect(spec, `${f} imports ${spec}`).not.toMatch(
        /wxt\/browser|messaging|settings|webextension-polyfill/,
      );
    }
  });
});

describe('message protocol', () => {
  it('every background message has a handler and every content message has one', async () => {
    const { BACKGROUND_MESSAGES, CONTENT_MESSAGES } = await import('../lib/messaging.ts');
    const bg = files('lib/background').map(src).join('\n');
    for (const name of BACKGROUND_MESSAGES)
      expect(bg, `no background handler for ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
    const page = files('lib/page').map(src).join('\n');
    for (const name of CONTENT_MESSAGES)
      expect(page, `no content handler for ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('no HTML-string sinks in product code', () => {
  const product = ['entrypoints', 'components', 'hooks', 'lib']
    .flatMap((d) => files(d))
    .filter((f) => !/\.test\.tsx?$/.test(f));
  it.each(product)('%s', (f) => {
    const code = src(f);
    expect(code).not.toMatch(/\.(innerHTML|outerHTML)\s*=[^=]/);
    expect(code).not.toMatch(
      /insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|new Function\(|\beval\(/,
    );
  });
});

describe('message validation at the receiving end', () => {
  it('accepts well-formed messages and rejects junk', async () => {
    const { isMessage, BACKGROUND_MESSAGES, CONTENT_MESSAGES } = await import('../lib/messaging.ts');
    expect(isMessage({ type: 'searchCorpus', payload: { query: '六稳' } }, BACKGROUND_MESSAGES)).toBe(true);
    expect(isMessage({ type: 'searchCorpus', payload: { query: 5 } }, BACKGROUND_MESSAGES)).toBe(false);
    expect(isMessage({ type: 'searchCorpus', payload: { query: 'x', limit: -1 } }, BACKGROUND_MESSAGES)).toBe(
      false,
    );
    expect(
      isMessage(
        { type: 'getConceptDetails', payload: { conceptId: '<img onerror=x>' } },
        BACKGROUND_MESSAGES,
      ),
    ).toBe(false);
    expect(
      isMessage({ type: 'revealConcept', payload: { conceptId: 'six-stabilities' } }, BACKGROUND_MESSAGES),
    ).toBe(false);
    expect(
      isMessage(
        { type: 'revealConcept', payload: { conceptId: 'six-stabilities', direction: 1 } },
        CONTENT_MESSAGES,
      ),
    ).toBe(true);
    for (const junk of [
      null,
      undefined,
      1,
      'x',
      [],
      { type: 'nope' },
      { type: 'searchCorpus' },
      { payload: {} },
    ]) {
      expect(isMessage(junk, [...BACKGROUND_MESSAGES, ...CONTENT_MESSAGES])).toBe(false);
    }
  });
});
