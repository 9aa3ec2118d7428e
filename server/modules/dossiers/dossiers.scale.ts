// Province-scale data (issue 10 item 1): N dossiers with everything the product keeps for them — rows, hops, pauses,
// timeline, apologies, numbered slips, public lookup views, audit entries sealed into the chain — spread over the demo
// province's desks, handling units, procedures, channels and the last years, written set-based in large batches.
// `npm run seed:scale` (server/scripts/seed-scale.ts) and the benchmarks call generateDossiers.
//
// Realism parameters (the life of each dossier has its own in dossiers.scale-life.ts LIFE; people in
// dossiers.scale-people.ts):
// - Arrivals: only in office hours of working days of the published calendar (make-up Saturdays included), from
//   `years` back (default 3, never before the calendar's first year) to `now`; volume grows 12 % a year, is higher on
//   Mondays (×1.2) and before Tết/at year end, lower in the Tết month (February ×0.8) and on Fridays (×0.9).
// - Procedures: those in force and usable for intake (an implementing unit; a checklist the intake contract accepts),
//   weighted by everyday volume from their names: certifications (chứng thực) ×10, birth registration ×8, identity
//   cards ×6, residence and marital status ×5, vehicles ×4, land ×3, others ×1.
// - Units: a commune-level procedure is handled by the applicant's own commune (communes weighted 1/√rank, the first
//   one, the provincial capital's ward, largest) and received at its centre (88 %) or the provincial centre (12 %);
//   provincial procedures by the department, received at the provincial centre.
// - Channels: online grows from 18 % to 45 % over the span, post 5 %, the rest direct — only channels the procedure
//   lists. Applicants: a pool of 1.2 N people (so about a third of dossiers come from someone who applied before),
//   organisations for business and permit procedures (60 %) and rarely otherwise (2 %); 6 % hand in through an
//   authorised person.
// - Officers: a unit's demo accounts act under their own ids; other units get 2–6 generated officers per role, whose
//   timeline and audit entries carry a name and no account id.
import { sql } from 'drizzle-orm';
import { appendSealedAudit, auditEvents, canInsertSealed, flushAuditSeal, linkAuditEntries, type AuditHead, type BulkSealing, type DatedAuditEntry } from '../../platform/audit';
import { CalendarError, describeDay, toVnIso, vnDateOf, vnInstant, type Duration, type WorkingCalendar } from '../../platform/calendar';
import { bulkInsertAll, bulkPart, type BulkPart } from '../../platform/db/bulk-insert';
import type { Db, Tx } from '../../platform/db/database';
import { hasMessage } from '../../platform/i18n';
import { ChecklistItemSchema } from '../../../contracts/dossiers/dossiers.contracts';
import { listPublishedProcedures, timeForChannel, type ProcedureVersionView } from '../catalog';
import { identityOrgUnits, identityRoleGrants, identityUsers } from '../identity';
import { calendarsOf, dueProvisionalOf } from './dossiers.deadlines';
import { codeDay, type UnitInfo } from './dossiers.repository';
import { dossierSearchText } from './dossiers.search';
import { publicViewRevision, renderPublicView } from './dossiers.public-view';
import {
  dossierApologies,
  dossierCodeCounters,
  dossierEvents,
  dossierPauses,
  dossiers,
  dossierSlipCounters,
  dossierSlipIssuances,
  dossierSteps,
  type ChecklistItem,
  type SubmitterInfo,
} from './dossiers.tables';
import { DEFAULT_PAUSE_RULE, ruleVersionOn } from './dossiers.workflow';
import { liveDossier, type DossierCase, type GeneratedLife, type LifeWorld, type Officer } from './dossiers.scale-life';
import { citizenId, hashText, organisation, person, personName, pick, prng, uuidOf, weighted, type GeneratedApplicant, type Rand } from './dossiers.scale-people';
import { checkIntakeChecklist, plainChecklist } from './use-cases/intake-checklist';
import type { DossierRatingFacts } from './use-cases/rating-facts';
import { resolveWorkflow } from './use-cases/intake-dossier';
import { counterKindOf, loadIssuer, referenceOf, symbolOf, type IssuerInfo } from './use-cases/slip-numbers';

