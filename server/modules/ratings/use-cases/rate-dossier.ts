// The applicant rates an ended dossier, once (domain README §3.1 step 8), by one of three doors: the link sent when it
// ended, the desk's kiosk (code + the ID number printed on the receipt), or their own account. Each door establishes
// who may rate; recording is one path: the rating, the leaders' alert when it is unsatisfied, and the audit entries,
// in one transaction.
import { actorUserId } from '../../../platform/access';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { enqueueNotification } from '../../../platform/notifications';
import type { KioskProof, RatingAnswers, RatingInvitationView, RatingView } from '../../../../contracts/ratings/ratings.contracts';
import { findDossierRatingFactsByReceipt, getDossierRatingFacts, type DossierRatingFacts } from '../../dossiers';
import { LEADER, listRoleHolderContacts } from '../../identity';
import { RATING_PATHS, ratingLink, type LowRatingParams } from '../ratings.notify';
import { ratingResponses } from '../ratings.tables';
import { findInvitationBySecret, findResponse, presentInvitation, presentRating, publicBaseUrlOf, type ResponseRow } from './common';

/**
 * A rating at or below this level alerts the leaders: "unsatisfied" is the only level outside the share satisfied,
 * so each one is what keeps a unit under the province's 95 % target (domain README §7.5).
 */
export const ALERT_LEVEL = 'unsatisfied';

type Channel = ResponseRow['channel'];

/** Records the rating of an ended dossier; 409 when it has not ended or was already rated. */
async function recordRating(ctx: Ctx, facts: DossierRatingFacts, answers: RatingAnswers, channel: Channel): Promise<RatingView> {
  if (!facts.ended) throw new AppError('RATING_NOT_ENDED', { code: facts.code }, { status: 409 });
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    // The unique index on the dossier decides between two ratings sent at once: the second inserts nothing.
    const [row] = await scope.tx
      .insert(ratingResponses)
      .values({
        dossierId: facts.id,
        dossierCode: facts.code,
        procedureVersionId: facts.procedureVersionId,
        procedureCode: facts.procedureCode,
        procedureName: facts.procedureName,
        receivingUnitId: facts.receivingUnitId,
        handlingUnitId: facts.handlingUnitId,
        receivedBy: facts.receivedBy,
        handledBy: facts.handledBy,
        dossierState: facts.state,
        endedAt: facts.endedAt,
        overall: answers.overall,
        timeLevel: answers.criteria.time,
        attitudeLevel: answers.criteria.attitude,
        clarityLevel: answers.criteria.clarity,
        comment: answers.comment ?? null,
        channel,
        ratedBy: channel === 'account' ? actorUserId(ctx.actor) : null,
        ratedAt: now,
      })
      .onConflictDoNothing({ target: ratingResponses.dossierId })
      .returning();
    if (!row) throw new AppError('RATING_ALREADY_GIVEN', { code: facts.code }, { status: 409 });
    await scope.audit({
      action: 'ratings.rate',
      subjectType: 'rating',
      subjectId: row.id,
      // The comment is the applicant's own words: the rating row keeps it, the audit only that there is one.
      after: {
        dossierId: facts.id,
        channel,
        overall: row.overall,
        criteria: { time: row.timeLevel, attitude: row.attitudeLevel, clarity: row.clarityLevel },
        comment: row.comment !== null,
      },
    });
    if (row.overall === ALERT_LEVEL) {
      const leaders = await listRoleHolderContacts(scope.tx, LEADER, [facts.handlingUnitId, facts.receivingUnitId]);
      const alerted: string[] = [];
      const params: LowRatingParams = {
        code: facts.code,
        procedureName: facts.procedureName,
        overall: row.overall,
        criteria: { time: row.timeLevel, attitude: row.attitudeLevel, clarity: row.clarityLevel },
        comment: row.comment,
        link: ratingLink(publicBaseUrlOf(ctx.events), RATING_PATHS.summary),
      };
      for (const leader of leaders) {
        if (!leader.email || alerted.includes(leader.userId)) continue;
        await enqueueNotification(scope, {
          channel: 'email',
          recipient: leader.email,
          template: 'ratings.low-rating-alert',
          params,
          subjectType: 'dossier',
          subjectId: facts.id,
          dedupeKey: `ratings:alert:${row.id}:${leader.userId}`,
        });
        alerted.push(leader.userId);
      }
      await scope.audit({
        action: 'ratings.low-rating-alert',
        subjectType: 'rating',
        subjectId: row.id,
        after: { dossierId: facts.id, overall: row.overall, leaders: alerted },
      });
    }
    return presentRating(row);
  });
}

