import { describe, expect, it } from 'vitest';
import vi from '../../i18n/vi/dashboards.json';
import { INDICATOR_COLUMNS, ONLINE_SERVICES_DEFINITION } from '../../../contracts/dashboards/dashboards.contracts';

// Issue 12: every number shows its definition, the same wherever it appears — on the page, in the Excel export and in
// the open data (whose definitions come from INDICATOR_COLUMNS).
describe('the indicator definitions', () => {
  it('on the page are those of the export and the open data', () => {
    const page = vi.dashboards.indicators.def;
    const column = (key: string) => INDICATOR_COLUMNS.find((c) => c.key === key)!.definition;
    expect(page.onTimeRate).toBe(column('onTimeRate'));
    expect(page.received).toBe(column('received'));
    expect(page.finished).toBe(column('finished'));
    expect(page.open).toBe(column('open'));
    expect(page.satisfiedRate).toBe(column('satisfiedRate'));
    expect(page.lateHeld).toBe(column('lateHeld'));
    expect(page.apologies).toBe(column('apologies'));
    expect(page.supplements).toBe(column('supplements'));
    expect(page.onlineServices).toBe(ONLINE_SERVICES_DEFINITION);
    expect(page.feesOnline).toBe(column('feePaidOnlineShare'));
    expect(page.workingTime.startsWith(column('averageUsedWorkingDays').replace(' (1 ngày làm việc = 8 giờ).', ''))).toBe(true);
    expect(vi.dashboards.indicators.onTimeRate).toBe(INDICATOR_COLUMNS.find((c) => c.key === 'onTimeRate')!.label);
  });
});
