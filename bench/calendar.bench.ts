import { OFFICIAL_YEARS, addWorkingTime, addWorkingTimeMs, buildCalendar, vnInstant } from '../server/platform/calendar';

// Fixed data: 200,000 receptions at random seconds in 01/01/2024 – 31/10/2026 (+07:00) and durations of
// 1–20 working days, from a seeded PRNG, on the official 2024–2026 calendar (domain README §19).
const SAMPLES = 200_000;
const SEED = 0x6d6f7463; // "motc"
const MIN_MEASURE_MS = 1_000;
const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function fixture(): { starts: Float64Array; workingDays: Int32Array } {
  const random = prng(SEED);
  const from = vnInstant('2024-01-01').getTime() / 1000;
  const to = vnInstant('2026-11-01').getTime() / 1000;
  const starts = new Float64Array(SAMPLES);
  const workingDays = new Int32Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) {
    starts[i] = Math.floor(from + random() * (to - from)) * 1000;
    workingDays[i] = 1 + Math.floor(random() * 20);
  }
  return { starts, workingDays };
}

/**
 * Runs `pass` (one sweep over the fixture) until MIN_MEASURE_MS has elapsed; returns operations per
 * second and the sum one sweep returns (deterministic; using it keeps the loop from being optimised away).
 */
function measure(pass: () => number): { perSecond: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < 3; i++) checksum = pass(); // warm-up: let the JIT optimise the hot loop
  let sweeps = 0;
  const t0 = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < MIN_MEASURE_MS || sweeps < 3) {
    if (pass() !== checksum) throw new Error('a sweep gave a different result');
    sweeps++;
    elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return { perSecond: (sweeps * SAMPLES * 1000) / elapsedMs, checksum };
}

/** Due-date throughput of the compiled calendar against a calendar-free loop, on one core. */
export function run(): void {
  const tBuild = process.hrtime.bigint();
  const cal = buildCalendar({ id: 'bench', years: OFFICIAL_YEARS });
  const buildMs = Number(process.hrtime.bigint() - tBuild) / 1e6;
  const { starts, workingDays } = fixture();
  const dayMinutes = cal.standardDayMinutes;

  // The fast path must agree with the public API on the fixture (checked on a sample).
  for (let i = 0; i < SAMPLES; i += 997) {
    const viaApi = addWorkingTime(new Date(starts[i]!), { amount: workingDays[i]!, unit: 'working-days' }, cal).due!.getTime();
    if (viaApi !== addWorkingTimeMs(starts[i]!, workingDays[i]! * dayMinutes, cal)) throw new Error(`mismatch at sample ${i}`);
  }

  const calendarPass = (): number => {
    let sum = 0;
    for (let i = 0; i < SAMPLES; i++) sum += addWorkingTimeMs(starts[i]!, workingDays[i]! * dayMinutes, cal);
    return sum;
  };
  // Baseline: the same stepping without a calendar — add N × 24 h, then move a Saturday/Sunday to Monday
  // with plain weekday arithmetic (no holidays, no office hours).
  const baselinePass = (): number => {
    let sum = 0;
    for (let i = 0; i < SAMPLES; i++) {
      let t = starts[i]! + workingDays[i]! * DAY_MS;
      const weekday = (Math.floor((t + VN_OFFSET_MS) / DAY_MS) + 3) % 7; // 0 = Monday
      if (weekday >= 5) t += (7 - weekday) * DAY_MS;
      sum += t;
    }
    return sum;
  };

  const calendar = measure(calendarPass);
  const baseline = measure(baselinePass);
  console.log(`calendar bench: ${SAMPLES} starts (seed ${SEED}), 1–20 working days, calendar ${cal.firstYear}–${cal.lastYear} built in ${buildMs.toFixed(2)} ms`);
  console.log(`sweep checksums ${calendar.checksum} / ${baseline.checksum}; throughput ratio calendar/baseline ${(calendar.perSecond / baseline.perSecond).toFixed(3)}`);
  console.log(`calendar: ${Math.round(calendar.perSecond)} due-dates/s, baseline ${Math.round(baseline.perSecond)}/s`);
}
