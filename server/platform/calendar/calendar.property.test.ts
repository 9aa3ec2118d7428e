import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OFFICIAL_YEARS,
  addWorkingTime,
  buildCalendar,
  classifyFinish,
  describeDay,
  differingSpan,
  durationMinutes,
  normaliseStart,
  vnDateOf,
  vnInstant,
  workingTimeBetween,
  type CalendarYear,
  type Duration,
  type IsoDate,
  type Pause,
} from './index';

// Source of the dates: domain README §19 "Official yearly schedules" (2024–2026) via OFFICIAL_YEARS.
const cal = buildCalendar({ id: 'demo', years: OFFICIAL_YEARS });
const MINUTE = 60_000;
const DAY = 86_400_000;
const ms = (date: IsoDate): number => vnInstant(date).getTime();

// Starts late enough in 2026 would run past the covered years; keep headroom for 40 working days.
const startArb = fc.integer({ min: ms('2024-01-01'), max: ms('2026-10-01') });
const durationArb: fc.Arbitrary<Duration> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((amount): Duration => ({ amount, unit: 'working-days' })),
  fc.integer({ min: 1, max: 200 }).map((amount): Duration => ({ amount, unit: 'working-hours' })),
);

/** Office periods of the +07:00 date containing `t`, as absolute [start, end] ms. */
function periodsOf(date: IsoDate): Array<readonly [number, number]> {
  return describeDay(date, cal).periods.map((p) => [vnInstant(date, p.start).getTime(), vnInstant(date, p.end).getTime()] as const);
}
const nextDate = (date: IsoDate): IsoDate => vnDateOf(new Date(ms(date) + DAY));

/** Oracle: walks the office periods day by day (no prefix sums, no binary search). */
function naiveDue(startMs: number, minutes: number): number {
  let remaining = minutes * MINUTE;
  let date = vnDateOf(new Date(startMs));
  for (;;) {
    for (const [s, e] of periodsOf(date)) {
      const from = Math.max(s, startMs);
      if (from >= e) continue;
      if (remaining <= e - from) return from + remaining;
      remaining -= e - from;
    }
    date = nextDate(date);
  }
}

/** Oracle: working ms in [a, b] covered by at least one pause (sweep over the union). */
function naivePausedWork(a: number, b: number, pauses: readonly Pause[]): number {
  let total = 0;
  for (let date = vnDateOf(new Date(a)); ms(date) < b; date = nextDate(date)) {
    for (const [s, e] of periodsOf(date)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (lo >= hi) continue;
      const pieces = pauses
        .map((p) => [Math.max(p.from.getTime(), lo), Math.min(p.to?.getTime() ?? Number.POSITIVE_INFINITY, hi)] as const)
        .filter(([f, t]) => f < t)
        .sort((x, y) => x[0] - y[0]);
      let covered = 0;
      let reach = lo;
      for (const [f, t] of pieces) {
        if (t <= reach) continue;
        covered += t - Math.max(f, reach);
        reach = t;
      }
      total += covered;
    }
  }
  return total;
}

const insideOfficeHours = (t: number): boolean => periodsOf(vnDateOf(new Date(t))).some(([s, e]) => s < t && t <= e);

