import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { periodDates } from './IndicatorsPage';

describe('the indicators page periods', () => {
  const today = dayjs('2026-12-05');
  it('are the current month, quarter and year, both ends included', () => {
    expect(periodDates('month', null, today)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodDates('quarter', null, today)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDates('year', null, today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDates('quarter', null, dayjs('2026-02-28'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDates('quarter', null, dayjs('2026-05-31'))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
  it('are the chosen range when custom, and nothing until both ends are chosen', () => {
    expect(periodDates('custom', [dayjs('2026-03-02'), dayjs('2026-03-09')], today)).toEqual({ from: '2026-03-02', to: '2026-03-09' });
    expect(periodDates('custom', [dayjs('2026-03-02'), null], today)).toBeNull();
    expect(periodDates('custom', null, today)).toBeNull();
  });
});
