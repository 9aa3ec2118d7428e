import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../context/context';
import type { Queryable } from '../../../db/database';
import { AppError } from '../../../errors/app-error';
import { DEFAULT_WEEKLY_HOURS } from '../../calendar.engine';
import { DRAFT_NOTE } from '../../holiday-generator';
import type { CalendarYearDetail, ImpactResponse, PublishYearRequest } from '../../../../../contracts/calendar/calendar.contracts';
import { changedDays, countImpact } from '../calendar.impact';
import { presentYearDetail } from '../calendar.presenter';
import {
  actorId,
  actorLabel,
  assertCan,
  assertContiguous,
  assertImpactAcknowledged,
  bumpRevision,
  describeChange,
  requireDraft,
  withCalendarTx,
  yearRows,
} from '../calendar.service';
import { invalidateCalendarCache, loadState, PROVINCE_CALENDAR_ID, toCalendarYear, type CalendarState, type EntryRow, type YearRow } from '../calendar.state';
import { calendarEntries, calendarYears } from '../calendar.tables';
import { auditEntries } from './calendar-years';

/** The state as it would be once the draft is published (its entries then count as official). */
function stateWithDraft(state: CalendarState, draft: YearRow, entries: readonly EntryRow[]): CalendarState {
  const year = toCalendarYear(
    draft.year,
    'official',
    entries.map((e) => ({ ...e, status: 'official' })),
    draft.sources,
  );
  return { ...state, years: [...state.years.filter((y) => y.year !== draft.year), year].sort((a, b) => a.year - b.year) };
}

/** A calendar with nothing published yet (preview before the first write). */
export function emptyState(): CalendarState {
  return { calendarId: PROVINCE_CALENDAR_ID, revision: 0, provinceHours: DEFAULT_WEEKLY_HOURS, years: [], unitHours: new Map(), dayOffRefs: new Map() };
}

async function planPublication(q: Queryable, year: number) {
  const draft = await requireDraft(q, year);
  const entries = await q.select().from(calendarEntries).where(eq(calendarEntries.yearId, draft.id)).orderBy(asc(calendarEntries.date));
  const before = (await loadState(q)) ?? emptyState();
  assertContiguous(before, year);
  const after = stateWithDraft(before, draft, entries);
  // Compiling validates the draft against the office hours (e.g. a make-up day on a working day).
  const change = describeChange('year-published', before.years.length ? before : null, after, null, [year]);
  return { draft, entries, before, after, change };
}

/** What publishing a year's draft would change: open items per module and the dates that change (§19 row 10). */
export async function previewYearPublication(ctx: Ctx, input: { year: number }): Promise<ImpactResponse> {
  assertCan(ctx, 'calendar.manage');
  const plan = await planPublication(ctx.db, input.year);
  const { change } = plan;
  const impact = await countImpact(ctx.db, change);
  // A year not yet published is covered provisionally (calendar.state PROVISIONAL_YEARS): its changed days are those
  // where the official schedule differs from the statutory one the open dossiers were computed with.
  const covered = change.before !== null && input.year >= change.before.firstYear && input.year <= change.before.lastYear;
  const published = plan.before.years.some((y) => y.year === input.year);
  return { ...impact, changedDays: covered ? changedDays(input.year, change.before, change.after!) : [], newYear: !published };
}

const stripDraftNote = (note: string | null): string | null => {
  if (!note?.startsWith(DRAFT_NOTE)) return note;
  const rest = note.slice(DRAFT_NOTE.length).replace(/^\.\s*/, '');
  return rest === '' ? null : rest;
};

/**
 * Publishes a year's draft: it becomes the version in force (an earlier publication is kept as superseded),
 * its entries become official, the revision moves, and `calendar.changed` is emitted after commit. Refused
 * with 409 when the draft or the impact changed since the administrator reviewed them.
 */
export async function publishCalendarYear(ctx: Ctx, input: { year: number } & PublishYearRequest): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async (scope) => {
    const { tx } = scope;
    const plan = await planPublication(tx, input.year);
    if (plan.draft.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: plan.draft.version });
    const impact = await countImpact(tx, plan.change);
    assertImpactAcknowledged(impact.total, input.acknowledgedImpact);

    const { published: current } = await yearRows(tx, input.year);
    const previousEntries = current ? await tx.select().from(calendarEntries).where(eq(calendarEntries.yearId, current.id)) : [];
    if (current) await tx.update(calendarYears).set({ status: 'superseded', supersededAt: now, updatedAt: now }).where(eq(calendarYears.id, current.id));
    const [published] = await tx
      .update(calendarYears)
      .set({ status: 'published', publishedAt: now, publishedBy: actorLabel(ctx), publishReason: input.reason, version: plan.draft.version + 1, updatedAt: now })
      .where(eq(calendarYears.id, plan.draft.id))
      .returning();
    for (const e of plan.entries) {
      const note = stripDraftNote(e.note);
      if (e.status !== 'official' || note !== e.note) await tx.update(calendarEntries).set({ status: 'official', note }).where(eq(calendarEntries.id, e.id));
    }
    const revision = await bumpRevision(tx, now);
    await scope.audit({
      action: 'calendar.year.publish',
      subjectType: 'calendar_year',
      subjectId: published!.id,
      before: current ? { id: current.id, year: current.year, entries: auditEntries(previousEntries) } : null,
      after: { year: input.year, reason: input.reason, revision, impact: impact.modules, entries: auditEntries(plan.entries) },
    });
    scope.afterCommit(async () => {
      invalidateCalendarCache(ctx.db);
      await ctx.events.emit('calendar.changed', { ...plan.change, revision, reason: input.reason, actorId: actorId(ctx), occurredAt: now.toISOString() });
    });
    const entries = await tx.select().from(calendarEntries).where(eq(calendarEntries.yearId, plan.draft.id));
    return presentYearDetail(published!, entries);
  });
}
