// Stage 1 (page text): collects the visible text of a subtree per BLOCK, joined across inline
// elements, with the Text-node segments that map block offsets back to the DOM (the
// `{ node, start, end }[]` design of 10ten Japanese Reader). The matcher only ever sees strings.
import { HOST_TAG } from './constants.ts';
import { hasInk, LONG_BLOCK, textBlock } from './node-text.ts';
import type { BlockContainer, Piece, Segment, TextBlock } from './types.ts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

type Kind = 'inline' | 'block' | 'skip' | 'break';

// Elements whose text is never page prose (or belongs to a form control / embedded document).
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'rt',
  'rp',
  // code is not prose: identifiers and strings there are not policy terms (issue #10)
  'code',
  'kbd',
  'samp',
  'pre',
  HOST_TAG,
]);
// Skipped elements that also end the current block (they render as a box, text does not flow through).
const BREAKING_SKIP = new Set([
  'textarea',
  'input',
  'select',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'pre',
]);
// Elements that render nothing but separate text.
const BREAK = new Set(['br', 'hr', 'img', 'picture', 'meter', 'progress']);
// Inline by default in every UA stylesheet: text flows through them.
const INLINE = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  'ruby',
  'rb',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'slot',
  'output',
]);
const INLINE_DISPLAY = /^(inline|contents|ruby)/;

export interface WalkOptions {
  /** Call Element.checkVisibility() to skip display:none / visibility:hidden subtrees (browser only). */
  checkVisibility?: boolean;
  /** Descend into open shadow roots (default true). */
  shadowRoots?: boolean;
  /** Told about every open shadow root walked (to observe it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Told about every element skipped as invisible (to rescan it once it shows). */
  onInvisible?: (el: Element) => void;
}

// The browser's plain-text viewer shows a text/plain document as a body holding a <pre>: text, not
// code. The type comes from the response (an HTML page cannot claim it); text documents run no script.
export const isPlainTextViewer = (el: Element): boolean =>
  el.localName === 'pre' &&
  el.parentNode === el.ownerDocument.body &&
  el.ownerDocument.contentType === 'text/plain';

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/** How the walker treats an element. Tag first; computed display only for custom elements. */
export function classify(el: Element, opts: WalkOptions = {}): Kind {
  if (el.namespaceURI !== HTML_NS) return 'skip'; // svg, math: not prose
  const name = el.localName;
  if (SKIP.has(name) && !isPlainTextViewer(el)) return BREAKING_SKIP.has(name) ? 'break' : 'skip';
  if (BREAK.has(name)) return 'break';
  if ((el as HTMLElement).hidden || isEditable(el)) return 'skip';
  // Bare inline tags (<b>, <a href>) are almost never hidden on their own; skipping the style
  // lookup for them keeps the walk cheap on link- and markup-heavy pages.
  const bare = INLINE.has(name) && !el.hasAttribute('class') && !el.hasAttribute('style');
  if (!bare && opts.checkVisibility && typeof (el as HTMLElement).checkVisibility === 'function') {
    if (!(el as HTMLElement).checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) {
      // display:contents has no box but its children render: treat it as transparent.
      if (getComputedStyle(el).display !== 'contents') {
        opts.onInvisible?.(el);
        return 'skip';
      }
      return 'inline';
    }
  }
  // Reading .style of an element without a style attribute makes Blink allocate a style
  // declaration for it (~250 B each, kept for the element's life): ask the attribute first.
  const inlineDisplay = el.hasAttribute('style') ? (el as HTMLElement).style?.display : '';
  if (inlineDisplay) return INLINE_DISPLAY.test(inlineDisplay) ? 'inline' : 'block';
  if (INLINE.has(name)) return 'inline';
  if (name.includes('-') && opts.checkVisibility) {
    return INLINE_DISPLAY.test(getComputedStyle(el).display) ? 'inline' : 'block';
  }
  return 'block';
}

