// Messages to the applicant of an online submission, queued in the same transaction as the change (platform/notifications
// outbox). The desk's decisions are told by the intake itself (dossiers.notify.ts: the code and appointment on
// reception, the missing papers on a guide, the reasons on a refusal), in the transaction that records them; this
// module tells what only it knows: that the application reached the desk.
import { declareNotificationTemplate, enqueueNotifications, type ChannelPreference } from '../../platform/notifications';
import type { TxScope } from '../../platform/context/context';
import { translate, type Locale } from '../../platform/i18n';
import { toVnIso } from '../../platform/calendar';

interface NoticeParams {
  kind: 'submitted' | 'resubmitted';
  reference: string;
  procedureName: string;
  unit: string;
  /** ISO instant of the submission. */
  at: string;
}

/** "09:00 ngày 02/03/2026" / "09:00 on 02/03/2026". */
function instantText(iso: string, locale: Locale): string {
  const vn = toVnIso(new Date(iso));
  const dmy = `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`;
  return locale === 'vi' ? `${vn.slice(11, 16)} ngày ${dmy}` : `${vn.slice(11, 16)} on ${dmy}`;
}

const render = (locale: Locale) => (p: NoticeParams) => ({
  subject: locale === 'vi' ? `Hồ sơ trực tuyến ${p.reference}: ${p.procedureName}` : `Online application ${p.reference}: ${p.procedureName}`,
  body: translate(locale, `submissions.notice.${p.kind}`, { ...p, at: instantText(p.at, locale) }) ?? p.kind,
});

/** The applicant's message about their online submission, declared in the submissions manifest. */
export const submissionNoticeTemplate = declareNotificationTemplate<NoticeParams>('submissions.applicant-update', { vi: render('vi'), en: render('en') });

/** Queues the applicant's messages (e-mail, SMS, and Zalo once the template has a ZNS mapping) in the caller's transaction. */
export async function notifySubmitted(
  scope: TxScope,
  notice: NoticeParams & { submissionId: string; email: string | null; phone: string | null; channels: ChannelPreference | null; locale: Locale; dedupe: string },
): Promise<void> {
  const params: NoticeParams = { kind: notice.kind, reference: notice.reference, procedureName: notice.procedureName, unit: notice.unit, at: notice.at };
  await enqueueNotifications(scope, {
    to: { email: notice.email, phone: notice.phone },
    // The account's chosen channel; every channel its contacts reach when it has none.
    channels: notice.channels,
    template: 'submissions.applicant-update',
    params,
    locale: notice.locale,
    subjectType: 'submission',
    subjectId: notice.submissionId,
    dedupeKey: `submission:${notice.submissionId}:${notice.dedupe}`,
  });
}
