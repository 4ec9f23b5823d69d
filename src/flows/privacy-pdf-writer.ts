import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

// DejaVu Sans, embedded as a subset: Latin with every diacritic, Greek and Cyrillic, so that
// "Łukasz Wiśniewski" reads as he is registered. The standard PDF fonts know only Western Latin.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;
const loadFonts = () => {
  fontBytes ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fontBytes;
};

const MARGIN = 50;
const WIDTH = 595.28;
const HEIGHT = 841.89;
const INDENT = 14;

/**
 * Typed text becomes printable text: a tab is a space (the font has no glyph for it, and it
 * printed as "?"), other control characters go, and a character the font lacks (Chinese, say)
 * prints as "?", so a page never fails.
 */
const printableIn = (font: PDFFont) => {
  const known = new Set(font.getCharacterSet());
  return (text: string) =>
    [...text.replace(/\r\n?/g, "\n").replace(/\t/g, " ")]
      .map((char) => {
        if (char === "\n") return char;
        const code = char.codePointAt(0) as number;
        if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return "";
        return known.has(code) ? char : "?";
      })
      .join("");
};

export interface PdfWriter {
  /** A paragraph, wrapped to the page; `level` indents it under the line above. */
  line(text: string, options?: { level?: number; bold?: boolean; size?: number }): void;
  heading(text: string): void;
  save(): Promise<Uint8Array>;
}

/** An A4 document written top to bottom in DejaVu Sans, a new page whenever one is full. */
export async function openPdfWriter(title: string): Promise<PdfWriter> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.registerFontkit(fontkit);
  const fonts = await loadFonts();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const printable = printableIn(regular);
  let page: PDFPage = pdf.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;

  const line: PdfWriter["line"] = (text, options = {}) => {
    const font = options.bold ? bold : regular;
    const size = options.size ?? 10;
    const x = MARGIN + (options.level ?? 0) * INDENT;
    const width = WIDTH - MARGIN - x;
    for (const paragraph of printable(text).split("\n")) {
      const lines: string[] = [];
      let current = "";
      for (const word of paragraph.split(" ")) {
        const candidate = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > width && current) {
          lines.push(current);
          current = word;
        } else current = candidate;
      }
      lines.push(current);
      for (const text of lines) {
        if (y < MARGIN + size) {
          page = pdf.addPage([WIDTH, HEIGHT]);
          y = HEIGHT - MARGIN;
        }
        page.drawText(text, { x, y, size, font, color: rgb(0.1, 0.1, 0.15) });
        y -= size * 1.45;
      }
    }
  };
  return {
    line,
    heading(text) {
      y -= 8;
      line(text, { bold: true, size: 13 });
    },
    save: () => pdf.save(),
  };
}
