// Messages to officers about incoming documents, queued in the same transaction as the sweep's mark (platform/
// notifications outbox): the notice to the lead when assigned, the reminder before the handling deadline, the escalation
// to the body's leaders once overdue.
import { instantText } from '../../platform/calendar';
import type { TxScope } from '../../platform/context/context';
import { translate, type Locale } from '../../platform/i18n';
import { declareNotificationTemplate, emailOfficers } from '../../platform/notifications';

/** The parameters of a reminder or escalation (stored with it in the outbox). */
export interface DocumentAlertParams {
  kind: 'assigned' | 'reminder' | 'escalation';
  arrival: number;
  numberSymbol: string;
  sender: string;
  subject: string;
  /** The lead unit's or person's name. */
  lead: string;
  /** ISO instant of the deadline; empty when there is none. */
  due: string;
}

const render = (locale: Locale) => (p: DocumentAlertParams) => ({
  subject: translate(locale, 'documents.alert.subject', { arrival: p.arrival, subject: p.subject }) ?? p.subject,
  body: translate(locale, `documents.alert.${p.kind}`, { ...p, due: p.due ? instantText(p.due, locale) : '—' }) ?? p.kind,
});

/** The officers' reminder and escalation, declared in the documents manifest. */
export const documentAlertTemplate = declareNotificationTemplate<DocumentAlertParams>('documents.officer-alert', { vi: render('vi'), en: render('en') });

/** Queues an e-mail to each officer, once per officer and `dedupe`; returns how many were queued. */
export function notifyOfficers(
  scope: TxScope,
  alert: { incomingId: string; officers: ReadonlyArray<{ userId: string; email: string | null }>; params: DocumentAlertParams; dedupe: string },
): Promise<number> {
  return emailOfficers(scope, {
    officers: alert.officers,
    template: 'documents.officer-alert',
    params: alert.params,
    subjectType: 'document-incoming',
    subjectId: alert.incomingId,
    dedupeKey: `documents:${alert.incomingId}:${alert.dedupe}`,
  });
}
