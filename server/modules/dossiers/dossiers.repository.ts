// Reads and writes of the dossiers tables; use cases call these inside their transaction.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/database';
import { listOrgUnitsByIds } from '../identity';
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

/**
 * Gives a just-inserted dossier (written with a temporary `#<id>` code) its dossier code and tracking-book number in
 * one statement: the agency-day code counter and the receiving unit's yearly book counter are upserted together and
 * the row updated (§5.1, §19.11). Intake calls it as late as possible, so the two counter rows — which every other
 * intake of that agency or desk must wait for — stay locked only for the few statements before COMMIT.
 */
export async function assignDossierNumbers(tx: Tx, dossierId: string, agencyCode: string, receivingUnitId: string, day: string): Promise<{ code: string; bookSeq: number }> {
  const res = await tx.execute<{ code: string; book_seq: number }>(sql`
    with c as (insert into dossiers_code_counters (agency_code, day, n) values (${agencyCode}, ${day}, 1)
               on conflict (agency_code, day) do update set n = dossiers_code_counters.n + 1 returning n),
         b as (insert into dossiers_slip_counters (unit_id, kind, year, n) values (${receivingUnitId}, 'book', ${Number(day.slice(0, 4))}, 1)
               on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n),
         k as (select ${`${agencyCode}-${codeDay(day)}-`} || lpad(c.n::text, greatest(4, length(c.n::text)), '0') as code, b.n as book from c, b)
    update dossiers d set code = k.code, book_seq = k.book, search_text = lower(k.code) || ' ' || d.search_text
    from k where d.id = ${dossierId}
    returning d.code, d.book_seq`);
  const row = res.rows[0]!;
  return { code: row.code, bookSeq: Number(row.book_seq) };
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
  role: string;
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
export async function finishHop(tx: Tx, hopId: string, finishedAt: Date, classification: string | null): Promise<void> {
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
