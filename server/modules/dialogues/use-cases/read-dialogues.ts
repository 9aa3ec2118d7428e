// The officers' reads: the sessions the caller's units organise (the province's for its readers), a session with its
// questions and commitments and what the caller may do, the commitments the caller's units owe or organised.
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { OrgUnitRef } from '../../identity';
import type {
  Commitment,
  CommitmentDetail,
  CommitmentList,
  CommitmentListQuery,
  SessionDetail,
  SessionList,
  SessionListQuery,
} from '../../../../contracts/dialogues/dialogues.contracts';
import { DIALOGUE_ACTIONS } from '../dialogues.policy';
import { presentCommitment, presentCommitmentDetail, presentSessionDetail, presentSessionSummary } from '../dialogues.presenter';
import {
  commitmentEvents,
  findSession,
  listCommitments,
  listQuestions,
  listSessionCommitments,
  listSessions,
  questionsByIds,
  sessionCounts,
  type CommitmentRow,
  type SessionRow,
} from '../dialogues.repository';
import { ANSWERING_STATES, COLLECTING_STATES, DECIDING_STATES, commitmentAllows, questionAllows, sessionAllows } from '../dialogues.workflow';
import { loadCommitment, mayAct, mayReadCommitment, readableUnitIds, unitOf, unitsById } from './common';

const forbidden = () => new AppError('FORBIDDEN', { action: DIALOGUE_ACTIONS.read });

/** The units a list is narrowed to: the caller's readable units, or only `unitId` when the caller reads it (403 otherwise). */
async function narrowed(ctx: Ctx, unitId: string | undefined): Promise<string[] | null> {
  const readable = await readableUnitIds(ctx);
  if (!unitId) return readable;
  if (readable !== null && !readable.includes(unitId)) throw forbidden();
  return [unitId];
}

