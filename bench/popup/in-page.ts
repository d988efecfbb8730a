// Popup bench, what runs in the page: the popup's instrumentation, installed as a CDP init script
// (before the page's own scripts; the extension CSP does not apply). Each function below is
// serialised on its own into that script (instrumentScript), so none may use anything of this
// module but types.

export interface KeyEntry {
  v: string;
  t0: number;
  via: 'keydown' | 'beforeinput' | 'forced';
  tInput: number;
  prevAnswered: string;
  sawBusy: boolean;
  sawAnswerChange: boolean;
  dom?: number;
  domAt?: number;
  paint?: number;
  superseded?: boolean;
}
export interface MsgRec {
  q: string;
  sent: number;
  recv?: number;
}
export interface Pb {
  fcp?: number;
  appRender?: number;
  appFrame?: number;
  firstOption?: number;
  keys: KeyEntry[];
  answeredSeq: string[];
  forceT0?: number;
  lastKeydown?: number;
  lastBeforeInput?: number;
  errors: string[];
  msgs: MsgRec[];
}

/** Timestamps of the popup's searchCorpus messages (sent / answered), for the breakdown. */
function wrapSendMessage(pb: Pb): void {
  type Rt = { sendMessage: (...a: unknown[]) => unknown; __pbWrapped?: boolean };
  const wrap = (rt: Rt | undefined) => {
    if (!rt || rt.__pbWrapped) return;
    const orig = rt.sendMessage;
    try {
      rt.sendMessage = function (this: unknown, ...a: unknown[]) {
        const m = a.find(
          (x): x is { type: string; payload: { query: string } } =>
            !!x && typeof x === 'object' && (x as { type?: unknown }).type === 'searchCorpus',
        );
        let rec: MsgRec | undefined;
        if (m) {
          const q = String(m.payload?.query ?? '');
          rec = { q: q.length > 200 ? `<${q.length} chars>` : q, sent: performance.now() };
          pb.msgs.push(rec);
        }
        const last = a.length - 1;
        const cb = a[last];
        if (rec && typeof cb === 'function') {
          const r = rec;
          a[last] = (...res: unknown[]) => {
            r.recv = performance.now();
            return (cb as (...x: unknown[]) => unknown)(...res);
          };
        }
        const ret = orig.apply(this, a);
        if (rec && typeof cb !== 'function' && ret && typeof (ret as Promise<unknown>).then === 'function') {
          const r = rec;
          (ret as Promise<unknown>).then(
            () => (r.recv = performance.now()),
            () => (r.recv = performance.now()),
          );
        }
        return ret;
      };
      rt.__pbWrapped = true;
    } catch {
      // not writable: no breakdown
    }
  };
  const g = globalThis as unknown as { chrome?: { runtime?: Rt }; browser?: { runtime?: Rt } };
  wrap(g.chrome?.runtime);
  wrap(g.browser?.runtime);
}

/** The same over the popup's long-lived Port (runtime.connect; requests carry an `id`). */
function wrapConnect(pb: Pb): void {
  interface PortLike {
    postMessage(m: unknown): void;
    onMessage: { addListener(f: (m: unknown) => void): void };
  }
  type RtC = { connect?: (...a: unknown[]) => PortLike; __pbConnectWrapped?: boolean };
  const wrap = (rt: RtC | undefined) => {
    if (!rt?.connect || rt.__pbConnectWrapped) return;
    const orig = rt.connect;
    try {
      rt.connect = function (this: unknown, ...a: unknown[]) {
        const port = orig.apply(this, a);
        const out = new Map<number, MsgRec>();
        port.onMessage.addListener((m) => {
          const id = (m as { id?: number } | null)?.id;
          const r = id === undefined ? undefined : out.get(id);
          if (r && id !== undefined) {
            r.recv = performance.now();
            out.delete(id);
          }
        });
        const post = port.postMessage.bind(port);
        port.postMessage = (m: unknown) => {
          const x = m as { id?: number; type?: string; payload?: { query?: string } } | null;
          if (x && x.type === 'searchCorpus' && typeof x.id === 'number') {
            const q = String(x.payload?.query ?? '');
            const rec: MsgRec = { q: q.length > 200 ? `<${q.length} chars>` : q, sent: performance.now() };
            pb.msgs.push(rec);
            out.set(x.id, rec);
          }
          post(m);
        };
        return port;
      };
      rt.__pbConnectWrapped = true;
    } catch {
      // not writable: no breakdown
    }
  };
  const g = globalThis as unknown as { chrome?: { runtime?: RtC }; browser?: { runtime?: RtC } };
  wrap(g.chrome?.runtime);
  wrap(g.browser?.runtime);
}

