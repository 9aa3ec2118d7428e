// Reads: the officer's queues, the detail, guide/refuse records, and the public lookup by code.
import { and, asc, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addWorkingTimeMs, type WorkingCalendar } from '../../../platform/calendar';
import { can, hasRole, sqlIsWithin } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import type { DossierDetail, ListDossiersQuery, ListDossiersResponse, IntakeDecision } from '../../../../contracts/dossiers/dossiers.contracts';
import { identityOrgUnits, normaliseSearch } from '../../identity';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { DOSSIER_ACTIONS, PROVINCE_READERS } from '../dossiers.policy';
import { presentDetail, presentIntakeDecision, presentListItem, type DossierBundle } from '../dossiers.presenter';
import { findApology, findDossier, findDossierByCode, listEvents, listHops, listPauses, listSlipIssuances, unitsById, type DossierRow } from '../dossiers.repository';
import { dossierIntakeDecisions, dossiers } from '../dossiers.tables';
import { readPublicLookup } from '../dossiers.public-view';
import { OPEN_STATES, RUNNING_STATES, TERMINAL_STATES } from '../dossiers.workflow';
import { subjectOf } from './common';

/** Loads everything the detail shows and the policy subject (with every unit the dossier passed through). */
export async function loadBundle(ctx: Ctx, row: DossierRow): Promise<DossierBundle> {
  const [hops, pauses, events, apology, issuances] = await Promise.all([
    listHops(ctx.db, row.id),
    listPauses(ctx.db, row.id),
    listEvents(ctx.db, row.id),
    findApology(ctx.db, row.id),
    listSlipIssuances(ctx.db, row.id),
  ]);
  const hopUnits = hops.flatMap((h) => [h.toUnitId, h.fromUnitId]).filter((x): x is string => Boolean(x));
  const units = await unitsById(ctx.db, [row.receivingUnitId, row.handlingUnitId, row.holderUnitId, row.lateUnitId, ...row.workflow.map((s) => s.unitId), ...hopUnits]);
  return { row, units, hops, pauses, events, apology, issuances, subject: subjectOf(row, units, hopUnits) };
}

/** The detail as the actor sees it; 403 when the dossier is none of their units' business. */
export async function presentDossier(ctx: Ctx, row: DossierRow): Promise<DossierDetail> {
  const bundle = await loadBundle(ctx, row);
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, bundle.subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const cal = await calendarOrNone(calendarCache(ctx.db)(row.calendarUnitCode));
  return presentDetail(bundle, ctx.actor, ctx.locale, ctx.clock.now(), cal);
}

/** GET /:id. */
export async function getDossier(ctx: Ctx, id: string): Promise<DossierDetail> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  return presentDossier(ctx, row);
}

/** GET /by-code/:code. */
export async function getDossierByCode(ctx: Ctx, code: string): Promise<DossierDetail> {
  const row = await findDossierByCode(ctx.db, code);
  if (!row) throw new AppError('DOSSIER_NOT_FOUND', { code }, { status: 404 });
  return presentDossier(ctx, row);
}

/** GET /intake-decisions/:id: reception officers of the receiving unit and province-wide readers. */
export async function getIntakeDecision(ctx: Ctx, id: string): Promise<IntakeDecision> {
  const [row] = await ctx.db.select().from(dossierIntakeDecisions).where(eq(dossierIntakeDecisions.id, id)).limit(1);
  if (!row) throw notFound('intakeDecision', id);
  const units = await unitsById(ctx.db, [row.receivingUnitId, row.handlingUnitId]);
  const receivingPath = units.get(row.receivingUnitId)?.path ?? '/';
  const handlingPath = row.handlingUnitId ? (units.get(row.handlingUnitId)?.path ?? receivingPath) : receivingPath;
  const subject = { state: 'RECEIVED' as const, holderRole: 'reception-officer', holderPath: receivingPath, receivingPath, handlingPath };
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  return presentIntakeDecision(row, units);
}

/** Query words, normalised like the stored search text (accent-free, lower case). */
const searchTokens = (q: string | undefined): string[] =>
  q
    ? normaliseSearch(q)
        .split(' ')
        .filter(Boolean)
        .slice(0, 8)
        .map((t) => t.replace(/[\\%_]/g, (c) => `\\${c}`))
    : [];

const holderUnit = alias(identityOrgUnits, 'holder_unit');
const handlingUnit = alias(identityOrgUnits, 'handling_unit');
const receivingUnit = alias(identityOrgUnits, 'receiving_unit');

