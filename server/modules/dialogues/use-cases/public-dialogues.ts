// The public side (issue 14 item 5): sessions ever announced, a session with its accepted questions, answers and
// commitments (askers as initials, personal data masked), the commitments and their progress, and the numbers of
// commitments kept on time by owner unit.
import { vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { translate } from '../../../platform/i18n';
import { sumCounts } from '../../../platform/db/sum-counts';
import type {
  CommitmentStats,
  PublicCommitment,
  PublicCommitmentList,
  PublicCommitmentQuery,
  PublicSessionDetail,
  PublicSessionList,
  PublicSessionQuery,
} from '../../../../contracts/dialogues/dialogues.contracts';
import { presentPublicCommitment, presentPublicSessionDetail, presentPublicSessionSummary } from '../dialogues.presenter';
import {
  commitmentEvents,
  countsByOwnerUnit,
  findSession,
  listCommitments,
  listPublicSessions,
  listQuestions,
  listSessionCommitments,
  questionsByIds,
  sessionCounts,
  type CommitmentCounts,
  type CommitmentRow,
  type SessionRow,
} from '../dialogues.repository';
import { PUBLIC_QUESTION_STATES } from '../dialogues.workflow';
import { unitsById } from './common';

/** GET /dialogues/public/sessions: sessions ever announced; upcoming ones soonest first, the others latest first. */
export async function listPublicSessionsPage(ctx: Ctx, query: PublicSessionQuery): Promise<PublicSessionList> {
  const { rows, total } = await listPublicSessions(ctx.db, { when: query.when, level: query.level, now: ctx.clock.now(), page: query.page, pageSize: query.pageSize });
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
  return { items: rows.map((r) => presentPublicSessionSummary(r, units, counts.get(r.id), ctx.locale)), total };
}

/** The public copies of `rows` (commitments of sessions the public sees), with their progress reports. */
async function publicCommitments(ctx: Ctx, db: Queryable, rows: CommitmentRow[], sessions: Map<string, SessionRow>): Promise<PublicCommitment[]> {
  const [units, questions, events] = await Promise.all([
    unitsById(
      db,
      rows.map((r) => r.ownerUnitId),
    ),
    questionsByIds(
      db,
      rows.map((r) => r.questionId),
    ),
    commitmentEvents(
      db,
      rows.map((r) => r.id),
      ['progress', 'completed'],
    ),
  ]);
  const now = ctx.clock.now();
  return rows.map((r) => presentPublicCommitment(r, sessions.get(r.sessionId)!, questions.get(r.questionId)?.askerName ?? '', units, events.get(r.id) ?? [], now, ctx.locale));
}

/** GET /dialogues/public/sessions/:id: an announced session as the public reads it; 404 alike for unknown and draft sessions. */
export async function getPublicSession(ctx: Ctx, id: string): Promise<PublicSessionDetail> {
  const row = await findSession(ctx.db, id);
  if (!row || row.announcedAt === null) throw new AppError('DIALOGUE_NOT_FOUND', { id }, { status: 404 });
  const [all, commitments, counts] = await Promise.all([listQuestions(ctx.db, id), listSessionCommitments(ctx.db, id), sessionCounts(ctx.db, [id])]);
  const shown = all.filter((q) => q.publicVisible && PUBLIC_QUESTION_STATES.includes(q.state));
  const shownIds = new Set(shown.map((q) => q.id));
  const units = await unitsById(ctx.db, [row.organisingUnitId, ...shown.map((q) => q.answeringUnitId)]);
  return presentPublicSessionDetail(
    {
      row,
      units,
      counts: counts.get(id)!,
      questions: shown,
      commitments: await publicCommitments(
        ctx,
        ctx.db,
        commitments.filter((c) => shownIds.has(c.questionId)),
        new Map([[id, row]]),
      ),
      // Every asker's name is masked in the minutes, those kept off the public page too.
      allAskers: all.map((q) => q.askerName),
      now: ctx.clock.now(),
    },
    ctx.locale,
  );
}

/** GET /dialogues/public/commitments: commitments made at public sessions, open and soonest due first. */
export async function listPublicCommitments(ctx: Ctx, query: PublicCommitmentQuery): Promise<PublicCommitmentList> {
  const { rows, total } = await listCommitments(ctx.db, {
    unitIds: null,
    ownerUnitId: query.unitId,
    state: query.state,
    overdue: query.overdue,
    publicOnly: true,
    now: ctx.clock.now(),
    page: query.page,
    pageSize: query.pageSize,
  });
  const sessions = new Map<string, SessionRow>();
  for (const r of rows) if (!sessions.has(r.sessionId)) sessions.set(r.sessionId, (await findSession(ctx.db, r.sessionId))!);
  return { items: await publicCommitments(ctx, ctx.db, rows, sessions), total };
}

const DAY_MS = 86_400_000;
const rate = (c: Pick<CommitmentCounts, 'doneOnTime' | 'doneLate'>) =>
  c.doneOnTime + c.doneLate === 0 ? null : Math.round((c.doneOnTime / (c.doneOnTime + c.doneLate)) * 10_000) / 10_000;

/**
 * The numbers for dashboards (and GET /dialogues/public/commitments/stats): by owner unit, the commitments made from
 * `from` to `to` (Vietnamese calendar days, both included) — total (withdrawn ones left out), done on time, done late,
 * open, open past due, withdrawn — with their definition (§19: each definition shown next to its numbers).
 */
export async function commitmentStats(ctx: Ctx, query: { from?: string; to?: string }): Promise<CommitmentStats> {
  const from = query.from ? vnInstant(query.from) : null;
  const to = query.to ? new Date(vnInstant(query.to).getTime() + DAY_MS) : null;
  const rows = await countsByOwnerUnit(ctx.db, { from, to }, ctx.clock.now());
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const zero: Omit<CommitmentCounts, 'unitId'> = { total: 0, doneOnTime: 0, doneLate: 0, open: 0, openOverdue: 0, cancelled: 0 };
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
    definition: translate(ctx.locale, 'dialogues.stats.definition') ?? '',
    total: { ...total, onTimeRate: rate(total) },
    items,
  };
}
