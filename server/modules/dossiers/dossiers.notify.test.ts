// Every applicant message says what happened, what happens next and by when, in Vietnamese and in English, on each
// channel: the e-mail body, the SMS text (within three GSM-7 parts once without diacritics) and the Zalo data.
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDeclarations } from '../../app';
import { renderNotification, renderZaloData, toGsm7 } from '../../platform/notifications';
import type { Locale } from '../../platform/i18n';
import { translate } from '../../platform/i18n';
import { DossierStateSchema, type DossierState } from '../../../contracts/dossiers/dossiers.contracts';
import { formatInstant, noticeParams, noticeText, OUTLOOKS, OUTLOOKS_WITH_DUE, outlookOf, type ApplicantNotice } from './dossiers.notify';

beforeAll(() => registerDeclarations());

const DUE = new Date('2026-03-09T10:00:00Z'); // 17:00 in Vietnam
const LONG = 'Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất có chứng thực; '.repeat(6);
const PROCEDURE = 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II (công trình không theo tuyến/theo tuyến trong đô thị)';

type Case = { kind: string; state: DossierState | null; params: ApplicantNotice['params']; due: Date | null };

// One case per message the dossiers module sends (intake, intake decisions, each notifying transition, apology,
// calendar changes), with the params its use case stores; long free texts where officers type them.
const CASES: Case[] = [
  { kind: 'intake', state: 'RECEIVED', params: { unit: 'Trung tâm Phục vụ hành chính công tỉnh', due: DUE.toISOString() }, due: DUE },
  { kind: 'guide', state: null, params: { reasons: LONG, items: LONG }, due: null },
  { kind: 'refuse', state: null, params: { reasons: LONG, items: '' }, due: null },
  { kind: 'forward', state: 'PROCESSING', params: { unit: 'Sở Xây dựng', step: 'Thẩm định hồ sơ' }, due: DUE },
  { kind: 'transfer', state: 'INTEROPERATING', params: { unit: 'Chi cục Thuế khu vực' }, due: DUE },
  { kind: 'request-supplement', state: 'SUPPLEMENT_REQUESTED', params: { items: LONG }, due: DUE },
  { kind: 'receive-supplement', state: 'PROCESSING', params: { due: DUE.toISOString(), unit: '' }, due: DUE },
  { kind: 'request-payment', state: 'AWAITING_PAYMENT', params: { amount: 500000 }, due: DUE },
  { kind: 'confirm-payment', state: 'AWAITING_APPROVAL', params: { due: DUE.toISOString(), unit: '' }, due: DUE },
  { kind: 'transfer-back', state: 'PROCESSING', params: { due: DUE.toISOString(), unit: 'Chi cục Thuế khu vực' }, due: DUE },
  { kind: 'result-ready', state: 'DONE', params: { unit: 'Trung tâm Phục vụ hành chính công tỉnh' }, due: DUE },
  { kind: 'approve', state: 'DONE', params: { unit: 'Sở Xây dựng' }, due: DUE },
  { kind: 'return-result', state: 'RETURNED', params: { method: 'post' }, due: DUE },
  { kind: 'return-on-the-spot', state: 'RETURNED', params: { method: 'desk' }, due: DUE },
  { kind: 'stop', state: 'STOPPED', params: {}, due: DUE },
  { kind: 'withdraw', state: 'WITHDRAWN', params: {}, due: DUE },
  { kind: 'apology', state: 'PROCESSING', params: { newDue: DUE.toISOString(), due: '2026-03-02T10:00:00Z' }, due: DUE },
  { kind: 'calendar-change', state: 'PROCESSING', params: { reason: LONG, before: '2026-03-06T10:00:00Z', after: DUE.toISOString() }, due: DUE },
  {
    kind: 'calendar-confirmed',
    state: 'SUPPLEMENT_REQUESTED',
    params: { year: 2027, reason: 'Quyết định công bố lịch 2027', before: '2027-01-04T10:00:00Z', after: DUE.toISOString() },
    due: DUE,
  },
];

const LABELS: Record<Locale, { next: string; by: string }> = { vi: { next: 'Tiếp theo', by: 'Thời hạn' }, en: { next: 'Next', by: 'By when' } };

