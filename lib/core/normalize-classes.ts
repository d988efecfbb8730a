// Normalisation, character classes: code points removed outright, whitespace, and combining marks
// that continue the preceding cluster. Shared by the slow fold, the kind caches and the hot loop.

/** Characters removed outright. */
export function isRemovedCp(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 || // hangul fillers
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) || // mongolian free variation selectors, vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP ZWNJ ZWJ LRM RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates, deprecated
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xfff8) ||
    cp === 0x1bca0 ||
    cp === 0x1bca1 ||
    cp === 0x1bca2 ||
    cp === 0x1bca3 ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff) // tags, variation selectors supplement
  );
}

export function isSpaceCp(cp: number): boolean {
  return (
    (cp >= 9 && cp <= 13) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const MARK_RE = /^\p{M}$/u;

export function isContCp(cp: number): boolean {
  if (cp < 0x300) return false;
  if (isRemovedCp(cp)) return false;
  // Halfwidth katakana voiced marks (Lm) compose under NFKC; conjoining jamo V/T compose too.
  if (cp === 0xff9e || cp === 0xff9f) return true;
  if ((cp >= 0x1161 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return MARK_RE.test(String.fromCodePoint(cp));
}
