// Test helpers for "My dossiers": the submissions' world whose first citizen has an ID number a trusted source verified.
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/test-app';
import { identityUsers } from '../../identity';
import { personId } from '../../dossiers/test/factories';
import { createSubmissionWorld, type SubmissionWorld } from '../../submissions/test/factories';

/** The submissions' world plus the world citizen's verified ID number (D24: only a verified one opens desk dossiers). */
export async function createPortalWorld(t: TestApp): Promise<{ w: SubmissionWorld; verifiedId: string }> {
  const w = await createSubmissionWorld(t);
  const verifiedId = personId();
  await t.database.db
    .update(identityUsers)
    .set({ idNumber: verifiedId, idNumberVerifiedAt: new Date('2026-01-05T00:00:00Z') })
    .where(eq(identityUsers.id, w.citizen.user.id));
  return { w, verifiedId };
}
