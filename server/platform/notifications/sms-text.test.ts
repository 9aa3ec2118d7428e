import { describe, expect, it } from 'vitest';
import { vnMobileNumber } from './phone';
import { gsm7Length, prepareSms, segmentsFor, toGsm7, withoutDiacritics } from './sms-text';

describe('Vietnamese mobile numbers', () => {
  it('reads the ways people write one number as 84 + nine digits', () => {
    for (const raw of ['0912345678', '0912 345 678', '0912.345.678', '(091) 234-5678', '+84 912 345 678', '+84912345678', '84912345678', '0084 912 345 678']) {
      expect(vnMobileNumber(raw), raw).toBe('84912345678');
    }
    expect(vnMobileNumber('0387654321')).toBe('84387654321');
    expect(vnMobileNumber('0567654321')).toBe('84567654321');
    expect(vnMobileNumber('0707654321')).toBe('84707654321');
    expect(vnMobileNumber('0887654321')).toBe('84887654321');
  });

  it('refuses landlines, old 11-digit numbers, foreign numbers and garbage', () => {
    for (const raw of [
      '02437654321',
      '0243 765 4321',
      '01234567890',
      '091234567',
      '09123456789',
      '+1 202 555 0100',
      '+33612345678',
      'abc',
      '',
      '   ',
      null,
      undefined,
      '0912345678;0987654321',
    ]) {
      expect(vnMobileNumber(raw), String(raw)).toBeNull();
    }
  });
});

describe('SMS text', () => {
  it('removes Vietnamese diacritics, đ included, on upper and lower case', () => {
    expect(withoutDiacritics('Nguyễn Đức Thắng, phường Hạc Thành, tỉnh Thanh Hóa')).toBe('Nguyen Duc Thang, phuong Hac Thanh, tinh Thanh Hoa');
    expect(withoutDiacritics('ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự ƠỚỜỞỠỢ đĐ')).toBe('AAAAA aaaaa UUUUU uuuuu OOOOOO dD');
  });

  it('brings a Vietnamese text into GSM-7, typographic punctuation to ASCII and the rest to ?', () => {
    const text = toGsm7('Hồ sơ “H56.22” — hẹn trả 17:00… ✓ 北');
    expect(text).toBe('Ho so "H56.22" - hen tra 17:00... ? ?');
    expect(gsm7Length(text)).toBe(text.length);
    expect(gsm7Length('Hồ sơ')).toBeNull();
    expect(gsm7Length('{x}€')).toBe(7);
  });

  it('counts parts: 160 / 153 in GSM-7, 70 / 67 in UCS-2', () => {
    expect(segmentsFor(160, 'gsm7')).toBe(1);
    expect(segmentsFor(161, 'gsm7')).toBe(2);
    expect(segmentsFor(306, 'gsm7')).toBe(2);
    expect(segmentsFor(307, 'gsm7')).toBe(3);
    expect(segmentsFor(70, 'ucs2')).toBe(1);
    expect(segmentsFor(71, 'ucs2')).toBe(2);
    expect(segmentsFor(134, 'ucs2')).toBe(2);
    expect(segmentsFor(135, 'ucs2')).toBe(3);
  });

  it('sends Vietnamese without diacritics by default, and as written (UCS-2) when Unicode is allowed', () => {
    const text = 'Hồ sơ H001: đã có kết quả giải quyết.';
    expect(prepareSms(text, { unicode: false, maxSegments: 3 })).toEqual({ text: 'Ho so H001: da co ket qua giai quyet.', encoding: 'gsm7', segments: 1, truncated: false });
    expect(prepareSms(text, { unicode: true, maxSegments: 3 })).toEqual({ text, encoding: 'ucs2', segments: 1, truncated: false });
    // A text that fits GSM-7 goes as GSM-7 even when Unicode is allowed (cheaper).
    expect(prepareSms('Ho so H001', { unicode: true, maxSegments: 3 }).encoding).toBe('gsm7');
  });

  it('cuts a long text at a word to the parts allowed, with an ellipsis', () => {
    const long = Array.from({ length: 120 }, (_, i) => `tiếng${i}`).join(' ');
    const gsm = prepareSms(long, { unicode: false, maxSegments: 3 });
    expect(gsm).toMatchObject({ encoding: 'gsm7', segments: 3, truncated: true });
    expect(gsm.text.length).toBeLessThanOrEqual(459);
    expect(gsm.text).toMatch(/^tieng0 tieng1 .* tieng\d+\.\.\.$/);
    const one = prepareSms(long, { unicode: false, maxSegments: 1 });
    expect(one.text.length).toBeLessThanOrEqual(160);
    expect(one.segments).toBe(1);
    const ucs = prepareSms(long, { unicode: true, maxSegments: 2 });
    expect(ucs).toMatchObject({ encoding: 'ucs2', segments: 2, truncated: true });
    expect(ucs.text.length).toBeLessThanOrEqual(134);
    expect(ucs.text.endsWith('…')).toBe(true);
    expect(ucs.text).toMatch(/^tiếng0 tiếng1 /);
  });
});
