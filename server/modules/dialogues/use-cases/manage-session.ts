// The organisers' work on a session (domain README §9: date, chair, participants, agenda, minutes): schedule it,
// change it, announce it, cancel it, record its agenda and minutes, close it. Each change is authorised against the
// organising unit, made on the version the officer saw, allowed from the session's state by the workflow, and written
// in one transaction with its audit entry (STYLE: only transitions change a status, each audited).
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { OrgUnitRef } from '../../identity';
import type {
  AgendaRequest,
  CancelSessionRequest,
  CreateSessionRequest,
  MinutesRequest,
  SessionVersionRequest,
  UpdateSessionRequest,
} from '../../../../contracts/dialogues/dialogues.contracts';
import { DIALOGUE_ACTIONS } from '../dialogues.policy';
import { countUnanswered, insertSession, lockSession, updateSession, type NewSessionRow, type SessionRow } from '../dialogues.repository';
import { SESSION_WORKFLOW, sessionAllows, type SessionTransition } from '../dialogues.workflow';
import { actorIdOf, authorise, invalid, invalidState, loadSessionToManage, openUnit, versionConflict } from './common';

/** The audited fields of a session (its texts are long: only their length goes to the audit). */
function auditView(row: SessionRow): Record<string, unknown> {
  return {
    state: row.state,
    version: row.version,
    level: row.level,
    title: row.title,
    chair: `${row.chairName}, ${row.chairPosition}`,
    startsAt: toVnIso(row.startsAt),
    place: row.place,
    onlineUrl: row.onlineUrl,
    audience: row.audience,
    audienceSector: row.audienceSector,
  };
}

/** The session's details as stored, from the request (absent optional texts stored as null). */
function detailsOf(input: Omit<CreateSessionRequest, 'organisingUnitId'>) {
  return {
    level: input.level,
    title: input.title,
    description: input.description ?? null,
    chairName: input.chairName,
    chairPosition: input.chairPosition,
    startsAt: new Date(input.startsAt),
    place: input.place ?? null,
    onlineUrl: input.onlineUrl ?? null,
    audience: input.audience,
    audienceSector: input.audienceSector ?? null,
  };
}

/** 400 when the start is not in the future (a session is scheduled, announced and moved ahead of time). */
function mustStartLater(startsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) throw invalid([{ path: 'body.startsAt', code: 'dialogues.errors.startsInPast' }]);
}

/** POST /dialogues/sessions: a specialist or leader of the organising unit schedules a session (DRAFT). */
export async function createSession(ctx: Ctx, input: CreateSessionRequest): Promise<SessionRow> {
  const unit = await openUnit(ctx, input.organisingUnitId);
  if (!unit) throw invalid([{ path: 'body.organisingUnitId', code: 'dialogues.errors.unitUnknown' }]);
  authorise(ctx, DIALOGUE_ACTIONS.manage, unit);
  const now = ctx.clock.now();
  const details = detailsOf(input);
  mustStartLater(details.startsAt, now);
  return withTransaction(ctx, async (scope) => {
    const row = await insertSession(scope.tx, {
      ...details,
      organisingUnitId: unit.id,
      state: 'DRAFT',
      createdBy: actorIdOf(ctx),
      createdAt: now,
      updatedAt: now,
    });
    await scope.audit({
      action: 'dialogues.session-create',
      subjectType: 'dialogue-session',
      subjectId: row.id,
      before: null,
      after: { ...auditView(row), organisingUnitId: unit.id },
    });
    return row;
  });
}

/** What a session change sees inside its transaction. */
interface SessionStep {
  scope: TxScope;
  row: SessionRow;
  unit: OrgUnitRef;
  now: Date;
  /** Writes the patch (the workflow's next state, the new version, updatedAt) and returns the updated row. */
  update: (patch: Partial<NewSessionRow>) => Promise<SessionRow>;
}

