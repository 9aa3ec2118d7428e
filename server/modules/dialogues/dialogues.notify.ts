// Messages about dialogues, queued in the same transaction as the change (platform/notifications outbox): to the asker
// of a public question (received, answered, not accepted), and to the owner unit's officers when a commitment is
// made, before it is due and, to its leaders, once it is overdue.
import { instantText } from '../../platform/calendar';
import type { TxScope } from '../../platform/context/context';
import { translate, type Locale } from '../../platform/i18n';
import { declareNotificationTemplate, emailOfficers, enqueueNotifications, type ChannelPreference } from '../../platform/notifications';

/** The parameters of a message to an asker (stored with it in the outbox). */
export interface AskerNoticeParams {
  kind: 'received' | 'answered' | 'rejected';
  /** The session's title. */
  title: string;
  /** ISO instant of the session's start. */
  startsAt: string;
  answer?: string;
  reason?: string;
  link: string;
}

const renderAsker = (locale: Locale) => (p: AskerNoticeParams) => ({
  subject: translate(locale, 'dialogues.notice.subject', { title: p.title }) ?? p.title,
  body: translate(locale, `dialogues.notice.${p.kind}`, { ...p, startsAt: instantText(p.startsAt, locale) }) ?? p.kind,
});

/** The asker's message, declared in the dialogues manifest. */
export const askerNoticeTemplate = declareNotificationTemplate<AskerNoticeParams>('dialogues.asker-update', { vi: renderAsker('vi'), en: renderAsker('en') });

/** The parameters of a message to the owner unit's officers. */
export interface OfficerAlertParams {
  kind: 'assigned' | 'reminder' | 'escalation';
  /** The session's title. */
  title: string;
  /** The commitment. */
  text: string;
  unit: string;
  due: string;
}

const renderAlert = (locale: Locale) => (p: OfficerAlertParams) => ({
  subject: translate(locale, 'dialogues.alert.subject', { title: p.title }) ?? p.title,
  body: translate(locale, `dialogues.alert.${p.kind}`, { ...p, due: instantText(p.due, locale) }) ?? p.kind,
});

/** The officers' notice, reminder and escalation, declared in the dialogues manifest. */
export const officerAlertTemplate = declareNotificationTemplate<OfficerAlertParams>('dialogues.officer-alert', { vi: renderAlert('vi'), en: renderAlert('en') });

/** Where an asker is reached. */
export interface AskerContacts {
  email: string | null;
  phone: string | null;
  /** The portal account's chosen channels; null: every channel their contacts reach. */
  channels: ChannelPreference | null;
}

/** Queues a message to an asker in the caller's transaction (once per question and `dedupe`). */
export async function notifyAsker(scope: TxScope, notice: { questionId: string; to: AskerContacts; params: AskerNoticeParams; locale: Locale; dedupe: string }): Promise<void> {
  if (!notice.to.email && !notice.to.phone) return;
  await enqueueNotifications(scope, {
    to: { email: notice.to.email, phone: notice.to.phone },
    channels: notice.to.channels,
    template: 'dialogues.asker-update',
    params: notice.params,
    locale: notice.locale,
    subjectType: 'dialogue-question',
    subjectId: notice.questionId,
    dedupeKey: `dialogues:${notice.questionId}:${notice.dedupe}`,
  });
}

/** Queues an e-mail to each officer in `officers`, once per officer and `dedupe`; returns how many were queued. */
export async function notifyOfficers(
  scope: TxScope,
  alert: { commitmentId: string; officers: ReadonlyArray<{ userId: string; email: string | null }>; params: OfficerAlertParams; dedupe: string },
): Promise<number> {
  return emailOfficers(scope, {
    officers: alert.officers,
    template: 'dialogues.officer-alert',
    params: alert.params,
    subjectType: 'dialogue-commitment',
    subjectId: alert.commitmentId,
    dedupeKey: `dialogues:${alert.commitmentId}:${alert.dedupe}`,
  });
}
