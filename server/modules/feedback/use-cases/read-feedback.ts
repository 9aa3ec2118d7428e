// The officers' reads (issue 14 item 1): the queue of the units the caller covers, and an item with its history and
// what the caller may do with it.
import { hasRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { LEADER, listOrgUnitIdsWithin, PROVINCE_READERS, RECEPTION_OFFICER, SPECIALIST } from '../../identity';
import type { FeedbackDetail, FeedbackQueue, FeedbackQueueQuery } from '../../../../contracts/feedback/feedback.contracts';
import { FEEDBACK_CODE_PATTERN } from '../../../../contracts/feedback/feedback.values';
import { FEEDBACK_ACTIONS } from '../feedback.policy';
import { presentDetail, presentQueueItem } from '../feedback.presenter';
import { findItem, followerCounts, listEvents, listPauses, listQueue, listRatings, type FeedbackRow } from '../feedback.repository';
import { queryWords } from '../feedback.search';
import { feedbackConfigOf, loadForOfficer, mayAct, unitsById } from './common';

/** The units whose items the caller reads: null for the province's readers, else the units its handling grants cover. */
async function readableUnits(ctx: Ctx): Promise<string[] | null> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  if (actor.system || hasRole(actor, PROVINCE_READERS)) return null;
  const roles: readonly string[] = [RECEPTION_OFFICER, SPECIALIST, LEADER];
  const scopes = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.scopePath);
  return listOrgUnitIdsWithin(ctx.db, scopes);
}

/** GET /feedback/queue: items assigned to the units the caller covers (the province for its readers), soonest due first. */
export async function listFeedbackQueue(ctx: Ctx, query: FeedbackQueueQuery): Promise<FeedbackQueue> {
  const readable = await readableUnits(ctx);
  let unitIds = readable;
  if (query.unitId) {
    if (readable !== null && !readable.includes(query.unitId)) throw new AppError('FORBIDDEN', { action: FEEDBACK_ACTIONS.read });
    unitIds = [query.unitId];
  }
  const code = query.q?.trim().toUpperCase();
  const now = ctx.clock.now();
  const { rows, total } = await listQueue(ctx.db, {
    unitIds,
    state: query.state,
    overdue: query.overdue,
    ...(code && FEEDBACK_CODE_PATTERN.test(code) ? { code } : { q: queryWords(query.q) }),
    now,
    page: query.page,
    pageSize: query.pageSize,
  });
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.assignedUnitId),
  );
  return { items: rows.map((r) => presentQueueItem(r, units, now, ctx.locale)), total };
}

/** The officers' detail of a row (the caller's permission to read it was checked). */
export async function presentForOfficer(ctx: Ctx, row: FeedbackRow): Promise<FeedbackDetail> {
  const [units, events, pauses, ratings, followers, merged] = await Promise.all([
    unitsById(ctx.db, [row.assignedUnitId, row.receivingUnitId]),
    listEvents(ctx.db, row.id),
    listPauses(ctx.db, row.id),
    listRatings(ctx.db, row.id),
    followerCounts(ctx.db, [row.id]),
    row.mergedIntoId ? findItem(ctx.db, row.mergedIntoId) : Promise.resolve(null),
  ]);
  const unit = units.get(row.assignedUnitId)!;
  return presentDetail(
    {
      row,
      units,
      events,
      pauses,
      ratings,
      followers: followers.get(row.id) ?? 0,
      mergedInto: merged ? { id: merged.id, code: merged.code } : null,
      now: ctx.clock.now(),
      days: feedbackConfigOf(ctx).days,
      may: (action) => mayAct(ctx, action, unit),
    },
    ctx.locale,
  );
}

/** GET /feedback/:id: the item, its history (every state change) and what the caller may do next. */
export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackDetail> {
  const { row } = await loadForOfficer(ctx, id, FEEDBACK_ACTIONS.read);
  return presentForOfficer(ctx, row);
}
