// Reads the text a pdfkit PDF shows, with where it stands: each string drawn (TJ / Tj) with the
// page, its x and y (from the Tm before it) and its font. Standard fonts (Helvetica: one byte a
// character, WinAnsi) are read as Latin-1; embedded fonts (Identity-H, two-byte glyph ids) through
// their ToUnicode CMap, as a PDF reader copies text. Objects must be uncompressed (pdfkit's).
// Tests only.
import { inflateSync } from 'node:zlib';

export interface PdfText {
  page: number;
  x: number;
  y: number;
  /** The font's BaseFont (e.g. Helvetica, or the embedded subset's name such as ABCDEF+NotoSansCJKsc-Regular). */
  font: string;
  embedded: boolean;
  text: string;
}

function objects(pdf: Buffer): Map<string, { dict: string; stream: Buffer | null }> {
  const raw = pdf.toString('latin1');
  const out = new Map<string, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endobj', start);
    const body = raw.slice(start, end);
    const s = /stream\r?\n/.exec(body);
    let stream: Buffer | null = null;
    if (s) {
      const from = start + s.index + s[0].length;
      const to = raw.lastIndexOf('endstream', end);
      const bytes = pdf.subarray(from, to);
      try {
        stream = /\/FlateDecode/.test(body.slice(0, s.index)) ? inflateSync(bytes) : bytes;
      } catch {
        stream = bytes;
      }
    }
    out.set(m[1]!, { dict: s ? body.slice(0, s.index) : body, stream });
  }
  return out;
}

/** code → text of a ToUnicode CMap (bfrange with arrays or a start value, and bfchar). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f\s]+>)/gi)) {
      const lo = parseInt(r[1]!, 16);
      const hi = parseInt(r[2]!, 16);
      if (r[3]!.startsWith('[')) [...r[3]!.matchAll(/<([0-9a-f\s]*)>/gi)].forEach((u, i) => map.set(lo + i, utf16(u[1]!)));
      else for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(parseInt(r[3]!.slice(1, -1), 16) + c - lo));
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(parseInt(r[1]!, 16), utf16(r[2]!));
  }
  return map;
}

/** Every string drawn, page by page, in drawing order. */
export function pdfTexts(pdf: Buffer): PdfText[] {
  const objs = objects(pdf);
  const fonts = new Map<string, { base: string; cmap: Map<number, string> | null }>();
  const fontOf = (ref: string) => {
    let f = fonts.get(ref);
    if (!f) {
      const dict = objs.get(ref)?.dict ?? '';
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(dict)?.[1];
      f = { base: /\/BaseFont \/([^\s/>]+)/.exec(dict)?.[1] ?? '?', cmap: cmapRef ? toUnicode(objs.get(cmapRef)!.stream!.toString('latin1')) : null };
      fonts.set(ref, f);
    }
    return f;
  };
  const out: PdfText[] = [];
  const pages = [...objs.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  pages.forEach((page, pageIndex) => {
    const resources = /\/Resources (\d+) 0 R/.exec(page.dict)?.[1];
    const resDict = resources ? objs.get(resources)!.dict : page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resDict)?.[1] ?? '';
    const names = new Map([...fontDict.matchAll(/\/(\S+) (\d+) 0 R/g)].map((m) => [m[1]!, m[2]!]));
    const contents = [...(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict) ?? [])].slice(1).filter(Boolean).join(' ');
    for (const ref of [...contents.matchAll(/(\d+)(?: 0 R)?/g)].map((m) => m[1]!)) {
      const ops = objs.get(ref)?.stream?.toString('latin1') ?? '';
      let x = 0;
      let y = 0;
      let font = { base: '?', cmap: null as Map<number, string> | null };
      for (const op of ops.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) Tm|\/(\S+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi)) {
        if (op[1] !== undefined) {
          x = Number(op[5]);
          y = Number(op[6]);
        } else if (op[7] !== undefined) {
          font = fontOf(names.get(op[7])!);
        } else {
          const hex = op[8] !== undefined ? [...op[8].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1]!).join('') : op[9]!;
          const text = font.cmap
            ? (hex.match(/.{4}/g) ?? []).map((g) => font.cmap!.get(parseInt(g, 16)) ?? '\ufffd').join('')
            : Buffer.from(hex, 'hex').toString('latin1');
          out.push({ page: pageIndex + 1, x, y, font: font.base, embedded: font.cmap !== null, text });
        }
      }
    }
  });
  return out;
}

/** The text as lines: strings on the same page and baseline, left to right, joined by ' | '. */
export function pdfLines(pdf: Buffer): string[] {
  const rows = new Map<string, PdfText[]>();
  for (const t of pdfTexts(pdf)) {
    const k = `${t.page}:${t.y.toFixed(1)}`;
    rows.set(k, [...(rows.get(k) ?? []), t]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => {
      const [pa, ya] = a.split(':').map(Number);
      const [pb, yb] = b.split(':').map(Number);
      return pa! - pb! || yb! - ya!;
    })
    .map(([, ts]) => ts.sort((a, b) => a.x - b.x).map((t) => t.text.trim()).filter(Boolean).join(' | '));
}
