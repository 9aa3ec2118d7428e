import { describe, expect, it } from 'vitest';
import { contentDisposition, DISPLAY_NAME_MAX_CHARS, nameForMessages, sanitizeDisplayName } from './files.names';

const graphemes = (s: string) => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(s)].length;

describe('display names', () => {
  it.each([
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\x\\y.png', 'image/png', 'y.png'],
    ['..\\..\\windows\\system32\\drivers\\etc\\hosts', 'application/pdf', 'hosts.pdf'],
    ['..', 'application/pdf', 'tep.pdf'],
    ['', 'image/jpeg', 'tep.jpg'],
    ['   ...   ', 'image/png', 'tep.png'],
    ['.htaccess', 'application/pdf', 'htaccess.pdf'],
    ['a\u0000b\u0007c\u001b[31m.pdf', 'application/pdf', 'abc[31m.pdf'],
    // U+202E (right-to-left override) would show "hoa_don_gpj.exe" as "hoa_don_exe.jpg".
    ['hoa_don_\u202Egpj.exe', 'image/jpeg', 'hoa_don_gpj.jpg'],
    ['ảnh\u200B\u2066chụp\u2069\uFEFF.JPG', 'image/jpeg', 'ảnhchụp.jpg'],
    ['dòng\u2028mới.pdf', 'application/pdf', 'dòng mới.pdf'],
    ['a<b>:"c|?*.pdf', 'application/pdf', 'a_b___c___.pdf'],
    ['CON.pdf', 'application/pdf', '_CON.pdf'],
    ['scan.pdf', 'image/png', 'scan.png'],
    ['scan.pdf.exe', 'application/pdf', 'scan.pdf.pdf'],
    ['anh.jpeg', 'image/jpeg', 'anh.jpeg'],
    ['Quyết định số 12.2024', 'application/pdf', 'Quyết định số 12.2024.pdf'],
    ['Giấy khai sinh', 'image/png', 'Giấy khai sinh.png'],
    ['tên cuối có dấu chấm. .', 'application/pdf', 'tên cuối có dấu chấm.pdf'],
  ] as const)('%j as %s → %j', (input, type, expected) => {
    expect(sanitizeDisplayName(input, type).name).toBe(expected);
  });

  it('says when the extension was corrected', () => {
    expect(sanitizeDisplayName('scan.pdf', 'image/png')).toEqual({ name: 'scan.png', extensionCorrected: true });
    expect(sanitizeDisplayName('scan.PNG', 'image/png')).toEqual({ name: 'scan.png', extensionCorrected: false });
    expect(sanitizeDisplayName('Giấy khai sinh', 'image/png').extensionCorrected).toBe(true);
  });

  it('composes decomposed Vietnamese (NFD from macOS) into NFC', () => {
    const nfd = 'Đơn đề nghị cấp bản sao.pdf'.normalize('NFD');
    expect(nfd).not.toBe('Đơn đề nghị cấp bản sao.pdf');
    const { name } = sanitizeDisplayName(nfd, 'application/pdf');
    expect(name).toBe('Đơn đề nghị cấp bản sao.pdf'.normalize('NFC'));
    expect(name.normalize('NFC')).toBe(name);
  });

  it('cuts a long name to the limits, keeping the extension and whole letters', () => {
    const long = `${'Giấy chứng nhận quyền sử dụng đất '.repeat(40)}.pdf`;
    const { name } = sanitizeDisplayName(long, 'application/pdf');
    expect(graphemes(name)).toBeLessThanOrEqual(DISPLAY_NAME_MAX_CHARS);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(240);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(name.startsWith('Giấy chứng nhận')).toBe(true);
    // 4-byte characters: the byte limit binds before the character limit.
    const emoji = sanitizeDisplayName(`${'😀'.repeat(200)}.png`, 'image/png').name;
    expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(240);
    expect(emoji).toMatch(/^(😀)+\.png$/u);
    expect(nameForMessages('x'.repeat(10_000)).length).toBe(DISPLAY_NAME_MAX_CHARS);
  });
});

describe('Content-Disposition', () => {
  it('carries the UTF-8 name in filename* and an ASCII stand-in in filename', () => {
    const header = contentDisposition('Đơn đề nghị (bản sao)*.pdf', 'attachment');
    expect(header).toBe(`attachment; filename="Don de nghi (ban sao)*.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%C4%91%E1%BB%81%20ngh%E1%BB%8B%20%28b%E1%BA%A3n%20sao%29%2A.pdf`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toBe('Đơn đề nghị (bản sao)*.pdf');
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('never lets a quote, backslash or percent sign break the quoted stand-in', () => {
    const header = contentDisposition('it\'s \\ 100% "ok".png', 'inline');
    expect(header.startsWith('inline; filename="it\'s _ 100_ _ok_.png";')).toBe(true);
    expect(header).toContain("filename*=UTF-8''it%27s%20%5C%20100%25%20%22ok%22.png");
  });
});
