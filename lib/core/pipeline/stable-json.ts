// Pipeline stage "write": deterministic JSON, so two builds of the same inputs are byte-identical.
// Object keys sorted, arrays kept in order, undefined dropped, typed arrays as plain arrays, no
// timestamps.

export function canonicalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalize);
  if (v && typeof v === 'object') {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonicalize(x);
    }
    return out;
  }
  return v;
}

export function stableJson(v: unknown, indent?: number): string {
  return JSON.stringify(canonicalize(v), null, indent) + '\n';
}