describe('properties over random starts in 2024–2026 (fast-check)', () => {
  it('due is inside office hours (start < t ≤ end of a period), matches the oracle, and is the earliest', () => {
    fc.assert(
      fc.property(startArb, durationArb, (startMs, duration) => {
        const start = new Date(startMs);
        const minutes = durationMinutes(duration, cal);
        const due = addWorkingTime(start, duration, cal).due!;
        expect(insideOfficeHours(due.getTime())).toBe(true);
        expect(due.getTime()).toBe(naiveDue(startMs, minutes));
        expect(workingTimeBetween(normaliseStart(start, cal), due, cal)).toBe(minutes);
        expect(workingTimeBetween(start, due, cal)).toBe(minutes);
        expect(workingTimeBetween(start, new Date(due.getTime() - 1), cal)).toBeLessThan(minutes);
        expect(classifyFinish(due, due, cal)).toBe('on-time');
        expect(classifyFinish(new Date(due.getTime() + 1), due, cal)).toBe('late');
      }),
      { numRuns: 500 },
    );
  });

  it('skipped lists exactly the non-working dates strictly between reception and due dates', () => {
    fc.assert(
      fc.property(startArb, durationArb, (startMs, duration) => {
        const r = addWorkingTime(new Date(startMs), duration, cal);
        const expected: string[] = [];
        const last = vnDateOf(r.due!);
        for (let d = nextDate(vnDateOf(new Date(startMs))); d < last; d = nextDate(d)) {
          if (!describeDay(d, cal).working) expected.push(d);
        }
        expect(r.skipped.map((s) => s.date)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  const pauseStartArb = fc.integer({ min: ms('2024-01-01'), max: ms('2026-06-01') });
  const pausesArb = (startMs: number): fc.Arbitrary<Pause[]> =>
    fc.array(
      fc
        .record({
          offset: fc.integer({ min: -3 * DAY, max: 30 * DAY }),
          length: fc.integer({ min: 0, max: 10 * DAY }),
          reason: fc.constantFrom('supplement', 'inter-agency', 'financial-obligation'),
        })
        .map(({ offset, length, reason }): Pause => ({
          from: new Date(startMs + offset),
          to: new Date(startMs + offset + length),
          reason,
        })),
      { maxLength: 5 },
    );

  it('with pauses, due shifts by exactly the working time the pauses cover', () => {
    fc.assert(
      fc.property(
        pauseStartArb.chain((startMs) => fc.tuple(fc.constant(startMs), durationArb, pausesArb(startMs))),
        ([startMs, duration, pauses]) => {
          const start = new Date(startMs);
          const minutes = durationMinutes(duration, cal);
          const plain = addWorkingTime(start, duration, cal).due!;
          const shifted = addWorkingTime(start, duration, cal, pauses).due!;
          expect(shifted.getTime()).toBeGreaterThanOrEqual(plain.getTime());
          // Minutes are fractional for ms-precision pauses: compare to well under a millisecond.
          expect(workingTimeBetween(plain, shifted, cal)).toBeCloseTo(naivePausedWork(startMs, shifted.getTime(), pauses) / MINUTE, 6);
          expect(workingTimeBetween(start, shifted, cal, pauses)).toBe(minutes);
          expect(workingTimeBetween(start, new Date(shifted.getTime() - 1), cal, pauses)).toBeLessThan(minutes);
          expect(insideOfficeHours(shifted.getTime())).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an open pause makes the due unknown iff it starts before the duration has elapsed', () => {
    fc.assert(
      fc.property(
        pauseStartArb.chain((startMs) => fc.tuple(fc.constant(startMs), durationArb, pausesArb(startMs), fc.integer({ min: 0, max: 60 * DAY }))),
        ([startMs, duration, closed, openOffset]) => {
          const start = new Date(startMs);
          const open: Pause = { from: new Date(startMs + openOffset), to: null, reason: 'supplement' };
          const withoutOpen = addWorkingTime(start, duration, cal, closed).due!;
          const r = addWorkingTime(start, duration, cal, [...closed, open]);
          const elapsedAtOpen = workingTimeBetween(start, open.from, cal, closed);
          if (elapsedAtOpen < durationMinutes(duration, cal)) expect(r.due).toBeNull();
          else expect(r.due).toEqual(withoutOpen);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('workingTimeBetween is additive and antisymmetric', () => {
    const t = fc.integer({ min: ms('2024-01-01'), max: ms('2027-01-01') - 1 });
    fc.assert(
      fc.property(t, t, t, (a, b, c) => {
        const [da, db, dc] = [new Date(a), new Date(b), new Date(c)];
        expect(workingTimeBetween(da, db, cal) + workingTimeBetween(db, dc, cal)).toBeCloseTo(workingTimeBetween(da, dc, cal), 9);
        expect(workingTimeBetween(db, da, cal) + workingTimeBetween(da, db, cal)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('normaliseStart is idempotent, never earlier, and loses no working time', () => {
    fc.assert(
      fc.property(startArb, (startMs) => {
        const start = new Date(startMs);
        const n = normaliseStart(start, cal);
        expect(n.getTime()).toBeGreaterThanOrEqual(startMs);
        expect(normaliseStart(n, cal)).toEqual(n);
        expect(workingTimeBetween(start, n, cal)).toBe(0);
        const day = describeDay(vnDateOf(n), cal);
        expect(day.periods.some((p) => vnInstant(day.date, p.start).getTime() <= n.getTime() && n.getTime() < vnInstant(day.date, p.end).getTime())).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('differingSpan bounds what a calendar change can move (issue 10 item 4)', () => {
  // One ordinary date (no entry in the official years) changed: a working day gets a day off, a rest day is worked.
  const listed = new Set(OFFICIAL_YEARS.flatMap((y) => [...y.daysOff, ...y.makeUpDays].map((e) => e.date)));
  const withChange = (date: IsoDate): CalendarYear[] =>
    OFFICIAL_YEARS.map((y) => {
      if (y.year !== Number(date.slice(0, 4))) return y;
      const entry = { date, reason: 'Thay đổi thử', reference: 'Thử' };
      return describeDay(date, cal).working ? { ...y, daysOff: [...y.daysOff, { ...entry, kind: 'other' as const }] } : { ...y, makeUpDays: [...y.makeUpDays, entry] };
    });
  const anyDurationArb: fc.Arbitrary<Duration> = fc.oneof(
    durationArb,
    fc.integer({ min: 0, max: 45 }).map((amount): Duration => ({ amount, unit: 'calendar-days' })),
  );
  const closedPausesArb = (startMs: number): fc.Arbitrary<Pause[]> =>
    fc.array(
      fc
        .record({ offset: fc.integer({ min: -3 * DAY, max: 30 * DAY }), length: fc.integer({ min: 0, max: 10 * DAY }) })
        .map(({ offset, length }): Pause => ({ from: new Date(startMs + offset), to: new Date(startMs + offset + length), reason: 'supplement' })),
      { maxLength: 3 },
    );

  it('is exactly the changed date, and a due counted wholly outside it (received after, or due before) is the same on both', () => {
    let outside = 0;
    let moved = 0;
    fc.assert(
      fc.property(
        // The changed date near the reception, so that windows over it, beside it and before it all come up.
        startArb.chain((startMs) => fc.tuple(fc.constant(startMs), anyDurationArb, closedPausesArb(startMs), fc.integer({ min: -5, max: 60 }))),
        ([startMs, duration, pauses, offset]) => {
          const date = vnDateOf(new Date(startMs + offset * DAY));
          fc.pre(!listed.has(date) && date >= '2024-01-01' && date < '2027-01-01');
          const other = buildCalendar({ id: 'changed', years: withChange(date) });
          const span = differingSpan(cal, other)!;
          expect(span).toEqual({ from: vnInstant(date), to: vnInstant(nextDate(date)) });
          const before = addWorkingTime(new Date(startMs), duration, cal, pauses).due!;
          const after = addWorkingTime(new Date(startMs), duration, other, pauses).due!;
          if (startMs >= span.to.getTime() || before.getTime() < span.from.getTime()) {
            outside++;
            expect(after).toEqual(before);
          } else if (after.getTime() !== before.getTime()) moved++;
        },
      ),
      { numRuns: 400 },
    );
    // Both sides of the rule were exercised.
    expect(outside).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(20);
  });

  it('is null between equal calendars, the covered years against none, and every covered date when the standard day differs', () => {
    expect(differingSpan(cal, buildCalendar({ id: 'again', years: OFFICIAL_YEARS }))).toBeNull();
    expect(differingSpan(null, null)).toBeNull();
    const whole = { from: vnInstant('2024-01-01'), to: vnInstant('2027-01-01') };
    expect(differingSpan(null, cal)).toEqual(whole);
    const shortMondays = buildCalendar({ id: 'short', years: OFFICIAL_YEARS, weeklyHours: { ...cal.weeklyHours, 1: [{ start: '07:00', end: '11:30' }] } });
    expect(differingSpan(cal, shortMondays)).toEqual(whole);
    // Sunday mornings opened: every Sunday differs, so the span runs from the first to the last one covered.
    const sundays = buildCalendar({ id: 'sun', years: OFFICIAL_YEARS, weeklyHours: { ...cal.weeklyHours, 7: [{ start: '07:30', end: '11:30' }] } });
    expect(differingSpan(cal, sundays)).toEqual({ from: vnInstant('2024-01-07'), to: vnInstant('2026-12-28') });
    // One more year covered: that year differs.
    const longer = buildCalendar({ id: 'longer', years: [...OFFICIAL_YEARS, { year: 2027, status: 'draft', daysOff: [], makeUpDays: [] }] });
    expect(differingSpan(cal, longer)).toEqual({ from: vnInstant('2027-01-01'), to: vnInstant('2028-01-01') });
  });
});
