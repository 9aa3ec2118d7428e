// What the ratings module needs to know of a dossier (domain README §3.1 step 8: the applicant rates the service once
// the dossier ended): who received and handled it, where, for which procedure, and whether it has ended. The ID
// number that proves a kiosk caller holds the receipt is compared here, so it never leaves this module.
import type { NotificationChannel } from '../../../../contracts/notifications/notifications.contracts';
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database';
import type { DossierState } from '../../../../contracts/dossiers/dossiers.contracts';
import { findDossier, findDossierByCode, type DossierRow } from '../dossiers.repository';
import { dossierEvents, dossiers } from '../dossiers.tables';
import { STATUS_CODE, TERMINAL_STATES } from '../dossiers.workflow';
import { normaliseDossierCode } from './read-dossiers';

/** A dossier as the ratings module sees it (no applicant identity, only the contacts the invitation goes to). */
export interface DossierRatingFacts {
  id: string;
  code: string;
  state: DossierState;
  /** True in a state after which nothing more happens (RETURNED, STOPPED, WITHDRAWN). */
  ended: boolean;
  /** When it ended (null while it has not). */
  endedAt: Date | null;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  receivingUnitId: string;
  handlingUnitId: string;
  /** The desk officer who received it (null for dossiers received by the system). */
  receivedBy: string | null;
  /** The officer whose act made the result ready (approve / result-ready, or the desk's on-the-spot return). */
  handledBy: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
  /** The channels the applicant chose to be told on; null: every channel their contacts reach. */
  applicantNotifyChannels: NotificationChannel[] | null;
}

/** Transitions whose actor made the result (the first two end handling with status 9, the last returns it at once). */
const RESULT_ACTS = ['approve', 'result-ready', 'return-on-the-spot'];

async function factsOf(db: Queryable, row: DossierRow): Promise<DossierRatingFacts> {
  const [act] = await db
    .select({ actorId: dossierEvents.actorId })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, row.id), inArray(dossierEvents.kind, RESULT_ACTS), inArray(dossierEvents.statusCode, [STATUS_CODE.DONE, STATUS_CODE.RETURNED])))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  const ended = TERMINAL_STATES.includes(row.state);
  return {
    id: row.id,
    code: row.code,
    state: row.state,
    ended,
    endedAt: ended ? (row.closedAt ?? row.returnedAt ?? row.updatedAt) : null,
    procedureVersionId: row.procedureVersionId,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    receivingUnitId: row.receivingUnitId,
    handlingUnitId: row.handlingUnitId,
    receivedBy: row.receivedBy,
    handledBy: act?.actorId ?? null,
    applicantEmail: row.applicantEmail,
    applicantPhone: row.applicantPhone,
    applicantNotifyChannels: row.applicantNotifyChannels,
  };
}

/** The rating facts of a dossier by id, or null when there is none. */
export async function getDossierRatingFacts(db: Queryable, id: string): Promise<DossierRatingFacts | null> {
  const row = await findDossier(db, id);
  return row ? factsOf(db, row) : null;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
/** An ID number as typed at a kiosk: no spaces or dots, upper case (tax codes may carry a dash). */
const normaliseIdNumber = (value: string) => value.replace(/[\s.\u00a0]+/g, '').toUpperCase();

function sameSecret(given: string, stored: string | null | undefined): boolean {
  if (!stored) return false;
  return timingSafeEqual(digest(normaliseIdNumber(given)), digest(normaliseIdNumber(stored)));
}

/**
 * The rating facts of the dossier with this code when `idNumber` is the applicant's (or the authorised submitter's)
 * identification number, both printed on the receipt (Mẫu 01, §4.2). Null alike for an unknown code and a wrong
 * number, so the answer says nothing about which codes exist.
 */
export async function findDossierRatingFactsByReceipt(db: Queryable, code: string, idNumber: string): Promise<DossierRatingFacts | null> {
  const row = await findDossierByCode(db, normaliseDossierCode(code));
  if (!row) return null;
  const applicant = sameSecret(idNumber, row.applicantIdNumber);
  const submitter = sameSecret(idNumber, row.submitter?.idNumber);
  if (!applicant && !submitter) return null;
  return factsOf(db, row);
}

/** The ids of the dossiers that ended (RETURNED, STOPPED, WITHDRAWN), by code (the ratings module's demo seed rates some). */
export async function listEndedDossierIds(db: Queryable, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(inArray(dossiers.state, [...TERMINAL_STATES]))
    .orderBy(dossiers.code)
    .limit(limit);
  return rows.map((r) => r.id);
}
