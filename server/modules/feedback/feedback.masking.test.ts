// The masking rules of published items (feedback.masking.ts), case by case: what is taken out and what is kept.
import { describe, expect, it } from 'vitest';
import { initialsOf, MASK, maskPersonalData, publishedCopyOf } from './feedback.masking';
import { similarTerms, searchWords } from './feedback.search';

describe('initials', () => {
  it('keeps the first letter of each word, diacritics and all', () => {
    expect(initialsOf('Nguyễn Văn An')).toBe('N.V.A.');
    expect(initialsOf('  đỗ   thị  ánh ')).toBe('Đ.T.Á.');
    expect(initialsOf('Công ty TNHH Ánh Dương')).toBe('C.T.T.Á.D.');
    expect(initialsOf('123')).toBe(MASK);
  });
});

describe('personal data in published text', () => {
  it.each([
    ['e-mail', 'Liên hệ an.nguyen+pakn@example.com.vn nhé', `Liên hệ ${MASK} nhé`],
    ['mobile with spaces', 'Gọi 0912 345 678 giờ hành chính', `Gọi ${MASK} giờ hành chính`],
    ['mobile with dots', 'SĐT: 0912.345.678.', `SĐT: ${MASK}.`],
    ['mobile +84', 'Zalo +84 912 345 678', `Zalo ${MASK}`],
    ['landline', 'Tổng đài 0241 3456 789', `Tổng đài ${MASK}`],
    ['CCCD (12 digits)', 'CCCD số 001090012345 cấp năm 2021', `CCCD số ${MASK} cấp năm 2021`],
    ['CMND (9 digits)', 'CMND 125678901', `CMND ${MASK}`],
    ['tax code with branch', 'MST 0100109106-001', `MST ${MASK}`],
    ['tax code', 'mã số thuế 0100109106', `mã số thuế ${MASK}`],
    ['bank account', 'tài khoản 1903456789012', `tài khoản ${MASK}`],
  ])('masks %s', (_label, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['an amount with thousands dots', 'Lệ phí 150.000.000 đồng'],
    ['a legal reference', 'Nghị định 20/2008/NĐ-CP ngày 14/02/2008, Điều 9'],
    ['a year range and a short number', 'Giai đoạn 2021-2025, 30 ngày, mã 0361'],
    ['a dossier code', 'Hồ sơ H56.14-260302-0001'],
  ])('keeps %s', (_label, text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('replaces the sender’s full name, whatever the case, by initials; a one-word name is left alone', () => {
    expect(maskPersonalData('Ông NGUYỄN VĂN AN và bà nguyễn văn an', ['Nguyễn Văn An'])).toBe('Ông N.V.A. và bà N.V.A.');
    expect(maskPersonalData('An toàn giao thông', ['An'])).toBe('An toàn giao thông');
  });

  it('masks title, content and answer of an item together', () => {
    expect(publishedCopyOf({ title: 'Nguyễn Văn An hỏi', content: 'Số của tôi 0912345678', answer: 'Trả lời Nguyễn Văn An qua an@x.vn', senderName: 'Nguyễn Văn An' })).toEqual({
      title: 'N.V.A. hỏi',
      content: `Số của tôi ${MASK}`,
      answer: `Trả lời N.V.A. qua ${MASK}`,
      senderName: 'N.V.A.',
    });
  });
});

describe('search words', () => {
  it('drops diacritics and punctuation', () => {
    expect(searchWords('Đăng ký, KHAI SINH!')).toBe('dang ky khai sinh');
  });

  it('keeps the distinctive words of a similar-items query and asks for half of them', () => {
    expect(similarTerms('Tôi muốn hỏi về thủ tục đăng ký khai sinh')).toEqual({
      words: ['thu', 'tuc', 'dang', 'ky', 'khai', 'sinh'],
      pairs: ['thu tuc', 'tuc dang', 'dang ky', 'ky khai', 'khai sinh'],
      minWords: 3,
    });
    expect(similarTerms('và của là')).toBeNull();
    // "dang" may be đăng (ký): kept.
    expect(similarTerms('Đang đăng ký')!.words).toEqual(['dang', 'ky']);
  });
});
