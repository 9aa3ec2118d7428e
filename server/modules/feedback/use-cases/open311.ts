// An Open311 GeoReport v2 read API over the public items (issue 14 item 4), so existing civic-tech clients can read
// them: services.json, requests.json, requests/<id>.json, with the spec's field names. Only published items, only
// their masked copies; PAKN is about rules, not places, so every location field is null. Mapping: FEEDBACK_OPEN311.md.
import { toVnIso } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { translate, type Locale } from '../../../platform/i18n';
import type { OrgUnitRef } from '../../identity';
import type { Open311Request, Open311RequestsQuery, Open311Service } from '../../../../contracts/feedback/feedback.contracts';
import { OPEN311_SERVICE_CODES } from '../../../../contracts/feedback/feedback.values';
import { ruleText } from '../feedback.presenter';
import { findPublished, listOpen311, type FeedbackRow } from '../feedback.repository';
import { feedbackConfigOf, invalid, unitsById } from './common';

type HandledKind = keyof typeof OPEN311_SERVICE_CODES;
const KIND_OF_SERVICE = new Map<string, HandledKind>(Object.entries(OPEN311_SERVICE_CODES).map(([kind, code]) => [code, kind as HandledKind]));

/** The spec limits a date range to 90 days. */
const MAX_SPAN_MS = 90 * 86_400_000;

const serviceName = (kind: HandledKind, locale: Locale) => translate(locale, `feedback.kind.${kind}`) ?? kind;

/** GET …/open311/v2/services.json: one service per handled kind (regulation, conduct). */
export function listOpen311Services(ctx: Ctx): Open311Service[] {
  const group = ctx.locale === 'vi' ? 'Phản ánh, kiến nghị' : 'Feedback and petitions';
  return (Object.keys(OPEN311_SERVICE_CODES) as HandledKind[]).map((kind) => ({
    service_code: OPEN311_SERVICE_CODES[kind],
    service_name: serviceName(kind, ctx.locale),
    description: serviceName(kind, ctx.locale),
    metadata: false,
    type: 'realtime' as const,
    keywords: kind === 'regulation' ? 'quy định hành chính, thủ tục hành chính' : 'cán bộ, công chức, thủ tục hành chính',
    group,
  }));
}

/** One published item as a GeoReport v2 service request. */
function toRequest(ctx: Ctx, row: FeedbackRow, unit: OrgUnitRef | undefined): Open311Request {
  const kind: HandledKind = row.kind === 'conduct' ? 'conduct' : 'regulation';
  const closed = row.state === 'ANSWERED';
  const { days } = feedbackConfigOf(ctx);
  return {
    service_request_id: row.code,
    status: closed ? 'closed' : 'open',
    // The published (masked) answer is what closed it; a reopened item says it is looked at again.
    status_notes: closed ? row.publishedAnswer : (translate(ctx.locale, 'feedback.open311.reopened') ?? null),
    service_name: serviceName(kind, ctx.locale),
    service_code: OPEN311_SERVICE_CODES[kind],
    description: row.publishedContent ?? '',
    agency_responsible: unit?.name ?? '',
    service_notice: translate(ctx.locale, 'feedback.open311.serviceNotice', { rule: ruleText(row.deadlineRule, days, ctx.locale) }) ?? null,
    requested_datetime: toVnIso(row.receivedAt),
    updated_datetime: toVnIso(closed ? (row.answeredAt ?? row.updatedAt) : row.updatedAt),
    expected_datetime: toVnIso(row.dueAt),
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

async function present(ctx: Ctx, rows: FeedbackRow[]): Promise<Open311Request[]> {
  const units = await unitsById(
    ctx.db,
    rows.map((r) => r.assignedUnitId),
  );
  return rows.map((r) => toRequest(ctx, r, units.get(r.assignedUnitId)));
}

/**
 * GET …/open311/v2/requests.json: published items, oldest request first. `service_request_id` (comma-separated codes)
 * overrides the other filters, as the spec says; `start_date`/`end_date` bound requested_datetime and may not span more
 * than 90 days; `status` is open, closed or both.
 */
export async function listOpen311Requests(ctx: Ctx, q: Open311RequestsQuery): Promise<Open311Request[]> {
  if (q.service_request_id) {
    const codes = [...new Set(q.service_request_id.split(',').map((c) => c.trim().toUpperCase()))].filter(Boolean).slice(0, 100);
    return present(ctx, await listOpen311(ctx.db, { codes, page: 1, pageSize: 100 }));
  }
  const from = q.start_date ? new Date(q.start_date) : undefined;
  const to = q.end_date ? new Date(q.end_date) : undefined;
  if (from && to && (to.getTime() < from.getTime() || to.getTime() - from.getTime() > MAX_SPAN_MS)) {
    throw invalid([{ path: 'querystring.end_date', code: 'feedback.errors.open311Span' }]);
  }
  let kinds: string[] | undefined;
  if (q.service_code) {
    const kind = KIND_OF_SERVICE.get(q.service_code);
    // An unknown service has no requests.
    if (!kind) return [];
    kinds = [kind];
  }
  const status = q.status ? ([...new Set(q.status.split(','))] as Array<'open' | 'closed'>) : undefined;
  return present(ctx, await listOpen311(ctx.db, { kinds, status, from, to, page: q.page, pageSize: q.page_size }));
}

/** GET …/open311/v2/requests/<code>.json: one published item, as a list of one (the spec's shape); 404 otherwise. */
export async function getOpen311Request(ctx: Ctx, file: string): Promise<Open311Request[]> {
  const code = file.replace(/\.json$/i, '').toUpperCase();
  const row = await findPublished(ctx.db, code);
  if (!row) throw new AppError('FEEDBACK_NOT_FOUND', { code }, { status: 404 });
  return present(ctx, [row]);
}