/** GET /dialogues/sessions: the sessions organised by the units the caller covers (the province for its readers), latest first. */
export async function listSessionsForOfficer(ctx: Ctx, query: SessionListQuery): Promise<SessionList> {
  const unitIds = await narrowed(ctx, query.unitId);
  const { rows, total } = await listSessions(ctx.db, { unitIds, state: query.state, level: query.level, page: query.page, pageSize: query.pageSize });
  const [units, counts] = await Promise.all([
    unitsById(
      ctx.db,
      rows.map((r) => r.organisingUnitId),
    ),
    sessionCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return { items: rows.map((r) => presentSessionSummary(r, units, counts.get(r.id), ctx.locale)), total };
}

/** A commitment's actions for the caller. */
function commitmentActions(ctx: Ctx, row: CommitmentRow, owner: OrgUnitRef, organiser: OrgUnitRef): Commitment['actions'] {
  const open = commitmentAllows('progress', row.state);
  return {
    progress: open && mayAct(ctx, DIALOGUE_ACTIONS.updateCommitment, owner),
    complete: commitmentAllows('complete', row.state) && mayAct(ctx, DIALOGUE_ACTIONS.updateCommitment, owner),
    cancel: commitmentAllows('cancel', row.state) && mayAct(ctx, DIALOGUE_ACTIONS.manage, organiser),
  };
}

/** The officers' detail of a session (the caller's permission to read it was checked). */
export async function presentSessionForOfficer(ctx: Ctx, row: SessionRow): Promise<SessionDetail> {
  const [questions, commitments, counts] = await Promise.all([listQuestions(ctx.db, row.id), listSessionCommitments(ctx.db, row.id), sessionCounts(ctx.db, [row.id])]);
  const units = await unitsById(ctx.db, [row.organisingUnitId, ...questions.map((q) => q.answeringUnitId), ...commitments.map((c) => c.ownerUnitId)]);
  const organiser = units.get(row.organisingUnitId)!;
  const manage = mayAct(ctx, DIALOGUE_ACTIONS.manage, organiser);
  const now = ctx.clock.now();
  const started = now.getTime() >= row.startsAt.getTime();
  return presentSessionDetail(
    {
      row,
      units,
      counts: counts.get(row.id)!,
      now,
      questions: questions.map((q) => ({
        row: q,
        actions: {
          accept: manage && DECIDING_STATES.includes(row.state) && questionAllows('accept', q.state),
          reject: manage && DECIDING_STATES.includes(row.state) && questionAllows('reject', q.state),
          answer: manage && ANSWERING_STATES.includes(row.state) && questionAllows('answer', q.state),
        },
      })),
      commitments: commitments.map((c) => ({ row: c, actions: commitmentActions(ctx, c, units.get(c.ownerUnitId)!, organiser) })),
      actions: {
        update: manage && sessionAllows('update', row.state),
        announce: manage && sessionAllows('announce', row.state) && !started,
        cancel: manage && sessionAllows('cancel', row.state),
        agenda: manage && sessionAllows('agenda', row.state),
        minutes: manage && sessionAllows('minutes', row.state) && started,
        close: manage && sessionAllows('close', row.state),
        addQuestion: manage && COLLECTING_STATES.includes(row.state),
      },
    },
    ctx.locale,
  );
}

/**
 * GET /dialogues/sessions/:id: a session with its questions and commitments, for the organising unit's officers, the
 * officers of a unit owing one of its commitments, and the province's readers; 404 when unknown, 403 otherwise.
 */
export async function getSessionForOfficer(ctx: Ctx, id: string): Promise<SessionDetail> {
  const row = await findSession(ctx.db, id);
  if (!row) throw new AppError('DIALOGUE_NOT_FOUND', { id }, { status: 404 });
  if (!mayAct(ctx, DIALOGUE_ACTIONS.read, await unitOf(ctx.db, row.organisingUnitId))) {
    const owners = await unitsById(
      ctx.db,
      (await listSessionCommitments(ctx.db, row.id)).map((c) => c.ownerUnitId),
    );
    if (![...owners.values()].some((u) => mayAct(ctx, DIALOGUE_ACTIONS.read, u))) throw forbidden();
  }
  return presentSessionForOfficer(ctx, row);
}

/** GET /dialogues/commitments: the commitments the caller's units owe or organised (the province's for its readers), open and soonest due first. */
export async function listCommitmentsForOfficer(ctx: Ctx, query: CommitmentListQuery): Promise<CommitmentList> {
  // An owner unit outside the caller's units still narrows the list: to the commitments of the sessions they organised.
  const readable = await readableUnitIds(ctx);
  const now = ctx.clock.now();
  const { rows, total } = await listCommitments(ctx.db, {
    unitIds: readable,
    ownerUnitId: query.unitId,
    sessionId: query.sessionId,
    state: query.state,
    overdue: query.overdue,
    now,
    page: query.page,
    pageSize: query.pageSize,
  });
  const sessions = new Map<string, SessionRow>();
  for (const r of rows) if (!sessions.has(r.sessionId)) sessions.set(r.sessionId, (await findSession(ctx.db, r.sessionId))!);
  const units = await unitsById(ctx.db, [...rows.map((r) => r.ownerUnitId), ...[...sessions.values()].map((s) => s.organisingUnitId)]);
  return {
    items: rows.map((r) => {
      const session = sessions.get(r.sessionId)!;
      return presentCommitment(r, session, units, now, commitmentActions(ctx, r, units.get(r.ownerUnitId)!, units.get(session.organisingUnitId)!), ctx.locale);
    }),
    total,
  };
}

/** The officers' detail of a commitment (the caller's permission to read it was checked). */
export async function presentCommitmentForOfficer(ctx: Ctx, row: CommitmentRow): Promise<CommitmentDetail> {
  const session = (await findSession(ctx.db, row.sessionId))!;
  const [units, questions, events] = await Promise.all([
    unitsById(ctx.db, [row.ownerUnitId, session.organisingUnitId]),
    questionsByIds(ctx.db, [row.questionId]),
    commitmentEvents(ctx.db, [row.id]),
  ]);
  const base = presentCommitment(row, session, units, ctx.clock.now(), commitmentActions(ctx, row, units.get(row.ownerUnitId)!, units.get(session.organisingUnitId)!), ctx.locale);
  return presentCommitmentDetail(base, questions.get(row.questionId)!, events.get(row.id) ?? [], ctx.locale);
}

/** GET /dialogues/commitments/:id: a commitment with its question and history, for its owner unit's and its organisers' officers. */
export async function getCommitmentForOfficer(ctx: Ctx, id: string): Promise<CommitmentDetail> {
  const { row, owner, organiser } = await loadCommitment(ctx, id);
  if (!mayReadCommitment(ctx, owner, organiser)) throw forbidden();
  return presentCommitmentForOfficer(ctx, row);
}
