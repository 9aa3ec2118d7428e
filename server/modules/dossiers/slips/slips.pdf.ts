// pdfmake engine and the layout shared by every slip: A4 page, Noto Serif, national heading, title, signatures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatDateLine, toInstant } from './slips.format';
import { circularLabel, formNumberLabel, numberLine, type FormTemplate, type TemplateSet } from './slips.templates';
import type { SlipCommon, SlipSigner } from './slips.types';

/** A pdfmake content node (the library ships no types; this is the subset the slips build). */
export type PdfNode = string | readonly PdfNode[] | { readonly [key: string]: unknown };

/** The part of pdfmake's document definition the slips use. */
export interface PdfDocument {
  readonly content: readonly PdfNode[];
  readonly images?: Readonly<Record<string, string>>;
  readonly info: { readonly title: string; readonly author: string; readonly creationDate: Date };
  /** Printed in the top margin of the first page (the form number label). */
  readonly firstPageHeader?: PdfNode | null;
}

interface PdfMakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

// pdfmake is CommonJS without type declarations: load it through require with a local interface.
const require = createRequire(import.meta.url);
const FONT = 'MotcuaNotoSerif';
const FONT_FILES = {
  normal: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italics: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  bolditalics: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
} as const;

let engine: PdfMakeServer | null = null;

/** pdfmake with the Noto Serif files copied once into its in-memory file system (the only I/O of the renderers). */
function pdfEngine(): PdfMakeServer {
  if (engine) return engine;
  const pdfmake = require('pdfmake') as PdfMakeServer;
  const family = {} as Record<keyof typeof FONT_FILES, string>;
  for (const [style, spec] of Object.entries(FONT_FILES) as Array<[keyof typeof FONT_FILES, string]>) {
    const name = `motcua-slips/${spec.split('/').pop()}`;
    pdfmake.virtualfs.writeFileSync(name, readFileSync(require.resolve(spec)));
    family[style] = name;
  }
  // addFonts, not setFonts: the pdfmake instance is process-wide and other modules may register their own fonts.
  pdfmake.addFonts({ [FONT]: family });
  engine = pdfmake;
  return pdfmake;
}

/** A4 in points. */
const PAGE_WIDTH = 595.28;
const MM = 72 / 25.4;
/** Margins left 30 mm, top 20 mm, right 15 mm, bottom 20 mm: within the NĐ 30/2020 Phụ lục I ranges for A4 documents. */
const MARGINS = [30 * MM, 20 * MM, 15 * MM, 20 * MM] as const;
/** Width of the text block. */
const CONTENT_WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
/** Body font size in points (Noto Serif is wider than Times New Roman: 11 pt reads like 12–13 pt Times). */
const BODY_SIZE = 11;

/** Renders a slip document to PDF bytes. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const pdfmake = pdfEngine();
  // Every image is an inline data URL and fonts live in pdfmake's virtual file system: deny all fetching and file
  // access. The policies are global on the pdfmake instance and captured synchronously by createPdf, so set them here.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const definition: Record<string, unknown> = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [...MARGINS],
    info: { ...doc.info, creator: 'motcua', producer: 'motcua' },
    content: doc.content,
    images: doc.images ?? {},
    defaultStyle: { font: FONT, fontSize: BODY_SIZE, lineHeight: 1 },
    header: (page: number) => (page === 1 ? (doc.firstPageHeader ?? null) : null),
    footer: (page: number, pages: number) => (pages > 1 ? { text: `${page}/${pages}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] } : null),
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** "……" for a value to be filled in by hand. */
export const BLANK = '……………';

/** The value, or the blank placeholder when absent or empty. */
export function orBlank(value: string | null | undefined): string {
  return value && value.trim() ? value : BLANK;
}

/** A horizontal rule of `length` points centred in a box `width` wide (the short lines under heading names). */
function centredRule(width: number, length: number): PdfNode {
  const x = (width - length) / 2;
  return { canvas: [{ type: 'line', x1: x, y1: 0, x2: x + length, y2: 0, lineWidth: 0.6 }], margin: [0, 3, 0, 0] };
}

const LEFT_HEAD = 215;
const RIGHT_HEAD = CONTENT_WIDTH - LEFT_HEAD;
/** Upper-case Noto Serif characters that fit on one line of the left heading column at 11 pt. */
const LEFT_HEAD_CHARS = 28;

