// The adjustable clock's admin API (MOTCUA_ADJUSTABLE_CLOCK=true only): lets a journey, a training session or a demo
// show what happens as working days pass — at-risk flags, due-soon queues, the apology window — without waiting.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdvanceClockSchema, ClockStateSchema, SetClockSchema, type ClockState } from '../../../contracts/clock/clock.contracts';
import { addWorkingTimeMs } from '../calendar';
import { getPublishedCalendar } from '../calendar/store';
import { withTransaction, type AdjustableClock, type Ctx } from '../context/context';
import type { ModuleManifest } from '../http/module';
import { declareMessages, type MessageDeclaration } from '../i18n';

/** Moving the adjustable clock; its policy is defined by the module that owns the roles (platform knows none). */
export const CLOCK_ADJUST_ACTION = 'platform.clock.adjust';

const clockMessages: MessageDeclaration[] = [
  declareMessages('vi', {
    'platform.clock.nothingToAdvance': 'Nhập số phút làm việc hoặc số phút cần chuyển đồng hồ tới.',
    'platform.clock.instant': 'Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2026-12-05T09:00:00+07:00.',
  }),
  declareMessages('en', {
    'platform.clock.nothingToAdvance': 'Enter the working minutes or minutes to move the clock forward by.',
    'platform.clock.instant': 'The instant must be ISO 8601 with a time zone offset, e.g. 2026-12-05T09:00:00+07:00.',
  }),
];

const stateOf = (clock: AdjustableClock): ClockState => ({ now: clock.now().toISOString(), offsetMinutes: Math.round(clock.offsetMs() / 60_000) });

/** Moves the clock, audited: working minutes are counted on the province's published calendar. */
async function move(ctx: Ctx, clock: AdjustableClock, change: { workingMinutes?: number; minutes?: number } | { at: string } | 'reset'): Promise<ClockState> {
  const before = stateOf(clock);
  let target: number | null = null;
  if (change !== 'reset' && 'at' in change) {
    target = new Date(change.at).getTime() - clock.now().getTime();
  } else if (change !== 'reset') {
    const from = clock.now().getTime();
    let to = from;
    if (change.workingMinutes) to = addWorkingTimeMs(to, change.workingMinutes, await getPublishedCalendar(ctx.db));
    to += (change.minutes ?? 0) * 60_000;
    target = to - from;
  }
  // The entry is written at the moment the clock is moved from (the audit time comes from the clock).
  await withTransaction(ctx, (scope) =>
    scope.audit({
      action: change === 'reset' ? 'platform.clock.reset' : 'at' in change ? 'platform.clock.set' : 'platform.clock.advance',
      subjectType: 'clock',
      subjectId: 'process',
      before,
      after: change === 'reset' ? { offsetMinutes: 0 } : { ...change, byMs: target },
    }),
  );
  if (change === 'reset') clock.reset();
  else clock.advance(target!);
  return stateOf(clock);
}

/** Routes under /api/v1/clock; registered by buildApp only when the clock is adjustable. */
export function clockModule(clock: AdjustableClock): ModuleManifest {
  return {
    key: 'clock',
    messages: clockMessages,
    async routes(app: FastifyInstance) {
      const r = app.withTypeProvider<ZodTypeProvider>();
      const tags = ['clock'];
      r.get(
        '/',
        { config: { action: CLOCK_ADJUST_ACTION }, schema: { tags, summary: 'Adjustable clock state (demo and training only)', response: { 200: ClockStateSchema } } },
        async () => stateOf(clock),
      );
      r.post(
        '/advance',
        {
          config: { action: CLOCK_ADJUST_ACTION },
          schema: { tags, summary: 'Move the adjustable clock forward by working time', body: AdvanceClockSchema, response: { 200: ClockStateSchema } },
        },
        async (request) => move(request.ctx, clock, request.body),
      );
      r.post(
        '/set',
        {
          config: { action: CLOCK_ADJUST_ACTION },
          schema: { tags, summary: 'Set the clock to an instant (forward or back)', body: SetClockSchema, response: { 200: ClockStateSchema } },
        },
        async (request) => move(request.ctx, clock, request.body),
      );
      r.post(
        '/reset',
        { config: { action: CLOCK_ADJUST_ACTION }, schema: { tags, summary: 'Reset the adjustable clock to real time', response: { 200: ClockStateSchema } } },
        async (request) => move(request.ctx, clock, 'reset'),
      );
    },
  };
}
