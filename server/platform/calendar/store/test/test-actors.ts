// Signed-in callers for the calendar's route tests, made at the platform level (platform code and its tests
// do not import modules/): a session row plus an actor loader that knows these test users.
import { randomUUID } from 'node:crypto';
import type { UserActor } from '../../../access';
import { createSession, SESSION_COOKIE } from '../../../auth/sessions';
import { TestAgent, type TestApp } from '../../../../test/test-app';

const actors = new Map<string, UserActor>();
const installed = new WeakSet<TestApp>();

/** Signs in a test officer with `role` (or a citizen) and returns a browser-like agent. */
export async function signInAs(t: TestApp, who: { role?: string; kind?: 'officer' | 'citizen'; displayName?: string }, lang: 'vi' | 'en' = 'vi'): Promise<TestAgent> {
  if (!installed.has(t)) {
    // Replaces the identity module's loader for this test app only.
    t.host.setActorLoader(async (_db, userId, sessionId) => {
      const actor = actors.get(userId);
      return actor ? { ...actor, sessionId } : null;
    });
    installed.add(t);
  }
  const userId = randomUUID();
  const kind = who.kind ?? 'officer';
  actors.set(userId, {
    type: 'user',
    userId,
    kind,
    displayName: who.displayName ?? `${kind === 'officer' ? 'Cán bộ' : 'Công dân'} ${userId.slice(0, 6)}`,
    grants: who.role ? [{ role: who.role, orgUnitId: randomUUID(), scopePath: '/' }] : [],
    sessionId: '',
  });
  const session = await createSession(t.database.db, {
    userId,
    now: t.clock.now(),
    policy: { idleMinutes: t.config.sessionIdleMinutes, absoluteHours: t.config.sessionAbsoluteHours },
  });
  const agent = new TestAgent(t.app, lang);
  agent.cookies[SESSION_COOKIE] = session.token;
  agent.csrfToken = session.csrfToken;
  return agent;
}
