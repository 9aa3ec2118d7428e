// Shared pieces of the ratings use cases: the invitation secret, the rating as its applicant sees it, and the public
// address links are built under (per app: several apps may run in one process, each with its own event bus).
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database';
import type { EventBus } from '../../../platform/events/event-bus';
import { toVnIso } from '../../../platform/calendar';
import type { RatingInvitationView, RatingView } from '../../../../contracts/ratings/ratings.contracts';
import type { DossierRatingFacts } from '../../dossiers';
import { ratingInvitations, ratingResponses } from '../ratings.tables';

export type ResponseRow = typeof ratingResponses.$inferSelect;
export type InvitationRow = typeof ratingInvitations.$inferSelect;

/** SHA-256 of an invitation secret, as stored. */
export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** A new invitation secret: 256 random bits, base64url (43 characters). */
export const newSecret = () => randomBytes(32).toString('base64url');

const baseUrls = new WeakMap<EventBus, string>();

/** Remembers PUBLIC_BASE_URL for the app whose event bus this is (the manifest's `register` does it). */
export function rememberPublicBaseUrl(events: EventBus, url: string): void {
  baseUrls.set(events, url);
}

/** PUBLIC_BASE_URL of the app whose event bus this is. */
export function publicBaseUrlOf(events: EventBus): string {
  const url = baseUrls.get(events);
  if (!url) throw new Error('ratings: PUBLIC_BASE_URL unknown for this app (the ratings manifest was not registered)');
  return url;
}

/** The invitation whose secret this is, or null. */
export async function findInvitationBySecret(db: Queryable, secret: string): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(ratingInvitations)
    .where(eq(ratingInvitations.secretHash, secretHash(secret)))
    .limit(1);
  return row ?? null;
}

/** The rating of a dossier, or null. */
export async function findResponse(db: Queryable, dossierId: string): Promise<ResponseRow | null> {
  const [row] = await db.select().from(ratingResponses).where(eq(ratingResponses.dossierId, dossierId)).limit(1);
  return row ?? null;
}

/** A stored rating as its applicant sees it. */
export function presentRating(r: ResponseRow): RatingView {
  return {
    overall: r.overall,
    criteria: { time: r.timeLevel, attitude: r.attitudeLevel, clarity: r.clarityLevel },
    comment: r.comment,
    channel: r.channel,
    ratedAt: toVnIso(r.ratedAt),
  };
}

/** Where a dossier stands for its applicant's rating, with the rating once given. */
export function presentInvitation(facts: DossierRatingFacts, response: ResponseRow | null): RatingInvitationView {
  return {
    dossierCode: facts.code,
    procedureName: facts.procedureName,
    dossierState: facts.state,
    endedAt: facts.endedAt ? toVnIso(facts.endedAt) : null,
    state: response ? 'rated' : facts.ended ? 'can-rate' : 'not-ended',
    rating: response ? presentRating(response) : null,
  };
}
