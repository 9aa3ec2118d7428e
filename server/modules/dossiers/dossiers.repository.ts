// Reads and writes of the dossiers tables; use cases call these inside their transaction.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { executeNamed, type NamedStatement, type Queryable, type Tx } from '../../platform/db/database';
import { listOrgUnitsByIds } from '../identity';
import { CALENDAR_REVISION_SQL } from '../../platform/calendar/store';
import {
  dossierApologies,
  dossierEvents,
  dossierPauses,
  dossiers,
  dossierSteps,
  type AttachmentMeta,
} from './dossiers.tables';

export type DossierRow = typeof dossiers.$inferSelect;
export type HopRow = typeof dossierSteps.$inferSelect;
export type PauseRow = typeof dossierPauses.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;
export type ApologyRow = typeof dossierApologies.$inferSelect;

/** A unit as dossiers need it: reference fields plus the tree path for policy checks. */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  path: string;
}

/** Units by id (unknown ids are simply absent). */
export async function unitsById(q: Queryable, ids: Iterable<string | null | undefined>): Promise<Map<string, UnitInfo>> {
  const unique = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  const rows = unique.length ? await listOrgUnitsByIds(q, unique) : [];
  return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path }]));
}

export async function findDossier(q: Queryable, id: string): Promise<DossierRow | null> {
  const [row] = await q.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return row ?? null;
}

export async function findDossierByCode(q: Queryable, code: string): Promise<DossierRow | null> {
  const [row] = await q.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  return row ?? null;
}

export async function listHops(q: Queryable, dossierId: string): Promise<HopRow[]> {
  return q.select().from(dossierSteps).where(eq(dossierSteps.dossierId, dossierId)).orderBy(asc(dossierSteps.seq));
}

export async function listPauses(q: Queryable, dossierId: string): Promise<PauseRow[]> {
  return q.select().from(dossierPauses).where(eq(dossierPauses.dossierId, dossierId)).orderBy(asc(dossierPauses.fromAt));
}

export async function listEvents(q: Queryable, dossierId: string): Promise<EventRow[]> {
  return q.select().from(dossierEvents).where(eq(dossierEvents.dossierId, dossierId)).orderBy(asc(dossierEvents.id));
}

export async function findApology(q: Queryable, dossierId: string): Promise<ApologyRow | null> {
  const [row] = await q.select().from(dossierApologies).where(eq(dossierApologies.dossierId, dossierId)).limit(1);
  return row ?? null;
}

/**
 * §5.1, §19.11: the next dossier code of `agencyCode` for the reception date — `<agency>-<yyMMdd>-<NNNN>`, sequence
 * per agency per day, at least 4 digits. The upsert takes the counter row's lock until the caller's transaction ends,
 * so two receptions never get the same number and a rolled-back one never issued its code.
 */
export async function allocateDossierCode(tx: Tx, agencyCode: string, day: string): Promise<string> {
  const res = await tx.execute<{ n: number }>(
    sql`insert into dossiers_code_counters (agency_code, day, n) values (${agencyCode}, ${day}, 1)
        on conflict (agency_code, day) do update set n = dossiers_code_counters.n + 1 returning n`,
  );
  const n = Number(res.rows[0]!.n);
  return `${agencyCode}-${codeDay(day)}-${String(n).padStart(4, '0')}`;
}

