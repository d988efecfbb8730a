// mammoth's browser build (one self-contained file) has no types of its own: it is the package's
// API, typed by the package's lib/index.d.ts.
declare module 'mammoth/mammoth.browser.js' {
  const mammoth: {
    extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string; messages: unknown[] }>;
  };
  export default mammoth;
}
