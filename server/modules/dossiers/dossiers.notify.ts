// Messages to the applicant, queued in the same transaction as the change (platform/notifications outbox), on every
// channel the applicant can be reached by: e-mail, SMS and Zalo. Each says what happened, what happens next and by
// when. The one-stop rules (domain README §3.1 steps 5a, 6 and 7, from the provincial regulations implementing NĐ
// 118/2025/NĐ-CP) have the one-stop unit tell the applicant of a supplement request, a late dossier's new date and
// the result "by e-mail, SMS, phone or an approved social network"; the appointment is what the applicant plans
// around, so every message carries the one that holds after the change, or says why none applies.
import { declareNotificationTemplate, enqueueNotification, enqueueNotifications, type ChannelPreference } from '../../platform/notifications';
import { listOfficerContacts } from '../identity';
import type { TxScope } from '../../platform/context/context';
import { translate, type Locale } from '../../platform/i18n';
import { toVnIso } from '../../platform/calendar';
import type { DossierState } from '../../../contracts/dossiers/dossiers.contracts';
import type { DossierRow, UnitInfo } from './dossiers.repository';

/**
 * What comes next for the applicant, by the dossier's state after the change (or the intake decision when no
 * dossier was made). It selects the "what happens next" and "by when" texts (`dossiers.applicant.next|by.<outlook>`).
 */
export const OUTLOOKS = ['handling', 'interagency', 'supplement', 'payment', 'collect', 'returned', 'stopped', 'withdrawn', 'guide', 'refuse'] as const;
export type Outlook = (typeof OUTLOOKS)[number];

/** Outlooks whose "by when" is the appointment (the others say why no date applies). */
export const OUTLOOKS_WITH_DUE: ReadonlySet<Outlook> = new Set(['handling', 'interagency', 'supplement', 'payment', 'collect']);

const OUTLOOK_OF_STATE: Record<DossierState, Outlook> = {
  RECEIVED: 'handling',
  PROCESSING: 'handling',
  AWAITING_APPROVAL: 'handling',
  INTEROPERATING: 'interagency',
  SUPPLEMENT_REQUESTED: 'supplement',
  AWAITING_PAYMENT: 'payment',
  DONE: 'collect',
  RETURNED: 'returned',
  STOPPED: 'stopped',
  WITHDRAWN: 'withdrawn',
};