/** What to generate. */
export interface GenerateDossiersOptions {
  /** How many dossiers. */
  dossiers: number;
  /** The clock's now: nothing happens at or after it. */
  now: Date;
  /** Same seed, count, now and earlier runs on the database → the same data. Default 1. */
  seed?: number;
  /** How far back receptions go (default 3; never before the first year of the published calendar). */
  years?: number;
  /** Dossiers per transaction (default 2000). */
  batchSize?: number;
  /** Run VACUUM (ANALYZE) on the tables written at the end (default true), so index-only scans work at once. */
  vacuum?: boolean;
  /**
   * How audit entries are sealed (platform/audit appendSealedAudit): `update` as the triggers of migration 0003 expect
   * of every writer, or `insert-sealed` (the insert trigger off inside each batch's transaction; about a third of the
   * audit work and half its space). Default: `insert-sealed` when the connection owns audit_events, else `update`.
   */
  auditSealing?: BulkSealing;
  /** Rows other modules keep for the dossiers that ended (seed-scale.ts passes the ratings module's). */
  companions?: readonly CompanionRows[];
  /** Called after each committed batch. */
  onProgress?: (progress: GenerateProgress) => void;
}

/** A generated dossier that ended (RETURNED, STOPPED, WITHDRAWN), as another module's generator sees it: its rating facts and more. */
export interface GeneratedEnding extends Pick<
  DossierRatingFacts,
  'code' | 'procedureVersionId' | 'procedureCode' | 'procedureName' | 'receivingUnitId' | 'handlingUnitId' | 'receivedBy' | 'handledBy'
> {
  /** The dossier's number in this run, for a seeded stream of its own. */
  index: number;
  run: number;
  dossierId: string;
  state: 'RETURNED' | 'STOPPED' | 'WITHDRAWN';
  endedAt: Date;
  channel: string;
  classification: string | null;
}

/** What another module writes for a batch's ended dossiers, in that batch's transaction (audit entries sealed with it). */
export interface CompanionRows {
  /** The tables written (counted per table and VACUUM-ed with the rest). */
  tables: readonly string[];
  rowsFor(ended: readonly GeneratedEnding[]): { parts: Array<{ table: string; part: BulkPart; count: number }>; audit: DatedAuditEntry[] };
}

export interface GenerateProgress {
  done: number;
  total: number;
  rows: number;
  elapsedMs: number;
}

/** What was written. */
export interface GenerateDossiersResult {
  dossiers: number;
  /** Rows written, by table. */
  rows: Record<string, number>;
  totalRows: number;
  /** Writing time (generation overlapped with it), then the VACUUM (ANALYZE). */
  loadMs: number;
  vacuumMs: number;
  from: Date;
  now: Date;
  /** Dossiers by state. */
  states: Record<string, number>;
  /** Finished dossiers classified late. */
  late: number;
  /** This run's number on the database (earlier runs continued the counters). */
  run: number;
  auditSealing: BulkSealing;
}

/** The tables a run writes (VACUUM (ANALYZE) afterwards). */
export const SCALE_TABLES = [
  'dossiers',
  'dossiers_steps',
  'dossiers_pauses',
  'dossiers_events',
  'dossiers_apologies',
  'dossiers_slip_issuances',
  'dossiers_code_counters',
  'dossiers_slip_counters',
  'audit_events',
] as const;

/** The audit action marking each run (its count numbers the runs, so a second run draws other dossiers). */
export const SCALE_RUN_ACTION = 'dossiers.scale-generate';
const SCALE_ACTOR_LABEL = 'Dữ liệu quy mô (seed:scale)';

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

/** Procedure volume by name (see the realism block above). */
const PROCEDURE_WEIGHTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/chứng thực/i, 10],
  [/khai sinh/i, 8],
  [/căn cước/i, 6],
  [/thường trú|tạm trú|tình trạng hôn nhân/i, 5],
  [/\bxe\b|lái xe/i, 4],
  [/đất/i, 3],
  [/khai tử|kết hôn/i, 3],
];
const BUSINESS = /kinh doanh|công ty|doanh nghiệp|xây dựng|giấy phép|lòng đường/i;
const MONTH_FACTOR = [1.05, 0.8, 1, 0.95, 1, 1, 1.05, 1.1, 1, 1, 1, 1.1];
const WEEKDAY_FACTOR = [0.7, 1.2, 1.05, 1, 1, 0.9, 0.7]; // Sunday … Saturday (weekend = make-up working days)

interface Unit extends UnitInfo {
  kind: string;
  parentId: string | null;
}

/** A usable procedure with what every dossier of it shares. */
interface Procedure {
  v: ProcedureVersionView;
  weight: number;
  channels: Array<'direct' | 'online' | 'post'>;
  business: boolean;
  checklists: Map<string, ChecklistItem[]>;
  durations: Map<string, { duration: Duration; source: 'catalog' | 'officer' }>;
  fee: number;
}

