// Reads: a submission for its owner or its desk, what it still lacks, the owner's list, the desk's awaiting queue.
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { can, hasRole } from '../../../platform/access';
import type {
  Completeness,
  DeskQueueQuery,
  DeskQueueResponse,
  ListMySubmissionsQuery,
  ListMySubmissionsResponse,
  SubmissionDetail,
} from '../../../../contracts/submissions/submissions.contracts';
import type { ProcedureVersionView } from '../../catalog';
import { getDossierForApplicant, getIntakeDecisionForApplicant } from '../../dossiers';
import { cachedOrgUnitRefs, listOrgUnitIdsWithin, RECEPTION_OFFICER } from '../../identity';
import { checkAnswers, type AnswersCheck } from '../submissions.eform';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { presentDetail, presentProblem, presentQueueItem, presentRequirements, presentSummary, type SubmissionBundle, type Viewer } from '../submissions.presenter';
import {
  awaitingPage,
  countAwaiting,
  countByRequirement,
  fileCountsOf,
  listByAccount,
  listEvents,
  listFiles,
  type AwaitingCursor,
  type SubmissionFileRow,
  type SubmissionRow,
} from '../submissions.repository';
import { checkApplicant, checkConditions, checkDocuments, checkHandlingUnit, checkResultDelivery, type Problem } from '../submissions.requirements';
import { loadForDesk, loadOwned, openDesk, todayOf, versionInForce, versionOfRow } from './common';

/** What the checks found on a submission, and the applicant as the desk will receive it when there is no problem. */
export interface Assessment {
  statuses: SubmissionBundle['statuses'];
  problems: Problem[];
  applicant: ReturnType<typeof checkApplicant>['applicant'];
  /** The e-form's answers as the catalog's validator cleans them (what submitting keeps). */
  answers: AnswersCheck['values'];
}

/**
 * Everything submitting requires, in the order a form shows it: the applicant, the e-form's answers, the declared
 * cases, the documents by the catalog's groups, the delivery of the result, the handling agency and the desk
 * (`deskOpen`, read by the caller: inside a transaction nothing may read outside it, PGlite would wait for itself).
 * Reads nothing itself.
 */
export function assess(ctx: Ctx, row: SubmissionRow, version: ProcedureVersionView, files: readonly SubmissionFileRow[], deskOpen: boolean): Assessment {
  const applicant = checkApplicant(row.applicant);
  const answers = checkAnswers(version, row.answers, ctx.locale, todayOf(ctx));
  const documents = checkDocuments(version, row.conditions, countByRequirement(files));
  const problems: Problem[] = [
    ...applicant.problems,
    ...answers.problems,
    ...checkConditions(version, row.conditions),
    ...documents.problems,
    ...checkResultDelivery(version.onlineMode, row.resultDelivery),
    ...checkHandlingUnit(version, row.handlingUnitId),
  ];
  if (!deskOpen) problems.push({ path: 'receivingUnitId', code: 'submissions.errors.deskInvalid' });
  return { statuses: documents.statuses, problems, applicant: applicant.applicant, answers: answers.values };
}

