// Test helpers for notifications: a recording transport and signed-in callers made at the platform level
// (platform code and its tests do not import modules/).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { UserActor } from '../../access';
import { createSession, SESSION_COOKIE } from '../../auth/sessions';
import { TestAgent, type TestApp } from '../../../test/test-app';
import type { MailTransport, OutgoingMail, SmsChannel, OutgoingSms } from '../notifications.channels';
import { notificationsOutbox } from '../notifications.tables';

/** A transport that records what it is given and fails the first `failures` sends; `live` plays a real gateway. */
export class RecordingTransport implements MailTransport, SmsChannel {
  readonly name = 'fake';
  readonly sent: Array<OutgoingMail | OutgoingSms> = [];
  calls = 0;
  constructor(
    private failures = 0,
    private readonly makeError: () => Error = () => new Error('temporary failure'),
    readonly live: boolean = false,
  ) {}
  async send(message: OutgoingMail | OutgoingSms): Promise<void> {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw this.makeError();
    }
    this.sent.push(message);
  }
}

/** Polls the row until `done` holds (the worker runs in the background), failing after `timeoutMs`. */
export async function waitForRow(t: TestApp, id: string, done: (row: typeof notificationsOutbox.$inferSelect) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.id, id));
    if (row && done(row)) return row;
    if (Date.now() > until) throw new Error(`outbox row ${id} did not reach the expected state: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const actors = new Map<string, UserActor>();
const installed = new WeakSet<TestApp>();

/** Signs in a test user holding `role` (no role: an officer without grants) and returns a browser-like agent. */
export async function signInAs(t: TestApp, role?: string): Promise<TestAgent> {
  if (!installed.has(t)) {
    t.host.setActorLoader(async (_db, userId, sessionId) => {
      const actor = actors.get(userId);
      return actor ? { ...actor, sessionId } : null;
    });
    installed.add(t);
  }
  const userId = randomUUID();
  actors.set(userId, {
    type: 'user',
    userId,
    kind: 'officer',
    displayName: `Cán bộ ${userId.slice(0, 6)}`,
    grants: role ? [{ role, orgUnitId: randomUUID(), scopePath: '/' }] : [],
    sessionId: '',
  });
  const session = await createSession(t.database.db, {
    userId,
    now: t.clock.now(),
    policy: { idleMinutes: t.config.sessionIdleMinutes, absoluteHours: t.config.sessionAbsoluteHours },
  });
  const agent = new TestAgent(t.app);
  agent.cookies[SESSION_COOKIE] = session.token;
  agent.csrfToken = session.csrfToken;
  return agent;
}