/** Runs an organiser's change of a session: 404, 403, 409 (stale version, wrong state) or a check's 400 before any write. */
async function changeSession(
  ctx: Ctx,
  spec: {
    id: string;
    transition: SessionTransition;
    version: number;
    /** Checks that read but do not write, on the row the officer saw and again on the locked row. */
    check?: (row: SessionRow, now: Date) => void | Promise<void>;
    apply: (step: SessionStep) => Promise<{ row: SessionRow; audit?: Record<string, unknown> }>;
  },
): Promise<SessionRow> {
  const { row: seen, unit } = await loadSessionToManage(ctx, spec.id);
  if (seen.version !== spec.version) throw versionConflict(seen.version);
  if (!sessionAllows(spec.transition, seen.state)) throw invalidState(seen.state);
  const now = ctx.clock.now();
  await spec.check?.(seen, now);
  return withTransaction(ctx, async (scope) => {
    const row = await lockSession(scope.tx, spec.id);
    if (!row || row.version !== spec.version) throw versionConflict(row?.version ?? seen.version);
    if (!sessionAllows(spec.transition, row.state)) throw invalidState(row.state);
    await spec.check?.(row, now);
    const step: SessionStep = {
      scope,
      row,
      unit,
      now,
      update: async (patch) => {
        const updated = await updateSession(scope.tx, row.id, row.version, { state: SESSION_WORKFLOW[spec.transition].to ?? row.state, updatedAt: now, ...patch });
        if (!updated) throw versionConflict(row.version);
        return updated;
      },
    };
    const { row: updated, audit } = await spec.apply(step);
    await scope.audit({
      action: `dialogues.session-${spec.transition}`,
      subjectType: 'dialogue-session',
      subjectId: row.id,
      before: auditView(row),
      after: { ...auditView(updated), ...audit },
    });
    return updated;
  });
}

/** PUT /dialogues/sessions/:id: the details, while DRAFT or ANNOUNCED (a postponement is a later start). */
export async function updateSessionDetails(ctx: Ctx, id: string, input: UpdateSessionRequest): Promise<SessionRow> {
  const details = detailsOf(input);
  return changeSession(ctx, {
    id,
    transition: 'update',
    version: input.version,
    check: (row, now) => {
      // An unchanged start may already be close; only a new one must lie ahead.
      if (details.startsAt.getTime() !== row.startsAt.getTime()) mustStartLater(details.startsAt, now);
    },
    apply: async ({ update }) => ({ row: await update(details) }),
  });
}

/** POST /dialogues/sessions/:id/announce: published; the public sends questions until it starts. */
export async function announceSession(ctx: Ctx, id: string, input: SessionVersionRequest): Promise<SessionRow> {
  return changeSession(ctx, {
    id,
    transition: 'announce',
    version: input.version,
    check: (row, now) => mustStartLater(row.startsAt, now),
    apply: async ({ update, now }) => ({ row: await update({ announcedAt: now }) }),
  });
}

/** POST /dialogues/sessions/:id/cancel: a draft or announced session is cancelled, its reason shown to the public. */
export async function cancelSession(ctx: Ctx, id: string, input: CancelSessionRequest): Promise<SessionRow> {
  return changeSession(ctx, {
    id,
    transition: 'cancel',
    version: input.version,
    apply: async ({ update, now }) => ({ row: await update({ cancelledAt: now, cancelReason: input.reason }), audit: { reason: input.reason } }),
  });
}

/** POST /dialogues/sessions/:id/agenda: the agenda (chương trình), until the session is closed. */
export async function recordAgenda(ctx: Ctx, id: string, input: AgendaRequest): Promise<SessionRow> {
  return changeSession(ctx, {
    id,
    transition: 'agenda',
    version: input.version,
    apply: async ({ update }) => ({ row: await update({ agenda: input.agenda }), audit: { agendaLength: input.agenda.length } }),
  });
}

/**
 * POST /dialogues/sessions/:id/minutes: the minutes (biên bản), once the session has started; the first recording
 * marks it HELD (it took place), later ones complete them.
 */
export async function recordMinutes(ctx: Ctx, id: string, input: MinutesRequest): Promise<SessionRow> {
  return changeSession(ctx, {
    id,
    transition: 'minutes',
    version: input.version,
    check: (row, now) => {
      if (now.getTime() < row.startsAt.getTime()) throw new AppError('DIALOGUE_NOT_STARTED', { startsAt: toVnIso(row.startsAt) }, { status: 409 });
    },
    apply: async ({ update, row, now }) => ({ row: await update({ minutes: input.minutes, heldAt: row.heldAt ?? now }), audit: { minutesLength: input.minutes.length } }),
  });
}

/** POST /dialogues/sessions/:id/close: every accepted question answered (or rejected); the commitments are tracked on. */
export async function closeSession(ctx: Ctx, id: string, input: SessionVersionRequest): Promise<SessionRow> {
  return changeSession(ctx, {
    id,
    transition: 'close',
    version: input.version,
    apply: async ({ update, scope, row }) => {
      const open = await countUnanswered(scope.tx, row.id);
      if (open > 0) throw new AppError('DIALOGUE_UNANSWERED', { count: open }, { status: 409 });
      return { row: await update({ closedAt: ctx.clock.now() }) };
    },
  });
}
