// Page time: character classes of normalised text that decide whether a match stands — word
// boundaries (Latin-like words must not be cut) and quote pairs (quoted-only entries).

/** True for a UTF-16 unit of normalised (lower-cased NFKC) text that belongs to a Latin-like word. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0x250) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb5 || c === 0xba;
  if (c < 0x2b0) return true; // IPA
  if (c < 0x300) return false;
  if (c < 0x370) return true; // combining diacritics
  if (c < 0x530) return c !== 0x37e && c !== 0x387; // Greek, Cyrillic
  if (c >= 0x1e00 && c <= 0x1fff) return true; // Latin extended additional (Vietnamese), Greek ext
  if (c >= 0x2c60 && c <= 0x2c7f) return true;
  if (c >= 0xa720 && c <= 0xa7ff) return true;
  if (c >= 0xab30 && c <= 0xab6f) return true;
  return false;
}

/** The closing quote that pairs with the opening quote `c`, or 0 if `c` opens no quote. */
export function isOpenQuote(c: number): number {
  switch (c) {
    case 0x300c:
      return 0x300d; // 「」
    case 0x300e:
      return 0x300f; // 『』
    case 0x22:
      return 0x22; // " (also folded “” « » ＂)
    case 0x27:
      return 0x27; // ' (also folded ‘’)
    case 0x300a:
      return 0x300b; // 《》
    case 0x3008:
      return 0x3009; // 〈〉
    case 0x3010:
      return 0x3011; // 【】
    case 0xfe41:
      return 0xfe42; // ﹁﹂
    case 0xfe43:
      return 0xfe44; // ﹃﹄
    default:
      return 0;
  }
}