/** The province as the generator sees it. */
interface Province {
  cal: WorkingCalendar;
  calFor: (code: string) => WorkingCalendar;
  procedures: Procedure[];
  units: Map<string, Unit>;
  communes: Unit[];
  communeWeights: Array<readonly [Unit, number]>;
  centreOf: Map<string, Unit>;
  provinceCentre: Unit;
  partners: Unit[];
  demoOfficers: Map<string, Officer[]>;
  issuers: Map<string, IssuerInfo>;
}

/**
 * The statutory time a desk uses for a channel: the catalog's when it is readable, otherwise what an officer would
 * state (the number the catalog shows, or its first alternative with a unit, in working days; 1 working day when the
 * catalog says nothing).
 */
function durationFor(v: ProcedureVersionView, channel: 'direct' | 'online' | 'post'): { duration: Duration; source: 'catalog' | 'officer' } {
  const time = timeForChannel(v.processingTimes, channel);
  if (time?.readable && time.amount !== null && time.unit !== null) return { duration: { amount: time.amount, unit: time.unit }, source: 'catalog' };
  const alt = time?.alternatives.find((a) => a.unit !== null && a.amount !== null);
  if (alt) return { duration: { amount: alt.amount!, unit: alt.unit! }, source: 'officer' };
  return { duration: { amount: time?.amount && time.amount > 0 ? time.amount : 1, unit: 'working-days' }, source: 'officer' };
}

/** A procedure the desk can receive: implementing units, and the plain checklist passes the intake contract and rules. */
function usableProcedure(v: ProcedureVersionView, units: Map<string, Unit>): Procedure | null {
  if (!v.implementingUnits.some((u) => units.has(u.id))) return null;
  const listed = new Set(v.processingTimes.map((t) => t.channel));
  const channels = (['direct', 'online', 'post'] as const).filter((c) => listed.has('any') || listed.has(c) || listed.size === 0);
  const checklists = new Map<string, ChecklistItem[]>();
  const durations = new Map<string, { duration: Duration; source: 'catalog' | 'officer' }>();
  for (const channel of channels.length ? channels : (['direct'] as const)) {
    const plain = plainChecklist(v, channel);
    if (!plain.checklist.every((item) => ChecklistItemSchema.safeParse(item).success)) return null;
    try {
      checkIntakeChecklist(v, { decision: 'accept', checklist: plain.checklist, conditions: plain.conditions, note: 'seed:scale' });
    } catch {
      // The catalog's list cannot be handed in as such (e.g. only conditional papers): the desk would not receive it.
      return null;
    }
    checklists.set(channel, plain.checklist);
    durations.set(channel, durationFor(v, channel));
  }
  const weight = PROCEDURE_WEIGHTS.find(([re]) => re.test(v.name))?.[1] ?? 1;
  return {
    v,
    weight,
    channels: channels.length ? [...channels] : ['direct'],
    business: BUSINESS.test(v.name),
    checklists,
    durations,
    fee: v.fees.find((f) => f.amountVnd !== null)?.amountVnd ?? 0,
  };
}

