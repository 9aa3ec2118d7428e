// Classification, routing and deadlines of an item by the officers of its unit (issue 14 items 1–2; domain README §8).
import { instantText, toVnIso } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { translate } from '../../../platform/i18n';
import type {
  ClassifyFeedbackRequest,
  MergeFeedbackRequest,
  OutOfScopeRequest,
  RequestInfoRequest,
  SetDeadlineRequest,
  TransferFeedbackRequest,
} from '../../../../contracts/feedback/feedback.contracts';
import { calendarOfUnit, daysOf, dueOf, minutesOfDays, minutesUntil, toPauses } from '../feedback.deadlines';
import { notifySender } from '../feedback.notify';
import { FEEDBACK_ACTIONS } from '../feedback.policy';
import { addFollower, closeOpenPause, findItemByCode, insertEvent, insertPause, listPauses, lockItem, type FeedbackRow } from '../feedback.repository';
import { lawText, ruleText } from '../feedback.presenter';
import { actorIdOf, actorLabelOf, feedbackConfigOf, invalid, openUnit, senderLink, senderRecipient } from './common';
import { transitionFeedback } from './transition';

/** POST /feedback/:id/classify: about a regulation or about an officer's conduct; the unit now handles it. */
export async function classifyFeedback(ctx: Ctx, id: string, input: ClassifyFeedbackRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.route,
    transition: 'classify',
    version: input.version,
    apply: async ({ update, event }) => {
      const row = await update({ kind: input.kind });
      await event('classified', { kind: input.kind, note: input.note ?? null });
      return { row, audit: { kind: input.kind, note: input.note ?? null } };
    },
  });
}

/**
 * POST /feedback/:id/out-of-scope: a complaint or a denunciation is not feedback on a regulation (§8 "Scope boundary"):
 * the item is closed with the reason, and the sender is told which law applies instead (Luật Khiếu nại 2011, Luật Tố
 * cáo 2018) — not rerouted silently.
 */
export async function closeOutOfScope(ctx: Ctx, id: string, input: OutOfScopeRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.route,
    transition: 'close-out-of-scope',
    version: input.version,
    apply: async ({ scope, update, event, now }) => {
      const row = await update({ kind: 'out-of-scope', outOfScopeCategory: input.category, closingReason: input.reason, closedAt: now });
      await event('closed-out-of-scope', { category: input.category, reason: input.reason });
      const locale = ctx.locale;
      await notifySender(scope, {
        itemId: row.id,
        to: await senderRecipient(scope.tx, row),
        params: {
          kind: 'out-of-scope',
          code: row.code,
          title: row.title,
          category: translate(locale, `feedback.category.${input.category}`) ?? input.category,
          reason: input.reason,
          law: lawText(input.category, locale),
        },
        locale,
        dedupe: 'out-of-scope',
      });
      return { row, audit: { category: input.category, reason: input.reason } };
    },
  });
}

/** POST /feedback/:id/transfer: to the competent unit, with the reason; the due instant promised to the sender stays. */
export async function transferFeedback(ctx: Ctx, id: string, input: TransferFeedbackRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.route,
    transition: 'transfer',
    version: input.version,
    prepare: async (row) => {
      const target = await openUnit(ctx, input.unitId);
      if (!target) throw invalid([{ path: 'body.unitId', code: 'feedback.errors.unitUnknown' }]);
      if (target.id === row.assignedUnitId) throw invalid([{ path: 'body.unitId', code: 'feedback.errors.sameUnit' }]);
      return target;
    },
    apply: async ({ update, event, unit, prepared: target }) => {
      // The reminder and escalation belong to the unit holding it now: the new unit is reminded afresh.
      const row = await update({ assignedUnitId: target.id, remindedForDueAt: null, escalatedForDueAt: null });
      await event('transferred', { from: unit.name, to: target.name, reason: input.reason });
      return { row, audit: { fromUnitId: unit.id, toUnitId: target.id, reason: input.reason } };
    },
  });
}

/**
 * POST /feedback/:id/merge: this item repeats `intoCode` and joins it (issue 14 item 1: "the same question asked a
 * hundred times"). It is closed as MERGED; its sender follows the kept item (by their account, else their contacts) and
 * is told so; both items' histories say it.
 */
