// Test fixture: a PDF whose CJK text is set in a font the file does not embed, as many Chinese and
// Japanese government PDFs are (STSong-Light / KozMinPr6N-Regular with a predefined UCS-2 CMap and
// no ToUnicode map). Browsers' printers always embed their fonts, so this kind of file cannot be
// made by `page.pdf()`; it is written here, object by object, with its cross-reference table
// computed. pdf.js can extract its text only with the character maps (cMapUrl).

interface CjkFont {
  name: string;
  encoding: string;
  ordering: string;
  supplement: number;
}
const FONTS = {
  zh: { name: 'STSong-Light', encoding: 'UniGB-UCS2-H', ordering: 'GB1', supplement: 4 },
  ja: { name: 'KozMinPr6N-Regular', encoding: 'UniJIS-UCS2-H', ordering: 'Japan1', supplement: 6 },
} satisfies Record<string, CjkFont>;

/** UCS-2 hex of a BMP string (what the UCS2 CMaps take). */
const ucs2 = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');

/** A one-page PDF with one line of text per entry of `lines`, each in its language's font. */
export function cjkPdf(
  lines: ReadonlyArray<{ lang: keyof typeof FONTS; text: string }>,
  title = '',
): Uint8Array {
  const used = [...new Set(lines.map((l) => l.lang))];
  // objects: 1 catalog, 2 pages, 3 page, 4 content, 5 info, then per font: Type0, CIDFont, descriptor
  const fontObj = (i: number) => 6 + i * 3;
  const content = lines
    .map((l, i) => `BT /F${used.indexOf(l.lang)} 14 Tf 40 ${760 - i * 40} Td <${ucs2(l.text)}> Tj ET`)
    .join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${used
      .map((_, i) => `/F${i} ${fontObj(i)} 0 R`)
      .join(' ')} >> >> /Contents 4 0 R >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Title <FEFF${ucs2(title)}> >>`,
  ];
  for (const lang of used) {
    const f = FONTS[lang];
    const n = objs.length + 1;
    objs.push(
      `<< /Type /Font /Subtype /Type0 /BaseFont /${f.name} /Encoding /${f.encoding} /DescendantFonts [${n + 1} 0 R] >>`,
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${f.name} /CIDSystemInfo << /Registry (Adobe) /Ordering (${f.ordering}) /Supplement ${f.supplement} >> /FontDescriptor ${n + 2} 0 R /DW 1000 >>`,
      `<< /Type /FontDescriptor /FontName /${f.name} /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
    );
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // every character above is ASCII: one byte each, so string offsets are byte offsets
  return new TextEncoder().encode(out);
}
