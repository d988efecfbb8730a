// Which site a frame belongs to, for the per-site switch.

/** Hostname the per-site switch applies to: the tab's site, also inside its frames. */
export function siteHostname(win: Window = window): string {
  if (win === win.top) return win.location.hostname;
  const ancestors = win.location.ancestorOrigins;
  if (ancestors?.length) {
    try {
      return new URL(ancestors[ancestors.length - 1]!).hostname;
    } catch {
      // fall through
    }
  }
  try {
    return win.top!.location.hostname; // same-origin frames only
  } catch {
    return win.location.hostname;
  }
}