/** What an applicant message says: the timeline kind and its params (rendered in the recipient's language). */
export interface ApplicantNotice {
  subjectId: string;
  /** Dossier code, or a slip reference for intake decisions without a dossier. */
  code: string;
  procedureName: string;
  /** A `dossiers.timeline.<kind>` or `dossiers.notice.<kind>` message key suffix. */
  kind: string;
  params: Record<string, string | number | null>;
  /** The dossier's state after the change; null for an intake decision (guide, refuse) that made no dossier. */
  state: DossierState | null;
  /** The appointment that holds after the change (extended due if any), null when there is none. */
  due: Date | null;
  email: string | null;
  phone: string | null;
  /** The channels the applicant chose (the dossier's `applicantNotifyChannels`); absent or null: every channel. */
  channels?: ChannelPreference | null;
  /** The applicant's language (default vi). */
  locale?: Locale;
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

/** The params stored with each message (rows written before `outlook` existed render without the last two parts). */
export interface NoticeParams {
  code: string;
  procedureName: string;
  kind: string;
  params: Record<string, string | number | null>;
  outlook?: Outlook;
  /** ISO instant of the appointment that holds, or null. */
  due?: string | null;
}

/** The three parts of an applicant message in `locale`: what happened, what happens next, by when. */
export function noticeParts(p: NoticeParams, locale: Locale): { happened: string; next: string | null; by: string | null } {
  const happened = noticeText(p.kind, p.params, locale);
  if (!p.outlook) return { happened, next: null, by: null };
  const next = translate(locale, `dossiers.applicant.next.${p.outlook}`) ?? null;
  const due = p.due ? formatInstant(p.due, locale) : null;
  const by = OUTLOOKS_WITH_DUE.has(p.outlook) && !due ? translate(locale, 'dossiers.applicant.by.unknown') : translate(locale, `dossiers.applicant.by.${p.outlook}`, { due });
  return { happened, next, by: by ?? null };
}

/** Longest "what happened" in an SMS: the rest (code, next, by when) must fit three parts (sms-text.ts). */
const SMS_HAPPENED_MAX = 160;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function render(p: NoticeParams, locale: Locale) {
  const { happened, next, by } = noticeParts(p, locale);
  const word = locale === 'vi' ? 'Hồ sơ' : 'Dossier';
  const tail = (sep: string) =>
    next && by ? `${sep}${translate(locale, 'dossiers.applicant.nextLabel')}: ${next}${sep}${translate(locale, 'dossiers.applicant.byLabel')}: ${by}` : '';
  return {
    subject: `${word} ${p.code}: ${p.procedureName}`,
    body: `${word} ${p.code} (${p.procedureName}): ${happened}${tail('\n')}`,
    // No procedure name (some run to thousands of characters) and a capped account of what happened.
    sms: `${word} ${p.code}: ${clip(happened, SMS_HAPPENED_MAX)}${tail(' ')}`,
  };
}

/**
 * The applicant's update message, declared in the dossiers manifest. For Zalo, the ZNS template the province
 * registers must have these parameters (names, maximum lengths): ma_ho_so (30), thu_tuc (200), cap_nhat (200, what
 * happened), tiep_theo (200, what happens next), thoi_han (200, by when); its id goes in ZALO_ZNS_TEMPLATES as
 * `dossiers.applicant-update=<id>`.
 */
export const applicantUpdateTemplate = declareNotificationTemplate<NoticeParams>('dossiers.applicant-update', {
  vi: (p) => render(p, 'vi'),
  en: (p) => render(p, 'en'),
  zalo: {
    params: { ma_ho_so: 30, thu_tuc: 200, cap_nhat: 200, tiep_theo: 200, thoi_han: 200 },
    data: (p) => {
      const { happened, next, by } = noticeParts(p, 'vi');
      return { ma_ho_so: p.code, thu_tuc: p.procedureName, cap_nhat: happened, tiep_theo: next ?? '', thoi_han: by ?? '' };
    },
  },
});

/** The outlook of a notice: from the state after the change, or from the intake decision. */
export function outlookOf(notice: Pick<ApplicantNotice, 'state' | 'kind'>): Outlook {
  if (notice.state) return OUTLOOK_OF_STATE[notice.state];
  return notice.kind === 'refuse' ? 'refuse' : 'guide';
}

/** The params stored with the applicant's message. */
export function noticeParams(notice: Omit<ApplicantNotice, 'subjectId' | 'email' | 'phone' | 'dedupe'>): NoticeParams {
  return {
    code: notice.code,
    procedureName: notice.procedureName,
    kind: notice.kind,
    params: notice.params,
    outlook: outlookOf(notice),
    due: notice.due ? toVnIso(notice.due) : null,
  };
}

/** Queues the applicant's message on e-mail, SMS and Zalo (those they gave and accept) in the caller's transaction. */
export async function notifyApplicant(scope: TxScope, notice: ApplicantNotice): Promise<void> {
  const params = noticeParams(notice);
  await enqueueNotifications(scope, {
    to: { email: notice.email, phone: notice.phone },
    channels: notice.channels,
    template: 'dossiers.applicant-update',
    params,
    ...(notice.locale ? { locale: notice.locale } : {}),
    subjectType: 'dossier',
    subjectId: notice.subjectId,
    dedupeKey: `dossier:${notice.subjectId}:${notice.dedupe}`,
  });
}

/** What the officers who now hold a dossier are told (`dossiers.holder.<kind>`). */
export interface HolderNoticeParams {
  code: string;
  procedureName: string;
  kind: string;
  unit: string;
  /** ISO instant of the appointment in force after the change. */
  due: string;
}

function renderHolder(p: HolderNoticeParams, locale: Locale) {
  const text = translate(locale, `dossiers.holder.${p.kind}`, { code: p.code, unit: p.unit, due: formatInstant(p.due, locale) }) ?? p.kind;
  const word = locale === 'vi' ? 'Hồ sơ' : 'Dossier';
  return { subject: `${word} ${p.code}: ${p.procedureName}`, body: `${text}\n${p.procedureName}` };
}

/** The back office's message to the officers holding a dossier (e-mail only), declared in the dossiers manifest. */
export const holderUpdateTemplate = declareNotificationTemplate<HolderNoticeParams>('dossiers.holder-update', {
  vi: (p) => renderHolder(p, 'vi'),
  en: (p) => renderHolder(p, 'en'),
});

/**
 * Queues an e-mail to each officer holding the dossier's holder role on its holder unit (a grant on the unit itself,
 * see listOfficerContacts), in the caller's transaction: the work is theirs now (issue 11 item 4).
 */
export async function notifyHolder(scope: TxScope, row: DossierRow, kind: string, units: Map<string, UnitInfo>): Promise<void> {
  const officers = await listOfficerContacts(scope.tx, row.holderUnitId, row.holderRole);
  const params: HolderNoticeParams = {
    code: row.code,
    procedureName: row.procedureName,
    kind,
    unit: units.get(row.holderUnitId)?.name ?? '',
    due: toVnIso(row.extendedDueAt ?? row.dueAt),
  };
  for (const officer of officers) {
    await enqueueNotification(scope, {
      channel: 'email',
      recipient: officer.email,
      template: 'dossiers.holder-update',
      params: { ...params },
      subjectType: 'dossier',
      subjectId: row.id,
      dedupeKey: `dossier:${row.id}:holder:${kind}:${row.version}:${officer.id}`,
    });
  }
}