interface Frame {
  next: Node | null;
  /** Container to restore when this frame ends (set for block frames only). */
  restore?: BlockContainer;
}

/**
 * Walks `root` and yields its text blocks one at a time, so callers can stop after a time
 * budget and resume later. Block elements, <br>, form controls and shadow boundaries end a
 * block; inline elements (and hidden/skipped ones) do not.
 */
export class BlockWalker {
  private readonly stack: Frame[] = [];
  private readonly out: TextBlock[] = [];
  private container: BlockContainer;
  private text = '';
  private length = 0;
  private segments: Segment[] = [];
  private gap = false;
  private ink = false; // some segment has non-space text (a regex over `text` would flatten it)
  private readonly opts: WalkOptions;

  constructor(root: BlockContainer, opts: WalkOptions = {}) {
    this.opts = opts;
    this.container = root;
    this.stack.push({ next: root.firstChild });
    const shadow = this.openShadow(root);
    if (shadow) {
      this.stack.push({ next: shadow.firstChild, restore: root });
      this.container = shadow;
    }
  }

  private openShadow(node: Node): ShadowRoot | null {
    if (this.opts.shadowRoots === false || node.nodeType !== 1) return null;
    const root = (node as Element).shadowRoot; // null for closed roots
    if (root) this.opts.onShadowRoot?.(root);
    return root;
  }

  private flush(): void {
    if (this.ink) this.out.push(textBlock(this.container, this.segments, this.length, this.text));
    this.text = '';
    this.length = 0;
    this.segments = [];
    this.gap = false;
    this.ink = false;
  }

  next(): TextBlock | undefined {
    while (this.out.length === 0) {
      const top = this.stack[this.stack.length - 1];
      if (!top) {
        this.flush();
        break;
      }
      const node = top.next;
      if (!node) {
        this.stack.pop();
        if (top.restore) {
          this.flush();
          this.container = top.restore;
        }
        continue;
      }
      top.next = node.nextSibling;
      if (node.nodeType === 3) {
        const text = node as Text;
        const length = text.length;
        if (length === 0) continue;
        const seg: Segment = { node: text, start: this.length, end: this.length + length };
        if (this.gap && this.segments.length) seg.gap = true;
        this.gap = false;
        this.segments.push(seg);
        this.length += length;
        if (this.length <= LONG_BLOCK) this.text += text.data; // a long block's is never joined (node-text.ts)
        if (!this.ink) this.ink = hasInk(text);
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions
      const el = node as Element;
      const kind = classify(el, this.opts);
      if (kind === 'skip') {
        this.gap = true;
        continue;
      }
      if (kind === 'break') {
        this.flush();
        continue;
      }
      const shadow = this.openShadow(el);
      if (kind === 'block' || shadow) {
        this.flush();
        this.stack.push({ next: el.firstChild, restore: this.container });
        this.container = el;
        if (shadow) {
          this.stack.push({ next: shadow.firstChild, restore: el });
          this.container = shadow;
        }
      } else {
        this.stack.push({ next: el.firstChild });
      }
    }
    return this.out.shift();
  }
}

/** All blocks of `root` at once (tests, small subtrees). */
export function collectBlocks(root: BlockContainer, opts: WalkOptions = {}): TextBlock[] {
  const walker = new BlockWalker(root, opts);
  const blocks: TextBlock[] = [];
  for (let b = walker.next(); b; b = walker.next()) blocks.push(b);
  return blocks;
}

/** Parent across shadow boundaries. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  return (node as ShadowRoot).host ?? null;
}

/** True when `node` sits inside something the walker skips (editable, script, hidden, our UI...). */
export function isInSkippedSubtree(node: Node, opts: WalkOptions = {}): boolean {
  const doc = node.ownerDocument ?? (node as Document);
  if ((doc as Document).designMode === 'on') return true;
  for (let n: Node | null = node.nodeType === 1 ? node : composedParent(node); n; n = composedParent(n)) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const kind = classify(el, { ...opts, checkVisibility: false });
    if (kind === 'skip' || (kind === 'break' && SKIP.has(el.localName))) return true;
  }
  if (opts.checkVisibility) {
    const el = node.nodeType === 1 ? (node as Element) : (composedParent(node) as Element | null);
    if (el && el.nodeType === 1 && typeof (el as HTMLElement).checkVisibility === 'function') {
      return !(el as HTMLElement).checkVisibility() && getComputedStyle(el).display !== 'contents';
    }
  }
  return false;
}

