// The conventions we care about, checked: core purity, thin entrypoints, presentational
// components, every message has a handler, no HTML-string sinks in product code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// lib/messaging.ts sends through wxt/browser; only its names and validators are used here.
vi.mock('wxt/browser', () => ({ browser: {} }));

const ROOT = resolve(import.meta.dirname, '..');
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

describe('lib/core is pure', () => {
  const core = files('lib/core').filter((f) => !f.endsWith('.test.ts'));
  it('has modules', () => expect(core.length).toBeGreaterThan(3));
  it.each(core)('%s imports only lib/core, fuse.js, valibot or types', (f) => {
    for (const spec of importsOf(src(f))) {
      // relative imports must stay inside lib/core (its modules live in sub-folders too)
      const inCore =
        spec.startsWith('.') && resolve(ROOT, dirname(f), spec).startsWith(join(ROOT, 'lib/core/'));
      const ok = inCore || spec === 'fuse.js' || spec === 'valibot';
      expect(ok, `${f} imports ${spec}`).toBe(true);
    }
    expect(src(f)).not.toMatch(/\b(document|window|chrome|browser)\.\w/);
  });
});

describe('entrypoints are thin wiring', () => {
  it.each(files('entrypoints'))('%s stays small', (f) => {
    // WXT convention: main.tsx renders one App; App containers may wire hooks to components but
    // past ~250 lines they want splitting (STYLE.md: ~300 for controllers).
    expect(
      src(f).split('\n').length,
      `${f} is over 250 lines: move logic to lib/ or components/`,
    ).toBeLessThan(250);
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
