// Vocabulary of the content script (every stage): text blocks and their segments, hits and their
// pieces, the matcher and card the lens is given, scan stats, the context everything hangs off.
// Types only: no stage owns them, so none has to import another stage to name them.
import type { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Category, Lang, TermMatch } from '../core/types.ts';

/** The subset of WXT's ContentScriptContext the lens uses (child frames get a narrower one). */
export type LensContext = Pick<
  ContentScriptContext,
  'isValid' | 'isInvalid' | 'onInvalidated' | 'addEventListener'
>;

// ---------- page text (stage 1) ----------

/** The node whose subtree a block belongs to: the nearest block-level element or a shadow root. */
export type BlockContainer = Element | ShadowRoot | Document;

/** One Text node's share of a block's text. */
export interface Segment {
  node: Text;
  /** Offsets of node.data within the block text (end = start + node.data.length). */
  start: number;
  end: number;
  /** True when skipped content (script, hidden span, <rt>, ...) sits between this and the previous segment. */
  gap?: true;
}

/** Visible text of one block, joined across inline elements; the segments tile `text` exactly. */
export interface TextBlock {
  container: BlockContainer;
  /** The block's text; for a long block (page-text.ts LONG_BLOCK) joined from its nodes on demand. */
  readonly text: string;
  /** Units of text (text.length, known without joining a long block). */
  length: number;
  segments: Segment[];
}

// ---------- hits (stages 2-5) ----------

/** A piece of a hit inside one Text node (offsets into node.data). */
export interface Piece {
  node: Text;
  start: number;
  end: number;
}

/** One occurrence of a concept on the page. */
export interface Hit {
  conceptId: string;
  /** The glossary category of a bundled concept; absent for a user term (see `colour`). */
  category?: Category;
  /**
   * A user term's list colour (LIST_COLOURS index, painted `policy-lens-list-<i>`); absent for a
   * bundled concept. Exactly one of `category` and `colour` is set.
   */
  colour?: number;
  /** The matched text as it reads on the page. */
  text: string;
  container: BlockContainer;
  pieces: Piece[];
  /** What is painted (StaticRange where available): one per run of pieces with nothing skipped between. */
  ranges: AbstractRange[];
}

/** What the scanner needs from the compiled matchers (the bundled glossary and the user's lists). */
export interface PageMatcher {
  find(text: string): TermMatch[];
  /** A bundled concept's category; undefined for a user term or an unknown id. */
  categoryOf(conceptId: string): Category | undefined;
  /** A user term's list colour (LIST_COLOURS index); undefined for a bundled concept. */
  colourOf(conceptId: string): number | undefined;
}

/** Counts of one document (or merged: a frame and the child frames it drives). */
export interface ScanStats {
  /** Concept id -> occurrences on the page (shown categories only). */
  counts: Map<string, number>;
  distinct: number;
  total: number;
  capped: boolean;
}

// ---------- the card (stage 5) ----------

/** A viewport box (a term's, the card's anchor). */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the lens knows about the card it opens. */
export interface CardModel {
  conceptId: string;
  /** Absent for a user term (its list's name and colour come with the details). */
  category?: Category;
  /**
   * The user library's version this frame last saw (libraryChanged): the card's data caches
   * start over when it changes (a definition edited, documents added).
   */
  libraryVersion: number;
  /** The term as it reads on the page. */
  term: string;
  /** The page's declared language, if it is a glossary language. */
  pageLang: Lang | undefined;
  anchor: Rect;
  close(): void;
}

/**
 * The hover card's look, given to the lens by the content entrypoint (lib/page never imports
 * components): its stylesheet and how to render it into the shadow root's container.
 */
export interface CardView {
  css: string;
  /** Renders the card into `frame` (the positioned container in our shadow root); null unmounts. */
  render(frame: HTMLElement, card: CardModel | null): void;
  /**
   * WXT's createShadowRootUi, which makes the card's host: carried by the card's script so that
   * its code (~8 KB with its helpers) is not evaluated on every page, only at the first open.
   */
  shadowRootUi: typeof createShadowRootUi;
}

/**
 * Loads the card's look on the first open (the content entrypoint keeps it out of the content
 * script: entrypoints/content/index.ts); the same promise for every later open.
 */
export type CardViewLoader = () => Promise<CardView>;