export async function mergeFeedback(ctx: Ctx, id: string, input: MergeFeedbackRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.route,
    transition: 'merge',
    version: input.version,
    prepare: async (row) => {
      const kept = await findItemByCode(ctx.db, input.intoCode.trim().toUpperCase());
      if (!kept) throw invalid([{ path: 'body.intoCode', code: 'feedback.errors.mergeTarget', params: { code: input.intoCode } }]);
      if (kept.id === row.id) throw invalid([{ path: 'body.intoCode', code: 'feedback.errors.mergeSelf' }]);
      if (kept.state === 'MERGED' || kept.state === 'OUT_OF_SCOPE')
        throw invalid([{ path: 'body.intoCode', code: 'feedback.errors.mergeTargetClosed', params: { code: kept.code } }]);
      if (row.publishedAt) throw invalid([{ path: 'body.intoCode', code: 'feedback.errors.mergePublished' }]);
      return kept;
    },
    apply: async ({ scope, update, event, now, prepared }) => {
      // The kept item is locked too (after this one: merges lock the duplicate first, then the kept item).
      const kept = await lockItem(scope.tx, prepared.id);
      if (!kept || kept.state === 'MERGED' || kept.state === 'OUT_OF_SCOPE') {
        throw invalid([{ path: 'body.intoCode', code: 'feedback.errors.mergeTargetClosed', params: { code: prepared.code } }]);
      }
      // An item waiting for its sender's information waits no more: its pause ends with the merge.
      const row = await update({ mergedIntoId: kept.id, closedAt: now, closingReason: input.reason ?? null, pausedAt: null });
      await closeOpenPause(scope.tx, row.id, now, null);
      // The duplicate's sender, reached as they were for their own item (their account's channel, their contacts).
      await addFollower(scope.tx, { itemId: kept.id, accountId: row.accountId, email: row.senderEmail, phone: row.senderPhone, mergedFromId: row.id, createdAt: now });
      await event('merged', { into: kept.code, reason: input.reason ?? null });
      await insertEvent(scope.tx, { itemId: kept.id, at: now, kind: 'duplicate-merged', params: { from: row.code }, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
      await notifySender(scope, {
        itemId: row.id,
        to: await senderRecipient(scope.tx, row),
        params: { kind: 'merged', code: row.code, title: row.title, into: kept.code },
        locale: ctx.locale,
        dedupe: 'merged',
      });
      return { row, audit: { mergedIntoId: kept.id, mergedIntoCode: kept.code, reason: input.reason ?? null } };
    },
  });
}

/**
 * POST /feedback/:id/deadline: the rule the answer is due by (§8; Bắc Ninh QĐ 80/2025 Điều 9 as the example): within the
 * unit's competence (5 working days by default), several agencies involved (7), or an appointment the officer sets,
 * at most 10 working days from the clock's start. Counted from the clock's start (reception, or the reopening) with the
 * item's pauses left out.
 */
export async function setDeadline(ctx: Ctx, id: string, input: SetDeadlineRequest): Promise<FeedbackRow> {
  const { days } = feedbackConfigOf(ctx);
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.handle,
    transition: 'set-deadline',
    version: input.version,
    prepare: async (row, unit, now) => {
      const cal = await calendarOfUnit(ctx.db, unit.code);
      const pauses = toPauses(await listPauses(ctx.db, row.id));
      if (input.rule !== 'appointment') {
        const minutes = minutesOfDays(daysOf(input.rule, days), cal);
        return { minutes, due: dueOf(row.clockStartedAt, minutes, cal, pauses)! };
      }
      const wanted = new Date(input.dueAt!);
      const latest = dueOf(row.clockStartedAt, minutesOfDays(days.appointmentMax, cal), cal, pauses)!;
      if (wanted.getTime() <= now.getTime()) throw invalid([{ path: 'body.dueAt', code: 'feedback.errors.appointmentPast' }]);
      if (wanted.getTime() > latest.getTime()) {
        throw invalid([{ path: 'body.dueAt', code: 'feedback.errors.appointmentTooLate', params: { days: days.appointmentMax, max: instantText(toVnIso(latest), ctx.locale) } }]);
      }
      // Stored as working time from the clock's start, so a later pause shifts it like any other rule.
      const minutes = minutesUntil(row.clockStartedAt, wanted, cal, pauses);
      return { minutes, due: dueOf(row.clockStartedAt, minutes, cal, pauses)! };
    },
    apply: async ({ update, event, prepared }) => {
      const row = await update({ deadlineRule: input.rule, durationMinutes: prepared.minutes, dueAt: prepared.due, deadlineReason: input.reason });
      await event('deadline-set', { rule: input.rule, due: toVnIso(prepared.due), reason: input.reason });
      return { row, audit: { rule: input.rule, workingMinutes: prepared.minutes, reason: input.reason, text: ruleText(input.rule, days, 'vi') } };
    },
  });
}

/** POST /feedback/:id/request-info: the sender is asked for more information; the clock stops until they reply (§19.6). */
export async function requestInfo(ctx: Ctx, id: string, input: RequestInfoRequest): Promise<FeedbackRow> {
  return transitionFeedback(ctx, {
    id,
    action: FEEDBACK_ACTIONS.handle,
    transition: 'request-info',
    version: input.version,
    apply: async ({ scope, update, event, now }) => {
      const row = await update({ pausedAt: now });
      await insertPause(scope.tx, { itemId: row.id, fromAt: now, question: input.question, askedBy: actorIdOf(ctx) });
      await event('info-requested', { question: input.question });
      await notifySender(scope, {
        itemId: row.id,
        to: await senderRecipient(scope.tx, row),
        // The secret is not known here (only its hash is kept): the link leads to the item, where the sender uses the
        // secret from their receipt, or their account.
        params: { kind: 'info-requested', code: row.code, title: row.title, question: input.question, link: senderLink(ctx, row.code, null) },
        locale: ctx.locale,
        dedupe: `info-requested:${row.version}`,
      });
      return { row, audit: { question: input.question } };
    },
  });
}
