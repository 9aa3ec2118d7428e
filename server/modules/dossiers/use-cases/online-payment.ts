// What the payments module learns from a dossier and asks of it (issue 13 item 1): the obligation an applicant owes
// while the dossier awaits payment (status 6, its clock stopped by a financial-obligation pause, domain README §5.4),
// and the confirmation that resumes it once the gateway's verified notification settled the payment (§6.3).
import type { Ctx, TxScope } from '../../../platform/context/context';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database';
import { dossierPauses, dossiers } from '../dossiers.tables';
import { applyTransition, loadForTransition } from './transition-dossier';

/** A dossier's open financial obligation: one per pause, so the pause id identifies it. */
export interface PaymentDemand {
  dossierId: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivingUnitId: string;
  pauseId: string;
  /** Null when the officer asked for payment without stating an amount (it cannot be paid online then). */
  amountVnd: number | null;
  reason: string | null;
  requestedAt: Date;
}

/** The obligation the dossier awaits now, or null when it awaits none (not in status 6). */
export async function findPaymentDemand(db: Queryable, dossierId: string): Promise<PaymentDemand | null> {
  const [row] = await db
    .select({
      dossierId: dossiers.id,
      dossierCode: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      receivingUnitId: dossiers.receivingUnitId,
      pauseId: dossierPauses.id,
      amountVnd: dossierPauses.amountVnd,
      reason: dossierPauses.note,
      requestedAt: dossierPauses.fromAt,
    })
    .from(dossiers)
    .innerJoin(dossierPauses, and(eq(dossierPauses.dossierId, dossiers.id), isNull(dossierPauses.toAt), eq(dossierPauses.reason, 'financial-obligation')))
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.state, 'AWAITING_PAYMENT')));
  return row ?? null;
}

/**
 * Resumes the dossier after its obligation `pauseId` was paid online: the workflow's `confirm-payment` (the paused
 * time added to the due, the applicant told the new appointment, the holder e-mailed, audited as the system acting on
 * the gateway's notification). 'not-awaiting' when the dossier no longer awaits that obligation (an officer confirmed
 * it meanwhile, or it was withdrawn): the payment stands and the finance officer sees it was not needed.
 * Throws VERSION_CONFLICT when the dossier changed while this ran; the caller tries again.
 */
export async function confirmOnlinePayment(
  ctx: Ctx,
  dossierId: string,
  paid: { pauseId: string; txnRef: string; receiptNo: string; within?: (scope: TxScope) => Promise<void> },
): Promise<'resumed' | 'not-awaiting'> {
  const loaded = await loadForTransition(ctx, dossierId);
  const open = loaded.pauses.find((p) => p.toAt === null);
  if (loaded.row.state !== 'AWAITING_PAYMENT' || open?.id !== paid.pauseId) return 'not-awaiting';
  await applyTransition(
    ctx,
    loaded,
    { transition: 'confirm-payment', expectedVersion: loaded.row.version, note: null, attachments: [] },
    {
      notifyHolder: true,
      params: { channel: 'online', receipt: paid.receiptNo },
      within: async (scope) => {
        // The amount is the dossier's fee paid online from now on (the indicators' fees and online-payment share).
        await scope.tx
          .update(dossiers)
          .set({ feeVnd: sql`${dossiers.feeVnd} + ${open.amountVnd ?? 0}`, feePaymentMethod: sql`coalesce(${dossiers.feePaymentMethod}, 'online')` })
          .where(eq(dossiers.id, dossierId));
        // The caller's record that the payment took effect commits with the dossier's change, or neither does.
        await paid.within?.(scope);
        return { payment: { txnRef: paid.txnRef, receiptNo: paid.receiptNo } };
      },
    },
  );
  return 'resumed';
}
