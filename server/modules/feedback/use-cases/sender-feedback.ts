// What the sender (and a following account) does with an item: read it, reply to an information request (the clock
// resumes), rate the answer once and reopen it once when unsatisfied, follow a published item instead of filing it again.
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { getCitizenProfile } from '../../identity';
import type {
  FeedbackRatingRequest,
  FeedbackReplyRequest,
  FollowFeedbackResponse,
  MyFeedbackResponse,
  SenderFeedbackView,
} from '../../../../contracts/feedback/feedback.contracts';
import { calendarOfUnit, dueOf, minutesOfDays, toPauses } from '../feedback.deadlines';
import { notifySender } from '../feedback.notify';
import { isPortalAccount } from '../feedback.policy';
import { presentSenderView, presentUnit } from '../feedback.presenter';
import {
  addFollower,
  closeOpenPause,
  findItem,
  findPublished,
  followerCounts,
  insertRating,
  listByAccount,
  listEvents,
  listPauses,
  listRatings,
  lockItem,
  updateItem,
  type FeedbackRow,
} from '../feedback.repository';
import { allows, FEEDBACK_WORKFLOW } from '../feedback.workflow';
import { feedbackConfigOf, invalid, loadForSender, recordEvent, senderLink, senderRecipient, unitOf } from './common';

async function viewOf(ctx: Ctx, row: FeedbackRow): Promise<SenderFeedbackView> {
  const [pauses, ratings, merged, events, unit] = await Promise.all([
    listPauses(ctx.db, row.id),
    listRatings(ctx.db, row.id),
    row.mergedIntoId ? findItem(ctx.db, row.mergedIntoId) : Promise.resolve(null),
    listEvents(ctx.db, row.id),
    unitOf(ctx.db, row.assignedUnitId),
  ]);
  const open = pauses.find((p) => p.toAt === null);
  return presentSenderView(
    row,
    {
      openQuestion: open?.question ?? null,
      ratings,
      mergedIntoCode: merged?.code ?? null,
      unit: presentUnit(unit),
      events,
      days: feedbackConfigOf(ctx).days,
    },
    ctx.locale,
  );
}

/** GET /feedback/:code/sender: the item as its sender sees it (their account, or the secret from the receipt). */
export async function getSenderView(ctx: Ctx, code: string, token: string | undefined): Promise<SenderFeedbackView> {
  const { row } = await loadForSender(ctx, code, token);
  return viewOf(ctx, row);
}

/** GET /feedback/mine: the items the signed-in portal account filed, newest first (at most 100). */
export async function listMyFeedback(ctx: Ctx): Promise<MyFeedbackResponse> {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  const rows = await listByAccount(ctx.db, ctx.actor.userId, 100);
  return { items: await Promise.all(rows.map((r) => viewOf(ctx, r))) };
}

/**
 * POST /feedback/:code/reply: the sender's answer to the information request. The pause ends, and the due instant is
 * counted again from the clock's start with the paused working time left out (§19.6 pause-and-shift).
 */
export async function replyToInfoRequest(ctx: Ctx, code: string, input: FeedbackReplyRequest): Promise<SenderFeedbackView> {
  const { row: seen, proof } = await loadForSender(ctx, code, input.token);
  if (!allows('reply', seen.state)) throw new AppError('FEEDBACK_NO_INFO_REQUEST', { code: seen.code }, { status: 409 });
  const unit = await unitOf(ctx.db, seen.assignedUnitId);
  const cal = await calendarOfUnit(ctx.db, unit.code);
  const now = ctx.clock.now();
  const row = await withTransaction(ctx, async (scope) => {
    const locked = await lockItem(scope.tx, seen.id);
    if (!locked || !allows('reply', locked.state)) throw new AppError('FEEDBACK_NO_INFO_REQUEST', { code: seen.code }, { status: 409 });
    const pause = await closeOpenPause(scope.tx, locked.id, now, input.message);
    const due = dueOf(locked.clockStartedAt, locked.durationMinutes, cal, toPauses(await listPauses(scope.tx, locked.id)))!;
    const updated = await updateItem(
      scope.tx,
      locked.id,
      locked.version,
      { state: FEEDBACK_WORKFLOW.reply.to!, pausedAt: null, dueAt: due, updatedAt: now },
      FEEDBACK_WORKFLOW.reply.from,
    );
    if (!updated) throw new AppError('CONFLICT', {}, { status: 409 });
    await recordEvent(ctx, scope.tx, locked.id, 'info-received', { due: toVnIso(due) }, now);
    await scope.audit({
      action: 'feedback.reply',
      subjectType: 'feedback',
      subjectId: locked.id,
      before: { state: locked.state, version: locked.version, dueAt: toVnIso(locked.dueAt) },
      after: { state: updated.state, version: updated.version, dueAt: toVnIso(due), pausedFrom: pause ? toVnIso(pause.fromAt) : null, proof },
    });
    return updated;
  });
  return viewOf(ctx, row);
}