/** Reads what the detail shows and presents it for the viewer. */
export async function presentSubmission(ctx: Ctx, row: SubmissionRow, viewer: Viewer): Promise<SubmissionDetail> {
  const [version, current, files, events] = await Promise.all([
    versionOfRow(ctx, row),
    versionInForce(ctx, row.procedureCode),
    listFiles(ctx.db, row.id),
    listEvents(ctx.db, row.id),
  ]);
  const [deskOpen, decision, dossier, unitRows] = await Promise.all([
    openDesk(ctx, row.receivingUnitId).then(Boolean),
    row.latestDecisionId ? getIntakeDecisionForApplicant(ctx, row.latestDecisionId) : Promise.resolve(null),
    row.dossierId ? getDossierForApplicant(ctx, row.dossierId) : Promise.resolve(null),
    cachedOrgUnitRefs(ctx.db, [row.receivingUnitId, ...(row.handlingUnitId ? [row.handlingUnitId] : [])]),
  ]);
  const assessment = assess(ctx, row, version, files, deskOpen);
  const units = new Map(unitRows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
  const desk = units.get(row.receivingUnitId);
  const mayDecide = viewer === 'desk' && desk !== undefined && can(ctx.actor, SUBMISSION_ACTIONS.decide, { receivingUnitPath: unitRows.find((u) => u.id === desk.id)!.path });
  return presentDetail(
    viewer,
    {
      row,
      version,
      // A draft started under a version no longer in force moves to the one in force when it is next saved.
      inForce: current?.id === row.procedureVersionId,
      units,
      files,
      events,
      statuses: assessment.statuses,
      problems: assessment.problems,
      decision,
      dossier,
      mayDecide,
    },
    ctx.locale,
  );
}

/** GET /submissions/:id — the owner's view. */
export async function getOwnSubmission(ctx: Ctx, id: string): Promise<SubmissionDetail> {
  return presentSubmission(ctx, await loadOwned(ctx, id), 'owner');
}

/** GET /submissions/desk/:id — the desk's view (never a draft). */
export async function getDeskSubmission(ctx: Ctx, id: string): Promise<SubmissionDetail> {
  const { row } = await loadForDesk(ctx, id);
  return presentSubmission(ctx, row, 'desk');
}

/** GET /submissions/:id/missing — what still stops the submission, by the same checks submitting runs. */
export async function getCompleteness(ctx: Ctx, id: string): Promise<Completeness> {
  const row = await loadOwned(ctx, id);
  const [version, files, deskOpen] = await Promise.all([versionOfRow(ctx, row), listFiles(ctx.db, row.id), openDesk(ctx, row.receivingUnitId).then(Boolean)]);
  const a = assess(ctx, row, version, files, deskOpen);
  return {
    complete: a.problems.length === 0,
    problems: a.problems.map((p) => presentProblem(p, ctx.locale)),
    requirements: presentRequirements('owner', version, files, a.statuses),
  };
}

/** GET /submissions — the caller's own submissions, most recently changed first. */
export async function listMySubmissions(ctx: Ctx, query: ListMySubmissionsQuery): Promise<ListMySubmissionsResponse> {
  if (ctx.actor.type !== 'user' || !can(ctx.actor, SUBMISSION_ACTIONS.own)) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.own });
  const { rows, total } = await listByAccount(ctx.db, ctx.actor.userId, query);
  const units = await unitRefsOf(ctx, rows);
  return { items: rows.map((r) => presentSummary(r, units, ctx.locale)), total };
}

async function unitRefsOf(ctx: Ctx, rows: readonly SubmissionRow[]): Promise<SubmissionBundle['units']> {
  const refs = await cachedOrgUnitRefs(
    ctx.db,
    rows.map((r) => r.receivingUnitId),
  );
  return new Map(refs.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
}

const encodeCursor = (c: AwaitingCursor) => Buffer.from(`${c.submittedAt.toISOString()}|${c.id}`).toString('base64url');

function decodeCursor(text: string): AwaitingCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const submittedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(submittedAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'querystring.after', code: 'submissions.errors.cursorInvalid' }] });
  }
  return { submittedAt, id };
}

/**
 * GET /submissions/desk/queue — "online, awaiting reception" for the caller's desks (every unit a reception grant
 * covers, D11), oldest submission first (§3.1: checked in the order they arrived), paged by keyset.
 */
export async function listAwaiting(ctx: Ctx, query: DeskQueueQuery): Promise<DeskQueueResponse> {
  if (ctx.actor.type !== 'user' || !hasRole(ctx.actor, [RECEPTION_OFFICER])) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.review });
  const scopes = ctx.actor.grants.filter((g) => g.role === RECEPTION_OFFICER).map((g) => g.scopePath);
  let unitIds = await listOrgUnitIdsWithin(ctx.db, scopes);
  if (query.receivingUnitId) {
    if (!unitIds.includes(query.receivingUnitId)) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.review });
    unitIds = [query.receivingUnitId];
  }
  const after = query.after ? decodeCursor(query.after) : null;
  const [page, total] = await Promise.all([awaitingPage(ctx.db, unitIds, after, query.pageSize), countAwaiting(ctx.db, unitIds)]);
  const rows = page.slice(0, query.pageSize);
  const [units, counts] = await Promise.all([
    unitRefsOf(ctx, rows),
    fileCountsOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentQueueItem(r, units, counts.get(r.id) ?? 0)),
    total,
    nextCursor: page.length > query.pageSize && last ? encodeCursor({ submittedAt: last.submittedAt!, id: last.id }) : null,
  };
}
