// Every dossier of a portal account, as its applicant sees it (issue 11 item 6). The portal module (modules/portal)
// establishes the account's claim — the dossiers its online applications became (submissions) and its verified ID
// number (identity) — and this module answers only for dossiers matching that claim: anything else is "not found",
// whether it exists or not. What is shown is what the applicant is told anyway: status, the unit holding it (no
// officer), what happens next and by when, the slips handed or sent to them (never the control slip, Mẫu 06), and the
// public changes with the words written for them (D25, D28).
import type { Ctx } from '../../../platform/context/context';
import { toVnIso } from '../../../platform/calendar';
import { AppError, notFound } from '../../../platform/errors';
import { translate, type Locale } from '../../../platform/i18n';
import type { CitizenDossierDetail, CitizenDossiersQuery, CitizenDossiersResponse, CitizenDossierSummary } from '../../../../contracts/portal/portal.contracts';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { formatInstant, noticeText, outlookOf } from '../dossiers.notify';
import { deadlineView, presentSupplementFile, slipsOf, statusText, type DossierBundle } from '../dossiers.presenter';
import { applicantDossierPage, findDossier, unitsById, type ApplicantCursor, type DossierRow, type UnitInfo } from '../dossiers.repository';
import { PAUSED_STATES } from '../dossiers.workflow';
import { loadBundle } from './read-dossiers';
import { renderDossierSlip, type DossierSlip, type RenderedFile } from './render-slips';

/**
 * Which dossiers an account may read as their applicant: those received from its online applications, and the
 * personal dossiers under its ID number once a trusted source verified that number (never a declared one, D24).
 */
export interface ApplicantClaim {
  onlineDossierIds: readonly string[];
  verifiedIdNumber: string | null;
}

/** How the dossier belongs to the claim, or null when it does not. */
export function claimSource(row: Pick<DossierRow, 'id' | 'applicantKind' | 'applicantIdNumber'>, claim: ApplicantClaim): 'online' | 'id-number' | null {
  if (claim.onlineDossierIds.includes(row.id)) return 'online';
  if (claim.verifiedIdNumber !== null && row.applicantKind === 'person' && row.applicantIdNumber === claim.verifiedIdNumber) return 'id-number';
  return null;
}

/** The dossier when the claim covers it; 404 otherwise (another account's dossier is indistinguishable from none). */
export async function findClaimedDossier(ctx: Ctx, id: string, claim: ApplicantClaim): Promise<DossierRow> {
  const row = await findDossier(ctx.db, id);
  if (!row || claimSource(row, claim) === null) throw notFound('dossier', id);
  return row;
}

/** Public changes whose officer's note is written for the applicant (it is printed on the slip they receive: Mẫu 02, 04, 05) or is theirs. */
const NOTE_FOR_APPLICANT: ReadonlySet<string> = new Set(['request-supplement', 'request-payment', 'stop', 'withdraw', 'apology']);

const encodeCursor = (c: ApplicantCursor) => Buffer.from(`${c.receivedAt.toISOString()}|${c.id}`).toString('base64url');

function decodeCursor(text: string): ApplicantCursor {
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'querystring.after', code: 'citizen.errors.cursorInvalid' }] });
  }
  return { receivedAt, id };
}

/** What happens next and by when, as the applicant's messages say it; a supplement may now be sent online. */
function outlookTexts(row: DossierRow, effectiveDueAt: string, locale: Locale): { next: string; by: string } {
  const outlook = outlookOf({ state: row.state, kind: '' });
  const nextKey = row.state === 'SUPPLEMENT_REQUESTED' ? 'dossiers.applicant.next.supplementOnline' : `dossiers.applicant.next.${outlook}`;
  // Texts of outlooks without a due ignore the parameter.
  const by = translate(locale, `dossiers.applicant.by.${outlook}`, { due: formatInstant(effectiveDueAt, locale) });
  return { next: translate(locale, nextKey) ?? '', by: by ?? '' };
}

const unitOf = (units: Map<string, UnitInfo>, id: string) => ({ id, name: units.get(id)?.name ?? '' });

function summaryOf(row: DossierRow, claim: ApplicantClaim, units: Map<string, UnitInfo>, deadline: ReturnType<typeof deadlineView>, locale: Locale): CitizenDossierSummary {
  return {
    id: row.id,
    code: row.code,
    procedureName: row.procedureName,
    channel: row.channel,
    source: claimSource(row, claim) ?? 'online',
    statusCode: row.statusCode,
    statusText: statusText(row.statusCode, locale),
    holder: unitOf(units, row.holderUnitId),
    receivedAt: toVnIso(row.receivedAt),
    effectiveDueAt: deadline.effectiveDueAt,
    dueProvisional: deadline.dueProvisional,
    paused: PAUSED_STATES.includes(row.state),
    ...outlookTexts(row, deadline.effectiveDueAt, locale),
  };
}

