// Reads: the officer's queues, the detail, guide/refuse records, and the public lookup by code.
import { eq, inArray } from 'drizzle-orm';
import { addWorkingTimeMs, type WorkingCalendar } from '../../../platform/calendar';
import { can, hasRole, type UserActor } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import type { DossierDetail, ListDossiersQuery, ListDossiersResponse, IntakeDecision } from '../../../../contracts/dossiers/dossiers.contracts';
import { listOrgUnitIdsWithin } from '../../identity';
import { chooseSearchPath, decodeCursor, encodeCursor, normaliseQuery, queuePage, queueTotal, searchTerms, type QueueRequest, type QueueScope } from '../dossiers.queues';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { DOSSIER_ACTIONS, PROVINCE_READERS } from '../dossiers.policy';
import { presentDetail, presentIntakeDecision, presentListItem, type DossierBundle } from '../dossiers.presenter';
import {
  findApology,
  findDossier,
  findDossierByCode,
  listEvents,
  listHops,
  listPauses,
  listSlipIssuances,
  listSupplementFiles,
  unitsById,
  type DossierRow,
} from '../dossiers.repository';
import { dossierIntakeDecisions, dossiers } from '../dossiers.tables';
import { readPublicLookup } from '../dossiers.public-view';
import { subjectOf } from './common';

/** Loads everything the detail shows and the policy subject (with every unit the dossier passed through). */
export async function loadBundle(ctx: Ctx, row: DossierRow): Promise<DossierBundle> {
  const [hops, pauses, events, apology, issuances, supplementFiles] = await Promise.all([
    listHops(ctx.db, row.id),
    listPauses(ctx.db, row.id),
    listEvents(ctx.db, row.id),
    findApology(ctx.db, row.id),
    listSlipIssuances(ctx.db, row.id),
    listSupplementFiles(ctx.db, row.id),
  ]);
  const hopUnits = hops.flatMap((h) => [h.toUnitId, h.fromUnitId]).filter((x): x is string => Boolean(x));
  const units = await unitsById(ctx.db, [row.receivingUnitId, row.handlingUnitId, row.holderUnitId, row.lateUnitId, ...row.workflow.map((s) => s.unitId), ...hopUnits]);
  return { row, units, hops, pauses, events, apology, issuances, supplementFiles, subject: subjectOf(row, units, hopUnits) };
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

/**
 * Where the actor's queues look: "mine" the units (with the role) each grant covers; otherwise the whole province for
 * its readers (system administrators, the reform office), else every unit below a grant's scope (as the read policy
 * allows: a dossier held, handled or received there).
 */
async function scopeOf(ctx: Ctx, actor: UserActor, queue: ListDossiersQuery['queue']): Promise<QueueScope> {
  if (queue === 'mine') {
    const pairs = [];
    for (const g of actor.grants) for (const unitId of await listOrgUnitIdsWithin(ctx.db, [g.scopePath])) pairs.push({ unitId, role: g.role });
    return { kind: 'holders', pairs };
  }
  if (hasRole(actor, PROVINCE_READERS)) return { kind: 'province' };
  return {
    kind: 'units',
    unitIds: await listOrgUnitIdsWithin(
      ctx.db,
      actor.grants.map((g) => g.scopePath),
    ),
  };
}

/** GET / — the queues (see docs/api-plan-dossiers.md and D18): one page by keyset or offset, and a capped total. */
export async function listDossiers(ctx: Ctx, query: ListDossiersQuery): Promise<ListDossiersResponse> {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  const actor = ctx.actor;
  const empty = { items: [], total: 0, totalExact: true, nextCursor: null, prevCursor: null };
  if (actor.grants.length === 0) return empty;
  const now = ctx.clock.now();
  let horizon = now;
  if (query.queue === 'due-soon') {
    const cal = await calendarCache(ctx.db)(null);
    // "Due soon" = due within the next standard working day of the province calendar.
    horizon = new Date(addWorkingTimeMs(now.getTime(), cal.standardDayMinutes, cal));
  }
  const scope = await scopeOf(ctx, actor, query.queue);
  const request: QueueRequest = {
    queue: query.queue,
    scope,
    now,
    horizon,
    state: query.state,
    search: query.q ? searchTerms(normaliseQuery(query.q)) : null,
    pageSize: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    after: query.after ? decodeCursor(query.after) : undefined,
    before: query.before ? decodeCursor(query.before) : undefined,
  };
  if (query.q && request.search === null) return empty;
  if (request.search) request.searchPath = await chooseSearchPath(ctx.db, request.queue, request.search);
  const keyed = Boolean(request.after ?? request.before);
  const page = await queuePage(ctx.db, request);
  // A first page that is not full is the whole queue: no count needed. A search walking common words (D21) is not
  // counted — its words' index would read every match to count them — and says "more than" the rows known so far.
  const counted =
    !keyed && request.offset === 0 && !page.more
      ? { total: page.codes.length, exact: true }
      : request.searchPath === 'walk'
        ? { total: request.offset + page.codes.length, exact: !page.more && !keyed }
        : await queueTotal(ctx.db, request);
  const rows = page.codes.length ? await ctx.db.select().from(dossiers).where(inArray(dossiers.code, page.codes)) : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const ordered = page.codes.map((c) => byCode.get(c)).filter((r): r is DossierRow => r !== undefined);
  const units = await unitsById(
    ctx.db,
    ordered.map((r) => r.holderUnitId),
  );
  const calendars = calendarCache(ctx.db);
  const items = [];
  for (const d of ordered) {
    const cal: WorkingCalendar | null = await calendarOrNone(calendars(d.calendarUnitCode));
    items.push(presentListItem(d, units, now, cal, ctx.locale));
  }
  const cursorOf = (r: DossierRow) => encodeCursor({ due: r.extendedDueAt ?? r.dueAt, code: r.code });
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  // Walking forward, a previous page exists when we did not start at the top; walking back, `more` says it.
  const hasPrev = request.before ? page.more : keyed || request.offset > 0;
  const hasNext = request.before ? true : page.more;
  return {
    items,
    total: counted.total,
    totalExact: counted.exact,
    nextCursor: hasNext && last ? cursorOf(last) : null,
    prevCursor: hasPrev && first ? cursorOf(first) : null,
  };
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
