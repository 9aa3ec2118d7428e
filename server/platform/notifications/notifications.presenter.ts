import type { OutboxMessage } from '../../../contracts/notifications/notifications.contracts';
import type { Locale } from '../i18n';
import type { notificationsOutbox } from './notifications.tables';
import { notificationChannels } from './notifications.channels';
import { redactText, renderNotification, secretValues } from './notifications.templates';

type Row = typeof notificationsOutbox.$inferSelect;

/** An outbox row for the API; a message not sent yet shows a preview rendered now. */
export function presentOutboxMessage(row: Row): OutboxMessage {
  let subject = row.renderedSubject;
  let body = row.renderedBody;
  if (subject === null && body === null) {
    try {
      ({ subject, body } = renderNotification(row.templateKey, row.locale as Locale, row.params));
    } catch {
      // The row's last_error (or the next delivery) reports the template problem; the list still shows the row.
    }
  }
  // A secret still held for a live channel (queued, or waiting for a retry) is nobody's to read on this page.
  const channel = row.channel === 'email' ? notificationChannels().mail : notificationChannels().sms;
  if (channel.live) {
    const secrets = secretValues(row.templateKey, row.params);
    subject = redactText(subject, secrets);
    body = redactText(body, secrets);
  }
  return {
    id: row.id,
    channel: row.channel as OutboxMessage['channel'],
    recipient: row.recipient,
    templateKey: row.templateKey,
    locale: row.locale as OutboxMessage['locale'],
    status: row.status as OutboxMessage['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    subject: row.channel === 'sms' ? null : subject,
    body,
    deliveredVia: row.deliveredVia,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