/** The invitation of this secret; 404 when there is none (a wrong or mistyped link). */
async function invitationFacts(ctx: Ctx, token: string): Promise<DossierRatingFacts> {
  const invitation = await findInvitationBySecret(ctx.db, token);
  const facts = invitation ? await getDossierRatingFacts(ctx.db, invitation.dossierId) : null;
  if (!facts) throw new AppError('RATING_INVITATION_NOT_FOUND', {}, { status: 404 });
  return facts;
}

/** The dossier whose receipt the kiosk caller holds; 404 alike for an unknown code and a wrong ID number. */
async function receiptFacts(ctx: Ctx, proof: KioskProof): Promise<DossierRatingFacts> {
  const facts = await findDossierRatingFactsByReceipt(ctx.db, proof.code, proof.idNumber);
  if (!facts) throw new AppError('RATING_DOSSIER_NOT_FOUND', {}, { status: 404 });
  return facts;
}

/** GET /invitation: the dossier the link invites to rate, and whether it is rated. */
export async function readInvitation(ctx: Ctx, token: string): Promise<RatingInvitationView> {
  const facts = await invitationFacts(ctx, token);
  return presentInvitation(facts, await findResponse(ctx.db, facts.id));
}

/**
 * The demo seed's door: the rating of an ended dossier by id, at the context's clock; null when it has not ended or is
 * already rated (a second seeding rates nothing twice).
 */
export async function rateForDemo(ctx: Ctx, dossierId: string, answers: RatingAnswers, channel: Channel): Promise<RatingView | null> {
  const facts = await getDossierRatingFacts(ctx.db, dossierId);
  if (!facts?.ended || (await findResponse(ctx.db, facts.id))) return null;
  return recordRating(ctx, facts, answers, channel);
}

/** POST /invitation/rating. */
export async function rateByInvitation(ctx: Ctx, token: string, answers: RatingAnswers): Promise<RatingView> {
  return recordRating(ctx, await invitationFacts(ctx, token), answers, 'link');
}

/** POST /kiosk/lookup: the dossier of the receipt, and whether it can be rated. */
export async function readAtKiosk(ctx: Ctx, proof: KioskProof): Promise<RatingInvitationView> {
  const facts = await receiptFacts(ctx, proof);
  return presentInvitation(facts, await findResponse(ctx.db, facts.id));
}

/** POST /kiosk/rating. */
export async function rateAtKiosk(ctx: Ctx, proof: KioskProof, answers: RatingAnswers): Promise<RatingView> {
  return recordRating(ctx, await receiptFacts(ctx, proof), answers, 'kiosk');
}

async function ownerFacts(ctx: Ctx, dossierId: string): Promise<DossierRatingFacts> {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  const facts = await getDossierRatingFacts(ctx.db, dossierId);
  if (!facts) throw new AppError('NOT_FOUND', { subject: 'dossier', id: dossierId });
  return facts;
}

/**
 * For "My dossiers": whether the signed-in owner can rate the dossier (`can-rate`), has rated it (`rated`, with the
 * rating) or must wait for its end (`not-ended`). The caller has established that the actor owns the dossier (as
 * the submissions module does for an online dossier: the account that submitted it).
 */
export async function getRatingStateForOwner(ctx: Ctx, dossierId: string): Promise<RatingInvitationView> {
  const facts = await ownerFacts(ctx, dossierId);
  return presentInvitation(facts, await findResponse(ctx.db, facts.id));
}

/** For "My dossiers": the owner rates the dossier (same rules and answers as the other doors; the caller established ownership). */
export async function rateDossierAsOwner(ctx: Ctx, dossierId: string, answers: RatingAnswers): Promise<RatingView> {
  return recordRating(ctx, await ownerFacts(ctx, dossierId), answers, 'account');
}
