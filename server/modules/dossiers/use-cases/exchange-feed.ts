// What the national portal exchange (issue 13 item 4) reads of dossiers: every public change of a dossier's status,
// in the order it was recorded, with the dossier as it stood, so another module can push each one exactly once.
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/database';
import { identityOrgUnits } from '../../identity';
import { dossierEvents, dossiers } from '../dossiers.tables';
import { statusText } from '../dossiers.presenter';

/** One public change of a dossier, with the dossier's fields the national format carries. */
export interface DossierSyncEvent {
  eventId: number;
  at: Date;
  kind: string;
  statusCode: number;
  statusText: string;
  note: string | null;
  actorLabel: string | null;
  dossier: {
    id: string;
    code: string;
    procedureCode: string;
    procedureName: string;
    channel: string;
    resultDelivery: string;
    applicantKind: string;
    applicantName: string;
    applicantIdNumber: string | null;
    applicantPhone: string | null;
    applicantEmail: string | null;
    applicantAddress: string | null;
    receivedAt: Date;
    dueAt: Date;
    finishedAt: Date | null;
    returnedAt: Date | null;
    feeVnd: number;
    feePaymentMethod: string | null;
    receivingUnit: { code: string; name: string };
    handlingUnit: { code: string; name: string };
  };
}

/**
 * Public changes recorded after event `afterId` and before `before` (a lag, so a transaction still open with a lower
 * id is not skipped over), oldest first, at most `limit`.
 */
export async function listSyncEvents(db: Queryable, filter: { afterId: number; before: Date; limit: number }): Promise<DossierSyncEvent[]> {
  const receiving = alias(identityOrgUnits, 'receiving');
  const handling = alias(identityOrgUnits, 'handling');
  const rows = await db
    .select({ e: dossierEvents, d: dossiers, receiving: { code: receiving.code, name: receiving.name }, handling: { code: handling.code, name: handling.name } })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingUnitId))
    .innerJoin(handling, eq(handling.id, dossiers.handlingUnitId))
    .where(and(gt(dossierEvents.id, filter.afterId), lt(dossierEvents.at, filter.before), eq(dossierEvents.public, true)))
    .orderBy(asc(dossierEvents.id))
    .limit(filter.limit);
  return rows.map(({ e, d, receiving: r, handling: h }) => ({
    eventId: e.id,
    at: e.at,
    kind: e.kind,
    statusCode: e.statusCode,
    statusText: statusText(e.statusCode, 'vi'),
    note: e.note,
    actorLabel: e.actorLabel,
    dossier: {
      id: d.id,
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: d.procedureName,
      channel: d.channel,
      resultDelivery: d.resultDelivery,
      applicantKind: d.applicantKind,
      applicantName: d.applicantName,
      applicantIdNumber: d.applicantIdNumber,
      applicantPhone: d.applicantPhone,
      applicantEmail: d.applicantEmail,
      applicantAddress: d.applicantAddress,
      receivedAt: d.receivedAt,
      dueAt: d.extendedDueAt ?? d.dueAt,
      finishedAt: d.finishedAt,
      returnedAt: d.returnedAt,
      feeVnd: d.feeVnd,
      feePaymentMethod: d.feePaymentMethod,
      receivingUnit: r,
      handlingUnit: h,
    },
  }));
}
