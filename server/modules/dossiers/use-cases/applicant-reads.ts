// What the applicant of a dossier reads once another module has established that the caller is that applicant (issue
// 11 item 3: the submissions module knows which account submitted a dossier online). No officer policy is asked here:
// the caller's module checked ownership; these reads return only what the applicant is told anyway — the status, the
// appointment and the slips handed or sent to them (§4: Mẫu 01, 02, 04, 05; Mẫu 03 belongs to an intake decision).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { toVnIso } from '../../../platform/calendar';
import { notFound } from '../../../platform/errors';
import type { DossierSlipView } from '../../../../contracts/dossiers/dossiers.contracts';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { deadlineView, slipsOf, statusText } from '../dossiers.presenter';
import { findDossier } from '../dossiers.repository';
import { dossierIntakeDecisions } from '../dossiers.tables';
import { loadBundle } from './read-dossiers';

/** The dossier as its applicant sees it. */
export interface ApplicantDossierView {
  id: string;
  code: string;
  statusCode: number;
  statusText: string;
  receivedAt: string;
  dueAt: string;
  effectiveDueAt: string;
  dueProvisional: boolean;
  finishedAt: string | null;
  returnedAt: string | null;
  /** The slips the applicant may open (never the control slip, Mẫu 06). */
  slips: DossierSlipView[];
}

/** The status, appointment and slips of a dossier, for its applicant (see the file comment); 404 when unknown. */
export async function getDossierForApplicant(ctx: Ctx, dossierId: string): Promise<ApplicantDossierView> {
  const row = await findDossier(ctx.db, dossierId);
  if (!row) throw notFound('dossier', dossierId);
  const bundle = await loadBundle(ctx, row);
  const cal = await calendarOrNone(calendarCache(ctx.db)(row.calendarUnitCode));
  const deadline = deadlineView(row, ctx.clock.now(), cal);
  return {
    id: row.id,
    code: row.code,
    statusCode: row.statusCode,
    statusText: statusText(row.statusCode, ctx.locale),
    receivedAt: toVnIso(row.receivedAt),
    dueAt: toVnIso(row.dueAt),
    effectiveDueAt: deadline.effectiveDueAt,
    dueProvisional: deadline.dueProvisional,
    finishedAt: row.finishedAt ? toVnIso(row.finishedAt) : null,
    returnedAt: row.returnedAt ? toVnIso(row.returnedAt) : null,
    slips: slipsOf(bundle).filter((s) => s.slip !== 'control'),
  };
}

/** A guide (Mẫu 02) or refusal (Mẫu 03) at the desk, as its applicant is told it; null when unknown. */
export interface ApplicantIntakeDecision {
  id: string;
  kind: 'guide' | 'refuse';
  referenceNumber: string;
  missingItems: string[];
  reasons: string;
  decidedAt: string;
}

/** The desk's guide or refusal record, for its applicant (see the file comment). */
export async function getIntakeDecisionForApplicant(ctx: Ctx, id: string): Promise<ApplicantIntakeDecision | null> {
  const [r] = await ctx.db.select().from(dossierIntakeDecisions).where(eq(dossierIntakeDecisions.id, id)).limit(1);
  if (!r) return null;
  return { id: r.id, kind: r.kind, referenceNumber: r.referenceNumber, missingItems: r.missingItems, reasons: r.reasons, decidedAt: toVnIso(r.decidedAt) };
}
