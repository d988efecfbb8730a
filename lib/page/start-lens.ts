// Content-script controller (placeholder wiring).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function startLens(ctx: ContentScriptContext): void {
  if (ctx.isInvalid) return;
  document.documentElement.dataset.policyLens = 'ready';
}
