// Messages of the ratings module, through the notification outbox in the caller's transaction: the applicant's
// invitation to rate when the dossier ended (e-mail, SMS, Zalo), and the alert to the units' leaders when a rating is
// unsatisfied (e-mail). The invitation's link opens a rating of the dossier: a secret param, which the outbox forgets
// once a live channel took the message (D24).
import { declareNotificationTemplate } from '../../platform/notifications';
import { translate, type Locale } from '../../platform/i18n';
import type { RatingCriterion, SatisfactionLevel } from '../../../contracts/ratings/ratings.contracts';

/** The portal pages links lead to (web/app/router.tsx). */
export const RATING_PATHS = { invitation: '/danh-gia/loi-moi', summary: '/admin/ratings' } as const;

/** An absolute link to a page under PUBLIC_BASE_URL; the secret goes in the query, whose values logs never keep. */
export function ratingLink(publicBaseUrl: string, path: string, token?: string): string {
  const url = new URL(path, publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

const SIGNATURE = {
  vi: '\n\nĐây là thư tự động của Cổng dịch vụ công, vui lòng không trả lời.',
  en: '\n\nThis is an automatic message from the public service portal; please do not reply.',
};

/** Params of the invitation. */
export interface InvitationParams {
  code: string;
  procedureName: string;
  ended: 'RETURNED' | 'STOPPED' | 'WITHDRAWN';
  link: string;
}

const t = (locale: Locale, key: string) => translate(locale, key) ?? key;

const invitation = (locale: Locale) => (p: InvitationParams) => {
  const happened = t(locale, `ratings.ended.${p.ended}`);
  return locale === 'vi'
    ? {
        subject: `Mời đánh giá mức độ hài lòng — hồ sơ ${p.code}`,
        body:
          `Kính gửi ông/bà,\n\nHồ sơ ${p.code} (${p.procedureName}) ${happened}.\n\n` +
          'Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ (thời gian giải quyết, thái độ và hướng dẫn của cán bộ, sự rõ ràng của thủ tục) tại liên kết sau. ' +
          `Mỗi hồ sơ được đánh giá một lần:\n\n${p.link}` +
          SIGNATURE.vi,
        sms: `Hồ sơ ${p.code} ${happened}. Mời đánh giá mức độ hài lòng: ${p.link}`,
      }
    : {
        subject: `Please rate our service — dossier ${p.code}`,
        body:
          `Dear applicant,\n\nDossier ${p.code} (${p.procedureName}) ${happened}.\n\n` +
          'Please tell us how satisfied you are with how it was handled (time taken, the officers’ attitude and guidance, clarity of the procedure) at this link. ' +
          `Each dossier can be rated once:\n\n${p.link}` +
          SIGNATURE.en,
        sms: `Dossier ${p.code} ${happened}. Please rate our service: ${p.link}`,
      };
};

/**
 * The invitation to rate, declared in the ratings manifest. For Zalo, the ZNS template the province registers must
 * have these parameters: ma_ho_so (30), ket_qua (50, what happened), duong_dan (200, the rating link); its id goes in
 * ZALO_ZNS_TEMPLATES as `ratings.invitation=<id>`.
 */
export const invitationTemplate = declareNotificationTemplate<InvitationParams>(
  'ratings.invitation',
  {
    vi: invitation('vi'),
    en: invitation('en'),
    zalo: {
      params: { ma_ho_so: 30, ket_qua: 50, duong_dan: 200 },
      data: (p) => ({ ma_ho_so: p.code, ket_qua: t('vi', `ratings.ended.${p.ended}`), duong_dan: p.link }),
    },
  },
  { secretParams: ['link'] },
);

/** Params of the leaders' alert. */
export interface LowRatingParams {
  code: string;
  procedureName: string;
  overall: SatisfactionLevel;
  criteria: Record<RatingCriterion, SatisfactionLevel>;
  comment: string | null;
  link: string;
}

const alert = (locale: Locale) => (p: LowRatingParams) => {
  const level = (l: SatisfactionLevel) => t(locale, `ratings.level.${l}`);
  const lines = (['time', 'attitude', 'clarity'] as const).map((c) => `- ${t(locale, `ratings.criterion.${c}`)}: ${level(p.criteria[c])}`).join('\n');
  const vi = locale === 'vi';
  return {
    subject: vi ? `Đánh giá "${level(p.overall)}": hồ sơ ${p.code}` : `"${level(p.overall)}" rating: dossier ${p.code}`,
    body:
      (vi
        ? `Người nộp hồ sơ ${p.code} (${p.procedureName}) đánh giá mức độ hài lòng chung: ${level(p.overall)}.\n\n${lines}\n\nÝ kiến: ${p.comment ?? '(không có)'}\n\n` +
          `Đề nghị đơn vị xem xét, làm rõ và có biện pháp khắc phục. Tổng hợp đánh giá: ${p.link}`
        : `The applicant of dossier ${p.code} (${p.procedureName}) rated the service overall: ${level(p.overall)}.\n\n${lines}\n\nComment: ${p.comment ?? '(none)'}\n\n` +
          `Please look into it and follow up. Ratings summary: ${p.link}`) + SIGNATURE[locale],
  };
};

/** The alert to the leaders of the units that received and handled a dossier rated unsatisfied. */
export const lowRatingTemplate = declareNotificationTemplate<LowRatingParams>('ratings.low-rating-alert', { vi: alert('vi'), en: alert('en') });
