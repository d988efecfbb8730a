// Stands in for WXT's ContentScriptContext in the content-script bundle (wxt.config.ts aliases
// `wxt/utils/content-script-context` here). WXT's entry wrapper constructs one and hands it to
// `main`; the real one would, at construction, dispatch "<extension id>:content:wxt:content-
// script-started" on the page's document (a page listening under our public id learns we run)
// and listen for that event to abort itself (any page could switch it off). The lens runs on
// its own context (lens-context.ts) and never uses this one, so it does nothing at all.
// Upstream, WXT's context should keep its handshake inside the isolated world (a property of the
// world's global object, which same-extension scripts share and pages do not) instead of DOM
// events and window.postMessage.
export class ContentScriptContext {
  readonly contentScriptName: string;
  readonly options: unknown;
  constructor(contentScriptName: string, options?: unknown) {
    this.contentScriptName = contentScriptName;
    this.options = options;
  }
}
