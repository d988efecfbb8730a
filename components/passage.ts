// Passage numbers shown to people are 1-based; passage ids are "<docId>/p<NN>" with NN the
// 0-based index (Passage.index), so "003/p00" is ¶1.
export function passageNumberFromId(passageId: string): string {
  const m = /\/p0*(\d+)$/.exec(passageId);
  return m ? String(Number(m[1]) + 1) : passageId;
}
