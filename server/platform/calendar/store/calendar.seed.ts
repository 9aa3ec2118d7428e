import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context/context';
import { generateDraftYear } from '../holiday-generator';
import { OFFICIAL_YEARS } from '../official-years';
import { bumpRevision, lunarCalendar, withCalendarTx } from './calendar.service';
import { PROVINCE_CALENDAR_ID } from './calendar.state';
import { calendarYears } from './calendar.tables';
import { auditEntries, insertYearVersion } from './use-cases/calendar-years';

/**
 * Demo data: the published 2024–2026 calendars copied from the official notices (§19 "Official yearly
 * schedules") and the generated draft of the following year. Does nothing once any year exists.
 */
export async function seedCalendarDemo(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  await withCalendarTx(ctx, async (scope) => {
    const existing = await scope.tx.select({ id: calendarYears.id }).from(calendarYears).where(eq(calendarYears.calendarId, PROVINCE_CALENDAR_ID)).limit(1);
    if (existing.length) return;
    for (const year of OFFICIAL_YEARS) {
      const { row, entries } = await insertYearVersion(scope.tx, now, year, {
        status: 'published',
        generated: false,
        publishedBy: 'Hệ thống (dữ liệu mẫu)',
        publishReason: `Dữ liệu mẫu theo các thông báo chính thức: ${(year.sources ?? []).join('; ')}`,
      });
      await scope.audit({
        action: 'calendar.year.publish',
        subjectType: 'calendar_year',
        subjectId: row.id,
        before: null,
        after: { year: row.year, seed: true, entries: auditEntries(entries) },
      });
    }
    const nextYear = Math.max(...OFFICIAL_YEARS.map((y) => y.year)) + 1;
    const { row, entries } = await insertYearVersion(scope.tx, now, generateDraftYear(nextYear, lunarCalendar()), { status: 'draft', generated: true });
    await scope.audit({
      action: 'calendar.year.generate',
      subjectType: 'calendar_year',
      subjectId: row.id,
      before: null,
      after: { year: row.year, seed: true, entries: auditEntries(entries) },
    });
    await bumpRevision(scope.tx, now);
  });
}
