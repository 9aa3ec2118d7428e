// The answer to a question (domain README §9: minutes, an answer per question, commitments with owners and deadlines).
// Every commitment the answer makes gets its owner unit and its due instant on the owner unit's working-time calendar —
// working days counted from the answer (§19.3–19.5), or the end of office hours of a given date — and its owner unit's
// officers are told. The answer, its commitments, their history, the messages and the audit entry are one transaction.
import { CalendarError, toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { LEADER, listRoleHolderContacts, SPECIALIST, type OrgUnitRef } from '../../identity';
import type { AnswerQuestionRequest } from '../../../../contracts/dialogues/dialogues.contracts';
import { calendarOfUnit, dueAfter, dueOnDate, minutesOfDays } from '../dialogues.deadlines';
import type { CommitmentMadeEvent } from '../dialogues.events';
import { notifyAsker, notifyOfficers } from '../dialogues.notify';
import { findQuestion, insertCommitment, lockSession, updateQuestion, type QuestionRow } from '../dialogues.repository';
import { ANSWERING_STATES, QUESTION_WORKFLOW, questionAllows } from '../dialogues.workflow';
import {
  actorIdOf,
  dialoguesConfigOf,
  invalid,
  invalidState,
  loadSessionToManage,
  openUnit,
  recordCommitmentEvent,
  sessionLink,
  todayOf,
  versionConflict,
  type FieldError,
} from './common';
import { askerContacts } from './questions';

/** A commitment checked and counted before the transaction. */
interface Planned {
  owner: OrgUnitRef;
  text: string;
  workingDays: number | null;
  durationMinutes: number | null;
  dueOn: string | null;
  due: Date;
}

/** Each commitment's owner unit and due instant, or the field errors (nothing is written on any). */
async function plan(ctx: Ctx, input: AnswerQuestionRequest, now: Date, errors: FieldError[]): Promise<Planned[]> {
  const { defaultDays } = dialoguesConfigOf(ctx);
  const today = todayOf(ctx);
  const planned: Planned[] = [];
  for (const [i, c] of input.commitments.entries()) {
    const at = `body.commitments.${i}`;
    const owner = await openUnit(ctx, c.ownerUnitId);
    if (!owner) {
      errors.push({ path: `${at}.ownerUnitId`, code: 'dialogues.errors.unitUnknown' });
      continue;
    }
    if (c.dueOn !== undefined && c.dueOn <= today) {
      errors.push({ path: `${at}.dueOn`, code: 'dialogues.errors.dueInPast' });
      continue;
    }
    const cal = await calendarOfUnit(ctx.db, owner.code);
    try {
      if (c.dueOn !== undefined) {
        planned.push({ owner, text: c.text, workingDays: null, durationMinutes: null, dueOn: c.dueOn, due: dueOnDate(c.dueOn, cal) });
      } else {
        const days = c.workingDays ?? defaultDays;
        const minutes = minutesOfDays(days, cal);
        planned.push({ owner, text: c.text, workingDays: days, durationMinutes: minutes, dueOn: null, due: dueAfter(now, minutes, cal) });
      }
    } catch (err) {
      // A due in a year whose calendar is not published cannot be promised yet: the officer picks an earlier one.
      if (!(err instanceof CalendarError) || err.code !== 'CALENDAR_NOT_AVAILABLE') throw err;
      errors.push({ path: `${at}.${c.dueOn !== undefined ? 'dueOn' : 'workingDays'}`, code: 'dialogues.errors.dueNotCovered', params: { year: err.params.year } });
    }
  }
  return planned;
}

/**
 * POST /dialogues/sessions/:id/questions/:questionId/answer: the answer given at (or after) the session, once it was
 * held, with the commitments it makes. 404, 403, 409 (stale version, wrong state) or 400 (units, dates) before any write.
 */
export async function answerQuestion(ctx: Ctx, sessionId: string, questionId: string, input: AnswerQuestionRequest): Promise<QuestionRow> {
  const { row: session, unit } = await loadSessionToManage(ctx, sessionId);
  const seen = await findQuestion(ctx.db, sessionId, questionId);
  if (!seen) throw new AppError('DIALOGUE_QUESTION_NOT_FOUND', { id: questionId }, { status: 404 });
  if (seen.version !== input.version) throw versionConflict(seen.version);
  if (!ANSWERING_STATES.includes(session.state)) throw invalidState(session.state);
  if (!questionAllows('answer', seen.state)) throw invalidState(seen.state);
  const now = ctx.clock.now();
  const errors: FieldError[] = [];
  const answering = input.answeringUnitId ? await openUnit(ctx, input.answeringUnitId) : unit;
  if (!answering) errors.push({ path: 'body.answeringUnitId', code: 'dialogues.errors.unitUnknown' });
  const planned = await plan(ctx, input, now, errors);
  if (errors.length > 0) throw invalid(errors);

  return withTransaction(ctx, async (scope) => {
    const locked = await lockSession(scope.tx, sessionId);
    if (!locked || !ANSWERING_STATES.includes(locked.state)) throw invalidState(locked?.state ?? session.state);
    const row = await updateQuestion(
      scope.tx,
      questionId,
      input.version,
      { state: QUESTION_WORKFLOW.answer.to, answer: input.answer, answeredAt: now, answeredBy: actorIdOf(ctx), answeringUnitId: answering!.id, updatedAt: now },
      QUESTION_WORKFLOW.answer.from,
    );
    if (!row) throw versionConflict(seen.version);

    const made: CommitmentMadeEvent[] = [];
    for (const [position, p] of planned.entries()) {
      const commitment = await insertCommitment(scope.tx, {
        sessionId,
        questionId,
        position,
        ownerUnitId: p.owner.id,
        text: p.text,
        clockStartedAt: now,
        workingDays: p.workingDays,
        durationMinutes: p.durationMinutes,
        dueOn: p.dueOn,
        dueAt: p.due,
        state: 'OPEN',
        createdBy: actorIdOf(ctx),
        createdAt: now,
        updatedAt: now,
      });
      const due = toVnIso(p.due);
      await recordCommitmentEvent(ctx, scope.tx, { commitmentId: commitment.id, kind: 'made', at: now, params: { unit: p.owner.name, due } });
      const officers = (await Promise.all([SPECIALIST, LEADER].map((role) => listRoleHolderContacts(scope.tx, role, [p.owner.id])))).flat();
      await notifyOfficers(scope, {
        commitmentId: commitment.id,
        officers,
        params: { kind: 'assigned', title: locked.title, text: p.text, unit: p.owner.name, due },
        dedupe: 'assigned',
      });
      made.push({ commitmentId: commitment.id, sessionId, questionId, ownerUnitId: p.owner.id, text: p.text, madeAt: toVnIso(now), dueAt: due });
    }
    if (row.source === 'public') {
      await notifyAsker(scope, {
        questionId: row.id,
        to: await askerContacts(scope.tx, row),
        params: { kind: 'answered', title: locked.title, startsAt: toVnIso(locked.startsAt), answer: input.answer, link: sessionLink(ctx, sessionId) },
        locale: ctx.locale,
        dedupe: 'answered',
      });
    }
    await scope.audit({
      action: 'dialogues.question-answer',
      subjectType: 'dialogue-question',
      subjectId: row.id,
      before: { state: seen.state, version: seen.version },
      after: {
        state: row.state,
        version: row.version,
        answeringUnitId: answering!.id,
        answerLength: input.answer.length,
        commitments: made.map((m) => ({ id: m.commitmentId, ownerUnitId: m.ownerUnitId, dueAt: m.dueAt })),
      },
    });
    for (const event of made) scope.afterCommit(() => ctx.events.emit('dialogues.commitment-made', event));
    return row;
  });
}