async function loadProvince(db: Db, now: Date): Promise<Province> {
  const today = vnDateOf(now);
  const calendars = await calendarsOf(db);
  const cal = calendars.forUnit(null);
  const unitRows = await db
    .select({
      id: identityOrgUnits.id,
      code: identityOrgUnits.code,
      name: identityOrgUnits.name,
      path: identityOrgUnits.path,
      kind: identityOrgUnits.kind,
      shortName: identityOrgUnits.shortName,
      parentId: identityOrgUnits.parentId,
      validFrom: identityOrgUnits.validFrom,
      validTo: identityOrgUnits.validTo,
    })
    .from(identityOrgUnits);
  const open = unitRows.filter((u) => u.validFrom <= today && (u.validTo === null || u.validTo >= today)).sort((a, b) => (a.code < b.code ? -1 : 1));
  const units = new Map<string, Unit>(open.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path, kind: u.kind, shortName: u.shortName, parentId: u.parentId }]));
  const kindOf = (id: string | null) => (id ? units.get(id)?.kind : undefined);
  const centres = [...units.values()].filter((u) => u.kind === 'service-center');
  const provinceCentre = centres.find((c) => kindOf(c.parentId) === 'province');
  if (!provinceCentre) throw new Error('seed:scale: the province has no open provincial service centre (load the demo province first)');
  const centreOf = new Map<string, Unit>();
  for (const c of centres) if (c.parentId && kindOf(c.parentId) === 'commune') centreOf.set(c.parentId, c);
  const communes = [...units.values()].filter((u) => u.kind === 'commune');
  const procedures = (await listPublishedProcedures(db, today))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((v) => usableProcedure(v, units))
    .filter((p): p is Procedure => p !== null);
  if (procedures.length === 0) throw new Error('seed:scale: no published procedure in force can be received (load the demo province first)');

  const grants = await db
    .select({ unitId: identityRoleGrants.orgUnitId, role: identityRoleGrants.role, userId: identityUsers.id, name: identityUsers.displayName, disabled: identityUsers.disabled })
    .from(identityRoleGrants)
    .innerJoin(identityUsers, sql`${identityUsers.id} = ${identityRoleGrants.userId}`)
    .where(sql`${identityRoleGrants.role} in ('reception-officer', 'specialist', 'leader')`);
  const demoOfficers = new Map<string, Officer[]>();
  for (const g of grants.filter((x) => !x.disabled).sort((a, b) => (a.userId < b.userId ? -1 : 1))) {
    const key = `${g.unitId}|${g.role}`;
    demoOfficers.set(key, [...(demoOfficers.get(key) ?? []), { id: g.userId, label: g.name, ip: '' }]);
  }
  const issuerUnits = new Set<string>([provinceCentre.id, ...[...centreOf.values()].map((u) => u.id)]);
  for (const p of procedures) for (const u of p.v.implementingUnits) issuerUnits.add(u.id);
  const issuers = new Map<string, IssuerInfo>();
  for (const id of issuerUnits) {
    const u = units.get(id);
    if (u) issuers.set(id, await loadIssuer(db, u));
  }
  const calCache = new Map<string, WorkingCalendar>();
  return {
    cal,
    calFor: (code) => {
      let c = calCache.get(code);
      if (!c) calCache.set(code, (c = calendars.forUnit(code)));
      return c;
    },
    procedures,
    units,
    communes,
    communeWeights: communes.map((u, i) => [u, 1 / Math.sqrt(i + 1)] as const),
    centreOf,
    provinceCentre,
    partners: [...units.values()].filter((u) => u.kind === 'department'),
    demoOfficers,
    issuers,
  };
}

/** Reception instants: office time of working days, weighted per day, inverted so dossier i's instant grows with i. */
class ArrivalSchedule {
  private readonly starts: number[] = [];
  private readonly rates: number[] = [];
  private readonly cum: number[] = [0];

  constructor(cal: WorkingCalendar, from: Date, now: Date) {
    const fromMs = from.getTime();
    const nowMs = now.getTime();
    for (let dayMs = vnInstant(vnDateOf(from)).getTime(); dayMs <= nowMs; dayMs += DAY_MS) {
      const date = vnDateOf(new Date(dayMs + DAY_MS / 2));
      let periods;
      try {
        const d = describeDay(date, cal);
        if (!d.working) continue;
        periods = d.periods;
      } catch (err) {
        if (err instanceof CalendarError) continue;
        throw err;
      }
      const at = new Date(`${date}T00:00:00Z`);
      const factor = (1 + (0.12 * (dayMs - fromMs)) / YEAR_MS) * MONTH_FACTOR[at.getUTCMonth()]! * WEEKDAY_FACTOR[at.getUTCDay()]!;
      for (const p of periods) {
        const s = Math.max(fromMs, vnInstant(date, p.start).getTime());
        const e = Math.min(nowMs, vnInstant(date, p.end).getTime());
        if (e <= s) continue;
        this.starts.push(s);
        this.rates.push(factor);
        this.cum.push(this.cum.at(-1)! + (e - s) * factor);
      }
    }
    if (this.starts.length === 0) throw new Error('seed:scale: no office hours between the start and now');
  }

  /** The instant at quantile `x` ∈ [0, 1) of the weighted office time. */
  at(x: number): Date {
    const target = x * this.cum.at(-1)!;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cum[mid]! <= target) lo = mid;
      else hi = mid - 1;
    }
    // Whole seconds, as a desk's clock reads.
    return new Date(Math.floor((this.starts[lo]! + (target - this.cum[lo]!) / this.rates[lo]!) / 1000) * 1000);
  }
}

/** In-memory running numbers, read from the counter tables at the start and written back (at their maximum) per batch. */
class Counters {
  readonly code = new Map<string, number>();
  readonly slip = new Map<string, number>();
  private readonly dirtyCode = new Set<string>();
  private readonly dirtySlip = new Set<string>();

