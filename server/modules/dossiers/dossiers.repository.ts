// Reads and writes of the dossiers tables; use cases call these inside their transaction.
import { and, asc, desc, eq, getTableColumns, inArray, is, isNull, SQL, sql } from 'drizzle-orm';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { executeNamed, type NamedStatement, type Queryable, type Tx } from '../../platform/db/database';
import { listOrgUnitsByIds } from '../identity';
import { CALENDAR_REVISION_SQL } from '../../platform/calendar/store';
import {
  dossierApologies,
  dossierEvents,
  dossierPauses,
  dossiers,
  dossierSlipIssuances,
  dossierSteps,
  dossierSupplementFiles,
  type AttachmentMeta,
  type SLIP_FORMS,
} from './dossiers.tables';
import { publicViewRevision, refreshPublicViews, renderPublicView } from './dossiers.public-view';

export type DossierRow = typeof dossiers.$inferSelect;
export type HopRow = typeof dossierSteps.$inferSelect;
export type PauseRow = typeof dossierPauses.$inferSelect;
export type EventRow = typeof dossierEvents.$inferSelect;
export type ApologyRow = typeof dossierApologies.$inferSelect;
export type SupplementFileRow = typeof dossierSupplementFiles.$inferSelect;

/** A unit as dossiers need it: reference fields, the tree path for policy checks, kind and short name for slip symbols. */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  path: string;
  kind: string;
  shortName: string | null;
}

/** Units by id (unknown ids are simply absent). */
export async function unitsById(q: Queryable, ids: Iterable<string | null | undefined>): Promise<Map<string, UnitInfo>> {
  const unique = [...new Set([...ids].filter((x): x is string => Boolean(x)))];
  const rows = unique.length ? await listOrgUnitsByIds(q, unique) : [];
  return new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path, kind: u.kind, shortName: u.shortName }]));
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

/** A slip issuance row (D14). */
export type SlipIssuanceRow = Pick<typeof dossierSlipIssuances.$inferSelect, 'form' | 'subject' | 'reference' | 'issuedAt'>;

/** The numbered slips of a dossier (forms other than the receipt and the apology, which keep theirs on their own rows). */
export async function listSlipIssuances(q: Queryable, dossierId: string): Promise<SlipIssuanceRow[]> {
  return q
    .select({ form: dossierSlipIssuances.form, subject: dossierSlipIssuances.subject, reference: dossierSlipIssuances.reference, issuedAt: dossierSlipIssuances.issuedAt })
    .from(dossierSlipIssuances)
    .where(eq(dossierSlipIssuances.dossierId, dossierId))
    .orderBy(asc(dossierSlipIssuances.issuedAt));
}