/** The code's date part: `yyMMdd` of a legal date `YYYY-MM-DD`. */
export const codeDay = (day: string): string => `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;

/** A received dossier's row as intake writes it, with its first hop and its timeline entry. */
export interface ReceivedDossier {
  id: string;
  /** The handling agency's code, the first part of the dossier code. */
  agencyCode: string;
  /** The reception's legal date `YYYY-MM-DD` (the code counter's day). */
  day: string;
  row: Omit<typeof dossiers.$inferInsert, 'id' | 'code' | 'bookSeq' | 'searchText' | 'publicView' | 'publicViewRev'> & { searchText: string };
  hop: { name: string; toUnitId: string; role: string; startedAt: Date; budgetMinutes: number | null; dueAt: Date | null; handedBy: string; note: string | null };
  event: { at: Date; kind: string; statusCode: number; params: Record<string, string | number | null>; note: string | null; actorId: string | null; actorLabel: string };
  /** The public lookup's read model (dossiers.public-view.ts), rendered from the above. */
  publicView: { view: string; rev: string };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const INTAKE_STATEMENT: NamedStatement = {
  name: 'dossiers_intake_v3',
  text: `with c as (insert into dossiers_code_counters (agency_code, day, n) values ($1, $2, 1)
                 on conflict (agency_code, day) do update set n = dossiers_code_counters.n + 1 returning n),
       k as (select $3::text || lpad(c.n::text, greatest(4, length(c.n::text)), '0') as code from c),
       d as (insert into dossiers (id, code, procedure_version_id, procedure_code, procedure_name, receiving_unit_id, handling_unit_id, channel, result_delivery,
               applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, checklist, fee_vnd, state, status_code,
               workflow, current_step, holder_unit_id, holder_role, duration_amount, duration_unit, duration_source, calendar_unit_code, received_at, due_at,
               at_risk, rule_version, pause_rule, book_number, book_seq, received_by, search_text, created_at, updated_at, public_view, public_view_rev, submitter)
             select $4, k.code, $5, $6, $7, $8, $9, $10, $11,
               $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20, $21,
               $22::jsonb, $23, $24, $25, $26, $27, $28, $29, $30, $31,
               $32, $33, $34, $35, 0, $36, lower(k.code) || ' ' || $37, $38, $39, $55, $56, $57::jsonb
             from k returning id, code),
       h as (insert into dossiers_steps (dossier_id, seq, kind, step_index, name, to_unit_id, role, started_at, budget_minutes, due_at, handed_by, note)
             select d.id, 1, 'step', 0, $40, $41, $42, $43, $44, $45, $46, $47 from d),
       e as (insert into dossiers_events (dossier_id, at, kind, public, status_code, params, note, actor_id, actor_label)
             select d.id, $48, $49, true, $50, $51::jsonb, $52, $53, $54 from d)
  select code from d`,
};

/**
 * Writes a received dossier in one round trip: the agency-day code counter (§5.1, §19.11: `<agency>-<yyMMdd>-<NNNN>`,
 * at least 4 digits), the dossier with that code, its first hop and its timeline entry. The counter row stays locked
 * until the transaction ends, so two receptions never get the same number and a rolled-back one never issued its
 * code. Hand-written and named: the desk's hot path is planned once per connection. Returns the code.
 */
export async function insertReceivedDossier(tx: Tx, d: ReceivedDossier): Promise<string> {
  const r = d.row;
  const rows = await executeNamed<{ code: string }>(tx, INTAKE_STATEMENT, [
    d.agencyCode, d.day, `${d.agencyCode}-${codeDay(d.day)}-`,
    d.id, r.procedureVersionId, r.procedureCode, r.procedureName, r.receivingUnitId, r.handlingUnitId, r.channel, r.resultDelivery,
    r.applicantKind, r.applicantName, r.applicantIdNumber, r.applicantPhone ?? null, r.applicantEmail ?? null, r.applicantAddress ?? null, JSON.stringify(r.checklist), r.feeVnd ?? 0, r.state, r.statusCode,
    JSON.stringify(r.workflow), r.currentStep, r.holderUnitId, r.holderRole, r.durationAmount, r.durationUnit, r.durationSource, r.calendarUnitCode ?? null, iso(r.receivedAt), iso(r.dueAt),
    r.atRisk ?? false, r.ruleVersion, r.pauseRule, r.bookNumber, r.receivedBy ?? null, r.searchText, iso(r.createdAt), iso(r.updatedAt),
    d.hop.name, d.hop.toUnitId, d.hop.role, iso(d.hop.startedAt), d.hop.budgetMinutes, iso(d.hop.dueAt), d.hop.handedBy, d.hop.note,
    iso(d.event.at), d.event.kind, d.event.statusCode, JSON.stringify(d.event.params), d.event.note, d.event.actorId, d.event.actorLabel,
    d.publicView.view, d.publicView.rev, r.submitter ? JSON.stringify(r.submitter) : null,
  ]);
  return rows[0]!.code;
}

const BOOK_STATEMENT: NamedStatement = {
  name: 'dossiers_intake_book_v4',
  text: `with b as (insert into dossiers_slip_counters (unit_id, kind, year, n) values ($1, 'book', $2, 1)
                 on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n)
         update dossiers set book_seq = b.n
         from b where dossiers.id = $3 and ${CALENDAR_REVISION_SQL} = $4 returning dossiers.book_seq`,
};

/**
 * The tracking-book entry (Sổ theo dõi hồ sơ, §4.2): the receiving unit's yearly running number, given to the dossier.
 * Every intake at that desk waits for this counter row, so intake takes it in its last statement before COMMIT. The
 * same statement checks that the published calendar is still at `calendarRevision` (the one the due instant was
 * computed with); null when it moved, and the caller must start again.
 */
export async function assignBookNumber(
  tx: Tx,
  dossierId: string,
  receivingUnitId: string,
  year: number,
  calendarRevision: number,
): Promise<number | null> {
  const rows = await executeNamed<{ book_seq: number }>(tx, BOOK_STATEMENT, [receivingUnitId, year, dossierId, calendarRevision]);
  return rows[0] ? Number(rows[0].book_seq) : null;
}

/** The next yearly running number of a unit's book or slip series (`book`, `PBS`, `PTC`, `PXL`). */
export async function nextSlipNumber(tx: Tx, unitId: string, kind: string, year: number): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`insert into dossiers_slip_counters (unit_id, kind, year, n) values (${unitId}, ${kind}, ${year}, 1)
        on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n`,
  );
  return Number(res.rows[0]!.n);
}

/**
 * The optimistic write of a status change: succeeds only when nobody changed the dossier since `expectedVersion`
 * was read (the row lock makes a concurrent writer wait, then see the new version and match nothing).
 */
export async function updateDossierIfVersion(tx: Tx, id: string, expectedVersion: number, values: Partial<DossierRow>): Promise<DossierRow | null> {
  const [row] = await tx
    .update(dossiers)
    .set({ ...values, version: sql`${dossiers.version} + 1` })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** A new hop row. */
export interface NewHop {
  /** Known by the caller for a dossier's first hop; otherwise the next free number. */
  seq?: number;
  kind: 'step' | 'transfer' | 'supplement';
  stepIndex: number | null;
  name: string;
  fromUnitId: string | null;
  toUnitId: string;
  role: HopRow['role'];
  startedAt: Date;
  budgetMinutes: number | null;
  dueAt: Date | null;
  handedBy: string | null;
  note?: string | null;
  attachments?: AttachmentMeta[];
}

/** Appends a hop with the next sequence number. */
export async function insertHop(tx: Tx, dossierId: string, hop: NewHop): Promise<HopRow> {
  const [row] = await tx
    .insert(dossierSteps)
    .values({
      dossierId,
      ...hop,
      seq: hop.seq ?? sql`(select coalesce(max(seq), 0) + 1 from dossiers_steps where dossier_id = ${dossierId})`,
      note: hop.note ?? null,
      attachments: hop.attachments ?? [],
    })
    .returning();
  return row!;
}

/** Closes a hop with its classification. */
export async function finishHop(tx: Tx, hopId: string, finishedAt: Date, classification: HopRow['classification']): Promise<void> {
  await tx.update(dossierSteps).set({ finishedAt, classification }).where(eq(dossierSteps.id, hopId));
}

/** Moves an open hop's due (after a pause ended or the calendar changed). */
export async function setHopDue(tx: Tx, hopId: string, dueAt: Date | null): Promise<void> {
  await tx.update(dossierSteps).set({ dueAt }).where(eq(dossierSteps.id, hopId));
}

/** Opens a pause (one open pause per dossier, enforced by a partial unique index). */
export async function openPause(tx: Tx, values: typeof dossierPauses.$inferInsert): Promise<PauseRow> {
  const [row] = await tx.insert(dossierPauses).values(values).returning();
  return row!;
}

/** Ends the dossier's open pause, if any; returns it. */
export async function closeOpenPause(tx: Tx, dossierId: string, at: Date): Promise<PauseRow | null> {
  const [row] = await tx
    .update(dossierPauses)
    .set({ toAt: at })
    .where(and(eq(dossierPauses.dossierId, dossierId), isNull(dossierPauses.toAt)))
    .returning();
  return row ?? null;
}

/** Appends a timeline entry. */
export async function insertEvent(tx: Tx, values: typeof dossierEvents.$inferInsert): Promise<void> {
  await tx.insert(dossierEvents).values(values);
}