/**
 * Splits a name into the fewest lines of at most `maxChars` characters, as even as possible, so that
 * "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" breaks as "TRUNG TÂM PHỤC VỤ / HÀNH CHÍNH CÔNG", not before its last word.
 */
export function balanceLines(text: string, maxChars: number): string[] {
  // "ỦY BAN NHÂN DÂN" is one name: a heading line never breaks inside it.
  const words = text
    .replace(/ỦY BAN NHÂN DÂN/g, 'ỦY\u00a0BAN\u00a0NHÂN\u00a0DÂN')
    .split(/[ \t\n]+/)
    .filter((w) => w)
    .map((w) => w.replace(/\u00a0/g, ' '));
  if (words.length <= 1 || text.length <= maxChars) return [words.join(' ')];
  let best: string[] = words;
  // Names are a handful of words: trying every split point for 2 and 3 lines is cheap and exact.
  const score = (lines: string[]) => Math.max(...lines.map((l) => l.length));
  for (let lines = 2; lines <= 3; lines++) {
    let bestForN: string[] | null = null;
    const cuts = (start: number, left: number): string[][] => {
      if (left === 1) return [[words.slice(start).join(' ')]];
      const out: string[][] = [];
      for (let i = start + 1; i <= words.length - left + 1; i++) {
        for (const rest of cuts(i, left - 1)) out.push([words.slice(start, i).join(' '), ...rest]);
      }
      return out;
    };
    for (const candidate of cuts(0, lines)) if (!bestForN || score(candidate) < score(bestForN)) bestForN = candidate;
    if (bestForN && score(bestForN) <= maxChars) return bestForN;
    if (bestForN && score(bestForN) < score(best)) best = bestForN;
  }
  return best;
}

/** "Mẫu số 01 (ban hành kèm theo …)", printed in the top margin of the first page; null when the form has no number. */
function formLabel(set: TemplateSet, template: FormTemplate): PdfNode | null {
  const label = formNumberLabel(template);
  if (!label) return null;
  return {
    text: [
      { text: label, bold: true },
      { text: ` (${circularLabel(set)})`, italics: true },
    ],
    alignment: 'right',
    fontSize: 8.5,
    margin: [MARGINS[0], 10 * MM, MARGINS[2], 0],
  };
}

/** The national heading: issuing body | Quốc hiệu and tiêu ngữ, then the number line | place and date. */
function heading(common: SlipCommon, template: FormTemplate): PdfNode[] {
  const nodes: PdfNode[] = [];
  nodes.push({
    columns: [
      {
        width: LEFT_HEAD,
        stack: [
          ...(common.issuer.parentName ? [{ text: balanceLines(common.issuer.parentName.toLocaleUpperCase('vi'), LEFT_HEAD_CHARS).join('\n'), alignment: 'center' }] : []),
          {
            text: balanceLines(common.issuer.unitName.toLocaleUpperCase('vi'), LEFT_HEAD_CHARS).join('\n'),
            alignment: 'center',
            bold: true,
          },
          centredRule(LEFT_HEAD, 60),
        ],
      },
      {
        width: RIGHT_HEAD,
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', alignment: 'center', bold: true },
          { text: 'Độc lập - Tự do - Hạnh phúc', alignment: 'center', bold: true, fontSize: 12 },
          // As long as the motto (167 pt at 12 pt bold Noto Serif), as the national heading is drawn.
          centredRule(RIGHT_HEAD, 167),
        ],
      },
    ],
    columnGap: 0,
  });
  nodes.push({
    columns: [
      { width: LEFT_HEAD, text: numberLine(common, template), alignment: 'center' },
      { width: RIGHT_HEAD, text: formatDateLine(common.place, common.issuedAt), alignment: 'center', italics: true },
    ],
    columnGap: 0,
    margin: [0, 6, 0, 0],
  });
  return nodes;
}

/** The form title: bold, upper case, centred. */
function title(template: FormTemplate): PdfNode {
  return { text: template.title, alignment: 'center', bold: true, fontSize: 13, margin: [0, 10, 0, 8] };
}

/** "Label: value" with the value optionally bold; absent values print a blank to fill by hand. */
export function field(label: string, value: string | null | undefined, opts: { bold?: boolean } = {}): PdfNode {
  return { text: [`${label}: `, { text: orBlank(value), bold: opts.bold ?? false }], margin: [0, 0, 0, 1] };
}

type Run = string | { readonly text: string; readonly [key: string]: unknown };

const runText = (r: Run): string => (typeof r === 'string' ? r : r.text);
const withText = (r: Run, text: string): Run => (typeof r === 'string' ? text : { ...r, text });

