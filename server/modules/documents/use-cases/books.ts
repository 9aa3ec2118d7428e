// The yearly registers as workbooks (NĐ 30/2020/NĐ-CP Phụ lục IV: sổ đăng ký văn bản đến, sổ đăng ký văn bản đi) and the
// numbers the dashboards read.
import ExcelJS from 'exceljs';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { vnDateOf, vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { translate } from '../../../platform/i18n';
import type { BookQuery, DocumentIndicators, DocumentIndicatorsQuery } from '../../../../contracts/documents/documents.contracts';
import { documentType, numberingYear } from '../documents.numbering';
import { DOCUMENT_ACTIONS } from '../documents.policy';
import { assignmentsOf, incomingOfYear, outgoingOfYear } from '../documents.repository';
import { documentsIncoming as inc, documentsOutgoing as out } from '../documents.tables';
import { authorise, invalid, unitsById, userNames } from './common';
import { cachedOrgUnitRefs, type OrgUnitRef } from '../../identity';

/** Phụ lục IV, sổ đăng ký văn bản đến: the columns in order. */
export const INCOMING_BOOK_COLUMNS = [
  'Ngày đến',
  'Số đến',
  'Tác giả',
  'Số, ký hiệu',
  'Ngày tháng',
  'Tên loại và trích yếu nội dung',
  'Đơn vị hoặc người nhận',
  'Ký nhận',
  'Hạn giải quyết',
  'Ghi chú',
] as const;

/** Phụ lục IV, sổ đăng ký văn bản đi: the columns in order. */
export const OUTGOING_BOOK_COLUMNS = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ghi chú',
] as const;

