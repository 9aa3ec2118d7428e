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