/** GET / — the queues (see docs/api-plan-dossiers.md). */
export async function listDossiers(ctx: Ctx, query: ListDossiersQuery): Promise<ListDossiersResponse> {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  const grants = ctx.actor.grants;
  if (grants.length === 0) return { items: [], total: 0 };
  const now = ctx.clock.now();
  const effectiveDue = sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt})`;
  const conds: SQL[] = [];
  if (query.queue === 'mine') {
    conds.push(or(...grants.map((g) => and(sql`${dossiers.holderRole} = ${g.role}`, sqlIsWithin(holderUnit.path, g.scopePath))))!);
    conds.push(notInArray(dossiers.state, [...TERMINAL_STATES]));
  } else {
    // System administrators and the reform office read the whole province; others what their grants cover (as the read policy allows).
    if (!hasRole(ctx.actor, PROVINCE_READERS)) {
      conds.push(
        or(...grants.flatMap((g) => [sqlIsWithin(holderUnit.path, g.scopePath), sqlIsWithin(handlingUnit.path, g.scopePath), sqlIsWithin(receivingUnit.path, g.scopePath)]))!,
      );
    }
    if (query.queue === 'unit') conds.push(notInArray(dossiers.state, [...TERMINAL_STATES]));
    // A paused dossier is not overdue: its clock stopped and its due moves when it resumes (§5.4, §19.6), so the
    // stored due says nothing until then (issue 9 item 8). Only running dossiers past their due are listed.
    if (query.queue === 'overdue') conds.push(inArray(dossiers.state, [...RUNNING_STATES]), sql`${effectiveDue} < ${now}`);
    if (query.queue === 'at-risk') conds.push(inArray(dossiers.state, [...OPEN_STATES]), eq(dossiers.atRisk, true));
    if (query.queue === 'due-soon') {
      const cal = await calendarCache(ctx.db)(null);
      // "Due soon" = due within the next standard working day of the province calendar.
      const horizon = new Date(addWorkingTimeMs(now.getTime(), cal.standardDayMinutes, cal));
      conds.push(inArray(dossiers.state, [...RUNNING_STATES]), sql`${effectiveDue} >= ${now}`, sql`${effectiveDue} <= ${horizon}`);
    }
  }
  if (query.state) conds.push(eq(dossiers.state, query.state));
  for (const token of searchTokens(query.q)) conds.push(sql`${dossiers.searchText} like ${`%${token}%`}`);
  const where = and(...conds);
  const base = ctx.db
    .select({ d: dossiers })
    .from(dossiers)
    .innerJoin(holderUnit, eq(holderUnit.id, dossiers.holderUnitId))
    .innerJoin(handlingUnit, eq(handlingUnit.id, dossiers.handlingUnitId))
    .innerJoin(receivingUnit, eq(receivingUnit.id, dossiers.receivingUnitId))
    .where(where);
  const [rows, count] = await Promise.all([
    base
      .orderBy(asc(effectiveDue), asc(dossiers.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dossiers)
      .innerJoin(holderUnit, eq(holderUnit.id, dossiers.holderUnitId))
      .innerJoin(handlingUnit, eq(handlingUnit.id, dossiers.handlingUnitId))
      .innerJoin(receivingUnit, eq(receivingUnit.id, dossiers.receivingUnitId))
      .where(where),
  ]);
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.d.holderUnitId),
  );
  const calendars = calendarCache(ctx.db);
  const items = [];
  for (const { d } of rows) {
    const cal: WorkingCalendar | null = await calendarOrNone(calendars(d.calendarUnitCode));
    items.push(presentListItem(d, units, now, cal, ctx.locale));
  }
  return { items, total: Number(count[0]?.n ?? 0) };
}

/**
 * A dossier code as a citizen may type it — any case, stray spaces (also inside, from copying a printed slip) —
 * as stored: upper case, no white space (§5.1: agency e-identifier, date and sequence joined by dashes).
 */
export function normaliseDossierCode(code: string): string {
  return code.replace(/[\s\u00a0\u200b]+/g, '').toUpperCase();
}

/**
 * GET /lookup/:code (public): status, holder, appointment and public timeline, the applicant's name masked — as the
 * JSON body, from the dossier's stored read model (dossiers.public-view.ts). The route sends it as is: the public's
 * most frequent call does one indexed read and no rendering (bench/dossiers.bench.ts). 404 for an unknown code.
 */
export async function lookupDossier(ctx: Ctx, code: string): Promise<string> {
  const body = await readPublicLookup(ctx.db, normaliseDossierCode(code));
  if (body === null) throw new AppError('DOSSIER_NOT_FOUND', { code }, { status: 404 });
  return body;
}
