// Build-level tests: determinism (two builds into two temp dirs are byte-identical), the 4 MB
// limit on generated files, the CLI (validate / coverage / scan) and the HTML-to-text tokenizer.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildData, canonicalize, MAX_FILE_BYTES, stableJson } from '../scripts/lib-build.ts';
import { decodeEntities, htmlToText } from '../scripts/lib-html.ts';

const ROOT = join(import.meta.dirname, '..');
const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'policy-lens-build-'));
  tmp.push(d);
  return d;
}
// A whole data build (about 700 concepts) takes seconds on a quiet machine and minutes on a busy
// one (npm test under two CPU burners plus other work: 67–125 s per build). These are bounds for a
// hung build, not expectations of speed (#14 item 6).
const BUILD_BOUND = 600_000;
function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: BUILD_BOUND,
  });
}
// One in-process build shared by the tests that only read its result.
let built: ReturnType<typeof buildData> | undefined;
const buildOnce = () => (built ??= buildData({ allowErrors: true }));

describe('build-data', () => {
  it(
    'two builds into two temp dirs are byte-identical',
    () => {
      // build from a snapshot of corpus/ so that concurrent edits of the glossary cannot race
      const snap = tempDir();
      cpSync(join(ROOT, 'corpus'), join(snap, 'corpus'), { recursive: true });
      const a = tempDir();
      const b = tempDir();
      const ra = run('scripts/build-data.ts', ['--root', snap, '--out', a, '--allow-errors', '--quiet']);
      const rb = run('scripts/build-data.ts', ['--root', snap, '--out', b, '--allow-errors', '--quiet']);
      expect(ra.status, ra.stderr).toBe(rb.status);
      const files = readdirSync(a).sort();
      expect(files).toEqual(readdirSync(b).sort());
      expect(files).toEqual(expect.arrayContaining(['corpus.json', 'matcher.json', 'manifest-report.json']));
      for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    },
    2 * BUILD_BOUND,
  );

  it(
    'produces CorpusData with documents, passages, concepts, variants and occurrences',
    async () => {
      const r = await buildOnce();
      expect(r.data.version).toBe(1);
      expect(r.data.documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
      expect(r.data.passages.length).toBe(112);
      for (const c of r.data.concepts) {
        expect(r.data.variants[c.id], c.id).toBeDefined();
        for (const o of r.data.occurrences[c.id] ?? []) {
          const p = r.data.passages.find((x) => x.id === o.passageId)!;
          expect(o.end).toBeGreaterThan(o.start);
          expect(o.end).toBeLessThanOrEqual(p.text.length);
        }
      }
      const report = JSON.parse(r.files['manifest-report.json']!) as {
        documents: Array<{ id: string; removed: unknown[] }>;
      };
      expect(report.documents.map((d) => d.removed.length)).toEqual([8, 6, 1, 5, 2]);
    },
    BUILD_BOUND,
  );

  it(
    'every generated file is under 4 MB (in memory and in generated/)',
    async () => {
      const r = await buildOnce();
      for (const [name, content] of Object.entries(r.files))
        expect(Buffer.byteLength(content), name).toBeLessThan(MAX_FILE_BYTES);
      const gen = join(ROOT, 'generated');
      if (existsSync(gen))
        for (const f of readdirSync(gen)) expect(statSync(join(gen, f)).size, f).toBeLessThan(MAX_FILE_BYTES);
    },
    BUILD_BOUND,
  );

  it('stable JSON sorts keys at every level and drops undefined', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}\n',
    );
    expect(canonicalize(new Uint8Array([1, 2]))).toEqual([1, 2]);
  });
});