describe('applicant messages: what happened, what happens next, by when', () => {
  it('covers every dossier state and both intake decisions', () => {
    const outlooks = new Set(CASES.map((c) => outlookOf(c)));
    expect([...outlooks].sort()).toEqual([...OUTLOOKS].sort());
    for (const state of DossierStateSchema.options)
      expect(
        CASES.some((c) => c.state === state),
        state,
      ).toBe(true);
  });

  for (const locale of ['vi', 'en'] as const) {
    for (const c of CASES) {
      it(`${c.kind} → ${c.state ?? 'no dossier'} (${locale})`, () => {
        const stored = noticeParams({ code: 'H56.22-260302-0001', procedureName: PROCEDURE, kind: c.kind, params: c.params, state: c.state, due: c.due });
        const outlook = outlookOf(c);
        const happened = noticeText(c.kind, c.params, locale);
        const next = translate(locale, `dossiers.applicant.next.${outlook}`)!;
        const due = formatInstant(DUE.toISOString(), locale);
        const { subject, body, sms } = renderNotification('dossiers.applicant-update', locale, JSON.parse(JSON.stringify(stored)) as Record<string, unknown>);

        expect(subject).toContain('H56.22-260302-0001');
        const lines = body.split('\n');
        expect(lines).toHaveLength(3);
        // 1. What happened: the timeline's own words (the ones the public lookup shows).
        expect(happened).not.toBe(c.kind);
        expect(lines[0]).toBe(`${locale === 'vi' ? 'Hồ sơ' : 'Dossier'} H56.22-260302-0001 (${PROCEDURE}): ${happened}`);
        // 2. What happens next.
        expect(next.length).toBeGreaterThan(20);
        expect(lines[1]).toBe(`${LABELS[locale].next}: ${next}`);
        // 3. By when: the appointment that holds, or why none applies.
        expect(lines[2]!.startsWith(`${LABELS[locale].by}: `)).toBe(true);
        if (OUTLOOKS_WITH_DUE.has(outlook)) expect(lines[2]).toContain(due);
        else expect(lines[2]).toBe(`${LABELS[locale].by}: ${translate(locale, `dossiers.applicant.by.${outlook}`)}`);
        expect(body).not.toMatch(/\{\w+\}|undefined|null/);

        // SMS: the same three parts without the procedure name, within three parts once without diacritics.
        expect(sms).toBeDefined();
        expect(sms).toContain(`${LABELS[locale].next}: ${next}`);
        expect(sms).toContain(lines[2]);
        expect(sms!.startsWith(`${locale === 'vi' ? 'Hồ sơ' : 'Dossier'} H56.22-260302-0001: ${happened.slice(0, 100)}`)).toBe(true);
        expect(sms).not.toContain(PROCEDURE);
        expect(toGsm7(sms!).length).toBeLessThanOrEqual(459);

        // Zalo: the approved template's five parameters, in Vietnamese, within their lengths.
        const data = renderZaloData('dossiers.applicant-update', JSON.parse(JSON.stringify(stored)) as Record<string, unknown>);
        expect(Object.keys(data)).toEqual(['ma_ho_so', 'thu_tuc', 'cap_nhat', 'tiep_theo', 'thoi_han']);
        expect(data.ma_ho_so).toBe('H56.22-260302-0001');
        expect(data.tiep_theo).toBe(translate('vi', `dossiers.applicant.next.${outlook}`));
        if (OUTLOOKS_WITH_DUE.has(outlook)) expect(data.thoi_han).toContain(formatInstant(DUE.toISOString(), 'vi'));
        for (const v of Object.values(data)) expect([...v].length).toBeLessThanOrEqual(200);
      });
    }
  }

  it('reads as a citizen would receive it', () => {
    const stored = JSON.parse(
      JSON.stringify(noticeParams({ code: 'H56.22-260302-0001', procedureName: 'Đăng ký khai sinh', kind: 'intake', params: CASES[0]!.params, state: 'RECEIVED', due: DUE })),
    );
    expect(renderNotification('dossiers.applicant-update', 'vi', stored).body).toBe(
      [
        'Hồ sơ H56.22-260302-0001 (Đăng ký khai sinh): Hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh; hẹn trả kết quả 17:00 ngày 09/03/2026.',
        'Tiếp theo: Cơ quan có thẩm quyền tiếp tục giải quyết hồ sơ; ông/bà sẽ được báo khi có kết quả hoặc khi cần bổ sung.',
        'Thời hạn: hẹn trả kết quả 17:00 ngày 09/03/2026.',
      ].join('\n'),
    );
    expect(renderNotification('dossiers.applicant-update', 'en', stored).sms).toBe(
      'Dossier H56.22-260302-0001: Dossier received at Trung tâm Phục vụ hành chính công tỉnh; result due 17:00 on 09/03/2026. Next: The competent agency goes on handling the dossier; you will be told when the result is ready or if anything more is needed. By when: result due 17:00 on 09/03/2026.',
    );
  });

  it('says when no appointment is known rather than printing an empty date', () => {
    const stored = JSON.parse(JSON.stringify(noticeParams({ code: 'H1', procedureName: 'P', kind: 'forward', params: { unit: 'U', step: 'S' }, state: 'PROCESSING', due: null })));
    expect(renderNotification('dossiers.applicant-update', 'vi', stored).body.split('\n')[2]).toBe(`Thời hạn: ${translate('vi', 'dossiers.applicant.by.unknown')}`);
  });

  it('still renders messages queued before the three parts existed', () => {
    const old = { code: 'H1', procedureName: 'P', kind: 'stop', params: {} };
    expect(renderNotification('dossiers.applicant-update', 'vi', old)).toMatchObject({ body: 'Hồ sơ H1 (P): Dừng giải quyết hồ sơ.' });
  });
});