/** The code's date part: `yyMMdd` of a legal date `YYYY-MM-DD`. */
export const codeDay = (day: string): string => `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;

type DossierInsert = typeof dossiers.$inferInsert;
type HopInsert = typeof dossierSteps.$inferInsert;
type EventInsert = typeof dossierEvents.$inferInsert;

/** A new dossier's row, with its first hop and its first timeline entry, as intake and the demo seed write them. */
export interface NewDossier {
  id: string;
  /** The handling agency's code, the first part of the dossier code. */
  agencyCode: string;
  /** The reception's legal date `YYYY-MM-DD` (the code counter's day). */
  day: string;
  /** `searchText` is what follows the code (the statement prefixes the lower-case code it allocates). */
  row: Omit<DossierInsert, 'id' | 'code' | 'publicView' | 'publicViewRev'>;
  hop: Omit<HopInsert, 'id' | 'dossierId' | 'seq'>;
  event: Omit<EventInsert, 'id' | 'dossierId'>;
  /**
   * Store the public lookup's view (D8), rendered here from the row and entry above; `dueProvisional` needs the
   * calendar the due was computed with (dossiers.deadlines dueProvisionalOf). Null leaves it to the refresh job.
   */
  publicView: { dueProvisional: boolean } | null;
}

/** The lookup's view of a dossier being inserted: the same renderer as every later change, fed what the insert writes. */
function newDossierView(d: NewDossier): string | null {
  if (!d.publicView) return null;
  const e = d.event;
  return renderPublicView({
    procedureName: d.row.procedureName,
    applicantName: d.row.applicantName,
    statusCode: d.row.statusCode,
    receivedAt: d.row.receivedAt,
    dueAt: d.row.dueAt,
    extendedDueAt: d.row.extendedDueAt ?? null,
    finishedAt: d.row.finishedAt ?? null,
    returnedAt: d.row.returnedAt ?? null,
    dueProvisional: d.publicView.dueProvisional,
    events: e.public ? [{ at: e.at, kind: e.kind, statusCode: e.statusCode, params: e.params ?? {} }] : [],
  });
}

/**
 * One row of `table` written inside a larger statement: its column list, the value expressions (`$n::type`
 * placeholders, numbered from `first`) and the parameters of a row in the same order — all read from the Drizzle table
 * definition, so the statement follows the schema. `fixed` columns take an expression and no parameter, `wrap`
 * columns a parameter inside an expression, `omit` columns their database default. A missing value takes the
 * column's default (a SQL default through `coalesce`).
 */
function rowInsert<T extends PgTable>(
  table: T,
  first: number,
  opts: { fixed?: Record<string, string>; wrap?: Record<string, (param: string) => string>; omit?: string[] } = {},
): { columns: string; values: string; next: number; params: (row: Record<string, unknown>) => unknown[] } {
  const dialect = new PgDialect();
  const columns: string[] = [];
  const values: string[] = [];
  const bound: Array<[key: string, column: PgColumn]> = [];
  let n = first;
  for (const [key, column] of Object.entries(getTableColumns(table)) as Array<[string, PgColumn]>) {
    if (opts.omit?.includes(key)) continue;
    columns.push(`"${column.name}"`);
    const fixed = opts.fixed?.[key];
    if (fixed !== undefined) {
      values.push(fixed);
      continue;
    }
    let value = `$${n++}::${column.getSQLType()}`;
    if (is(column.default, SQL)) value = `coalesce(${value}, ${dialect.sqlToQuery(column.default).sql})`;
    values.push(opts.wrap?.[key]?.(value) ?? value);
    bound.push([key, column]);
  }
  const params = (row: Record<string, unknown>) =>
    bound.map(([key, column]) => {
      const v = row[key] === undefined && column.default !== undefined && !is(column.default, SQL) ? column.default : row[key];
      return v === undefined || v === null ? null : column.mapToDriverValue(v);
    });
  return { columns: columns.join(', '), values: values.join(', '), next: n, params };
}

// $1 agency code, $2 day, $3 code prefix; then the dossier's, the hop's and the event's columns.
const DOSSIER_COLUMNS = rowInsert(dossiers, 4, { fixed: { code: 'k.code' }, wrap: { searchText: (p) => `lower(k.code) || ' ' || ${p}` } });
const HOP_COLUMNS = rowInsert(dossierSteps, DOSSIER_COLUMNS.next, { fixed: { dossierId: 'd.id', seq: '1' } });
const EVENT_COLUMNS = rowInsert(dossierEvents, HOP_COLUMNS.next, { fixed: { dossierId: 'd.id' }, omit: ['id'] });

const NEW_DOSSIER_STATEMENT: NamedStatement = {
  name: 'dossiers_intake_v4',
  text: `with c as (insert into dossiers_code_counters (agency_code, day, n) values ($1, $2, 1)
                 on conflict (agency_code, day) do update set n = dossiers_code_counters.n + 1 returning n),
       k as (select $3::text || lpad(c.n::text, greatest(4, length(c.n::text)), '0') as code from c),
       d as (insert into dossiers (${DOSSIER_COLUMNS.columns}) select ${DOSSIER_COLUMNS.values} from k returning id, code),
       h as (insert into dossiers_steps (${HOP_COLUMNS.columns}) select ${HOP_COLUMNS.values} from d),
       e as (insert into dossiers_events (${EVENT_COLUMNS.columns}) select ${EVENT_COLUMNS.values} from d)
  select code from d`,
};

/**
 * Writes a new dossier in one round trip: the agency-day code counter (§5.1, §19.11: `<agency>-<yyMMdd>-<NNNN>`,
 * at least 4 digits), the dossier with that code, its first hop and its first timeline entry. The counter row stays
 * locked until the transaction ends, so two receptions never get the same number and a rolled-back one never issued
 * its code. A named statement (D9): the desk's hot path is planned once per connection; its text is built once from
 * the table definitions. The one insert path of dossier rows (intake and the demo seed). Returns the code.
 */
export async function insertNewDossier(tx: Tx, d: NewDossier): Promise<string> {
  const view = newDossierView(d);
  const rows = await executeNamed<{ code: string }>(tx, NEW_DOSSIER_STATEMENT, [
    d.agencyCode,
    d.day,
    `${d.agencyCode}-${codeDay(d.day)}-`,
    ...DOSSIER_COLUMNS.params({ ...d.row, id: d.id, publicView: view, publicViewRev: view === null ? null : publicViewRevision() }),
    ...HOP_COLUMNS.params(d.hop),
    ...EVENT_COLUMNS.params(d.event),
  ]);
  return rows[0]!.code;
}

/** SQL twin of referenceOf (slips.numbers.ts): "03/PKS-TTPVHCC" from a number expression and a symbol. */
const referenceSql = (n: string, symbol: string) => `lpad(${n}::text, greatest(2, length(${n}::text)), '0') || '/' || ${symbol}`;

/** A slip numbered when the act it records happens (D14): its form, what it is about, its issuer and printed symbol. */
export interface NewSlip {
  form: (typeof SLIP_FORMS)[number];
  /** What the slip is about, unique per form: `dossier:<id>`, `pause:<id>`. */
  subject: string;
  dossierId: string | null;
  issuerUnitId: string;
  /** The issuer's counter series (`dossiers_slip_counters.kind`) the number is taken from. */
  counterKind: string;
  year: number;
  /** "PKS-TTPVHCC": what follows the number. */
  symbol: string;
  issuedAt: Date;
}

/**
 * The CTEs `sc` (the next number of the issuer's yearly series of the form) and `si` (the issuance row with its
 * reference as printed), with the parameters of `slipParams` from `$first` on. The one insert of slip issuance rows:
 * alone (insertSlipIssuance) or inside the intake's last statement (the control slip issued at reception).
 */
function slipIssueCtes(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `sc as (insert into dossiers_slip_counters (unit_id, kind, year, n) values (${p(0)}::uuid, ${p(1)}::text, ${p(2)}::int, 1)
                 on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n),
       si as (insert into dossiers_slip_issuances (form, subject, dossier_id, issuer_unit_id, year, number, reference, issued_at)
              select ${p(3)}::text, ${p(4)}::text, ${p(5)}::uuid, ${p(0)}::uuid, ${p(2)}::int, sc.n, ${referenceSql('sc.n', `${p(6)}::text`)}, ${p(7)}::timestamptz
              from sc returning reference)`;
}
const slipParams = (s: NewSlip): unknown[] => [s.issuerUnitId, s.counterKind, s.year, s.form, s.subject, s.dossierId, s.symbol, s.issuedAt.toISOString()];

const NEW_SLIP_STATEMENT: NamedStatement = { name: 'dossiers_slip_issue_v1', text: `with ${slipIssueCtes(1)} select reference from si` };

/**
 * Numbers a slip that has none yet and records it (D14): the issuer's next yearly number of the form, stored with
 * the printed reference. The counter row stays locked until the transaction ends. The caller knows the subject is new
 * (the act creating it is in this transaction) or holds the subject's lock (issueSlipReference). Returns the reference.
 */
export async function insertSlipIssuance(tx: Tx, slip: NewSlip): Promise<string> {
  const rows = await executeNamed<{ reference: string }>(tx, NEW_SLIP_STATEMENT, slipParams(slip));
  return rows[0]!.reference;
}

const BOOK_STATEMENT: NamedStatement = {
  name: 'dossiers_intake_book_v5',
  text: `with b as (insert into dossiers_slip_counters (unit_id, kind, year, n) values ($1, 'book', $2, 1)
                 on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n),
       u as (update dossiers set book_seq = b.n
             from b where dossiers.id = $3 and ${CALENDAR_REVISION_SQL} = $4 returning dossiers.book_seq),
       ${slipIssueCtes(5)}
  select u.book_seq, si.reference from u, si`,
};

/**
 * The tracking-book entry (Sổ theo dõi hồ sơ, §4.2): the receiving unit's yearly running number, given to the dossier,
 * and the control slip (Mẫu 06) numbered at reception, in one statement. Every intake at that desk waits for these
 * counter rows, so intake takes them in its last statement before COMMIT. The same statement checks that the published
 * calendar is still at `calendarRevision` (the one the due instant was computed with); null when it moved, and the
 * caller must start again (the rollback takes the numbers back).
 */
export async function assignBookNumber(
  tx: Tx,
  input: { dossierId: string; receivingUnitId: string; year: number; calendarRevision: number; controlSlip: NewSlip },
): Promise<{ bookSeq: number; controlSlipReference: string } | null> {
  const rows = await executeNamed<{ book_seq: number; reference: string }>(tx, BOOK_STATEMENT, [
    input.receivingUnitId,
    input.year,
    input.dossierId,
    input.calendarRevision,
    ...slipParams(input.controlSlip),
  ]);
  return rows[0] ? { bookSeq: Number(rows[0].book_seq), controlSlipReference: rows[0].reference } : null;
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
 * The one write of a change to an existing dossier (D8): the row, only if nobody changed it since `expectedVersion`
 * was read (the row lock makes a concurrent writer wait, then see the new version and match nothing), its timeline
 * entry (with the status the row now has), and the public lookup's view rendered from both, all in the caller's
 * transaction. Null when the version moved (nothing written).
 */
export async function changeDossier(
  tx: Tx,
  id: string,
  expectedVersion: number,
  values: Partial<DossierRow>,
  event: Omit<EventInsert, 'id' | 'dossierId' | 'statusCode'>,
): Promise<DossierRow | null> {
  const [row] = await tx
    .update(dossiers)
    .set({ ...values, version: sql`${dossiers.version} + 1` })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, expectedVersion)))
    .returning();
  if (!row) return null;
  await tx.insert(dossierEvents).values({ ...event, dossierId: id, statusCode: row.statusCode });
  await refreshPublicViews(tx, [id]);
  return row;
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

/** A keyset position in "my dossiers" order: most recently received first, then by id. */
export interface ApplicantCursor {
  receivedAt: Date;
  id: string;
}

// A row comparison, which the index takes as its bound (Index Cond): a page after the cursor starts there, at any depth.
const beforeCursor = (c: ApplicantCursor | null) => (c ? sql`(${dossiers.receivedAt}, ${dossiers.id}) < (${c.receivedAt.toISOString()}::timestamptz, ${c.id}::uuid)` : undefined);

/** Personal dossiers under an ID number after `cursor`, newest first: a backward walk of `dossiers_applicant_id_idx`. */
export function byApplicantIdNumber(q: Queryable, idNumber: string, cursor: ApplicantCursor | null, limit: number) {
  return q
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.applicantIdNumber, idNumber), eq(dossiers.applicantKind, 'person'), beforeCursor(cursor)))
    .orderBy(desc(dossiers.receivedAt), desc(dossiers.id))
    .limit(limit);
}

/**
 * One page (`limit` rows) of an applicant's dossiers after `cursor`: those with one of `ids` (received from the
 * account's online applications) and the personal dossiers under `idNumber` (its verified ID number). Two reads, each
 * in the page's order and limited: the ids by primary key, the ID number backwards along `dossiers_applicant_id_idx`
 * (a few index entries per page however many dossiers the province holds); merged, without duplicates.
 */
export async function applicantDossierPage(
  q: Queryable,
  input: { ids: readonly string[]; idNumber: string | null; cursor: ApplicantCursor | null; limit: number },
): Promise<DossierRow[]> {
  const order = [desc(dossiers.receivedAt), desc(dossiers.id)];
  const [byIds, byNumber] = await Promise.all([
    input.ids.length
      ? q
          .select()
          .from(dossiers)
          .where(and(inArray(dossiers.id, [...input.ids]), beforeCursor(input.cursor)))
          .orderBy(...order)
          .limit(input.limit)
      : Promise.resolve([]),
    input.idNumber ? byApplicantIdNumber(q, input.idNumber, input.cursor, input.limit) : Promise.resolve([]),
  ]);
  const seen = new Map<string, DossierRow>();
  for (const r of [...byIds, ...byNumber]) seen.set(r.id, r);
  return [...seen.values()].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, input.limit);
}

/** Locks the dossier row for the rest of the transaction (online supplement files and the resubmission run one at a time). */
export async function lockDossier(tx: Queryable, id: string): Promise<DossierRow | null> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).limit(1).for('update');
  return row ?? null;
}

/** The files sent online for the dossier's supplement requests: by the paper asked for (unnamed last), then upload order. */
export async function listSupplementFiles(q: Queryable, dossierId: string): Promise<SupplementFileRow[]> {
  return q
    .select()
    .from(dossierSupplementFiles)
    .where(eq(dossierSupplementFiles.dossierId, dossierId))
    .orderBy(sql`${dossierSupplementFiles.itemIndex} asc nulls last`, asc(dossierSupplementFiles.uploadedAt), asc(dossierSupplementFiles.fileName), asc(dossierSupplementFiles.id));
}

/** One supplement file of the dossier by its id, or null. */
export async function findSupplementFile(q: Queryable, dossierId: string, id: string): Promise<SupplementFileRow | null> {
  const [row] = await q
    .select()
    .from(dossierSupplementFiles)
    .where(and(eq(dossierSupplementFiles.dossierId, dossierId), eq(dossierSupplementFiles.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertSupplementFile(tx: Queryable, values: typeof dossierSupplementFiles.$inferInsert): Promise<SupplementFileRow> {
  const [row] = await tx.insert(dossierSupplementFiles).values(values).returning();
  return row!;
}

export async function deleteSupplementFile(tx: Queryable, id: string): Promise<void> {
  await tx.delete(dossierSupplementFiles).where(eq(dossierSupplementFiles.id, id));
}

/** Marks the pause's prepared files as sent with the supplement; returns them. */
export async function submitSupplementFiles(tx: Queryable, pauseId: string, at: Date): Promise<SupplementFileRow[]> {
  return tx
    .update(dossierSupplementFiles)
    .set({ submittedAt: at })
    .where(and(eq(dossierSupplementFiles.pauseId, pauseId), isNull(dossierSupplementFiles.submittedAt)))
    .returning();
}
