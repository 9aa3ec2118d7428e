// Test helpers for ratings: dossiers driven to their end through the API, the invitation link read from the outbox.
import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/test-app';
import { notificationsOutbox } from '../../../platform/notifications';
import type { DossierDetail } from '../../../../contracts/dossiers/dossiers.contracts';
import { receive, step, type DossierWorld } from '../../dossiers/test/factories';

/** A dossier received at the world's centre and handled by its department up to the result ready (status 9). */
export async function finishedDossier(w: DossierWorld, overrides: Record<string, unknown> = {}): Promise<DossierDetail> {
  let d = await receive(w, overrides);
  d = await step(w.agents.reception, d, { transition: 'forward' });
  d = await step(w.agents.specialist, d, { transition: 'forward' });
  return step(w.agents.leader, d, { transition: 'approve' });
}

/** A dossier whose result was handed back at the desk (RETURNED, status 10). */
export async function returnedDossier(w: DossierWorld, overrides: Record<string, unknown> = {}): Promise<DossierDetail> {
  const done = await finishedDossier(w, overrides);
  return step(w.agents.reception, done, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' });
}

/** The invitation messages queued for a dossier, one per channel. */
export async function invitationMessages(t: TestApp, dossierId: string) {
  return t.database.db
    .select()
    .from(notificationsOutbox)
    .where(and(eq(notificationsOutbox.templateKey, 'ratings.invitation'), eq(notificationsOutbox.subjectId, dossierId)));
}

/** The secret of the dossier's invitation link, from the e-mail queued for it. */
export async function invitationToken(t: TestApp, dossierId: string): Promise<string> {
  const email = (await invitationMessages(t, dossierId)).find((m) => m.channel === 'email');
  const link = typeof email?.params.link === 'string' ? email.params.link : '';
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no invitation link for dossier ${dossierId}: ${link}`);
  return token;
}

/** A full set of answers. */
export function answers(overall: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { overall, criteria: { time: overall, attitude: overall, clarity: overall }, comment: null, ...overrides };
}
