// When a dossier ends (`dossiers.ended`), its applicant is invited to rate the service (domain README §3.1 step 8) on
// every channel they gave: the message says how the dossier ended and carries a single link to rate it.
import { eq } from 'drizzle-orm';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { enqueueNotifications } from '../../../platform/notifications';
import { getDossierRatingFacts, type DossierEndedEvent } from '../../dossiers';
import { RATING_PATHS, ratingLink, type InvitationParams } from '../ratings.notify';
import { ratingInvitations, ratingResponses } from '../ratings.tables';
import { newSecret, publicBaseUrlOf, secretHash } from './common';

/** What inviting did: `sent` (queued on the channels listed) or why nothing was sent. */
export type InviteOutcome = { sent: string[] } | { skipped: 'not-ended' | 'no-contact' | 'already-invited' | 'already-rated' | 'unknown-dossier' };

/** Creates the dossier's invitation and queues its message, once per dossier (a repeated event changes nothing). */
export async function inviteToRate(ctx: Ctx, event: Pick<DossierEndedEvent, 'dossierId'>): Promise<InviteOutcome> {
  const facts = await getDossierRatingFacts(ctx.db, event.dossierId);
  if (!facts) return { skipped: 'unknown-dossier' };
  if (!facts.ended) return { skipped: 'not-ended' };
  // Without a contact there is nobody to send the link to; the kiosk and the applicant's account still rate it.
  if (!facts.applicantEmail && !facts.applicantPhone) return { skipped: 'no-contact' };
  const ended = facts.state as InvitationParams['ended'];
  return withTransaction(ctx, async (scope) => {
    const [rated] = await scope.tx.select({ id: ratingResponses.id }).from(ratingResponses).where(eq(ratingResponses.dossierId, facts.id)).limit(1);
    if (rated) return { skipped: 'already-rated' } as const;
    const secret = newSecret();
    const inserted = await scope.tx
      .insert(ratingInvitations)
      .values({ dossierId: facts.id, secretHash: secretHash(secret), createdAt: ctx.clock.now() })
      .onConflictDoNothing({ target: ratingInvitations.dossierId })
      .returning({ id: ratingInvitations.id });
    if (inserted.length === 0) return { skipped: 'already-invited' } as const;
    const params: InvitationParams = {
      code: facts.code,
      procedureName: facts.procedureName,
      ended,
      link: ratingLink(publicBaseUrlOf(ctx.events), RATING_PATHS.invitation, secret),
    };
    const rows = await enqueueNotifications(scope, {
      to: { email: facts.applicantEmail, phone: facts.applicantPhone },
      channels: facts.applicantNotifyChannels,
      template: 'ratings.invitation',
      params,
      subjectType: 'dossier',
      subjectId: facts.id,
      dedupeKey: `ratings:invitation:${facts.id}`,
    });
    const sent = rows.map((r) => r.channel);
    await scope.audit({ action: 'ratings.invite', subjectType: 'rating-invitation', subjectId: inserted[0]!.id, after: { dossierId: facts.id, ended, channels: sent } });
    return { sent };
  });
}
