import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { attachScreenshot } from '../support/screens';
import { apiLogin, officer, resetClockAfterAll, watchConsole } from './dossier-support';

// Issue 8 item 7, "Done when": on 5 December the desk receives a 20-working-day dossier whose due falls in next year, for
// which no official calendar is published; the receipt and the lookup say the appointment is provisional; the
// administrator publishes that year with a changed day; the due moves and the applicant is notified.
// The demo ships 2024–2026 published, so on a fresh server the year is 2027 and the clock is set to 5 December 2026.
// The server is shared by every journey and another one (e2e/admin/calendar.spec.ts) may have published 2027 already:
// then the next unpublished year is used, in December of the year before — the same story one year later.

const suffix = Date.now().toString(36).toUpperCase();
const procedureName = `Cấp giấy phép dài ngày ${suffix}`;
const applicantName = 'Trần Thị Tạm Tính';

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The CSRF token of a context that is already signed in. */
async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/identity/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

test('a dossier due in a year not yet published: provisional on the receipt and lookup, recomputed and notified on publication', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const problems: string[] = [];
  const setter = await playwright.request.newContext({ baseURL });
  const setterCsrf = await apiLogin(setter, 'admin');
  const status0 = (await (await setter.get('/api/v1/calendar/status')).json()) as { lastPublishedYear: number };
  const year = status0.lastPublishedYear + 1;
  // 5 December; in a later year whose December has 20 working days left from then, the first December day after it
  // from which 20 working days reach into the unpublished year.
  let start = `${year - 1}-12-05T09:00:00+07:00`;
  for (const day of ['05', '08', '12', '15']) {
    start = `${year - 1}-12-${day}T09:00:00+07:00`;
    const due = (await (await setter.get('/api/v1/calendar/due', { params: { start, amount: 20, unit: 'working-days' } })).json()) as { due: string };
    if (due.due.startsWith(String(year))) break;
  }
  const set = await setter.post('/api/v1/clock/set', { headers: { 'x-csrf-token': setterCsrf }, data: { at: start } });
  expect(set.status(), await set.text()).toBe(200);
  await setter.dispose();
  // Sessions follow the clock: everyone signs in after it was set.
  const admin = await playwright.request.newContext({ baseURL });
  const csrf = await apiLogin(admin, 'admin');

  // The year's draft (the demo generates 2027's); a later year is generated first.
  if ((await admin.get(`/api/v1/calendar/admin/years/${year}`)).status() === 404) {
    expect((await admin.post('/api/v1/calendar/admin/years', { headers: { 'x-csrf-token': csrf }, data: { year } })).status()).toBe(201);
  }

  // A 20-working-day procedure of Phường Hạc Thành.
  const units = (await (await admin.get('/api/v1/identity/org-units', { params: { q: 'Hac Thanh', kind: 'commune' } })).json()) as { items: Array<{ id: string; name: string }> };
  const ward = units.items.find((u) => u.name === 'Phường Hạc Thành')!;
  const created = await admin.post('/api/v1/catalog/admin/procedures', {
    headers: { 'x-csrf-token': csrf },
    data: {
      name: procedureName,
      field: 'Xây dựng',
      levels: ['commune'],
      implementingUnitIds: [ward.id],
      applicants: 'Tổ chức, cá nhân',
      results: ['Giấy phép'],
      processingTimes: [{ channel: 'any', amount: 20, unit: 'working-days', raw: '20 ngày làm việc' }],
      fees: [],
      requiredDocuments: [{ name: 'Đơn đề nghị (theo mẫu)', originals: 1, copies: 0 }],
      legalBasis: [],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const version = (await created.json()) as { id: string; version: number; code: string };
  const published = await admin.post(`/api/v1/catalog/admin/procedures/${version.id}/publish`, { headers: { 'x-csrf-token': csrf }, data: { version: version.version } });
  expect(published.status(), await published.text()).toBe(200);

  // ---------------------------------------------------------------- intake on 5 December
  const desk = await officer(browser, 'tiepnhan.hacthanh', problems);
  const deskCsrf = await csrfOf(desk.context().request);
  const intake = await desk.context().request.post('/api/v1/dossiers/intake', {
    headers: { 'x-csrf-token': deskCsrf },
    data: {
      procedureCode: version.code,
      channel: 'direct',
      applicant: { kind: 'person', name: applicantName, idNumber: '038190007777', phone: '0987654321', email: 'tam.tinh@example.vn', address: 'Phường Hạc Thành' },
      checklist: [{ name: 'Đơn đề nghị (theo mẫu)', originals: 1, copies: 0 }],
      feeVnd: 0,
      decision: 'accept',
    },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const dossier = ((await intake.json()) as { dossier: { id: string; code: string; dueAt: string; dueProvisional: boolean } }).dossier;
  expect(dossier.dueProvisional).toBe(true);
  expect(dossier.dueAt.slice(0, 4)).toBe(String(year));
  // Saturday 05/12/2026: 19 working days in December, 01/01/2027 off (Labour Code art. 112): Monday 04/01/2027 17:00.
  if (year === 2027) expect(dossier.dueAt).toBe('2027-01-04T17:00:00+07:00');
  const dueDate = dossier.dueAt.slice(0, 10);
  const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

  await test.step('the desk sees the appointment marked provisional, and the receipt says so', async () => {
    await desk.goto(`/admin/dossiers/${dossier.id}`);
    await expect(desk.getByTestId('detail-code')).toContainText(dossier.code);
    await expect(desk.getByTestId('due-at')).toContainText(dmy(dueDate));
    await expect(desk.getByTestId('due-provisional')).toHaveText('Tạm tính');
    await attachScreenshot(desk, testInfo, 'provisional-01-desk-detail');

    const receipt = await desk.context().request.get(`/api/v1/dossiers/${dossier.id}/slips/receipt`);
    expect(receipt.status()).toBe(200);
    const file = testInfo.outputPath('receipt.pdf');
    fs.writeFileSync(file, await receipt.body());
    const text = pdfText(file);
    expect(text).toContain(dossier.code);
    expect(text).toContain(dmy(dueDate));
    expect(text).toContain(`Ngày hẹn trả kết quả là tạm tính cho đến khi lịch làm việc chính thức năm ${year} được công bố`);
  });

  const visitor = await browser.newContext();
  const lookup = await visitor.newPage();
  watchConsole(lookup, problems);
  await test.step('the public lookup says the appointment is provisional', async () => {
    await lookup.goto(`/tra-cuu/${dossier.code}`);
    await expect(lookup.getByTestId('lookup-appointment')).toContainText(dmy(dueDate));
    await expect(lookup.getByTestId('lookup-provisional')).toContainText(`Ngày hẹn trả kết quả là tạm tính cho đến khi lịch làm việc chính thức năm ${year} được công bố`);
    await attachScreenshot(lookup, testInfo, 'provisional-02-lookup');
  });

  // ---------------------------------------------------------------- the administrator publishes the year
  const adminPage = await officer(browser, 'admin', problems);
  await test.step('the administrator is warned that the year is not published, with the open dossiers relying on it', async () => {
    await adminPage.goto(`/admin/calendar?year=${year}`);
    const banner = adminPage.getByTestId('calendar-status-warning');
    await expect(banner).toContainText(`Lịch làm việc năm ${year} chưa được công bố`);
    const status = (await (await admin.get('/api/v1/calendar/status')).json()) as { provisionalOpenItems: number; warning: { year: number } };
    expect(status.warning.year).toBe(year);
    expect(status.provisionalOpenItems).toBeGreaterThanOrEqual(1);
    await expect(banner).toContainText(`Có ${status.provisionalOpenItems} hồ sơ đang giải quyết`);
    await attachScreenshot(adminPage, testInfo, 'provisional-03-admin-warning');
  });

  await test.step('the official notice makes the due day a day off; the year is published after the impact preview', async () => {
    const entry = await admin.post(`/api/v1/calendar/admin/years/${year}/draft/entries`, {
      headers: { 'x-csrf-token': csrf },
      data: { date: dueDate, type: 'day-off', kind: 'swap', reason: 'Nghỉ hoán đổi (theo thông báo)', reference: `Thông báo thử nghiệm lịch năm ${year}` },
    });
    expect(entry.status(), await entry.text()).toBe(200);
    const impact = (await (await admin.get(`/api/v1/calendar/admin/years/${year}/draft/impact`)).json()) as {
      total: number;
      modules: Array<{ module: string; affected: number }>;
      changedDays: Array<{ date: string }>;
    };
    expect(impact.modules.find((m) => m.module === 'dossiers')!.affected).toBeGreaterThanOrEqual(1);
    expect(impact.changedDays.map((d) => d.date)).toContain(dueDate);
    const draft = (await (await admin.get(`/api/v1/calendar/admin/years/${year}`)).json()) as { draft: { version: number } };
    const res = await admin.post(`/api/v1/calendar/admin/years/${year}/draft/publish`, {
      headers: { 'x-csrf-token': csrf },
      data: { reason: `Công bố lịch làm việc năm ${year}`, acknowledgedImpact: impact.total, version: draft.draft.version },
    });
    expect(res.status(), await res.text()).toBe(200);
    await adminPage.reload();
    await expect(adminPage.getByTestId('year-status')).toHaveText('Đã công bố');
    await expect(adminPage.getByTestId('calendar-status-warning')).toHaveCount(0);
    await attachScreenshot(adminPage, testInfo, 'provisional-04-admin-published');
  });

  let movedDue = '';
  await test.step('the due moved, the provisional mark is gone, and the applicant was notified once', async () => {
    const detail = (await (await desk.context().request.get(`/api/v1/dossiers/${dossier.id}`)).json()) as { dueAt: string; dueProvisional: boolean };
    expect(detail.dueProvisional).toBe(false);
    expect(detail.dueAt > dossier.dueAt).toBe(true);
    if (year === 2027) expect(detail.dueAt).toBe('2027-01-05T17:00:00+07:00');
    movedDue = detail.dueAt.slice(0, 10);

    await desk.reload();
    await expect(desk.getByTestId('due-at')).toContainText(dmy(movedDue));
    await expect(desk.getByTestId('due-provisional')).toHaveCount(0);
    await attachScreenshot(desk, testInfo, 'provisional-05-desk-moved');

    await lookup.reload();
    await expect(lookup.getByTestId('lookup-appointment')).toContainText(dmy(movedDue));
    await expect(lookup.getByTestId('lookup-provisional')).toHaveCount(0);
    await expect(lookup.getByTestId('lookup-timeline')).toContainText(`Lịch làm việc chính thức năm ${year} đã được công bố`);
    await attachScreenshot(lookup, testInfo, 'provisional-06-lookup-moved');

    const outbox = (await (await admin.get('/api/v1/notifications/outbox', { params: { q: dossier.id, pageSize: 50 } })).json()) as {
      items: Array<{ channel: string; recipient: string; body: string }>;
    };
    const moved = outbox.items.filter((m) => m.body.includes('lịch hẹn trả kết quả tạm tính'));
    expect(moved.map((m) => m.channel).sort()).toEqual(['email', 'sms', 'zalo']);
    expect(moved.every((m) => m.body.includes(dossier.code) && m.body.includes(dmy(movedDue)))).toBe(true);
  });

  const receipt = await desk.context().request.get(`/api/v1/dossiers/${dossier.id}/slips/receipt`);
  const file = testInfo.outputPath('receipt-after.pdf');
  fs.writeFileSync(file, await receipt.body());
  expect(pdfText(file)).not.toContain('tạm tính');

  await visitor.close();
  await admin.dispose();
  expect(problems).toEqual([]);
});

// The server is shared by every journey: put its clock back whatever happened above.
resetClockAfterAll();
