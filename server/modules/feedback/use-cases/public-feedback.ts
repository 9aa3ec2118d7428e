// The public side (issue 14 item 4): answered items published with personal data masked, searched and browsed by
// procedure, field and unit; similar items suggested while a citizen types; counts and on-time rates by unit.
import { vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { translate } from '../../../platform/i18n';
import { sumCounts } from '../../../platform/db/sum-counts';
import type { FeedbackStats, PublicFeedbackDetail, PublicFeedbackList, PublicFeedbackQuery, SimilarFeedbackResponse } from '../../../../contracts/feedback/feedback.contracts';
import { presentPublicDetail, presentPublicSummary } from '../feedback.presenter';
import { countsByUnit, findPublished, followerCounts, listPublished, similarPublished, type FeedbackRow, type UnitCounts } from '../feedback.repository';
import { queryWords, similarTerms } from '../feedback.search';
import { unitsById } from './common';

/** How many similar items are suggested. */
export const SIMILAR_LIMIT = 5;

async function summaries(ctx: Ctx, rows: FeedbackRow[]) {
  const [units, followers] = await Promise.all([
    unitsById(
      ctx.db,
      rows.map((r) => r.assignedUnitId),
    ),
    followerCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => presentPublicSummary(r, units, followers.get(r.id) ?? 0));
}

/**
 * GET /feedback/similar: up to five published items sharing most distinctive words with what the citizen typed (title
 * or content), diacritics ignored, so they may follow one instead of filing the same again.
 */
export async function findSimilarFeedback(ctx: Ctx, q: string): Promise<SimilarFeedbackResponse> {
  const terms = similarTerms(q);
  if (!terms) return { items: [] };
  return { items: await summaries(ctx, await similarPublished(ctx.db, terms, SIMILAR_LIMIT)) };
}

/** GET /feedback/public: published items, newest answer first; `q` matches the masked published text only. */
export async function listPublicFeedback(ctx: Ctx, query: PublicFeedbackQuery): Promise<PublicFeedbackList> {
  const { rows, total } = await listPublished(ctx.db, {
    q: queryWords(query.q),
    procedureCode: query.procedureCode,
    field: query.field,
    unitId: query.unitId,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: await summaries(ctx, rows), total };
}

/** GET /feedback/public/:code: one published item; 404 alike for an unknown and an unpublished code. */
export async function getPublicFeedback(ctx: Ctx, code: string): Promise<PublicFeedbackDetail> {
  const row = await findPublished(ctx.db, code.trim().toUpperCase());
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND', { code }, { status: 404 });
  const [units, followers] = await Promise.all([unitsById(ctx.db, [row.assignedUnitId]), followerCounts(ctx.db, [row.id])]);
  return presentPublicDetail(row, units, followers.get(row.id) ?? 0);
}

const DAY_MS = 86_400_000;
const rate = (c: Pick<UnitCounts, 'answered' | 'answeredOnTime'>) => (c.answered === 0 ? null : Math.round((c.answeredOnTime / c.answered) * 10_000) / 10_000);

/**
 * GET /feedback/public/stats: by the unit each item is assigned to, the items received from `from` to `to` (Vietnamese
 * calendar days), answered, answered on time (approved no later than the due instant, §19.8), open and open past due,
 * out of scope. The definition is returned with the numbers (§19).
 */
export async function feedbackStats(ctx: Ctx, query: { from?: string; to?: string }): Promise<FeedbackStats> {
  const from = query.from ? vnInstant(query.from) : null;
  const to = query.to ? new Date(vnInstant(query.to).getTime() + DAY_MS) : null;
  const rows = await countsByUnit(ctx.db, { from, to }, ctx.clock.now());
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const zero: Omit<UnitCounts, 'unitId'> = { received: 0, answered: 0, answeredOnTime: 0, open: 0, openOverdue: 0, outOfScope: 0 };
  const total = sumCounts(rows, zero);
  const items = rows
    .map((r) => {
      const u = units.get(r.unitId);
      const { unitId: _unitId, ...counts } = r;
      return { unit: { id: r.unitId, code: u?.code ?? '', name: u?.name ?? '' }, ...counts, onTimeRate: rate(r) };
    })
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi') || a.unit.code.localeCompare(b.unit.code));
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    definition: translate(ctx.locale, 'feedback.stats.definition') ?? '',
    total: { ...total, onTimeRate: rate(total) },
    items,
  };
}
