// Reads rendered PDFs back with poppler-utils (pdftotext, pdfinfo, pdfimages, pdffonts) through temp files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-slips-'));
  try {
    const file = join(dir, 'slip.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

/** `pdftotext -layout` output, NFC-normalised. */
export function pdfText(pdf: Buffer): string {
  return withPdf(pdf, (file) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).normalize('NFC');
}

/**
 * The text in content-stream order (`pdftotext -raw`, which keeps each table cell together) with every run of
 * whitespace collapsed to one space, for phrases that may wrap or sit in a table.
 */
export function flatText(pdf: Buffer): string {
  return withPdf(pdf, (file) => run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']))
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

/** `pdfinfo` fields (Pages, Page size, Title, …). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withPdf(pdf, (file) => run('pdfinfo', [file]));
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** Names of the fonts in the PDF (`pdffonts`), e.g. "ABCDEF+NotoSerif-Bold". */
export function pdfFonts(pdf: Buffer): string[] {
  const out = withPdf(pdf, (file) => run('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter((n) => n);
}

/** Images of the PDF as listed by `pdfimages -list` (type "image" or "smask"). */
export function pdfImages(pdf: Buffer): Array<{ page: number; type: string; width: number; height: number }> {
  const out = withPdf(pdf, (file) => run('pdfimages', ['-list', file]));
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 4)
    .map((c) => ({ page: Number(c[0]), type: c[2]!, width: Number(c[3]), height: Number(c[4]) }));
}

/** The first image of page 1 as raw RGB pixels (extracted as binary PPM by `pdfimages`). */
export function firstImageRgb(pdf: Buffer): { width: number; height: number; rgb: Buffer } {
  return withPdf(pdf, (file, dir) => {
    run('pdfimages', ['-f', '1', '-l', '1', file, join(dir, 'img')]);
    const name = readdirSync(dir)
      .filter((f) => f.startsWith('img-') && f.endsWith('.ppm'))
      .sort()[0];
    if (!name) throw new Error('no colour image on page 1');
    const ppm = readFileSync(join(dir, name));
    // Binary PPM: "P6\n<width> <height>\n<maxval>\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('not a binary PPM');
    return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
  });
}

/** One word of the PDF with its box in points (origin top left of its page), from `pdftotext -bbox`. */
export interface PdfWord {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word with its position (`pdftotext -bbox`), NFC-normalised, in content order. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const html = withPdf(pdf, (file) => run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']));
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') {
      page++;
      continue;
    }
    words.push({ page, x: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeEntities(m[5]!).normalize('NFC') });
  }
  return words;
}

/** Words joined in reading order: top to bottom by line (2 pt tolerance), then left to right. */
export function readingText(words: readonly PdfWord[]): string {
  const sorted = [...words].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: PdfWord[][] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    if (line && line[0]!.page === w.page && Math.abs(line[0]!.y - w.y) < 2) line.push(w);
    else lines.push([w]);
  }
  return lines
    .map((l) =>
      l
        .sort((a, b) => a.x - b.x)
        .map((w) => w.text)
        .join(' '),
    )
    .join(' ');
}

/** The first word sequence equal to `phrase` (split on spaces); throws when absent. */
export function findPhrase(words: readonly PdfWord[], phrase: string, from = 0): { index: number; word: PdfWord } {
  const parts = phrase.split(' ');
  for (let i = from; i <= words.length - parts.length; i++) {
    if (parts.every((p, k) => words[i + k]!.text === p)) return { index: i, word: words[i]! };
  }
  throw new Error(`"${phrase}" not found in the PDF`);
}

/** Endpoints (x, in points) of the thin horizontal rules drawn on page 1 below `belowY`: a ruled table's column edges. */
function ruleEdges(pdf: Buffer, belowY: number): number[] {
  const svg = withPdf(pdf, (file, dir) => {
    run('pdftocairo', ['-svg', '-f', '1', '-l', '1', file, join(dir, 'page.svg')]);
    return readFileSync(join(dir, 'page.svg'), 'utf8');
  });
  const xs = new Set<number>();
  const path = /<path style="[^"]*stroke-width:0\.5;[^"]*" d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) "(?: transform="matrix\(([\d.]+),0,0,([\d.]+),([\d.-]+),([\d.-]+)\)")?/g;
  for (const m of svg.matchAll(path)) {
    const [sx, sy, tx, ty] = [Number(m[5] ?? 1), Number(m[6] ?? 1), Number(m[7] ?? 0), Number(m[8] ?? 0)];
    const y1 = Number(m[2]) * sy + ty;
    const y2 = Number(m[4]) * sy + ty;
    if (Math.abs(y1 - y2) > 0.1 || y1 < belowY) continue;
    for (const x of [Number(m[1]), Number(m[3])]) xs.add(Math.round((x * sx + tx) * 2) / 2);
  }
  return [...xs].sort((a, b) => a - b);
}

/**
 * The cells of a ruled table read back by position: the column edges are the ends of the table's rules on page 1,
 * the header starts with the phrase `headers[0]` (repeated on later pages, where it is skipped); rows start at every
 * occurrence of the phrase `rowStart` in the first column and end at the next one (or at `endPhrase`, the first text
 * below the table). Returns, per row, the reading text of each column.
 */
export function tableByPosition(pdf: Buffer, opts: { headers: readonly string[]; rowStart: string; endPhrase: string }): string[][] {
  const words = pdfWords(pdf);
  const headerAt = findPhrase(words, opts.headers[0]!);
  const edges = ruleEdges(pdf, headerAt.word.y - 12);
  if (edges.length !== opts.headers.length + 1) throw new Error(`expected ${opts.headers.length} columns, found edges ${edges.join(', ')}`);
  const columnOf = (w: PdfWord) => edges.findIndex((e, i) => i < edges.length - 1 && w.x >= e - 0.5 && w.xMax <= edges[i + 1]! + 0.5);
  const key = (w: PdfWord) => w.page * 10_000 + w.y;
  // The header of each page: from its first phrase to the lowest word of its last phrase (searched in order, so
  // "Bản", "Bản", "Bản" name three columns).
  const headerBands: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i++) {
    if (!opts.headers[0]!.split(' ').every((p, k) => words[i + k]?.text === p)) continue;
    let from = i;
    let bottom = key(words[i]!);
    opts.headers.forEach((h, c) => {
      const found = findPhrase(words, h, from);
      from = found.index + 1;
      if (headerBands.length === 0 && columnOf(found.word) !== c) throw new Error(`header "${h}" is not in column ${c + 1}`);
      bottom = Math.max(bottom, found.word.page * 10_000 + found.word.yMax);
    });
    headerBands.push([key(words[i]!) - 1, bottom]);
  }
  const end = findPhrase(words, opts.endPhrase, headerAt.index).word;
  const inHeader = (w: PdfWord) => headerBands.some(([a, b]) => key(w) >= a && key(w) <= b);
  // The page-number footer ("1/2") sits in the 20 mm bottom margin of the A4 page.
  const inFooter = (w: PdfWord) => w.y > 841.89 - 20 * (72 / 25.4);
  const body = words.filter((w) => key(w) > headerBands[0]![1] && key(w) < key(end) - 1 && !inHeader(w) && !inFooter(w) && columnOf(w) >= 0);
  const first = opts.rowStart.split(' ');
  const starts = body
    .map((w, i) => ({ w, i }))
    .filter(({ w, i }) => columnOf(w) === 0 && first.every((p, k) => body[i + k]?.text === p))
    .map(({ w }) => key(w) - 1);
  return starts.map((start, r) => {
    const stop = starts[r + 1] ?? Number.POSITIVE_INFINITY;
    const inRow = body.filter((w) => key(w) >= start && key(w) < stop);
    return opts.headers.map((_, c) => readingText(inRow.filter((w) => columnOf(w) === c)));
  });
}
