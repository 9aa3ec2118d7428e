// The `documents.remind` sweep: when REMIND_DAYS working day or fewer are left before an assigned incoming
// document is due, its lead (the person, or the lead unit's specialists and leaders) is reminded; once it is overdue, the
// body's leaders are told (escalation). Idempotent and capped: each document is marked with the due instant it was
// reminded of and escalated for, and a run handles at most `limit`, soonest due first.
import { eq } from 'drizzle-orm';
import { CalendarError, toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { identityUsers, LEADER, listRoleHolderContacts, SPECIALIST } from '../../identity';
import { calendarOfUnit, isDueWithin } from '../documents.deadlines';
import { notifyOfficers } from '../documents.notify';
import { markSwept, sweepBatch, type IncomingRow } from '../documents.repository';
import { recordEvent, unitOf, userNames } from './common';

/** Documents handled per run at most. */
export const REMIND_LIMIT = 200;
/** Working days before the due instant when the lead is reminded. */
export const REMIND_DAYS = 1;
/** How far ahead (calendar time) the sweep looks. */
const HORIZON_MS = 14 * 86_400_000;

/** What a run of the sweep did. */
export interface RemindRun {
  checked: number;
  reminded: number;
  escalated: number;
}

/** Runs the sweep once (see the file comment). */
export async function remindDocuments(ctx: Ctx, options: { limit?: number } = {}): Promise<RemindRun> {
  const now = ctx.clock.now();
  const rows = await sweepBatch(ctx.db, now, new Date(now.getTime() + HORIZON_MS), Math.min(options.limit ?? REMIND_LIMIT, 1000));
  const run: RemindRun = { checked: rows.length, reminded: 0, escalated: 0 };
  for (const row of rows) {
    if (row.dueAt!.getTime() < now.getTime()) {
      if (await alert(ctx, row, 'escalated', now)) run.escalated++;
      continue;
    }
    const body = await unitOf(ctx.db, row.unitId);
    let soon: boolean;
    try {
      soon = isDueWithin(now, row.dueAt!, REMIND_DAYS, await calendarOfUnit(ctx.db, body.code));
    } catch (err) {
      // A due in a year the calendar does not cover yet: the next runs try again.
      if (!(err instanceof CalendarError)) throw err;
      continue;
    }
    if (soon && (await alert(ctx, row, 'reminded', now))) run.reminded++;
  }
  if (run.reminded + run.escalated > 0) ctx.log.info(run, 'documents: handling reminders and escalations');
  return run;
}

/** Who is told as the lead: the lead person, or the lead unit's specialists and leaders. */
export async function leadContacts(db: Queryable, lead: Pick<IncomingRow, 'leadUserId' | 'leadUnitId'>): Promise<Array<{ userId: string; email: string | null }>> {
  if (lead.leadUserId) return db.select({ userId: identityUsers.id, email: identityUsers.email }).from(identityUsers).where(eq(identityUsers.id, lead.leadUserId)).limit(1);
  if (!lead.leadUnitId) return [];
  return (await Promise.all([SPECIALIST, LEADER].map((role) => listRoleHolderContacts(db, role, [lead.leadUnitId!])))).flat();
}

/** Marks the document and, if this run marked it, records the history entry and queues the officers' e-mails. */
async function alert(ctx: Ctx, row: IncomingRow, what: 'reminded' | 'escalated', now: Date): Promise<boolean> {
  const leadUnit = row.leadUnitId ? await unitOf(ctx.db, row.leadUnitId) : null;
  const leadName = leadUnit?.name ?? (row.leadUserId ? ((await userNames(ctx.db, [row.leadUserId])).get(row.leadUserId) ?? '') : '');
  return withTransaction(ctx, async (scope) => {
    if (!(await markSwept(scope.tx, row.id, row.dueAt!, what))) return false;
    let officers: Array<{ userId: string; email: string | null }>;
    if (what === 'escalated') officers = await listRoleHolderContacts(scope.tx, LEADER, [row.unitId]);
    else if (row.leadUserId)
      officers = (await scope.tx.select({ userId: identityUsers.id, email: identityUsers.email }).from(identityUsers).where(eq(identityUsers.id, row.leadUserId))).slice(0, 1);
    else officers = (await Promise.all([SPECIALIST, LEADER].map((role) => listRoleHolderContacts(scope.tx, role, [row.leadUnitId!])))).flat();
    const due = toVnIso(row.dueAt!);
    const queued = await notifyOfficers(scope, {
      incomingId: row.id,
      officers,
      params: {
        kind: what === 'reminded' ? 'reminder' : 'escalation',
        arrival: row.arrivalNumber,
        numberSymbol: row.numberSymbol,
        sender: row.senderName,
        subject: row.subject,
        lead: leadName,
        due,
      },
      dedupe: `${what}:${row.dueAt!.toISOString()}`,
    });
    await recordEvent(ctx, scope.tx, { incomingId: row.id, kind: what, at: now, text: due });
    if (what === 'escalated') {
      await scope.audit({ action: 'documents.incoming-escalate', subjectType: 'document-incoming', subjectId: row.id, before: null, after: { dueAt: due, leadersTold: queued } });
    }
    return true;
  });
}