/** Nearest block container of `node` (the element a rescan must cover to see all of its block). */
export function blockContainerOf(node: Node, opts: WalkOptions = {}): BlockContainer {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 11 || n.nodeType === 9) return n as ShadowRoot | Document;
    if (n.nodeType === 1) {
      const el = n as Element;
      const kind = classify(el, { ...opts, checkVisibility: false });
      if (kind === 'block' || kind === 'break' || el.shadowRoot) return el;
      if (kind === 'inline' && opts.checkVisibility && el.localName.includes('-')) {
        if (classify(el, opts) === 'block') return el;
      }
    }
  }
  return node.ownerDocument ?? (node as Document);
}

function segmentIndex(segments: readonly Segment[], offset: number, preferNext: boolean): number {
  // Binary search for the segment containing `offset`; at a boundary, `preferNext` picks the
  // segment that starts there (for range starts) instead of the one that ends there (range ends).
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (preferNext ? s.end <= offset : s.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type RangeFactory = (init: StaticRangeInit) => AbstractRange;

export const makeRange: RangeFactory = (init) => {
  if (typeof StaticRange === 'function') return new StaticRange(init);
  const r = init.startContainer.ownerDocument!.createRange();
  r.setStart(init.startContainer, init.startOffset);
  r.setEnd(init.endContainer, init.endOffset);
  return r;
};

/** Where a match [start, end) of a block's text sits in the DOM. */
export interface Located {
  /** One per Text node it touches (offsets into node.data). */
  pieces: Piece[];
  /**
   * One per run of segments with no skipped content between them (so "Five-<em>Year</em> Plan"
   * is one range, while a term split by a hidden span gets one range per visible piece).
   */
  ranges: AbstractRange[];
}

/**
 * Maps block offsets [start, end) back to the DOM, once per match (binary search for the first
 * and last segment, one pass between them). StaticRange where available.
 */
export function locate(
  segments: readonly Segment[],
  start: number,
  end: number,
  factory: RangeFactory = makeRange,
): Located {
  const pieces: Piece[] = [];
  const ranges: AbstractRange[] = [];
  if (!segments.length || end <= start) return { pieces, ranges };
  const first = segmentIndex(segments, start, true);
  const last = segmentIndex(segments, end, false);
  let runStart = first;
  for (let i = first; i <= last; i++) {
    const s = segments[i]!;
    if (s.end > start && s.start < end) {
      pieces.push({
        node: s.node,
        start: Math.max(start, s.start) - s.start,
        end: Math.min(end, s.end) - s.start,
      });
    }
    const next = segments[i + 1];
    if (i === last || next?.gap) {
      const a = segments[runStart]!;
      const so = Math.max(0, start - a.start);
      const eo = Math.min(s.end, end) - s.start;
      if (a !== s || eo > so) {
        ranges.push(
          factory({ startContainer: a.node, startOffset: so, endContainer: s.node, endOffset: eo }),
        );
      }
      runStart = i + 1;
    }
  }
  return { pieces, ranges };
}

/** The painted ranges of block offsets [start, end) (see `locate`). */
export function toStaticRanges(
  segments: readonly Segment[],
  start: number,
  end: number,
  factory: RangeFactory = makeRange,
): AbstractRange[] {
  return locate(segments, start, end, factory).ranges;
}
