// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { HOST_TAG } from './constants.ts';
import { blockContainerOf, collectBlocks, isInSkippedSubtree, toStaticRanges } from './page-text.ts';
import type { Segment } from './types.ts';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  // Test fixture only: DOMParser keeps the project free of HTML-string sinks.
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  root.append(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  document.body.replaceChildren(root);
  return root;
}

const texts = (root: HTMLElement) => collectBlocks(root).map((b) => b.text);

const rangeText = (r: AbstractRange) => {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
};

describe('collectBlocks', () => {
  it('joins text across inline elements and splits at blocks', () => {
    const root = html(
      '<p>The Five-<em>Year</em> Plan</p><p>两个<a href="#">维护</a></p><div>a<div>b</div>c</div>',
    );
    expect(texts(root)).toEqual(['The Five-Year Plan', '两个维护', 'a', 'b', 'c']);
  });

  it('segments map each Text node to its offsets', () => {
    const root = html('<p>Five-<em>Year</em> Plan</p>');
    const [block] = collectBlocks(root);
    expect(block!.segments.map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['Five-', 0, 5],
      ['Year', 5, 9],
      [' Plan', 9, 14],
    ]);
    expect(block!.container).toBe(root.querySelector('p'));
  });

  it('reads no code: <code>, <kbd>, <samp> are left out of the prose, <pre> also ends the block', () => {
    const root = html(
      '<p>Call <code>getConcept("Xi Jinping")</code> now</p><div>before<pre>Hanoi --city</pre>after</div><p><kbd>CPC</kbd><samp>NPC</samp>x</p>',
    );
    expect(texts(root)).toEqual(['Call  now', 'before', 'after', 'x']);
  });

  it("reads the browser's plain-text viewer: the <pre> a text/plain document is shown in is its text", () => {
    // What Chromium and Firefox build for a text/plain response (e2e/plain-text.spec.ts checks
    // the real viewers); jsdom cannot load one, so the document says its content type itself.
    const viewer = (contentType: string) => {
      const doc = document.implementation.createHTMLDocument('');
      Object.defineProperty(doc, 'contentType', { value: contentType });
      const pre = doc.createElement('pre');
      pre.textContent = 'The Party upholds\nthe Two Safeguards.\n\n两个维护\n';
      doc.body.append(pre);
      return { doc, pre };
    };
    const text = viewer('text/plain');
    expect(collectBlocks(text.doc).map((b) => b.text)).toEqual([
      'The Party upholds\nthe Two Safeguards.\n\n两个维护\n',
    ]);
    expect(collectBlocks(text.doc)[0]!.container).toBe(text.pre);
    expect(isInSkippedSubtree(text.pre.firstChild!)).toBe(false);
    expect(blockContainerOf(text.pre.firstChild!)).toBe(text.pre);
    // Another extension's element next to it changes nothing.
    text.doc.body.append(text.doc.createElement('div'));
    expect(collectBlocks(text.doc)).toHaveLength(1);
    // The same structure in an HTML page is a code block, still skipped.
    const html = viewer('text/html');
    expect(collectBlocks(html.doc)).toEqual([]);
    expect(isInSkippedSubtree(html.pre.firstChild!)).toBe(true);
    // In a text document, only the body's own <pre> is the viewer's.
    const nested = viewer('text/plain');
    const div = nested.doc.createElement('div');
    div.append(nested.pre);
    nested.doc.body.append(div);
    expect(collectBlocks(nested.doc)).toEqual([]);
  });

  it('breaks at <br>, images and form controls', () => {
    const root = html('<p>两个<br>维护</p><p>两个<img alt="">维护</p><p>两个<input value="x">维护</p>');
    expect(texts(root)).toEqual(['两个', '维护', '两个', '维护', '两个', '维护']);
  });

  it('skips script, style, template, textarea, select, contenteditable, role=textbox, hidden, svg, rt', () => {
    const root = html(
      '<p>a<script>var x = "两个维护"</script>b<style>p{}</style>c</p>' +
        '<template><p>两个维护</p></template><textarea>两个维护</textarea><select><option>两个维护</option></select>' +
        '<div contenteditable="true"><p>两个维护</p></div><div contenteditable="false">ok</div>' +
        '<div role="textbox">两个维护</div><p hidden>两个维护</p><svg><text>两个维护</text></svg>' +
        '<noscript>两个维护</noscript><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby></p>' +
        `<${HOST_TAG}>two safeguards</${HOST_TAG}>`,
    );
    expect(texts(root)).toEqual(['abc', 'ok', '漢字']);
  });

  it('marks a gap where skipped content sits between segments', () => {
    const root = html('<p>两个<span hidden>x</span>维护</p>');
    const [block] = collectBlocks(root);
    expect(block!.text).toBe('两个维护');
    expect(block!.segments[1]!.gap).toBe(true);
  });

  it('walks open shadow roots as blocks of their own', () => {
    const root = html('<div id="host"><span>light</span></div><p>after</p>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.append('两个', Object.assign(document.createElement('b'), { textContent: '维护' }));
    shadow.append(p);
    const blocks = collectBlocks(root);
    expect(blocks.map((b) => b.text)).toEqual(['两个维护', 'light', 'after']);
    expect(blocks[0]!.container).toBe(p);
    expect(blocks[1]!.container).toBe(host);
  });

  it('reports skipped context for rescans', () => {
    const root = html('<div contenteditable><p><b>x</b></p></div><p><b>y</b></p>');
    expect(isInSkippedSubtree(root.querySelector('div b')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(root.querySelectorAll('b')[1]!.firstChild!)).toBe(false);
    expect(blockContainerOf(root.querySelectorAll('b')[1]!.firstChild!)).toBe(root.querySelectorAll('p')[1]);
  });
});

describe('toStaticRanges', () => {
  it('gives one range for a term split across inline tags', () => {
    const root = html('<p>The Five-<em>Year</em> Plan!</p>');
    const [block] = collectBlocks(root);
    const start = block!.text.indexOf('Five');
    const ranges = toStaticRanges(block!.segments, start, start + 'Five-Year Plan'.length);
    expect(ranges).toHaveLength(1);
    expect(rangeText(ranges[0]!)).toBe('Five-Year Plan');
    expect(ranges[0]!.startContainer).toBe(block!.segments[0]!.node);
    expect(ranges[0]!.startOffset).toBe(4);
    expect(ranges[0]!.endContainer).toBe(block!.segments[2]!.node);
    expect(ranges[0]!.endOffset).toBe(5);
  });

  it('snaps boundaries to the segment that holds the text', () => {
    const root = html('<p>ab<b>cd</b>ef</p>');
    const [block] = collectBlocks(root);
    const [r] = toStaticRanges(block!.segments, 2, 4);
    expect(r!.startContainer).toBe(block!.segments[1]!.node);
    expect(r!.startOffset).toBe(0);
    expect(r!.endContainer).toBe(block!.segments[1]!.node);
    expect(r!.endOffset).toBe(2);
  });

  it('splits at gaps so skipped text is never painted', () => {
    const root = html('<p>两个<span hidden>隐藏</span>维护</p>');
    const [block] = collectBlocks(root);
    const ranges = toStaticRanges(block!.segments, 0, 4);
    expect(ranges.map(rangeText)).toEqual(['两个', '维护']);
  });

  it('counts UTF-16 code units, so surrogate pairs keep their offsets', () => {
    const root = html('<p>𠮷野家の<b>「二つの</b>確立」😀と</p>');
    const [block] = collectBlocks(root);
    const term = '二つの確立';
    const start = block!.text.indexOf(term);
    expect(start).toBe(6); // 𠮷 is two code units
    const [r] = toStaticRanges(block!.segments, start, start + term.length);
    expect(rangeText(r!)).toBe(term);
    const emoji = block!.text.indexOf('😀');
    const [e] = toStaticRanges(block!.segments, emoji, emoji + 2);
    expect(rangeText(e!)).toBe('😀');
    expect(e!.endOffset - e!.startOffset).toBe(2);
  });

  it('handles synthetic segments and empty spans', () => {
    const a = document.createTextNode('abc');
    const b = document.createTextNode('def');
    const segs: Segment[] = [
      { node: a, start: 0, end: 3 },
      { node: b, start: 3, end: 6 },
    ];
    expect(toStaticRanges(segs, 2, 2)).toEqual([]);
    expect(toStaticRanges([], 0, 1)).toEqual([]);
    const [r] = toStaticRanges(segs, 0, 6);
    expect([r!.startContainer, r!.startOffset, r!.endContainer, r!.endOffset]).toEqual([a, 0, b, 3]);
    const [end] = toStaticRanges(segs, 3, 6);
    expect(end!.startContainer).toBe(b);
  });
});
