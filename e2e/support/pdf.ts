import { execFileSync } from 'node:child_process';

/** One word of a PDF with its box in points (origin top left of its page), from poppler's `pdftotext -bbox`. */
export interface PdfWord {
  page: number;
  x: number;
  y: number;
  xMax: number;
  yMax: number;
  text: string;
}

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** Every word of the PDF file with its position, in content order (the words of one table cell stay together). */
export function pdfWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else
      words.push({
        page,
        x: Number(m[1]),
        y: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!.replace(/&[a-z#0-9]+;/g, (e) => entities[e] ?? e).normalize('NFC'),
      });
  }
  return words;
}

/** The words of the first occurrence of `phrase` (split on spaces) in content order; throws when absent. */
export function phraseWords(words: readonly PdfWord[], phrase: string): PdfWord[] {
  const parts = phrase.split(' ');
  const i = words.findIndex((_, i) => parts.every((p, k) => words[i + k]?.text === p));
  if (i < 0) throw new Error(`"${phrase}" not found in the PDF`);
  return words.slice(i, i + parts.length);
}

const centre = (ws: readonly PdfWord[]) => (Math.min(...ws.map((w) => w.x)) + Math.max(...ws.map((w) => w.xMax))) / 2;

/**
 * The numbers printed on the table row that holds `rowPhrase`, by the header they stand under (the header whose
 * centre is nearest: count cells are centred under their header). Only numbers are placed, since a long name may
 * reach under another header.
 */
export function numbersByColumn(words: readonly PdfWord[], headers: readonly string[], rowPhrase: string): Record<string, string> {
  const columns = headers.map((h) => ({ header: h, x: centre(phraseWords(words, h)) }));
  const row = phraseWords(words, rowPhrase)[0]!;
  const out: Record<string, string> = {};
  for (const w of words.filter((w) => w.page === row.page && Math.abs(w.y - row.y) < 2 && /^\d+$/.test(w.text))) {
    const nearest = columns.reduce((a, b) => (Math.abs(b.x - centre([w])) < Math.abs(a.x - centre([w])) ? b : a));
    out[nearest.header] = [out[nearest.header], w.text].filter(Boolean).join(' ');
  }
  return out;
}
