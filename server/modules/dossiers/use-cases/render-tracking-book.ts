// Mẫu 07, the tracking book of a receiving unit for a period, streamed to the client as it is read (issue 10 item 3):
// the rows come from the database in keyset batches, one sheet after the other, and go out row by row, so neither
// the rows nor the workbook are ever whole in memory, and a book has no size limit.
import { PassThrough, type Readable } from 'node:stream';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { can } from '../../../platform/access';
import { vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import type { Db } from '../../../platform/db/database';
import { AppError, notFound } from '../../../platform/errors';
import { TEMPLATE_SETS, TrackingBookAbortedError, orderBookSheets, writeTrackingBook, type BookSheetPlan, type TemplateSet, type TrackingBookRow } from '../slips';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import { unitsById } from '../dossiers.repository';
import { dossiers } from '../dossiers.tables';
import { withIssuance } from './render-slips';
import { loadIssuer } from './slip-numbers';

/** Rows read per query. */
export const TRACKING_BOOK_BATCH = 1000;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file written while it is sent. */
export interface StreamedFile {
  fileName: string;
  mimeType: string;
  body: Readable;
}

/** A sheet of the book and where its rows are: one volume's book numbers inside one reception window. */
interface PlannedSheet extends BookSheetPlan {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly from: Date;
  readonly until: Date;
}

/**
 * The reception window of each form set: a dossier is under the set in force on its reception date (selectTemplateSet
 * in ../slips), the oldest set also taking everything before it.
 */
const SET_WINDOWS: ReadonlyArray<{ set: TemplateSet; from: Date | null; until: Date | null }> = TEMPLATE_SETS.map((set, i) => ({
  set,
  from: i === 0 ? null : vnInstant(set.effectiveFrom),
  until: i === TEMPLATE_SETS.length - 1 ? null : vnInstant(TEMPLATE_SETS[i + 1]!.effectiveFrom),
}));

/** The index in SET_WINDOWS of a row's form set, in SQL (the boundaries are constants of the code). */
const SET_INDEX_SQL = sql.join(
  [
    sql`case`,
    ...SET_WINDOWS.flatMap((w, i) =>
      w.from ? [sql`when ${dossiers.receivedAt} >= ${sql.raw(`'${w.from.toISOString()}'::timestamptz`)} then ${sql.raw(String(i))}`] : [],
    ).reverse(),
    sql`else 0 end`,
  ],
  sql` `,
);

const later = (a: Date, b: Date | null) => (b && b > a ? b : a);
const earlier = (a: Date, b: Date | null) => (b && b < a ? b : a);

/**
 * The sheets of a unit's book for [from, end): one per volume and form set that has rows, with the range of book
 * numbers it spans. One pass over the period's rows (dossiers_receiving_received_idx).
 */
async function planSheets(db: Db, receivingUnitId: string, from: Date, end: Date): Promise<PlannedSheet[]> {
  const res = await db.execute<{ volume: string; set_index: number; first_seq: number; last_seq: number }>(sql`
    select ${dossiers.bookNumber} as volume, ${SET_INDEX_SQL} as set_index,
           min(${dossiers.bookSeq})::int as first_seq, max(${dossiers.bookSeq})::int as last_seq
      from ${dossiers}
     where ${dossiers.receivingUnitId} = ${receivingUnitId} and ${dossiers.receivedAt} >= ${from.toISOString()}::timestamptz
       and ${dossiers.receivedAt} < ${end.toISOString()}::timestamptz
     group by 1, 2`);
  return res.rows.map((r) => {
    const window = SET_WINDOWS[Number(r.set_index)]!;
    return {
      volume: r.volume,
      set: window.set,
      firstSeq: Number(r.first_seq),
      lastSeq: Number(r.last_seq),
      from: later(from, window.from),
      until: earlier(end, window.until),
    };
  });
}

/**
 * One batch of a volume's entries between the sheet's first and last STT, in book order (STT, then id), after `after`:
 * an ordered range of dossiers_book_idx, read TRACKING_BOOK_BATCH entries at a time. The reception window is checked
 * by the caller: as a condition here it makes the planner combine indexes and sort the rest of the sheet each time.
 */
function readBatch(db: Db, receivingUnitId: string, sheet: PlannedSheet, after: { seq: number; id: string } | null) {
  return db
    .select({
      id: dossiers.id,
      bookSeq: dossiers.bookSeq,
      bookNumber: dossiers.bookNumber,
      code: dossiers.code,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      applicantAddress: dossiers.applicantAddress,
      applicantPhone: dossiers.applicantPhone,
      handlingUnitId: dossiers.handlingUnitId,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      extendedDueAt: dossiers.extendedDueAt,
      returnedAt: dossiers.returnedAt,
      returnMethod: dossiers.returnMethod,
      returnedTo: dossiers.returnedTo,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.receivingUnitId, receivingUnitId),
        eq(dossiers.bookNumber, sheet.volume),
        gte(dossiers.bookSeq, sheet.firstSeq),
        lte(dossiers.bookSeq, sheet.lastSeq),
        after ? sql`(${dossiers.bookSeq}, ${dossiers.id}) > (${after.seq}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(dossiers.bookSeq), asc(dossiers.id))
    .limit(TRACKING_BOOK_BATCH);
}

/**
 * A sheet's rows in book order, TRACKING_BOOK_BATCH entries at a time, each batch a query of its own: no connection is
 * held while the client reads. Entries of the STT range received outside the sheet's window (another form set of the
 * volume, or an intake that committed out of order) are left out here. `agencies` caches the handling units' names.
 */
async function* sheetRows(db: Db, receivingUnitId: string, sheet: PlannedSheet, agencies: Map<string, string>): AsyncGenerator<TrackingBookRow[]> {
  let after: { seq: number; id: string } | null = null;
  for (;;) {
    const batch = await readBatch(db, receivingUnitId, sheet, after);
    const rows = batch.filter((r) => r.receivedAt >= sheet.from && r.receivedAt < sheet.until);
    const unknown = rows.map((r) => r.handlingUnitId).filter((id) => !agencies.has(id));
    if (unknown.length) for (const [id, unit] of await unitsById(db, unknown)) agencies.set(id, unit.name);
    yield rows.map((r) => ({
      sequence: r.bookSeq,
      volume: r.bookNumber,
      dossierCode: r.code,
      procedureName: r.procedureName,
      applicantName: r.applicantName,
      applicantAddress: r.applicantAddress,
      applicantPhone: r.applicantPhone,
      handlingAgency: agencies.get(r.handlingUnitId) ?? '',
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      extendedDueAt: r.extendedDueAt,
      returnedAt: r.returnedAt,
      resultDelivery: r.returnMethod === 'post' ? 'Bưu chính' : r.returnMethod === 'online' ? 'Trực tuyến' : r.returnMethod === 'desk' ? 'Trực tiếp' : null,
      signature: r.returnedTo,
    }));
    const last = batch[batch.length - 1];
    if (!last || batch.length < TRACKING_BOOK_BATCH) return;
    after = { seq: last.bookSeq, id: last.id };
  }
}

/**
 * Mẫu 07: the tracking book of a receiving unit for a period (inclusive dates), as an Excel workbook written while it is
 * sent. Permission, the sheets and the volumes' numbers (D14) are settled before the first byte, so a refusal is an
 * ordinary error answer. A failure after that (the database) is logged and cuts the response short: the client never
 * receives the end of the file, so a partial book is never taken for a complete one. A client that goes away stops
 * the reading at the next batch.
 */
export async function renderTrackingBookFile(ctx: Ctx, input: { receivingUnitId: string; from: string; to: string }): Promise<StreamedFile> {
  const units = await unitsById(ctx.db, [input.receivingUnitId]);
  const receiving = units.get(input.receivingUnitId);
  if (!receiving) throw notFound('orgUnit', input.receivingUnitId);
  const subject = { state: 'RECEIVED' as const, holderRole: 'reception-officer', holderPath: receiving.path, receivingPath: receiving.path, handlingPath: receiving.path };
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const from = vnInstant(input.from);
  const end = new Date(vnInstant(input.to).getTime() + 86_400_000);
  const planned = await planSheets(ctx.db, receiving.id, from, end);
  const info = await loadIssuer(ctx.db, receiving);
  const now = ctx.clock.now();
  // Each volume (quyển) of the book keeps one number on every export (D14); numbered in volume order.
  const volumeNames = [...new Set(planned.map((s) => s.volume))].sort();
  const volumes = await withIssuance(ctx, null, async (issue) => {
    const out = [];
    for (const volume of volumeNames) {
      out.push({ volume, reference: await issue({ form: 'trackingBook', subject: `book:${receiving.id}:${volume}`, dossierId: null, issuer: info, at: now }) });
    }
    return out;
  });
  const head = { issuer: info.issuer, place: info.place, issuedAt: now, volumes, period: { from: input.from, to: input.to } };
  const sheets = orderBookSheets(head, planned);
  const agencies = new Map<string, string>();
  const body = new PassThrough();
  const where = { receivingUnitId: receiving.id, from: input.from, to: input.to };
  // Fastify listens to the stream only once it starts sending; until then an error must not go unheard (it is
  // logged below, where it happens).
  body.on('error', (err) => ctx.log.debug({ err, ...where }, 'dossiers: tracking book stream closed with an error'));
  writeTrackingBook(body, head, sheets, (sheet) => ('firstSeq' in sheet ? sheetRows(ctx.db, receiving.id, sheet, agencies) : [])).then(
    (rows) => ctx.log.info({ ...where, rows }, 'dossiers: tracking book sent'),
    (err: unknown) => {
      if (err instanceof TrackingBookAbortedError) {
        ctx.log.info(where, 'dossiers: tracking book download abandoned by the client');
        return;
      }
      ctx.log.error({ err, ...where }, 'dossiers: tracking book failed part-way; the download is cut short');
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  );
  return { fileName: `mau-07-so-theo-doi-${receiving.code}-${input.from}-${input.to}.xlsx`, mimeType: XLSX, body };
}
