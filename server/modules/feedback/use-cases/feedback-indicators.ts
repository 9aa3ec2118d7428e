// The feedback numbers the dashboards show (issue 14 item 6): received, answered on time and late, open past due,
// out of scope, and the senders' satisfaction, by unit, channel, procedure or kind. The dashboards module decides who
// reads which units (its policy); this counts and names the groups in the reader's language.
import { translate } from '../../../platform/i18n';
import type { Ctx } from '../../../platform/context/context';
import { sumCounts } from '../../../platform/db/sum-counts';
import type { FeedbackIndicatorFigures } from '../../../../contracts/dashboards/dashboards.contracts';
import { feedbackIndicatorCounts, type FeedbackIndicatorCounts, type FeedbackIndicatorDimension } from '../feedback.repository';
import type { OrgUnitRef } from '../../identity';
import { unitsById } from './common';

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

function figures(c: Omit<FeedbackIndicatorCounts, 'key' | 'name'>): FeedbackIndicatorFigures {
  return {
    received: c.received,
    answered: c.answered,
    answeredOnTime: c.answeredOnTime,
    answeredLate: c.answered - c.answeredOnTime,
    onTimeRate: share(c.answeredOnTime, c.answered),
    open: c.open,
    openOverdue: c.openOverdue,
    outOfScope: c.outOfScope,
    rated: c.rated,
    satisfied: c.satisfied,
    satisfactionRate: share(c.satisfied, c.rated),
  };
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Items assigned to `unitIds`, received in [from, to), split by `by`, with the total and the definition. */
export async function readFeedbackIndicators(
  ctx: Ctx,
  args: { unitIds: readonly string[]; from: Date; to: Date; by: FeedbackIndicatorDimension },
): Promise<{ total: FeedbackIndicatorFigures; rows: Array<FeedbackIndicatorFigures & { key: string; label: string }>; definition: string }> {
  const counted = await feedbackIndicatorCounts(ctx.db, { ...args, now: ctx.clock.now() });
  const units =
    args.by === 'unit'
      ? await unitsById(
          ctx.db,
          counted.map((c) => c.key),
        )
      : new Map<string, OrgUnitRef>();
  const none = translate(ctx.locale, 'feedback.indicators.none') ?? '';
  const label = (c: FeedbackIndicatorCounts): string => {
    if (args.by === 'unit') return units.get(c.key)?.name ?? c.key;
    if (c.key === '') return none;
    if (args.by === 'procedure') return c.name ? `${c.key} — ${c.name}` : c.key;
    return capitalised(translate(ctx.locale, `feedback.${args.by}.${c.key}`) ?? c.key);
  };
  const sum = sumCounts(counted, { received: 0, answered: 0, answeredOnTime: 0, open: 0, openOverdue: 0, outOfScope: 0, rated: 0, satisfied: 0 });
  const rows = counted
    .map((c) => ({ key: c.key, label: label(c), ...figures(c) }))
    // Most received first; the group with nothing recorded last.
    .sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.received - a.received || a.label.localeCompare(b.label, 'vi'));
  return { total: figures(sum), rows, definition: translate(ctx.locale, 'feedback.indicators.definition') ?? '' };
}
