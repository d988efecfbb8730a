// Pure placement of the hover card next to a term: below if it fits, else above, else the side
// with more room; clamped horizontally; never off-screen when the viewport can hold it.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** Max height that fits on the chosen side (the card scrolls inside beyond it). */
  maxHeight: number;
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(
  anchor: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const roomBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const side: Placement['side'] = size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(120, side === 'below' ? roomBelow : roomAbove);
  const h = Math.min(size.height, maxHeight);
  let top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - h;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - h));
  let left = anchor.left;
  if (left + size.width > viewport.width - MARGIN)
    left = Math.max(MARGIN, Math.min(anchor.right, viewport.width - MARGIN) - size.width);
  left = Math.max(MARGIN, Math.min(left, viewport.width - MARGIN - size.width));
  if (size.width + 2 * MARGIN > viewport.width) left = MARGIN;
  return { left: Math.round(left), top: Math.round(top), side, maxHeight: Math.floor(maxHeight) };
}