/** dd/mm/yyyy of a legal date. */
const vnDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function bodyOf(ctx: Ctx, unitId: string): Promise<OrgUnitRef> {
  const [unit] = await cachedOrgUnitRefs(ctx.db, [unitId]);
  if (!unit) throw invalid([{ path: 'querystring.unitId', code: 'documents.errors.unitUnknown' }]);
  authorise(ctx, DOCUMENT_ACTIONS.read, unit);
  return unit;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly string[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow([...columns]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  ws.addRow(columns.map((_, i) => i + 1)).alignment = { horizontal: 'center' };
  ws.columns = columns.map((c) => ({ width: Math.max(12, Math.min(45, c.length + 4)) }));
  return ws;
}

/** A rendered workbook. */
export interface RenderedBook {
  fileName: string;
  body: Buffer;
}

/** GET /documents/books/incoming.xlsx: the year's incoming register, in arrival number order. */
export async function renderIncomingBook(ctx: Ctx, q: BookQuery): Promise<RenderedBook> {
  const body = await bodyOf(ctx, q.unitId);
  const year = q.year ?? numberingYear(ctx.clock.now());
  const rows = await incomingOfYear(ctx.db, body.id, year);
  const assignments = new Map(
    (
      await assignmentsOf(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((a) => [a.incomingId, a]),
  );
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.leadUnitId),
  );
  const names = await userNames(
    ctx.db,
    rows.map((r) => r.leadUserId),
  );
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, `Văn bản đến ${year}`, `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM ${year} — ${body.name}`, INCOMING_BOOK_COLUMNS);
  for (const r of rows) {
    const lead = r.leadUserId ? (names.get(r.leadUserId) ?? '') : r.leadUnitId ? (units.get(r.leadUnitId)?.name ?? '') : '';
    const due = assignments.get(r.id)?.dueAt ?? r.dueAt;
    ws.addRow([
      vnDay(vnDateOf(r.receivedAt)),
      r.arrivalNumber,
      r.senderName,
      r.numberSymbol,
      vnDay(r.issuedOn),
      `${documentType(r.typeCode).name}: ${r.subject}`,
      lead,
      '',
      due ? vnDay(vnDateOf(due)) : '',
      [r.receivedVia === 'paper' ? 'Bản giấy' : r.receivedVia === 'electronic' ? 'Điện tử' : 'Liên thông nội bộ', r.note].filter(Boolean).join('; '),
    ]);
  }
  return { fileName: `so-van-ban-den-${body.code}-${year}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** GET /documents/books/outgoing.xlsx: the year's issued documents, in issue order. */
export async function renderOutgoingBook(ctx: Ctx, q: BookQuery): Promise<RenderedBook> {
  const body = await bodyOf(ctx, q.unitId);
  const year = q.year ?? numberingYear(ctx.clock.now());
  const rows = await outgoingOfYear(ctx.db, body.id, year);
  const units = await unitsById(
    ctx.db,
    rows.flatMap((r) => [r.draftingUnitId, ...r.recipientUnitIds]),
  );
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, `Văn bản đi ${year}`, `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${year} — ${body.name}`, OUTGOING_BOOK_COLUMNS);
  for (const r of rows) {
    const recipients = [...r.recipientUnitIds.map((id) => units.get(id)?.name ?? ''), ...r.externalRecipients.map((e) => e.name)];
    ws.addRow([
      r.numberSymbol,
      vnDay(r.issuedOn!),
      `${documentType(r.typeCode).name}: ${r.subject}`,
      [r.signingPrefix, r.signerPosition, r.signerName].filter(Boolean).join(' '),
      recipients.join('; '),
      units.get(r.draftingUnitId)?.name ?? '',
      // One original kept by the clerk plus a copy per recipient (NĐ 30/2020 Điều 19: the original is kept at the văn thư).
      recipients.length + 1,
      r.exchangeId ?? '',
    ]);
  }
  return { fileName: `so-van-ban-di-${body.code}-${year}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** GET /documents/indicators: incoming received, assigned, done, on time, overdue open; outgoing issued (for the dashboards). */
export async function documentIndicators(ctx: Ctx, q: DocumentIndicatorsQuery): Promise<DocumentIndicators> {
  const body = await bodyOf(ctx, q.unitId);
  const from = q.from ? vnInstant(q.from) : null;
  const to = q.to ? new Date(vnInstant(q.to).getTime() + 86_400_000) : null;
  const inPeriod = (column: typeof inc.receivedAt | typeof out.issuedAt) => and(from ? gte(column, from) : undefined, to ? lt(column, to) : undefined);
  const now = ctx.clock.now();
  const [incoming] = await ctx.db
    .select({
      received: sql<number>`count(*)::int`,
      assigned: sql<number>`count(*) filter (where ${inc.leadUnitId} is not null or ${inc.leadUserId} is not null)::int`,
      done: sql<number>`count(*) filter (where ${inc.state} = 'DONE')::int`,
      doneOnTime: sql<number>`count(*) filter (where ${inc.state} = 'DONE' and ${inc.handledOnTime})::int`,
      overdueOpen: sql<number>`count(*) filter (where ${inc.state} = 'ASSIGNED' and ${inc.dueAt} < ${now})::int`,
    })
    .from(inc)
    .where(and(eq(inc.unitId, body.id), inPeriod(inc.receivedAt)));
  const [outgoing] = await ctx.db
    .select({ issued: sql<number>`count(*)::int` })
    .from(out)
    .where(and(eq(out.unitId, body.id), eq(out.state, 'ISSUED'), inPeriod(out.issuedAt)));
  const i = incoming!;
  return {
    unitId: body.id,
    from: q.from ?? null,
    to: q.to ?? null,
    definition: translate(ctx.locale, 'documents.indicators.definition') ?? '',
    incoming: { ...i, onTimeRate: i.done > 0 ? Math.round((i.doneOnTime / i.done) * 1000) / 1000 : null },
    outgoing: { issued: outgoing!.issued },
  };
}

/** One body's document numbers over a period, for the dashboards. */
export interface DocumentUnitStats {
  unit: { id: string; code: string; name: string };
  received: number;
  assigned: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdueOpen: number;
  issued: number;
}

/**
 * The numbers of `unitIds` over a period (instants, `to` excluded), one row per body with any document, for the
 * dashboards, which authorise the reader (STYLE: dashboards read what the owning module publishes). Definitions as
 * `documentIndicators`: incoming by arrival instant, outgoing by issue instant.
 */
export async function documentStatsByUnit(ctx: Ctx, q: { unitIds: readonly string[]; from: Date; to: Date }): Promise<DocumentUnitStats[]> {
  if (q.unitIds.length === 0) return [];
  const ids = sql.join(
    q.unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const now = ctx.clock.now();
  const incoming = await ctx.db
    .select({
      unitId: inc.unitId,
      received: sql<number>`count(*)::int`,
      assigned: sql<number>`count(*) filter (where ${inc.leadUnitId} is not null or ${inc.leadUserId} is not null)::int`,
      done: sql<number>`count(*) filter (where ${inc.state} = 'DONE')::int`,
      doneOnTime: sql<number>`count(*) filter (where ${inc.state} = 'DONE' and ${inc.handledOnTime})::int`,
      overdueOpen: sql<number>`count(*) filter (where ${inc.state} = 'ASSIGNED' and ${inc.dueAt} < ${now})::int`,
    })
    .from(inc)
    .where(and(sql`${inc.unitId} in (${ids})`, gte(inc.receivedAt, q.from), lt(inc.receivedAt, q.to)))
    .groupBy(inc.unitId);
  const issued = await ctx.db
    .select({ unitId: out.unitId, issued: sql<number>`count(*)::int` })
    .from(out)
    .where(and(sql`${out.unitId} in (${ids})`, eq(out.state, 'ISSUED'), gte(out.issuedAt, q.from), lt(out.issuedAt, q.to)))
    .groupBy(out.unitId);
  const unitIds = [...new Set([...incoming.map((r) => r.unitId), ...issued.map((r) => r.unitId)])];
  const refs = new Map((await cachedOrgUnitRefs(ctx.db, unitIds)).map((u) => [u.id, u]));
  return unitIds
    .map((unitId) => {
      const i = incoming.find((r) => r.unitId === unitId);
      const unit = refs.get(unitId)!;
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        received: i?.received ?? 0,
        assigned: i?.assigned ?? 0,
        done: i?.done ?? 0,
        doneOnTime: i?.doneOnTime ?? 0,
        doneLate: (i?.done ?? 0) - (i?.doneOnTime ?? 0),
        overdueOpen: i?.overdueOpen ?? 0,
        issued: issued.find((r) => r.unitId === unitId)?.issued ?? 0,
      };
    })
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}