/** First contentful paint and the page's uncaught errors. */
function watchPage(pb: Pb): void {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') pb.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('error', (e) => pb.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => pb.errors.push(String(e.reason)));
}

/**
 * One KeyEntry per input event on the search box, timed from its keydown (or beforeinput when
 * the character comes without a key event, e.g. CJK; or a time the driver forced).
 */
function watchTyping(pb: Pb, shared: { lastAnswered: string }): void {
  let keyPending = false;
  addEventListener(
    'keydown',
    () => {
      pb.lastKeydown = performance.now();
      keyPending = true;
    },
    true,
  );
  addEventListener(
    'beforeinput',
    () => {
      pb.lastBeforeInput = performance.now();
    },
    true,
  );
  addEventListener(
    'input',
    (e) => {
      const el = e.target as HTMLInputElement;
      if (el.id !== 'q') return;
      const now = performance.now();
      const prev = pb.keys[pb.keys.length - 1];
      if (prev && prev.dom === undefined) prev.superseded = true;
      let t0 = now;
      let via: KeyEntry['via'] = 'beforeinput';
      if (pb.forceT0 !== undefined) {
        t0 = pb.forceT0;
        via = 'forced';
        pb.forceT0 = undefined;
      } else if (keyPending && pb.lastKeydown !== undefined) {
        t0 = pb.lastKeydown;
        via = 'keydown';
      } else if (pb.lastBeforeInput !== undefined && now - pb.lastBeforeInput < 1000) {
        t0 = pb.lastBeforeInput;
      }
      keyPending = false;
      pb.keys.push({
        v: el.value,
        t0,
        via,
        tInput: now,
        prevAnswered: shared.lastAnswered,
        sawBusy: false,
        sawAnswerChange: false,
      });
    },
    true,
  );
  // Bubble phase, after the app's own handler on #q: the value the app kept (a 1 MiB paste is
  // cut to the box's maxLength in the handler) is the one whose answer is awaited.
  addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    const cur = pb.keys[pb.keys.length - 1];
    if (el.id === 'q' && cur && cur.dom === undefined) cur.v = el.value;
  });
}

/** Marks the current KeyEntry answered when the DOM shows the answer for exactly its value. */
function watchAnswers(pb: Pb, shared: { lastAnswered: string }): void {
  const check = () => {
    const q = document.getElementById('q') as HTMLInputElement | null;
    if (q && pb.appRender === undefined) {
      pb.appRender = performance.now();
      requestAnimationFrame(() => (pb.appFrame = performance.now()));
    }
    const results = document.getElementById('results');
    if (!results || !q) return;
    if (pb.firstOption === undefined && results.querySelector('[role=option]'))
      pb.firstOption = performance.now();
    const answered = results.getAttribute('data-answered') ?? '';
    const busy = results.getAttribute('aria-busy') === 'true';
    if (answered !== shared.lastAnswered) {
      shared.lastAnswered = answered;
      pb.answeredSeq.push(answered.length > 200 ? `<${answered.length} chars>` : answered);
    }
    const cur = pb.keys[pb.keys.length - 1];
    if (!cur || cur.dom !== undefined) return;
    if (busy) cur.sawBusy = true;
    if (answered !== cur.prevAnswered) cur.sawAnswerChange = true;
    if (!busy && q.value === cur.v && answered === cur.v.trim() && (cur.sawBusy || cur.sawAnswerChange)) {
      const dom = performance.now();
      cur.dom = dom - cur.t0;
      cur.domAt = dom;
      // After the next frame is rendered: rAF, then a task queued from it (runs after that
      // frame's style, layout and paint).
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (cur.paint = performance.now() - cur.t0);
        ch.port2.postMessage(0);
      });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

/** The whole instrumentation as one init script; `window.__pb` holds what it records. */
export function instrumentScript(): string {
  return `(() => {
  if (!location.pathname.endsWith('/popup.html')) return;
  const pb = { keys: [], answeredSeq: [], errors: [], msgs: [] };
  const shared = { lastAnswered: '' };
  (${wrapSendMessage.toString()})(pb);
  (${wrapConnect.toString()})(pb);
  window.__pb = pb;
  (${watchPage.toString()})(pb);
  (${watchTyping.toString()})(pb, shared);
  (${watchAnswers.toString()})(pb, shared);
})();`;
}