/**
 * pdfmake's justification spreads space at every boundary between runs, even inside "Ánh;": move the punctuation
 * that follows a run without a space into that run, so boundaries fall on spaces.
 */
function glueRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    const text = runText(run);
    const head = /^\S+/.exec(text)?.[0];
    if (prev !== undefined && head && /\S$/.test(runText(prev))) {
      out[out.length - 1] = withText(prev, runText(prev) + head);
      const rest = text.slice(head.length);
      if (rest) out.push(withText(run, rest));
    } else {
      out.push(run);
    }
  }
  return out;
}

/** A justified body paragraph; runs are plain strings or styled `{ text, bold }` pieces. */
export function paragraph(text: string | readonly Run[]): PdfNode {
  return { text: typeof text === 'string' ? text : glueRuns(text), alignment: 'justify', margin: [0, 0, 0, 5] };
}

/** A numbered list "1. …", "2. …". */
export function numbered(items: readonly string[]): PdfNode {
  return {
    stack: items.map((item, i) => ({
      columns: [
        { width: 22, text: `${i + 1}.`, alignment: 'right' },
        { width: '*', text: item, alignment: 'justify' },
      ],
      columnGap: 6,
      margin: [0, 0, 0, 3],
    })),
    margin: [0, 0, 0, 4],
  };
}

/** One signature slot: upper-case title lines, "(Ký và ghi rõ họ tên)", room to sign, the name. */
function signatureSlot(signerTitle: string, name: string | null | undefined): PdfNode {
  return {
    stack: [
      { text: signerTitle.toLocaleUpperCase('vi'), bold: true },
      { text: '(Ký và ghi rõ họ tên)', italics: true, fontSize: 9.5 },
      // Room for the handwritten signature (and seal) above the printed name.
      { text: name ?? '', bold: true, margin: [0, 44, 0, 0] },
    ],
    alignment: 'center',
  };
}

/** Two signatures side by side (e.g. Người nộp hồ sơ / Người tiếp nhận hồ sơ); kept on one page. */
export function signaturePair(left: { title: string; name?: string | null }, right: { title: string; name?: string | null }): PdfNode {
  return {
    columns: [
      { width: '*', ...(signatureSlot(left.title, left.name) as object) },
      { width: '*', ...(signatureSlot(right.title, right.name) as object) },
    ],
    columnGap: 16,
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

/**
 * The last lines of a slip with its signatures, as one block that pdfmake moves to the next page whole: a signature
 * never stands alone on a page of its own.
 */
export function keepWithSignature(lastLines: readonly PdfNode[], signatures: PdfNode): PdfNode {
  return { stack: [...lastLines, signatures], unbreakable: true };
}

/** One signature on the right half (Người hướng dẫn, Thủ trưởng cơ quan). */
export function signatureRight(signer: SlipSigner): PdfNode {
  return {
    columns: [
      { width: '*', text: '' },
      { width: 250, ...(signatureSlot(signer.title, signer.name) as object) },
    ],
    margin: [0, 10, 0, 0],
    unbreakable: true,
  };
}

/** A whole slip: form label, national heading, title, then `body`. */
export function slipDocument(args: {
  readonly common: SlipCommon;
  readonly set: TemplateSet;
  readonly template: FormTemplate;
  /** Names the document in the PDF metadata, e.g. the dossier code. */
  readonly subject: string;
  readonly body: readonly PdfNode[];
  readonly images?: Readonly<Record<string, string>>;
}): PdfDocument {
  const { common, set, template } = args;
  return {
    info: { title: `${template.title} — ${args.subject}`, author: common.issuer.unitName, creationDate: toInstant(common.issuedAt) },
    firstPageHeader: formLabel(set, template),
    content: [...heading(common, template), title(template), ...args.body],
    ...(args.images ? { images: args.images } : {}),
  };
}

/** How the forms address an applicant: "Ông (Bà)" for a person, "Tổ chức" for an organisation. */
export function honorific(kind: 'individual' | 'organisation' | undefined): string {
  return kind === 'organisation' ? 'Tổ chức' : 'Ông (Bà)';
}

/** "Số điện thoại: …   Email: …" on one line. */
export function contactLine(phone: string | null | undefined, email: string | null | undefined): PdfNode {
  return { text: ['Số điện thoại: ', orBlank(phone), '\u2003\u2003Email: ', orBlank(email)], margin: [0, 0, 0, 1] };
}
