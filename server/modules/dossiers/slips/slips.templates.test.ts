// Template sets by effective date (§4.1, §19.13) and the wording of numbers and dates.
import { describe, expect, it } from 'vitest';
import { formatCount, formatDateLine, formatIsoDate, formatVnDate, formatVnDateTime, toInstant } from './slips.format';
import { TEMPLATE_SETS, numberLine, selectTemplateSet, templateSetById } from './slips.templates';
import type { SlipFormKind } from './slips.types';

describe('selectTemplateSet', () => {
  it('switches from TT 01/2018 to TT 03/2025 at 00:00 on 1 July 2025 in Vietnam, not in UTC', () => {
    // 16:59:59Z on 30/06 is 23:59:59 on 30/06 in Vietnam; 17:00Z is 00:00 on 01/07.
    expect(selectTemplateSet('2025-06-30T16:59:59Z').id).toBe('tt01-2018');
    expect(selectTemplateSet('2025-06-30T17:00:00Z').id).toBe('tt03-2025');
    expect(selectTemplateSet(new Date('2025-07-01T00:30:00+07:00')).id).toBe('tt03-2025');
    expect(selectTemplateSet('2025-06-30').id).toBe('tt01-2018');
    expect(selectTemplateSet('2025-07-01').id).toBe('tt03-2025');
    expect(selectTemplateSet('2019-03-04T02:00:00Z').id).toBe('tt01-2018');
    expect(selectTemplateSet('2026-11-27T02:32:00Z').circular).toBe('Thông tư số 03/2025/TT-VPCP');
  });

  it('numbers the forms as §4.1 maps them', () => {
    const numbers = (id: 'tt01-2018' | 'tt03-2025') => Object.fromEntries(Object.values(templateSetById(id).forms).map((f) => [f.kind, f.formNumber]));
    expect(numbers('tt03-2025')).toEqual({
      receipt: '01',
      supplementRequest: '02',
      refusal: '03',
      apology: '04',
      stopNotice: '05',
      controlSlip: '06',
      trackingBook: '07',
    });
    expect(numbers('tt01-2018')).toEqual({
      receipt: '01',
      supplementRequest: '02',
      refusal: '03',
      apology: '04',
      stopNotice: null,
      controlSlip: '05',
      trackingBook: '06',
    });
    expect(templateSetById('tt01-2018').forms.apology.title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(templateSetById('tt03-2025').forms.apology.title).toBe('PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
  });

  it('covers every form kind in every set, with contiguous validity', () => {
    const kinds: SlipFormKind[] = ['receipt', 'supplementRequest', 'refusal', 'apology', 'stopNotice', 'controlSlip', 'trackingBook'];
    for (const set of TEMPLATE_SETS) {
      expect(Object.keys(set.forms).sort()).toEqual([...kinds].sort());
      for (const f of Object.values(set.forms)) expect(f.title).toBe(f.title.toLocaleUpperCase('vi'));
    }
    for (let i = 1; i < TEMPLATE_SETS.length; i++) expect(TEMPLATE_SETS[i - 1]!.effectiveUntil).toBe(TEMPLATE_SETS[i]!.effectiveFrom);
    expect(TEMPLATE_SETS.at(-1)!.effectiveUntil).toBeNull();
  });
});

describe('numberLine', () => {
  const set = templateSetById('tt03-2025');
  const common = { issuer: { parentName: 'UBND tỉnh Thanh Hóa', unitName: 'Trung tâm Phục vụ hành chính công' }, place: 'Thanh Hóa', issuedAt: '2026-11-27T02:00:00Z' };
  it('joins number, form suffix and unit abbreviation as "Số: …/PBS-TTPVHCC" (§4.2)', () => {
    expect(numberLine({ ...common, number: '15' }, set.forms.supplementRequest)).toBe('Số: 15/PBS-TTPVHCC');
    expect(numberLine({ ...common, number: '15' }, set.forms.receipt)).toBe('Số: 15/TTPVHCC');
    expect(numberLine(common, set.forms.controlSlip)).toBe('Số: ……/PKS-TTPVHCC');
    expect(numberLine({ ...common, number: '7', issuer: { ...common.issuer, abbreviation: '' } }, set.forms.apology)).toBe('Số: 7/PXL');
  });
});

describe('Vietnamese date wording in Asia/Ho_Chi_Minh', () => {
  it('formats times as on the receipt (§5.2)', () => {
    expect(formatVnDateTime('2023-11-03T02:00:00Z')).toBe('9 giờ 00 phút, ngày 03/11/2023');
    expect(formatVnDateTime('2023-10-27T09:32:00+07:00')).toBe('9 giờ 32 phút, ngày 27/10/2023');
    expect(formatVnDateTime('2026-11-26T17:00:00Z')).toBe('0 giờ 00 phút, ngày 27/11/2026');
    expect(formatVnDateTime(new Date('2026-12-31T16:59:00Z'))).toBe('23 giờ 59 phút, ngày 31/12/2026');
    expect(formatVnDate('2026-02-28T18:00:00Z')).toBe('01/03/2026');
  });

  it('writes the date line with leading zeros for days below 10 and for January and February', () => {
    expect(formatDateLine('Thanh Hóa', '2026-11-27T02:00:00Z')).toBe('Thanh Hóa, ngày 27 tháng 11 năm 2026');
    expect(formatDateLine('Thanh Hóa', '2026-01-04T02:00:00Z')).toBe('Thanh Hóa, ngày 04 tháng 01 năm 2026');
    expect(formatDateLine('Hà Nội', '2026-03-05T02:00:00Z')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
  });

  it('rejects instants without an offset and invalid dates', () => {
    expect(() => toInstant('2026-11-27T09:32:00')).toThrow(RangeError);
    expect(() => toInstant('27/11/2026')).toThrow(RangeError);
    expect(() => toInstant(new Date('nope'))).toThrow(RangeError);
    expect(() => formatIsoDate('2026-1-4')).toThrow(RangeError);
    expect(formatIsoDate('2026-01-04')).toBe('04/01/2026');
    expect(formatCount(1)).toBe('01');
    expect(formatCount(12)).toBe('12');
  });
});
