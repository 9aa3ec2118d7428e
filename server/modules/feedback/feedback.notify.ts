// Messages about feedback items, queued in the same transaction as the change (platform/notifications outbox): to the
// sender (and followers) at each step they must know of, and to the unit's officers when the answer is due soon or late.
import { declareNotificationTemplate, emailOfficers, enqueueNotifications, type ChannelPreference } from '../../platform/notifications';
import type { TxScope } from '../../platform/context/context';
import { instantText } from '../../platform/calendar';
import { translate, type Locale } from '../../platform/i18n';

/** What the sender (or a follower) is told. */
export type SenderNoticeKind = 'received' | 'info-requested' | 'out-of-scope' | 'answered' | 'followed-answered' | 'merged' | 'reopened' | 'due-moved';

/** The parameters of a message to the sender or a follower (stored with it in the outbox). */
export interface SenderNoticeParams {
  kind: SenderNoticeKind;
  code: string;
  title: string;
  unit?: string;
  /** ISO instant of the due, shown as "09:00 ngày 09/03/2026". */
  due?: string;
  question?: string;
  category?: string;
  /** Why it is out of scope, or why the due moved (the calendar change's reason). */
  reason?: string;
  law?: string;
  answer?: string;
  into?: string;
  /** Where the sender follows the item; carries their secret when they have no account (kept out of the outbox once sent). */
  link?: string;
}

const renderSender = (locale: Locale) => (p: SenderNoticeParams) => {
  const params = { ...p, due: p.due ? instantText(p.due, locale) : '' };
  return {
    subject: translate(locale, 'feedback.notice.subject', { code: p.code }) ?? p.code,
    body: translate(locale, `feedback.notice.${p.kind}`, params) ?? p.kind,
  };
};

/** The sender's (or a follower's) message, declared in the feedback manifest; the link is a secret while it is queued. */
export const senderNoticeTemplate = declareNotificationTemplate<SenderNoticeParams>(
  'feedback.sender-update',
  { vi: renderSender('vi'), en: renderSender('en') },
  { secretParams: ['link'] },
);

/** The parameters of a reminder or escalation to the unit's officers. */
export interface OfficerAlertParams {
  kind: 'reminder' | 'escalation';
  code: string;
  title: string;
  unit: string;
  due: string;
}

const renderAlert = (locale: Locale) => (p: OfficerAlertParams) => ({
  subject: translate(locale, 'feedback.notice.subject', { code: p.code }) ?? p.code,
  body: translate(locale, `feedback.alert.${p.kind}`, { ...p, due: instantText(p.due, locale) }) ?? p.kind,
});

/** The officers' reminder and escalation, declared in the feedback manifest. */
export const officerAlertTemplate = declareNotificationTemplate<OfficerAlertParams>('feedback.officer-alert', { vi: renderAlert('vi'), en: renderAlert('en') });

/** Where a sender (or follower) is reached. */
export interface Recipient {
  email: string | null;
  phone: string | null;
  /** The account's chosen channels; null: every channel their contacts reach. */
  channels: ChannelPreference | null;
}

/** Queues a message to the sender or a follower in the caller's transaction (once per `dedupe`). */
export async function notifySender(scope: TxScope, notice: { itemId: string; to: Recipient; params: SenderNoticeParams; locale: Locale; dedupe: string }): Promise<void> {
  if (!notice.to.email && !notice.to.phone) return;
  await enqueueNotifications(scope, {
    to: { email: notice.to.email, phone: notice.to.phone },
    channels: notice.to.channels,
    template: 'feedback.sender-update',
    params: notice.params,
    locale: notice.locale,
    subjectType: 'feedback',
    subjectId: notice.itemId,
    dedupeKey: `feedback:${notice.itemId}:${notice.dedupe}`,
  });
}

/** Queues an e-mail to each officer in `officers` (the unit's role holders), once per officer and `dedupe`. */
export async function notifyOfficers(
  scope: TxScope,
  alert: { itemId: string; officers: ReadonlyArray<{ userId: string; email: string | null }>; params: OfficerAlertParams; dedupe: string },
): Promise<number> {
  return emailOfficers(scope, {
    officers: alert.officers,
    template: 'feedback.officer-alert',
    params: alert.params,
    subjectType: 'feedback',
    subjectId: alert.itemId,
    dedupeKey: `feedback:${alert.itemId}:${alert.dedupe}`,
  });
}
