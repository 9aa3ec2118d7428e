import { describe, expect, it } from 'vitest';
import i18n from '../../app/i18n';
import { formatAppointment, formatInstant, formatRemaining, formatWorkingDuration, lines, toVnIso, vnParts } from './dossiers.format';

const t = i18n.getFixedT('vi');

describe('instants are shown in Hà Nội time whatever the offset they carry', () => {
  it('reads +07:00 and Z strings alike', () => {
    expect(vnParts('2026-12-04T17:00:00+07:00')).toMatchObject({ date: '2026-12-04', hour: '17', minute: '00', weekday: 5 });
    expect(vnParts('2026-12-04T10:00:00Z')).toMatchObject({ date: '2026-12-04', hour: '17', minute: '00', weekday: 5 });
    // 18:30 UTC is already the next day in Hà Nội.
    expect(vnParts('2026-12-03T18:30:00Z')).toMatchObject({ date: '2026-12-04', hour: '01', minute: '30' });
  });

  it('writes the appointment as the receipt does (hour, minute, weekday, date)', () => {
    expect(formatAppointment(t, '2026-12-04T17:00:00+07:00')).toBe('17 giờ 00 phút, Thứ Sáu, ngày 04/12/2026');
    expect(formatInstant('2026-11-30T07:05:00+07:00')).toBe('30/11/2026 07:05');
    expect(formatAppointment(t, null)).toBe('');
  });

  it('builds a +07:00 instant from a picked date and time', () => {
    expect(toVnIso('2026-12-09', '16:30')).toBe('2026-12-09T16:30:00+07:00');
  });
});

describe('working time', () => {
  it('splits minutes into 8-hour days, hours and minutes', () => {
    expect(formatWorkingDuration(t, 0)).toBe('0 phút');
    expect(formatWorkingDuration(t, 45)).toBe('45 phút');
    expect(formatWorkingDuration(t, 480)).toBe('1 ngày');
    expect(formatWorkingDuration(t, 2 * 480 + 3 * 60 + 15)).toBe('2 ngày 3 giờ 15 phút');
  });

  it('says what is left or how far past the due it is', () => {
    expect(formatRemaining(t, 90)).toBe('Còn 1 giờ 30 phút làm việc');
    expect(formatRemaining(t, -600)).toBe('Quá hạn 1 ngày 2 giờ làm việc');
    expect(formatRemaining(t, null)).toBe('');
  });
});

describe('lines', () => {
  it('keeps the non-empty trimmed lines', () => {
    expect(lines(' Tờ khai \n\n Bản sao CCCD\r\n')).toEqual(['Tờ khai', 'Bản sao CCCD']);
    expect(lines(undefined)).toEqual([]);
  });
});