/**
 * POST /feedback/:code/rating: the sender rates the answer, once per answer. Unsatisfied, they may ask to reopen it —
 * once per item: it goes back to its unit with a new due counted from now (the unit's competence rule); a second
 * reopening is refused, the rating alone may still be given.
 */
export async function rateAnswer(ctx: Ctx, code: string, input: FeedbackRatingRequest): Promise<SenderFeedbackView> {
  const { row: seen, proof } = await loadForSender(ctx, code, input.token);
  if (input.reopen && input.rating !== 'unsatisfied') throw invalid([{ path: 'body.reopen', code: 'feedback.errors.reopenNeedsUnsatisfied' }]);
  if (seen.state !== 'ANSWERED') throw new AppError('FEEDBACK_NOT_ANSWERED', { code: seen.code }, { status: 409 });
  const rated = (await listRatings(ctx.db, seen.id)).some((r) => r.round === seen.reopenCount);
  if (rated) throw new AppError('FEEDBACK_ALREADY_RATED', { code: seen.code }, { status: 409 });
  if (input.reopen && seen.reopenCount >= 1) throw new AppError('FEEDBACK_REOPEN_USED', { code: seen.code }, { status: 409 });
  const { days } = feedbackConfigOf(ctx);
  const unit = await unitOf(ctx.db, seen.assignedUnitId);
  const cal = input.reopen ? await calendarOfUnit(ctx.db, unit.code) : null;
  const now = ctx.clock.now();
  const row = await withTransaction(ctx, async (scope) => {
    const locked = await lockItem(scope.tx, seen.id);
    if (!locked || locked.state !== 'ANSWERED' || locked.reopenCount !== seen.reopenCount) throw new AppError('CONFLICT', {}, { status: 409 });
    const round = locked.reopenCount;
    const inserted = await insertRating(scope.tx, {
      itemId: locked.id,
      round,
      rating: input.rating,
      comment: input.comment ?? null,
      reopened: input.reopen,
      channel: proof,
      ratedAt: now,
    });
    if (!inserted) throw new AppError('FEEDBACK_ALREADY_RATED', { code: locked.code }, { status: 409 });
    await recordEvent(ctx, scope.tx, locked.id, 'rated', { rating: input.rating, comment: input.comment ?? null }, now);
    let updated = locked;
    if (input.reopen && cal && allows('reopen', locked.state)) {
      // A new round: the clock starts again now, on the unit's competence rule; the earlier pauses belong to the first round.
      const minutes = minutesOfDays(days.competence, cal);
      const due = dueOf(now, minutes, cal)!;
      const next = await updateItem(
        scope.tx,
        locked.id,
        locked.version,
        {
          state: FEEDBACK_WORKFLOW.reopen.to!,
          reopenCount: round + 1,
          clockStartedAt: now,
          deadlineRule: 'competence',
          durationMinutes: minutes,
          deadlineReason: null,
          dueAt: due,
          remindedForDueAt: null,
          escalatedForDueAt: null,
          updatedAt: now,
        },
        FEEDBACK_WORKFLOW.reopen.from,
      );
      if (!next) throw new AppError('CONFLICT', {}, { status: 409 });
      updated = next;
      await recordEvent(ctx, scope.tx, locked.id, 'reopened', { due: toVnIso(due) }, now);
      await notifySender(scope, {
        itemId: locked.id,
        to: await senderRecipient(scope.tx, locked),
        params: { kind: 'reopened', code: locked.code, title: locked.title, due: toVnIso(due), link: senderLink(ctx, locked.code, null) },
        locale: ctx.locale,
        dedupe: `reopened:${round + 1}`,
      });
    }
    await scope.audit({
      action: input.reopen ? 'feedback.reopen' : 'feedback.rate',
      subjectType: 'feedback',
      subjectId: locked.id,
      before: { state: locked.state, version: locked.version, reopenCount: locked.reopenCount },
      after: { state: updated.state, version: updated.version, reopenCount: updated.reopenCount, rating: input.rating, round, proof, dueAt: toVnIso(updated.dueAt) },
    });
    return updated;
  });
  return viewOf(ctx, row);
}

/**
 * POST /feedback/:code/follow: a signed-in portal account follows a published item instead of filing the same again;
 * told when it is answered again. Following twice changes nothing.
 */
export async function followFeedback(ctx: Ctx, code: string): Promise<FollowFeedbackResponse> {
  if (!isPortalAccount(ctx.actor)) throw new AppError('FORBIDDEN', {});
  const row = await findPublished(ctx.db, code.trim().toUpperCase());
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND', { code }, { status: 404 });
  const profile = await getCitizenProfile(ctx);
  const now = ctx.clock.now();
  await withTransaction(ctx, async (scope) => {
    const added = await addFollower(scope.tx, { itemId: row.id, accountId: profile.id, email: profile.email, phone: profile.phone, createdAt: now });
    if (added) await scope.audit({ action: 'feedback.follow', subjectType: 'feedback', subjectId: row.id, before: null, after: { accountId: profile.id, code: row.code } });
  });
  const counts = await followerCounts(ctx.db, [row.id]);
  return { code: row.code, following: true, followers: counts.get(row.id) ?? 0 };
}