describe('corpus CLI', () => {
  it(
    'validate exits non-zero exactly when there are errors, one file:line:col line each',
    () => {
      const r = run('scripts/corpus-cli.ts', ['validate']);
      const lines = r.stderr.split('\n').filter((l) => /: error: /.test(l));
      expect(r.status).toBe(lines.length > 0 ? 1 : 0);
      const summary = /(\d+) error\(s\)/.exec(r.stderr);
      expect(Number(summary?.[1])).toBe(lines.length);
      for (const l of lines) expect(l).toMatch(/^[^:]+\.ya?ml:\d+:\d+: error: /);
    },
    BUILD_BOUND,
  );

  it(
    'validate reports a broken glossary with file:line:col and exit 1',
    () => {
      const snap = tempDir();
      cpSync(join(ROOT, 'corpus'), join(snap, 'corpus'), { recursive: true });
      cpSync(
        join(ROOT, 'tests/fixtures/glossary-bad/alias-collision.yaml'),
        join(snap, 'corpus/glossary/zz-bad.yaml'),
      );
      const out = tempDir();
      const r = run('scripts/build-data.ts', ['--root', snap, '--out', out, '--quiet']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        'corpus/glossary/zz-bad.yaml:10:53: error: alias "六保" is claimed by six-stabilities and six-guarantees (declare it under shared in both)',
      );
      expect(readdirSync(out)).toEqual([]); // nothing written on failure
    },
    BUILD_BOUND,
  );

  it(
    'validate warns (file:line) about exclusions that match nothing in the corpus',
    () => {
      const snap = tempDir();
      cpSync(join(ROOT, 'corpus'), join(snap, 'corpus'), { recursive: true });
      writeFileSync(
        join(snap, 'corpus/exclusions/zz-stale.yaml'),
        '# test\n- term: 存在しない用語\n  reason: stale\n',
      );
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts/corpus-cli.ts'), 'validate', '--root', snap],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(r.stderr).toContain(
        'corpus/exclusions/zz-stale.yaml:2:1: warning: exclusion "存在しない用語" matches no quoted term or numbered formulation in the corpus',
      );
    },
    BUILD_BOUND,
  );

  it(
    'coverage --json reports a status for every term',
    () => {
      const r = run('scripts/corpus-cli.ts', ['coverage', '--json']);
      const out = JSON.parse(r.stdout) as {
        summary: { covered: number; excluded: number; missing: number };
        entries: Array<{ status: string; term: string }>;
      };
      expect(out.entries.length).toBe(out.summary.covered + out.summary.excluded + out.summary.missing);
      expect(r.status).toBe(out.summary.missing > 0 ? 1 : 0);
      const terms = out.entries.map((e) => e.term);
      expect(terms).toEqual(
        expect.arrayContaining(['二つの確立', '六保', '六安定', 'six guarantees', '四つの意識']),
      );
    },
    BUILD_BOUND,
  );

  it(
    'scan lists the concepts of a saved page (page context, tags and scripts stripped)',
    () => {
      const dir = tempDir();
      run('scripts/build-data.ts', ['--out', dir, '--allow-errors', '--quiet']);
      const page = join(dir, 'page.html');
      writeFileSync(
        page,
        `<!doctype html><html><head><title>Test</title><script>var s = "四つの意識 四つの意識";</script>
       <style>.x{content:"六保"}</style></head><body><!-- 六保 -->
       <p>会議は&ldquo;四つの意識&rdquo;を強め、「二つの擁護」をやり遂げる&#12290;</p>
       <div data-x="六保">The <b>six guarantees</b> &amp; more</div></body></html>`,
      );
      const r = run('scripts/corpus-cli.ts', [
        'scan',
        page,
        '--json',
        '--matcher',
        join(dir, 'matcher.json'),
      ]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { concepts: Array<{ conceptId: string; count: number }> };
      const found = Object.fromEntries(out.concepts.map((c) => [c.conceptId, c.count]));
      // the script, style, comment and attribute occurrences are not counted
      for (const c of out.concepts) expect(c.count, c.conceptId).toBe(1);
      const known = new Set(
        (
          JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as { concepts: Array<{ id: string }> }
        ).concepts.map((c) => c.id),
      );
      const expected = ['four-consciousnesses', 'two-safeguards', 'six-guarantees'].filter((id) =>
        known.has(id),
      );
      expect(Object.keys(found)).toEqual(expect.arrayContaining(expected));
    },
    BUILD_BOUND,
  );

  it(
    'scan refuses a file that is not a compiled matcher, naming the bad field',
    () => {
      const dir = tempDir();
      const page = join(dir, 'page.html');
      writeFileSync(page, '<p>六保</p>');
      const bad = join(dir, 'old-matcher.json');
      writeFileSync(bad, JSON.stringify({ v: 1, ids: '' }));
      const r = run('scripts/corpus-cli.ts', ['scan', page, '--matcher', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not a compiled matcher: .*old-matcher\.json: v: /);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
    },
    BUILD_BOUND,
  );
});

describe('htmlToText', () => {
  it('strips tags, scripts, styles and comments, decodes entities, keeps block structure', () => {
    const t = htmlToText(
      '<html><head><title>T &amp; U</title><style>p{}</style></head><body><script>x<y</script><!-- c --><p>a&nbsp;b&#x4E00;&#20108;</p><div>c<br>d</div><p>1 &lt; 2</p></body></html>',
    );
    expect(t).toBe('T & U\na\u00a0b一二\nc\nd\n1 < 2');
  });
  it('leaves unknown entities alone', () => {
    expect(decodeEntities('&foo; &amp &ldquo;x&rdquo;')).toBe('&foo; & “x”');
  });
});