/** GET /citizen/dossiers: the claim's dossiers, most recently received first, one page by keyset. */
export async function listApplicantDossiers(ctx: Ctx, claim: ApplicantClaim, query: CitizenDossiersQuery): Promise<CitizenDossiersResponse> {
  const cursor = query.after ? decodeCursor(query.after) : null;
  const rows = await applicantDossierPage(ctx.db, { ids: claim.onlineDossierIds, idNumber: claim.verifiedIdNumber, cursor, limit: query.pageSize + 1 });
  const page = rows.slice(0, query.pageSize);
  const units = await unitsById(
    ctx.db,
    page.map((r) => r.holderUnitId),
  );
  const calendars = calendarCache(ctx.db);
  const now = ctx.clock.now();
  const items: CitizenDossierSummary[] = [];
  for (const row of page) {
    const cal = await calendarOrNone(calendars(row.calendarUnitCode));
    items.push(summaryOf(row, claim, units, deadlineView(row, now, cal), ctx.locale));
  }
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > query.pageSize && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null };
}

/** The open supplement request (the dossier waits for it), or null. */
export function openSupplementPause(b: Pick<DossierBundle, 'row' | 'pauses'>) {
  if (b.row.state !== 'SUPPLEMENT_REQUESTED') return null;
  return b.pauses.find((p) => p.toAt === null && p.reason === 'supplement') ?? null;
}

/** Presents a claimed dossier's detail for its applicant (the row already checked against the claim). */
export async function presentApplicantDossier(ctx: Ctx, row: DossierRow, claim: ApplicantClaim): Promise<CitizenDossierDetail> {
  const bundle = await loadBundle(ctx, row);
  const cal = await calendarOrNone(calendarCache(ctx.db)(row.calendarUnitCode));
  const deadline = deadlineView(row, ctx.clock.now(), cal);
  const locale = ctx.locale;
  const openPause = bundle.pauses.find((p) => p.toAt === null) ?? null;
  const pause = PAUSED_STATES.includes(row.state) && openPause ? openPause : null;
  const supplementPause = openSupplementPause(bundle);
  const prepared = supplementPause ? bundle.supplementFiles.filter((f) => f.pauseId === supplementPause.id) : [];
  const apologyReason = bundle.apology?.reason ?? null;
  return {
    ...summaryOf(row, claim, bundle.units, deadline, locale),
    version: row.version,
    applicantName: row.applicantName,
    receivingUnit: unitOf(bundle.units, row.receivingUnitId),
    handlingUnit: unitOf(bundle.units, row.handlingUnitId),
    resultDelivery: row.resultDelivery,
    dueAt: toVnIso(row.dueAt),
    extendedDueAt: row.extendedDueAt ? toVnIso(row.extendedDueAt) : null,
    finishedAt: row.finishedAt ? toVnIso(row.finishedAt) : null,
    returnedAt: row.returnedAt ? toVnIso(row.returnedAt) : null,
    pause: pause
      ? {
          reason: pause.reason,
          since: toVnIso(pause.fromAt),
          explanation: translate(locale, `dossiers.applicant.pause.${pause.reason}`, { since: formatInstant(toVnIso(pause.fromAt), locale) }) ?? '',
        }
      : null,
    slips: slipsOf(bundle).filter((s) => s.slip !== 'control'),
    messages: bundle.events
      .filter((e) => e.public)
      .map((e) => ({
        at: toVnIso(e.at),
        kind: e.kind,
        statusCode: e.statusCode,
        text: noticeText(e.kind, e.params, locale),
        note: NOTE_FOR_APPLICANT.has(e.kind) ? (e.kind === 'apology' ? (e.note ?? apologyReason) : e.note) : null,
      })),
    supplement: supplementPause
      ? {
          requestedAt: toVnIso(supplementPause.fromAt),
          items: supplementPause.items,
          reason: supplementPause.note,
          reference: bundle.issuances.find((i) => i.form === 'supplementRequest' && i.subject === `pause:${supplementPause.id}`)?.reference ?? null,
          files: prepared.map(presentSupplementFile),
        }
      : null,
    actions: {
      uploadSupplement: supplementPause !== null,
      resubmitSupplement: supplementPause !== null && prepared.some((f) => f.submittedAt === null),
    },
  };
}

/** GET /citizen/dossiers/:id: the detail for the claim's applicant; 404 for any dossier outside the claim. */
export async function getApplicantDossier(ctx: Ctx, id: string, claim: ApplicantClaim): Promise<CitizenDossierDetail> {
  return presentApplicantDossier(ctx, await findClaimedDossier(ctx, id, claim), claim);
}

/** A slip of a claimed dossier for its applicant (Mẫu 01, 02, 04, 05; never the control slip). */
export async function renderApplicantSlip(ctx: Ctx, id: string, claim: ApplicantClaim, slip: Exclude<DossierSlip, 'control'>, lookupBaseUrl: string): Promise<RenderedFile> {
  await findClaimedDossier(ctx, id, claim);
  return renderDossierSlip(ctx, id, slip, lookupBaseUrl, 'applicant');
}
