import { describe, expect, it } from 'vitest';
import {
  buildProcessingTimes,
  defaultWorkflow,
  normaliseSearch,
  parseDuration,
  parseLevels,
  parseOnlineMode,
  parseVnd,
  splitTimesText,
  STANDARD_DAY_MINUTES,
  type RowMessage,
} from './catalog.parsing';

describe('catalog parsing', () => {
  it('makes the three spellings of a name meet in one search key', () => {
    const key = normaliseSearch('Thủ tục đăng ký khai sinh');
    for (const q of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'khai sinh']) expect(key).toContain(normaliseSearch(q));
  });

  it('reads durations with a unit and keeps everything else raw', () => {
    expect(parseDuration('3 Ngày làm việc')).toEqual({ kind: 'ok', amount: 3, unit: 'working-days', raw: '3 Ngày làm việc' });
    expect(parseDuration('10 Ngày')).toMatchObject({ kind: 'ok', amount: 10, unit: 'calendar-days' });
    expect(parseDuration('Trong thời hạn 03 ngày làm việc kể từ ngày nhận được Tờ khai đề nghị')).toMatchObject({ kind: 'ok', amount: 3, unit: 'working-days' });
    expect(parseDuration('01 ngày kể từ ngày nhận hồ sơ hợp lệ')).toMatchObject({ kind: 'ok', amount: 1, unit: 'calendar-days' });
    expect(parseDuration('1')).toEqual({ kind: 'no-unit', amount: 1, raw: '1' });
    expect(parseDuration('Không có thông tin')).toEqual({ kind: 'no-information', raw: 'Không có thông tin' });
    // A bare "giờ" may be clock hours, which no duration unit represents: not read.
    expect(parseDuration('1 Giờ')).toMatchObject({ kind: 'unrecognised', amount: 1 });
    expect(parseDuration('tùy trường hợp')).toMatchObject({ kind: 'unrecognised', amount: null });
  });

  it('splits channel-labelled times and flags several values on one channel', () => {
    expect(splitTimesText('Trực tuyến: 8 Ngày làm việc; Trực tiếp: 18 Ngày làm việc')).toEqual([
      { channel: 'online', text: '8 Ngày làm việc' },
      { channel: 'direct', text: '18 Ngày làm việc' },
    ]);
    const messages: RowMessage[] = [];
    const times = buildProcessingTimes(splitTimesText('Trực tuyến: 1 Ngày làm việc; Trực tuyến: 2 Ngày làm việc'), messages);
    expect(times).toHaveLength(1);
    expect(times[0]).toMatchObject({ channel: 'online', readable: false, issue: 'multiple', amount: null });
    expect(times[0]!.alternatives.map((a) => a.amount)).toEqual([1, 2]);
    expect(messages.map((m) => m.code)).toEqual(['timeMultiple']);
  });

  it('normalises levels and reports the abolished district tier', () => {
    const messages: RowMessage[] = [];
    expect(parseLevels('Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác', messages)).toEqual(['ministry', 'province', 'commune', 'other']);
    expect(parseLevels('xã (Trạm y tế tuyến xã)', messages)).toEqual(['commune']);
    expect(messages).toEqual([]);
    expect(parseLevels('huyện (Phòng Giáo dục và Đào tạo)', messages)).toEqual(['district']);
    expect(messages.map((m) => m.code)).toEqual(['levelDistrict']);
  });

  it('maps NĐ 42/2022 wording and refuses to convert old levels', () => {
    const messages: RowMessage[] = [];
    expect(parseOnlineMode('một phần ("DVC Một phần")', messages)).toBe('partial');
    expect(parseOnlineMode('Toàn trình', messages)).toBe('full');
    expect(parseOnlineMode(null, messages)).toBeNull();
    expect(messages).toEqual([]);
    expect(parseOnlineMode('Mức trực tuyến 4 (phân loại mức độ cũ)', messages)).toBeNull();
    expect(messages.map((m) => m.code)).toEqual(['onlineModeOldLevel']);
  });

  it('reads VND amounts only when they are VND', () => {
    expect(parseVnd(50000)).toBe(50000);
    expect(parseVnd('50,000 Việt Nam Đồng')).toBe(50000);
    expect(parseVnd('50.000 đồng')).toBe(50000);
    expect(parseVnd('Miễn phí')).toBe(0);
    expect(parseVnd('10 USD')).toBeNull();
    expect(parseVnd(12.5)).toBeNull();
  });

  it('splits the default workflow budget so it sums to the working time, and leaves it empty when unreadable', () => {
    const messages: RowMessage[] = [];
    for (const text of ['1 Ngày làm việc', '7 Ngày làm việc', '27 Ngày làm việc', '3 giờ làm việc']) {
      const steps = defaultWorkflow(buildProcessingTimes([{ channel: 'direct', text }], messages));
      const amount = Number(text.split(' ')[0]);
      const expected = text.includes('giờ') ? amount * 60 : amount * STANDARD_DAY_MINUTES;
      expect(steps.reduce((s, x) => s + x.budgetMinutes!, 0)).toBe(expected);
      expect(steps.map((s) => s.role)).toEqual(['reception-officer', 'specialist', 'leader', 'reception-officer']);
    }
    expect(STANDARD_DAY_MINUTES).toBe(480);
    for (const text of ['1', 'Không có thông tin', '15 Ngày']) {
      expect(defaultWorkflow(buildProcessingTimes([{ channel: 'any', text }], messages)).every((s) => s.budgetMinutes === null)).toBe(true);
    }
  });
});
