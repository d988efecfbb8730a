// Stages 0 and 6 (chunk and snippet edges): span edges that never split a surrogate pair.

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `start`, or one less when it would begin a span on the second half of a pair. */
export function pairSafeStart(text: string, start: number): number {
  return start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
}

/** `end`, or one less when it would end a span after the first half of a pair. */
export function pairSafeEnd(text: string, end: number): number {
  return end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}