  static async load(db: Db): Promise<Counters> {
    const c = new Counters();
    for (const r of await db.select().from(dossierCodeCounters)) c.code.set(`${r.agencyCode}|${r.day}`, r.n);
    for (const r of await db.select().from(dossierSlipCounters)) c.slip.set(`${r.unitId}|${r.kind}|${r.year}`, r.n);
    return c;
  }

  nextCode(agency: string, day: string): number {
    const key = `${agency}|${day}`;
    const n = (this.code.get(key) ?? 0) + 1;
    this.code.set(key, n);
    this.dirtyCode.add(key);
    return n;
  }

  nextSlip(unitId: string, kind: string, year: number): number {
    const key = `${unitId}|${kind}|${year}`;
    const n = (this.slip.get(key) ?? 0) + 1;
    this.slip.set(key, n);
    this.dirtySlip.add(key);
    return n;
  }

  /** The counters changed since the last call, as rows. */
  takeDirty() {
    const code = [...this.dirtyCode].map((k) => {
      const [agencyCode, day] = k.split('|') as [string, string];
      return { agencyCode, day, n: this.code.get(k)! };
    });
    const slip = [...this.dirtySlip].map((k) => {
      const [unitId, kind, year] = k.split('|') as [string, string, string];
      return { unitId, kind, year: Number(year), n: this.slip.get(k)! };
    });
    this.dirtyCode.clear();
    this.dirtySlip.clear();
    return { code, slip };
  }
}

/** One batch of rows, ready to write. */
interface Batch {
  lives: GeneratedLife[];
  audit: DatedAuditEntry[];
  counters: ReturnType<Counters['takeDirty']>;
  /** Audit links computed ahead against the head the previous batch should leave. */
  links: ReturnType<typeof linkAuditEntries>;
  companions: Array<{ table: string; part: BulkPart; count: number }>;
}

/** Writes a batch in one transaction: the dossiers' tables in one statement, then the audit entries, sealed. */
async function writeBatch(db: Db, batch: Batch, sealing: BulkSealing): Promise<AuditHead> {
  return db.transaction(async (tx: Tx) => {
    // Durability of each batch is not needed before the next starts (a crash loses at most the last batches).
    await tx.execute(sql`set local synchronous_commit = off`);
    const { lives } = batch;
    await bulkInsertAll(tx, [
      bulkPart({ table: dossiers, rows: lives.map((l) => l.row) }),
      bulkPart({ table: dossierSteps, rows: lives.flatMap((l) => l.hops) }),
      bulkPart({ table: dossierPauses, rows: lives.flatMap((l) => l.pauses) }),
      bulkPart({ table: dossierEvents, rows: lives.flatMap((l) => l.events) }),
      bulkPart({ table: dossierApologies, rows: lives.flatMap((l) => (l.apology ? [l.apology] : [])) }),
      bulkPart({ table: dossierSlipIssuances, rows: lives.flatMap((l) => l.slips) }),
      // Left at the highest number issued, so a later real intake or slip continues without a collision.
      bulkPart({ table: dossierCodeCounters, rows: batch.counters.code, keepMax: { target: ['agencyCode', 'day'], column: 'n' } }),
      bulkPart({ table: dossierSlipCounters, rows: batch.counters.slip, keepMax: { target: ['unitId', 'kind', 'year'], column: 'n' } }),
      ...batch.companions.map((c) => c.part),
    ]);
    return appendSealedAudit(tx, batch.audit, batch.links, sealing);
  });
}

const rowCount = (b: Batch) =>
  b.lives.reduce((n, l) => n + 1 + l.hops.length + l.pauses.length + l.events.length + (l.apology ? 1 : 0) + l.slips.length, 0) +
  b.audit.length +
  b.companions.reduce((n, c) => n + c.count, 0);

/** Transitions whose actor made the result (as rating-facts.ts reads them). */
const RESULT_ACTS = new Set(['approve', 'result-ready', 'return-on-the-spot']);

function endingOf(life: GeneratedLife, index: number, run: number): GeneratedEnding | null {
  const d = life.row;
  if (d.state !== 'RETURNED' && d.state !== 'STOPPED' && d.state !== 'WITHDRAWN') return null;
  const endedAt = d.closedAt ?? d.returnedAt;
  if (!endedAt) return null;
  const act = life.events.findLast((e) => RESULT_ACTS.has(e.kind));
  return {
    index,
    run,
    dossierId: d.id,
    code: d.code,
    procedureVersionId: d.procedureVersionId,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    receivingUnitId: d.receivingUnitId,
    handlingUnitId: d.handlingUnitId,
    receivedBy: d.receivedBy ?? null,
    handledBy: act?.actorId ?? null,
    state: d.state,
    endedAt,
    channel: d.channel,
    classification: d.classification ?? null,
  };
}

