// Startup gate for child frames: the lens (painter, scanner, matcher, listeners) is only set up
// in a frame once it is big enough to read and holds some prose. Ads, trackers and empty
// about:blank frames are common (16 frames on one news page) and would otherwise each pay for it.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Elements whose text is never prose. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;

/**
 * True when `root` holds at least `min` letters (any script, CJK included) of text outside
 * scripts and styles. Stops as soon as it has seen enough. Open shadow roots are not searched.
 */
export function hasProse(root: Node | null | undefined, min = 2): boolean {
  if (!root) return false;
  let seen = 0;
  const count = (data: string) => {
    if (!LETTER.test(data)) return;
    if (min - seen <= 1) {
      seen = min;
      return;
    }
    seen += Math.min(min, data.match(LETTERS)?.length ?? 0);
  };
  if (root.nodeType === 3) {
    const p = root.parentNode;
    if (!(p && p.nodeType === 1 && NOT_PROSE.has((p as Element).localName))) count((root as Text).data);
    return seen >= min;
  }
  if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return false;
  if (root.nodeType === 1 && NOT_PROSE.has((root as Element).localName)) return false;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const tw = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (n) =>
      n.nodeType === 1 ? (NOT_PROSE.has((n as Element).localName) ? 2 : 3 /* reject / skip */) : 1,
  });
  for (let n = tw.nextNode(); n; n = tw.nextNode()) {
    count((n as Text).data);
    if (seen >= min) return true;
  }
  return false;
}

/** Too small to read (1×1 trackers) or not rendered at all (display:none frames report 0×0). */
export function isTinyFrame(win: Window): boolean {
  return win.innerWidth < 2 || win.innerHeight < 2;
}

/**
 * Calls `start` once `win`'s document is worth scanning: at once if it already is, else after
 * a mutation adds prose and/or a resize makes the frame readable. Costs one MutationObserver
 * (checking only added nodes and edited text) and one resize listener while waiting.
 */
export function whenWorthScanning(
  ctx: Pick<ContentScriptContext, 'onInvalidated' | 'addEventListener' | 'isValid'>,
  start: () => void,
  win: Window & typeof globalThis = window,
): void {
  const doc = win.document;
  let text = hasProse(doc.body);
  let sized = !isTinyFrame(win);
  if (text && sized) return start();
  let done = false;
  let mo: MutationObserver | null = null;
  const finish = () => {
    if (done || !ctx.isValid) return;
    done = true;
    mo?.disconnect();
    mo = null;
    start();
  };
  ctx.onInvalidated(() => {
    done = true;
    mo?.disconnect();
  });
  if (!sized) {
    ctx.addEventListener(win, 'resize', () => {
      if (done || sized || isTinyFrame(win)) return;
      sized = true;
      if (text || (text = hasProse(doc.body))) finish();
    });
  }
  if (!text) {
    mo = new win.MutationObserver((records) => {
      if (done || text) return;
      // Only what changed is looked at; once some letter shows up, the whole body is counted
      // (two one-letter additions make prose too).
      let letter = false;
      for (const r of records) {
        if (r.type === 'characterData') letter = hasProse(r.target, 1);
        else for (const n of r.addedNodes) if ((letter = hasProse(n, 1))) break;
        if (letter) break;
      }
      if (!letter || !(text = hasProse(doc.body))) return;
      mo?.disconnect();
      mo = null;
      if (sized) finish();
    });
    mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  }
}
