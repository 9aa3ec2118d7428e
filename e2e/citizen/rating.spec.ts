// Issue 11 item 7: a dossier's result is returned at the desk; its applicant rates the service at the desk's kiosk
// (code + ID number from the receipt), the link in the invitation mail then says it is already rated, the leaders
// are alerted and the reform office reads the summary. Every page at 390 and 1280 px, checked by axe.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { MailSink } from '../../server/test/mail-sink';
import { apiLogin, watchConsole } from '../officer/dossier-support';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { attachScreenshot, horizontalOverflow } from '../support/screens';

const sink = new MailSink();
test.beforeAll(async () => {
  await sink.listen(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => sink.close());

interface Detail {
  id: string;
  code: string;
  version: number;
  applicant: { idNumber: string; email: string | null };
  handlingUnit: { id: string; name: string };
}

const sizes = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
] as const;

async function noOverflow(page: Page) {
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
}

test('a citizen rates a returned dossier at the kiosk; the link then shows the rating; the leader reads the summary', async ({ browser }, testInfo) => {
  const problems: string[] = [];
  // The ward's desk receives a dossier (the demo's applicants have no e-mail; this one has) of a procedure the demo
  // handles, and the ward's officers take it to the returned result.
  const officers: Record<string, { request: APIRequestContext; csrf: string }> = {};
  for (const login of ['tiepnhan.hacthanh', 'chuyenvien.hacthanh', 'lanhdao.hacthanh']) {
    const { request } = await browser.newContext();
    officers[login] = { request, csrf: await apiLogin(request, login) };
  }
  const desk = officers['tiepnhan.hacthanh']!;
  const done = (await (await desk.request.get('/api/v1/dossiers?queue=all&state=DONE&pageSize=1')).json()) as { items: Array<{ id: string }> };
  const model = (await (await desk.request.get(`/api/v1/dossiers/${done.items[0]!.id}`)).json()) as Detail & {
    procedure: { code: string };
    receivingUnit: { id: string };
    checklist: Array<{ name: string; originals: number; certifiedCopies: number; copies: number }>;
    duration: { amount: number; unit: string; source: string };
  };
  const email = `danh.gia.${Date.now().toString(36)}@example.vn`;
  const intake = await desk.request.post('/api/v1/dossiers/intake', {
    headers: { 'x-csrf-token': desk.csrf },
    data: {
      decision: 'accept',
      procedureCode: model.procedure.code,
      receivingUnitId: model.receivingUnit.id,
      handlingUnitId: model.handlingUnit.id,
      channel: 'direct',
      applicant: { kind: 'person', name: 'Lê Thị Hoa', idNumber: `0381${String(Date.now()).slice(-8)}`, phone: '0912345678', email, address: 'Phường Hạc Thành' },
      checklist: model.checklist.map((c) => ({ name: c.name, originals: c.originals, certifiedCopies: c.certifiedCopies, copies: c.copies })),
      feeVnd: 0,
      // A procedure whose time the catalog cannot read for this channel takes the one its officer stated.
      ...(model.duration.source === 'catalog' ? {} : { duration: { amount: model.duration.amount, unit: model.duration.unit } }),
    },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const id = ((await intake.json()) as { dossier: { id: string } }).dossier.id;
  let detail = (await (await desk.request.get(`/api/v1/dossiers/${id}`)).json()) as Detail & { state: string };
  for (let round = 0; round < 8 && detail.state !== 'RETURNED'; round++) {
    for (const o of Object.values(officers)) {
      const d = (await (await o.request.get(`/api/v1/dossiers/${id}`)).json()) as Detail & { state: string; allowedTransitions: Array<{ transition: string }> };
      const next = ['return-result', 'approve', 'result-ready', 'forward'].find((n) => d.allowedTransitions.some((a) => a.transition === n));
      if (!next) continue;
      const res = await o.request.post(`/api/v1/dossiers/${id}/transitions`, {
        headers: { 'x-csrf-token': o.csrf },
        data: { transition: next, expectedVersion: d.version, note: null, attachments: [], ...(next === 'return-result' ? { method: 'desk', receivedBy: 'Lê Thị Hoa' } : {}) },
      });
      expect(res.status(), `${next}: ${await res.text()}`).toBe(200);
      detail = (await res.json()) as typeof detail;
      break;
    }
  }
  expect(detail.state).toBe('RETURNED');
  const { code, applicant } = detail;

  // The invitation mail reached the applicant with its link.
  const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Mời đánh giá'), 60_000);
  expect(mail.subject).toContain(code);
  expect(mail.text).toContain('đã được trả kết quả');
  const link = new URL(/https?:\/\/\S+\/danh-gia\/loi-moi\?token=[\w-]+/.exec(mail.text)![0]);

  const context = await browser.newContext({ viewport: sizes[0].viewport, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  watchConsole(page, problems, (_text, url) => url.includes('/api/v1/ratings/'));

  // The kiosk: a wrong ID number finds nothing.
  await page.goto('/danh-gia');
  await expect(page.getByRole('heading', { level: 1, name: 'Đánh giá mức độ hài lòng' })).toBeVisible();
  await attachScreenshot(page, testInfo, 'rating-kiosk-390-01-empty');
  await expectNoSeriousA11yViolations(page, testInfo, 'rating-kiosk-390-empty');
  await page.getByLabel('Mã hồ sơ').fill(code);
  await page.getByLabel('Số giấy tờ của người nộp hồ sơ').fill('001099000111');
  await page.getByTestId('kiosk-find').click();
  await expect(page.getByTestId('kiosk-not-found')).toContainText('Không tìm thấy hồ sơ khớp với mã hồ sơ và số giấy tờ');
  await attachScreenshot(page, testInfo, 'rating-kiosk-390-02-not-found');

  // The right number opens the questions.
  await page.getByLabel('Số giấy tờ của người nộp hồ sơ').fill(applicant.idNumber);
  await page.getByTestId('kiosk-find').click();
  await expect(page.getByTestId('rating-form')).toBeVisible();
  await noOverflow(page);
  await expectNoSeriousA11yViolations(page, testInfo, 'rating-kiosk-390-form');
  // Sending without answers names each question left out.
  await page.getByTestId('rating-submit').click();
  await expect(page.getByText('Vui lòng chọn một mức.').first()).toBeVisible();
  await page.getByRole('group', { name: 'Mức độ hài lòng chung của ông/bà' }).getByText('Không hài lòng', { exact: true }).click();
  await page.getByRole('group', { name: 'Thời gian giải quyết' }).getByText('Không hài lòng', { exact: true }).click();
  await page.getByRole('group', { name: 'Thái độ, hướng dẫn của cán bộ' }).getByText('Hài lòng', { exact: true }).click();
  await page.getByRole('group', { name: 'Sự rõ ràng của thủ tục' }).getByText('Rất hài lòng', { exact: true }).click();
  await page.getByLabel('Ý kiến góp ý (không bắt buộc)').fill('Trả kết quả chậm hơn ngày hẹn.');
  await attachScreenshot(page, testInfo, 'rating-kiosk-390-03-form');
  await page.getByTestId('rating-submit').click();
  await expect(page.getByTestId('rating-outcome')).toContainText('Cảm ơn ông/bà đã đánh giá');
  await attachScreenshot(page, testInfo, 'rating-kiosk-390-04-thanks');
  await page.getByTestId('kiosk-restart').click();
  await expect(page.getByLabel('Mã hồ sơ')).toHaveValue('');

  // The mail's link: the dossier is already rated; a broken link says so.
  for (const size of sizes) {
    await page.setViewportSize(size.viewport);
    await page.goto(link.pathname + link.search);
    await expect(page.getByTestId('rating-outcome')).toContainText(`Hồ sơ ${code} đã được đánh giá`);
    await noOverflow(page);
    await attachScreenshot(page, testInfo, `rating-link-${size.name}-rated`);
    await expectNoSeriousA11yViolations(page, testInfo, `rating-link-${size.name}-rated`);
  }
  await page.goto('/danh-gia/loi-moi?token=khong-dung-lien-ket-nay-000000000000');
  await expect(page.getByTestId('rating-link-invalid')).toBeVisible();
  await attachScreenshot(page, testInfo, 'rating-link-1280-invalid');
  await page.goto('/danh-gia');
  await attachScreenshot(page, testInfo, 'rating-kiosk-1280-empty');
  await context.close();

  // The province's reform office reads the summary (every unit), with the unsatisfied rating to follow up.
  const leaderContext = await browser.newContext();
  await apiLogin(leaderContext.request, 'caicach.snv');
  const leader = await leaderContext.newPage();
  watchConsole(leader, problems);
  for (const size of sizes) {
    await leader.setViewportSize(size.viewport);
    await leader.goto('/admin/ratings');
    await expect(leader.getByRole('heading', { level: 1, name: 'Mức độ hài lòng' })).toBeVisible();
    await expect(leader.getByTestId('ratings-low')).toContainText(code);
    await noOverflow(leader);
    await attachScreenshot(leader, testInfo, `ratings-summary-${size.name}`);
    await expectNoSeriousA11yViolations(leader, testInfo, `ratings-summary-${size.name}`);
  }
  // The handling unit's leaders were alerted by e-mail.
  const alert = await sink.waitFor((m) => m.to.includes('long.bv@hacthanh.demo.vn') && m.subject.includes(`hồ sơ ${code}`), 60_000);
  expect(alert.text).toContain('Trả kết quả chậm hơn ngày hẹn.');
  await leaderContext.close();
  expect(problems).toEqual([]);
});