/**
 * Generates `options.dossiers` dossiers (see the realism block at the top of this file) into `db`, which must hold a
 * migrated database with the province (units, published procedures, published calendar) and this process's module
 * declarations registered (buildApp or registerDeclarations: the public views are rendered with their wording).
 * Counters are continued, so a second run adds more; runs must not overlap each other or live intake.
 */
export async function generateDossiers(db: Db, options: GenerateDossiersOptions): Promise<GenerateDossiersResult> {
  const total = options.dossiers;
  if (!Number.isInteger(total) || total < 1) throw new Error(`seed:scale: the number of dossiers must be a positive integer, got ${total}`);
  const years = options.years ?? 3;
  if (!(years > 0 && years <= 20)) throw new Error(`seed:scale: years must be in (0, 20], got ${years}`);
  const seed = options.seed ?? 1;
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const now = options.now;
  if (!hasMessage('dossiers.timeline.intake')) throw new Error('seed:scale: register the module declarations first (buildApp or registerDeclarations)');

  const province = await loadProvince(db, now);
  const firstCovered = vnInstant(`${province.cal.firstYear}-01-01`);
  const from = new Date(Math.max(now.getTime() - years * YEAR_MS, firstCovered.getTime()));
  if (from >= now) throw new Error(`seed:scale: now (${now.toISOString()}) lies before the published calendar's first year ${province.cal.firstYear}`);
  const schedule = new ArrivalSchedule(province.cal, from, now);
  const counters = await Counters.load(db);
  const sealing: BulkSealing = options.auditSealing ?? ((await canInsertSealed(db)) ? 'insert-sealed' : 'update');

  // Seal what is waiting, then mark this run in the chain; earlier marks number it.
  await flushAuditSeal(db);
  const [marks] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(sql`${auditEvents.action} = ${SCALE_RUN_ACTION}`);
  const run = Number(marks?.n ?? 0) + 1;
  const marked = await db.transaction((tx) =>
    appendSealedAudit(tx, [
      {
        source: { actorId: null, actorLabel: SCALE_ACTOR_LABEL, at: now },
        entry: {
          action: SCALE_RUN_ACTION,
          subjectType: 'dossier',
          subjectId: 'scale-generate',
          before: null,
          after: { run, seed, dossiers: total, years, from: toVnIso(from), now: toVnIso(now) },
        },
      },
    ]),
  );

  const world = makeWorld(province, counters, now, seed);
  const draw = caseDrawer(province, counters, schedule, seed, run, total);
  const states: Record<string, number> = {};
  const companions = options.companions ?? [];
  const rows: Record<string, number> = Object.fromEntries([...SCALE_TABLES, ...companions.flatMap((c) => c.tables)].map((t) => [t, 0]));
  let late = 0;
  let written = 0;
  let rowsWritten = 0;
  const started = performance.now();

  const makeBatch = async (first: number, expected: AuditHead): Promise<Batch> => {
    const lives: GeneratedLife[] = [];
    const audit: DatedAuditEntry[] = [];
    const ended: GeneratedEnding[] = [];
    const end = Math.min(total, first + batchSize);
    for (let i = first; i < end; i++) {
      // Let the previous batch's statements go out while this one is computed.
      if ((i - first) % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
      const { c, r } = draw(i);
      const life = liveDossier(world, c, r);
      const cal = province.calFor(c.receiving.code);
      const view = renderPublicView({
        procedureName: life.row.procedureName,
        applicantName: life.row.applicantName,
        statusCode: life.row.statusCode,
        receivedAt: life.row.receivedAt,
        dueAt: life.row.dueAt,
        extendedDueAt: life.row.extendedDueAt,
        finishedAt: life.row.finishedAt,
        returnedAt: life.row.returnedAt,
        dueProvisional: dueProvisionalOf(life.row, cal),
        events: life.events.filter((e) => e.public).map((e) => ({ at: e.at, kind: e.kind, statusCode: e.statusCode, params: e.params })),
      });
      life.row.publicView = view;
      life.row.publicViewRev = publicViewRevision();
      lives.push(life);
      audit.push(...life.audit);
      const ending = companions.length > 0 ? endingOf(life, i, run) : null;
      if (ending) ended.push(ending);
      states[life.row.state] = (states[life.row.state] ?? 0) + 1;
      if (life.row.classification === 'late') late++;
    }
    const extra = companions.map((c) => c.rowsFor(ended));
    for (const e of extra) audit.push(...e.audit);
    return { lives, audit, counters: counters.takeDirty(), links: linkAuditEntries(expected, audit), companions: extra.flatMap((e) => e.parts) };
  };

  let expected = marked;
  let pending: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    if (pending) await pending;
    if (failure) throw failure.error;
  };
  for (let first = 0; first < total; first += batchSize) {
    const batch = await makeBatch(first, expected);
    expected = { seq: expected.seq + batch.audit.length, hash: batch.links.hashes.at(-1) ?? expected.hash };
    await settle();
    // Written while the next batch is computed; a failure is kept and rethrown at the next settle.
    pending = writeBatch(db, batch, sealing).then(
      () => {
        written += batch.lives.length;
        rowsWritten += rowCount(batch);
        rows.dossiers! += batch.lives.length;
        for (const l of batch.lives) {
          rows.dossiers_steps! += l.hops.length;
          rows.dossiers_pauses! += l.pauses.length;
          rows.dossiers_events! += l.events.length;
          rows.dossiers_apologies! += l.apology ? 1 : 0;
          rows.dossiers_slip_issuances! += l.slips.length;
        }
        rows.audit_events! += batch.audit.length;
        rows.dossiers_code_counters! += batch.counters.code.length;
        rows.dossiers_slip_counters! += batch.counters.slip.length;
        for (const c of batch.companions) rows[c.table] = (rows[c.table] ?? 0) + c.count;
        options.onProgress?.({ done: written, total, rows: rowsWritten, elapsedMs: performance.now() - started });
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  }
  await settle();
  const loadMs = performance.now() - started;
  let vacuumMs = 0;
  if (options.vacuum !== false) {
    const t = performance.now();
    await db.execute(sql.raw(`vacuum (analyze) ${[...SCALE_TABLES, ...companions.flatMap((c) => c.tables)].join(', ')}`));
    vacuumMs = performance.now() - t;
  }
  return { dossiers: written, rows, totalRows: rowsWritten, loadMs, vacuumMs, from, now, states, late, run, auditSealing: sealing };
}

/** The province seen by a dossier's life: names, officers, partners, slip numbers. */
function makeWorld(p: Province, counters: Counters, now: Date, seed: number): LifeWorld {
  const pools = new Map<string, Officer[]>();
  let unitIndex = 0;
  const unitIndexes = new Map<string, number>();
  const officersOf = (unitId: string, role: string): Officer[] => {
    const key = `${unitId}|${role}`;
    let pool = pools.get(key);
    if (pool) return pool;
    let idx = unitIndexes.get(unitId);
    if (idx === undefined) unitIndexes.set(unitId, (idx = unitIndex++));
    const r = prng(seed, 0x0ff1ce, idx, hashText(role));
    const ip = (k: number) => `10.56.${idx % 250}.${10 + k}`;
    const generated = Array.from({ length: 2 + Math.floor(r() * 5) }, (_, k) => ({ id: null, label: personName(r, r() < 0.6), ip: ip(k) }));
    const demo = (p.demoOfficers.get(key) ?? []).map((o, k) => ({ ...o, ip: ip(100 + k) }));
    pool = [...demo, ...generated];
    pools.set(key, pool);
    return pool;
  };
  return {
    now,
    cal: p.cal,
    unitName: (id) => p.units.get(id)?.name ?? '',
    officer: (unitId, role, r) => pick(r, officersOf(unitId, role)),
    partners: p.partners,
    slipNumber: (form, unitId, at) => {
      const year = Number(toVnIso(at).slice(0, 4));
      const number = counters.nextSlip(unitId, counterKindOf(form), year);
      const issuer = p.issuers.get(unitId);
      return { year, number, reference: referenceOf(number, symbolOf(form, issuer!.issuer, at)) };
    },
  };
}

/** Dossier i's reception: when, which procedure, units, channel and applicant, its code and book number. */
function caseDrawer(p: Province, counters: Counters, schedule: ArrivalSchedule, seed: number, run: number, total: number) {
  const people = Math.max(300, Math.round(total * 1.2));
  const companies = Math.max(20, Math.round(total * 0.02));
  const procedureTable = p.procedures.map((x) => [x, x.weight] as const);
  const fromMs = schedule.at(0).getTime();
  const span = Math.max(1, schedule.at(0.999999).getTime() - fromMs);
  const latenessOf = new Map<string, number>();
  const home = (r: Rand) => weighted(r, p.communeWeights);
  // One resolved workflow per procedure and pair of units, shared by their dossiers (their rows store equal copies).
  const workflows = new Map<string, ReturnType<typeof resolveWorkflow>>();
  const workflowOf = (v: ProcedureVersionView, receiving: Unit, handling: Unit) => {
    const key = `${v.id}|${receiving.id}|${handling.id}`;
    let w = workflows.get(key);
    if (!w) workflows.set(key, (w = resolveWorkflow(v, receiving, handling)));
    return w;
  };

  return (i: number): { c: DossierCase; r: Rand } => {
    const r = prng(seed, run, i);
    // Dossier i's instant lies in [i/N, (i+1)/N) of the weighted office time: instants grow with i, so the daily
    // code counters and yearly book numbers run in reception order, as at a real desk.
    const receivedAt = schedule.at((i + r()) / total);
    const day = vnDateOf(receivedAt);
    const proc = weighted(r, procedureTable);
    const v = proc.v;

    // The applicant: a person of the province (the same one may come back) or an organisation.
    const organisationApplies = r() < (proc.business ? 0.6 : 0.02);
    const who = organisationApplies ? prng(seed, 0xc0, Math.floor(r() * companies)) : prng(seed, 0xa11, Math.floor(r() * people));
    const homeCommune = p.communes.length ? home(who) : null;
    const applicant: GeneratedApplicant = organisationApplies ? organisation(who, homeCommune?.name ?? 'Phường Hạc Thành') : person(who, homeCommune?.name ?? 'Phường Hạc Thành');

    // Units: a commune-level procedure at the applicant's commune; a provincial one at its department.
    const implementing = v.implementingUnits.map((u) => p.units.get(u.id)).filter((u): u is Unit => u !== undefined);
    const communal = implementing.filter((u) => u.kind === 'commune');
    const other = implementing.filter((u) => u.kind !== 'commune');
    let handling: Unit;
    if (communal.length && (other.length === 0 || r() < 0.85)) handling = homeCommune && communal.some((u) => u.id === homeCommune.id) ? homeCommune : pick(r, communal);
    else handling = pick(r, other.length ? other : implementing);
    const near = p.centreOf.get(handling.id);
    const receiving = near && r() < 0.88 ? near : p.provinceCentre;

    // Channel: online grows over the span; only the channels the procedure lists.
    const progress = (receivedAt.getTime() - fromMs) / span;
    const wanted = ((x: number) => (x < 0.18 + 0.27 * progress ? 'online' : x < 0.23 + 0.27 * progress ? 'post' : 'direct'))(r());
    const channel = proc.channels.includes(wanted) ? wanted : proc.channels.includes('direct') ? 'direct' : proc.channels[0]!;
    const { duration, source } = proc.durations.get(channel)!;
    // Online applicants leave an e-mail more often.
    if (channel === 'online' && !applicant.email && r() < 0.3) applicant.email = `${applicant.idNumber}@dichvucong.gov.vn`;

    let submitter: SubmitterInfo | null = null;
    if (r() < 0.06 || applicant.kind === 'organisation') {
      const female = r() < 0.5;
      const year = 1960 + Math.floor(r() * 45);
      submitter = {
        name: personName(r, female),
        idNumber: citizenId(r, female, year),
        address: applicant.address,
        phone: r() < 0.8 ? `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : null,
        email: null,
        authorisationDocument: `Giấy ủy quyền số ${1 + Math.floor(r() * 300)}/GUQ ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`,
      };
    }

    const code = `${handling.code}-${codeDay(day)}-${String(counters.nextCode(handling.code, day)).padStart(4, '0')}`;
    const bookSeq = counters.nextSlip(receiving.id, 'book', Number(day.slice(0, 4)));
    let latenessFactor = latenessOf.get(handling.id);
    if (latenessFactor === undefined) latenessOf.set(handling.id, (latenessFactor = 0.4 + 1.6 * prng(seed, 0x1a7e, hashText(handling.code))()));
    const id = uuidOf(r);
    const c: DossierCase = {
      id,
      code,
      bookSeq,
      versionId: v.id,
      procedureCode: v.code,
      procedureName: v.name,
      onTheSpot: v.onTheSpot,
      feeVnd: proc.fee,
      receiving,
      handling,
      channel,
      applicant,
      submitter,
      checklist: proc.checklists.get(channel) ?? proc.checklists.values().next().value!,
      duration,
      durationSource: source,
      workflow: workflowOf(v, receiving, handling),
      receivedAt,
      searchText: `${code.toLowerCase()} ${dossierSearchText(applicant)}`,
      ruleVersion: ruleVersionOn(day),
      pauseRule: DEFAULT_PAUSE_RULE,
      latenessFactor,
    };
    return { c, r };
  };
}
