import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ListOutboxQuery, ListOutboxResponse, NotificationChannelsResponse } from '../../../contracts/notifications/notifications.contracts';
import { can } from '../access';
import type { Ctx } from '../context/context';
import { AppError } from '../errors';
import { notificationChannels } from './notifications.channels';
import { OUTBOX_READ_ACTION } from './notifications.policy';
import { presentOutboxMessage } from './notifications.presenter';
import { notificationsOutbox } from './notifications.tables';
import { vnMobileNumber } from './phone';

function assertCanRead(ctx: Ctx): void {
  if (!can(ctx.actor, OUTBOX_READ_ACTION)) throw new AppError('FORBIDDEN', { action: OUTBOX_READ_ACTION });
}

/** Lists queued and sent messages, newest first, filtered by status, channel and a search text. */
export async function listOutbox(ctx: Ctx, q: ListOutboxQuery): Promise<ListOutboxResponse> {
  assertCanRead(ctx);
  const t = notificationsOutbox;
  const conds: SQL[] = [];
  if (q.status) conds.push(eq(t.status, q.status));
  if (q.channel) conds.push(eq(t.channel, q.channel));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Phone numbers are stored as 84xxxxxxxxx: a number typed as 0912 345 678 finds them too.
    const phone = vnMobileNumber(q.q);
    conds.push(or(ilike(t.recipient, like), ilike(t.templateKey, like), ilike(t.subjectId, like), ilike(t.renderedSubject, like), ...(phone ? [eq(t.recipient, phone)] : []))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, count] = await Promise.all([
    ctx.db
      .select()
      .from(t)
      .where(where)
      .orderBy(desc(t.createdAt), desc(t.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(where),
  ]);
  return { items: rows.map(presentOutboxMessage), total: Number(count[0]?.n ?? 0) };
}

/** Which transports are configured, so the outbox page can say whether messages really leave the system. */
export function describeChannels(ctx: Ctx): NotificationChannelsResponse {
  assertCanRead(ctx);
  const { mail, sms, zalo } = notificationChannels();
  return { email: { transport: mail.name, live: mail.live }, sms: { transport: sms.name, live: sms.live }, zalo: { transport: zalo.name, live: zalo.live } };
}
