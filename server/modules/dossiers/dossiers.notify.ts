// Messages to the applicant, queued in the same transaction as the change (platform/notifications outbox).
import { declareNotificationTemplate, enqueueNotification } from '../../platform/notifications';
import type { TxScope } from '../../platform/context/context';
import { translate, type Locale } from '../../platform/i18n';
import { toVnIso } from '../../platform/calendar';

/** What an applicant message says: the timeline kind and its params (rendered in the recipient's language). */
export interface ApplicantNotice {
  subjectId: string;
  /** Dossier code, or a slip reference for intake decisions without a dossier. */
  code: string;
  procedureName: string;
  /** A `dossiers.timeline.<kind>` or `dossiers.notice.<kind>` message key suffix. */
  kind: string;
  params: Record<string, string | number | null>;
  email: string | null;
  phone: string | null;
  /** Makes the message unique (e.g. the dossier version after the change). */
  dedupe: string;
}

const INSTANT_KEYS = new Set(['due', 'newDue', 'before', 'after']);

/** "17:00 ngày 09/03/2026" / "17:00 on 09/03/2026" for an instant param. */
export function formatInstant(iso: string, locale: Locale): string {
  const vn = toVnIso(new Date(iso));
  const [date, time] = [vn.slice(0, 10), vn.slice(11, 16)];
  const dmy = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
  return locale === 'vi' ? `${time} ngày ${dmy}` : `${time} on ${dmy}`;
}

/** Params with instants formatted for `locale`. */
export function renderParams(params: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = INSTANT_KEYS.has(k) && typeof v === 'string' && v ? formatInstant(v, locale) : v;
  return out;
}

/** Renders a timeline or notice text in `locale`. */
export function noticeText(kind: string, params: Record<string, unknown>, locale: Locale): string {
  const p = renderParams(params, locale);
  return translate(locale, `dossiers.timeline.${kind}`, p) ?? translate(locale, `dossiers.notice.${kind}`, p) ?? kind;
}

interface NoticeParams {
  code: string;
  procedureName: string;
  kind: string;
  params: Record<string, string | number | null>;
}

/** The applicant's update message, declared in the dossiers manifest. */
export const applicantUpdateTemplate = declareNotificationTemplate<NoticeParams>('dossiers.applicant-update', {
  vi: (p) => ({
    subject: `Hồ sơ ${p.code}: ${p.procedureName}`,
    body: `Hồ sơ ${p.code} (${p.procedureName}): ${noticeText(p.kind, p.params, 'vi')}`,
  }),
  en: (p) => ({
    subject: `Dossier ${p.code}: ${p.procedureName}`,
    body: `Dossier ${p.code} (${p.procedureName}): ${noticeText(p.kind, p.params, 'en')}`,
  }),
});

/** Queues the applicant's e-mail and SMS (whichever they gave) in the caller's transaction. */
export async function notifyApplicant(scope: TxScope, notice: ApplicantNotice): Promise<void> {
  const params: NoticeParams = { code: notice.code, procedureName: notice.procedureName, kind: notice.kind, params: notice.params };
  for (const [channel, recipient] of [
    ['email', notice.email],
    ['sms', notice.phone],
  ] as const) {
    if (!recipient) continue;
    await enqueueNotification(scope, {
      channel,
      recipient,
      template: 'dossiers.applicant-update',
      params: params,
      subjectType: 'dossier',
      subjectId: notice.subjectId,
      dedupeKey: `dossier:${notice.subjectId}:${notice.dedupe}:${channel}`,
    });
  }
}
