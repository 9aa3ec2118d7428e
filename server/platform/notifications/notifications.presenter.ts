import type { OutboxMessage } from '../../../contracts/notifications/notifications.contracts';
import type { Locale } from '../i18n';
import type { notificationsOutbox } from './notifications.tables';
import { notificationChannels } from './notifications.channels';
import { redactText, renderNotification, renderZaloData, secretValues } from './notifications.templates';

type Row = typeof notificationsOutbox.$inferSelect;

/** An outbox row for the API; a message not sent yet shows a preview rendered now (the SMS text for SMS). */
export function presentOutboxMessage(row: Row): OutboxMessage {
  let subject = row.renderedSubject;
  let body = row.renderedBody;
  if (subject === null && body === null) {
    try {
      const rendered = renderNotification(row.templateKey, row.locale as Locale, row.params);
      subject = rendered.subject;
      body = row.channel === 'sms' ? (rendered.sms ?? rendered.body) : rendered.body;
    } catch {
      // The row's last_error (or the next delivery) reports the template problem; the list still shows the row.
    }
  }
  let zaloData: Record<string, string> | null = null;
  if (row.channel === 'zalo') {
    try {
      zaloData = renderZaloData(row.templateKey, row.params);
    } catch {
      // Same as above: the delivery records why this message cannot go to Zalo.
    }
  }
  // A secret still held for a live channel (queued, or waiting for a retry) is nobody's to read on this page.
  const channels = notificationChannels();
  const channel = row.channel === 'email' ? channels.mail : row.channel === 'zalo' ? channels.zalo : channels.sms;
  if (channel.live) {
    const secrets = secretValues(row.templateKey, row.params);
    subject = redactText(subject, secrets);
    body = redactText(body, secrets);
    if (zaloData) zaloData = Object.fromEntries(Object.entries(zaloData).map(([k, v]) => [k, redactText(v, secrets) ?? v]));
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
    subject: row.channel === 'email' ? subject : null,
    body,
    zaloData,
    deliveredVia: row.deliveredVia,
    providerMessageId: row.providerMessageId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
