import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { chooseTreeNode, openDropdown } from '../support/antd';
import { numbersByColumn, pdfWords } from '../support/pdf';
import { act, apiLogin, officer, openedDialog, resetClockAfterAll, watchConsole } from './dossier-support';

// Unique per run so the journey also passes against a database that already holds an earlier run's data.
const suffix = Date.now().toString(36).toUpperCase();
const procedureName = `Cấp giấy xác nhận hành trình hồ sơ ${suffix}`;
// What the officer types: no diacritics, as on a hurried desk.
const procedureSearch = `hanh trinh ho so ${suffix.toLowerCase()}`;
const applicantName = 'Nguyễn Thị Hành Trình';
const applicantId = '038190004321';
const documents = ['Tờ khai đề nghị cấp giấy xác nhận (theo mẫu)', 'Bản sao Thẻ căn cước của người yêu cầu'];
const WORKING_DAY = 480;

/** Opens a dossier from the officer's "mine" queue (the queue is where officers find their work). */
async function openFromMyQueue(page: Page, code: string, testInfo: TestInfo, shot: string) {
  await page.goto('/admin/dossiers');
  await expect(page.getByRole('heading', { name: 'Hồ sơ', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Tôi đang xử lý' })).toHaveAttribute('aria-selected', 'true');
  // Demo data may fill the first page: find it by its code, as an officer with the slip in hand would.
  const search = page.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ, tên, số định danh hoặc số điện thoại người nộp' });
  await search.fill(code);
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.locator('.ant-table-row').filter({ hasText: code });
  await expect(row).toBeVisible();
  await attachScreenshot(page, testInfo, shot);
  await row.getByTestId('dossier-link').click();
  await expect(page.getByTestId('detail-code')).toContainText(code);
}

/** The text of a PDF (poppler's pdftotext), with line breaks and runs of spaces folded. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('a dossier from the desk to the citizen: keyboard intake, receipt, hand-overs, inter-agency, apology, approval, return, public lookup', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const problems: string[] = [];

  // ---------------------------------------------------------------- setup
  // A 3-working-day procedure whose steps fit in it (1 h + 1 day + 1.5 days + 1 h): not at risk when received. The
  // journey then lets working time pass on the server's adjustable clock (MOTCUA_ADJUSTABLE_CLOCK, playwright.config)
  // while the specialist holds it, until what is left cannot cover the leader's step.
  const admin = await playwright.request.newContext({ baseURL });
  const adminCsrf = await apiLogin(admin, 'admin');
  const units = (await (await admin.get('/api/v1/identity/org-units', { params: { q: 'Hac Thanh', kind: 'commune' } })).json()) as { items: Array<{ id: string; name: string }> };
  const ward = units.items.find((u) => u.name === 'Phường Hạc Thành');
  expect(ward, 'demo unit Phường Hạc Thành').toBeTruthy();
  const created = await admin.post('/api/v1/catalog/admin/procedures', {
    headers: { 'x-csrf-token': adminCsrf },
    data: {
      name: procedureName,
      field: 'Hộ tịch',
      levels: ['commune'],
      implementingUnitIds: [ward!.id],
      applicants: 'Công dân Việt Nam',
      results: ['Giấy xác nhận'],
      processingTimes: [{ channel: 'any', amount: 3, unit: 'working-days', raw: '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ' }],
      fees: [{ channel: 'any', amountVnd: 15000, text: '15.000 đồng/bản' }],
      requiredDocuments: documents.map((name, i) => ({ name, originals: i === 0 ? 1 : 0, copies: i === 0 ? 0 : 1 })),
      legalBasis: [],
      workflow: [
        { name: 'Tiếp nhận hồ sơ', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 60 },
        { name: 'Thẩm định hồ sơ', unitRef: 'implementing-unit', role: 'specialist', budgetMinutes: WORKING_DAY },
        { name: 'Phê duyệt kết quả', unitRef: 'implementing-unit', role: 'leader', budgetMinutes: 1.5 * WORKING_DAY },
        { name: 'Trả kết quả', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 60 },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const version = (await created.json()) as { id: string; version: number };
  const published = await admin.post(`/api/v1/catalog/admin/procedures/${version.id}/publish`, { headers: { 'x-csrf-token': adminCsrf }, data: { version: version.version } });
  expect(published.status(), await published.text()).toBe(200);

  let code = '';
  let appointmentDate = '';

  // ---------------------------------------------------------------- intake
  const desk = await officer(browser, 'tiepnhan.hacthanh', problems);
  await test.step('the reception officer takes the dossier at the desk with the keyboard only', async () => {
    await desk.goto('/admin/dossiers/intake');
    await expect(desk.getByRole('heading', { name: 'Tiếp nhận hồ sơ' })).toBeVisible();
    await expect(desk.getByTestId('desk-unit')).toHaveText('Trung tâm Phục vụ hành chính công phường Hạc Thành');
    const picker = desk.getByLabel('Thủ tục', { exact: true });
    await expect(picker).toBeFocused();
    await attachScreenshot(desk, testInfo, 'dossier-01-intake-empty');

    const kb = desk.keyboard;
    await kb.type(procedureSearch, { delay: 15 });
    await expect(desk.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(procedureName);
    await kb.press('Enter');
    await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await expect(desk.getByTestId('procedure-info')).toContainText(procedureName);
    // Receiving desk and handling agency differ and both are shown.
    await expect(desk.getByTestId('handling-units')).toHaveText('Phường Hạc Thành');
    await expect(desk.getByTestId('checklist')).toContainText(documents[0]!);

    await kb.press('Tab');
    await expect(desk.getByRole('radio', { name: 'Cá nhân' })).toBeFocused();
    // The switch works from the keyboard: the ID label follows it.
    await kb.press('ArrowRight');
    await expect(desk.getByLabel('Mã số thuế')).toBeVisible();
    await kb.press('ArrowLeft');
    await expect(desk.getByRole('radio', { name: 'Cá nhân' })).toBeChecked();
    await expect(desk.getByLabel('Số định danh cá nhân (12 chữ số)')).toBeVisible();

    await kb.press('Tab');
    await expect(desk.getByLabel('Họ và tên')).toBeFocused();
    await kb.type(applicantName);
    await kb.press('Tab');
    await expect(desk.getByLabel('Số định danh cá nhân (12 chữ số)')).toBeFocused();
    await kb.type(applicantId);
    await kb.press('Tab');
    await expect(desk.getByLabel('Số điện thoại')).toBeFocused();
    await kb.type('0912345678');
    await kb.press('Tab');
    await expect(desk.getByRole('textbox', { name: 'Thư điện tử' })).toBeFocused();
    await kb.type('hanhtrinh@example.vn');
    await kb.press('Tab');
    await expect(desk.getByLabel('Địa chỉ')).toBeFocused();
    await kb.type('12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa');
    // How the applicant wants to be told (D32): each channel is a tab stop ticked with Space; leaving all unticked means every channel.
    const channels = desk.getByTestId('applicant-notify-channels');
    for (const name of ['Thư điện tử', 'SMS', 'Zalo']) {
      await kb.press('Tab');
      await expect(channels.getByRole('checkbox', { name })).toBeFocused();
    }

    // Checklist: Space ticks each document; Tab passes its originals, certified copies and copies (Mẫu 01's columns).
    for (let i = 0; i < documents.length; i++) {
      await kb.press('Tab');
      const box = desk.getByRole('checkbox', { name: documents[i] });
      await expect(box).toBeFocused();
      await kb.press('Space');
      await expect(box).toBeChecked();
      await kb.press('Tab');
      await expect(desk.getByLabel(`Số bản chính của giấy tờ ${i + 1}`, { exact: true })).toBeFocused();
      await kb.press('Tab');
      const certified = desk.getByLabel(`Số bản sao chứng thực của giấy tờ ${i + 1}`, { exact: true });
      await expect(certified).toBeFocused();
      // The identity card comes as a certified copy, not the plain copy the catalog lists.
      if (i === 1) {
        await kb.press('Control+A');
        await kb.type('1');
      }
      await kb.press('Tab');
      const copies = desk.getByLabel(`Số bản sao của giấy tờ ${i + 1}`, { exact: true });
      await expect(copies).toBeFocused();
      if (i === 1) {
        await kb.press('Control+A');
        await kb.type('0');
      }
    }
    await expect(desk.getByLabel('Số bản sao chứng thực của giấy tờ 2', { exact: true })).toHaveValue('1');
    await kb.press('Tab');
    const fee = desk.getByLabel('Phí, lệ phí thu (đồng)');
    await expect(fee).toBeFocused();
    await expect(fee).toHaveValue('15.000');
    // A fee is taken: how it was paid comes next, typed without diacritics like the procedure search.
    await kb.press('Tab');
    const method = desk.getByLabel('Phương thức nộp phí, lệ phí', { exact: true });
    await expect(method).toBeFocused();
    // Accepting without saying how the fee was paid stops at that field, which keeps the focus.
    await kb.press('Control+Enter');
    await expect(desk.getByText('Đã thu phí, lệ phí — vui lòng chọn phương thức nộp.')).toBeVisible();
    await expect(method).toBeFocused();
    await attachScreenshot(desk, testInfo, 'dossier-02a-fee-method-required');
    await kb.type('chuyen', { delay: 15 });
    await expect(openDropdown(desk).locator('.ant-select-item-option')).toHaveText(['Chuyển khoản']);
    await kb.press('Enter');
    await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await expect(desk.getByTestId('fee-payment-method')).toContainText('Chuyển khoản');
    await kb.press('Tab');
    await expect(desk.getByRole('radio', { name: 'Trực tiếp' })).toBeFocused();
    await kb.press('Tab');
    await expect(desk.getByRole('radio', { name: 'Tại bộ phận một cửa' })).toBeFocused();
    await kb.press('Tab');
    await expect(desk.getByLabel('Ghi chú')).toBeFocused();
    await kb.type('Người nộp xuất trình bản chính Thẻ căn cước để đối chiếu.');
    await attachScreenshot(desk, testInfo, 'dossier-02-intake-filled');
    await kb.press('Control+Enter');

    await expect(desk.getByTestId('intake-accepted')).toBeVisible();
    code = (await desk.getByTestId('dossier-code').innerText()).trim();
    expect(code).toMatch(/^H56\.101-\d{6}-\d{4,}$/);
    const appointment = (await desk.getByTestId('appointment').innerText()).trim();
    // "17 giờ 00 phút, Thứ Sáu, ngày 04/12/2026": hour, minute and date as on the receipt (§5.2).
    expect(appointment).toMatch(/^\d{2} giờ \d{2} phút, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ngày \d{2}\/\d{2}\/\d{4}$/);
    appointmentDate = appointment.slice(-10);
    await expect(desk.getByTestId('print-receipt')).toBeFocused();
    await attachScreenshot(desk, testInfo, 'dossier-03-intake-accepted');
  });

  await test.step('Enter prints the receipt (Mẫu 01): the PDF carries the code and the appointment', async () => {
    const href = await desk.getByTestId('print-receipt').getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/dossiers\/[0-9a-f-]{36}\/slips\/receipt$/);
    // An inline PDF opens in the viewer of the new tab; one sent as an attachment is reported as a download of the
    // desk page (Chromium closes the new tab). Either way the receipt of this dossier was asked for.
    const popupPromise = desk.context().waitForEvent('page');
    const downloadPromise = desk.waitForEvent('download');
    await desk.keyboard.press('Enter');
    const popup = await popupPromise;
    const opened = await Promise.race([downloadPromise.then((d) => d.url()), popup.waitForURL((url) => url.pathname.endsWith('/slips/receipt')).then(() => popup.url())]);
    expect(opened).toContain(href!);
    if (!popup.isClosed()) await popup.close();

    const res = await desk.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const file = testInfo.outputPath('receipt.pdf');
    fs.writeFileSync(file, await res.body());
    await testInfo.attach('receipt.pdf', { path: file, contentType: 'application/pdf' });
    const text = pdfText(file);
    expect(text).toContain(code);
    expect(text).toContain(appointmentDate);
    expect(text).toContain(applicantName);
    expect(text).toContain('Hình thức thu phí, lệ phí: Thu trước (đã thu 15.000 đồng)');
    expect(text).toContain('Phương thức nộp phí, lệ phí: Chuyển khoản');
    // The documents table read by position: the identity card's certified copy stands in its own column.
    const headers = ['TT', 'Bản chính', 'Bản sao chứng thực', 'Bản chụp'];
    const words = pdfWords(file);
    expect(numbersByColumn(words, headers, documents[0]!)).toEqual({ TT: '1', 'Bản chính': '1' });
    expect(numbersByColumn(words, headers, documents[1]!)).toEqual({ TT: '2', 'Bản sao chứng thực': '1' });
  });

  await test.step('the reception officer sends it on to the handling agency', async () => {
    await desk.getByRole('link', { name: 'Xem hồ sơ' }).click();
    await expect(desk.getByTestId('detail-code')).toContainText(code);
    await expect(desk.getByTestId('receiving-unit')).toHaveText('Trung tâm Phục vụ hành chính công phường Hạc Thành');
    await expect(desk.getByTestId('handling-unit')).toHaveText('Phường Hạc Thành');
    await expect(desk.getByTestId('status-tag').first()).toHaveText('Được tiếp nhận');
    await expect(desk.getByTestId('fee-payment-method')).toHaveText('Chuyển khoản');
    await expect(desk.getByText(`${documents[1]} (1 bản sao chứng thực)`)).toBeVisible();
    // The control slip (Mẫu 06) was numbered at reception: its number is on screen before anyone prints it.
    await expect(desk.getByTestId('slip-number-control')).toHaveText(/^Số: \d{2,}\/PKS-TTPVHCC$/);
    await attachScreenshot(desk, testInfo, 'dossier-04-detail-received');
    await act(desk, 'Chuyển bước tiếp theo', async (dialog) => {
      await expect(dialog).toContainText('Thẩm định hồ sơ');
      await dialog.getByLabel('Ghi chú').fill('Hồ sơ đầy đủ, chuyển thẩm định.');
    });
    await expect(desk.getByTestId('status-tag').first()).toHaveText('Đang xử lý');
    await expect(desk.getByTestId('holder')).toHaveText('Phường Hạc Thành — Chuyên viên xử lý');
  });

  // ---------------------------------------------------------------- handling
  const specialist = await officer(browser, 'chuyenvien.hacthanh', problems);
  await test.step('the specialist finds it on track in the queue', async () => {
    await openFromMyQueue(specialist, code, testInfo, 'dossier-05a-queue-mine-specialist-on-track');
    await expect(specialist.getByTestId('deadline-badge').first()).toHaveText('Trong hạn');
    await expect(specialist.getByTestId('at-risk-alert')).toHaveCount(0);
  });

  await test.step('working days pass while the specialist holds it: it is flagged at risk', async () => {
    // 1 day 4 h 20 min of working time: the specialist's day is spent and 11 h 40 min are left, less than the
    // leader's 1.5 days; still more than the one working day an apology letter needs before the due time.
    const moved = await admin.post('/api/v1/clock/advance', { headers: { 'x-csrf-token': adminCsrf }, data: { workingMinutes: WORKING_DAY + 260 } });
    expect(moved.status(), await moved.text()).toBe(200);
    // The at-risk sweep (a background job every 10 minutes) run now rather than waited for.
    const swept = await admin.post('/api/v1/dossiers/admin/sweep-at-risk', { headers: { 'x-csrf-token': adminCsrf }, data: { limit: 10000 } });
    expect(swept.status(), await swept.text()).toBe(200);
    expect(((await swept.json()) as { flagged: number }).flagged).toBeGreaterThanOrEqual(1);
  });

  await test.step('the specialist finds it in the queues, flagged at risk, and forwards it to the leader', async () => {
    await specialist.goto(`/admin/dossiers?queue=at-risk&q=${encodeURIComponent(code)}`);
    const atRiskRow = specialist.locator('.ant-table-row').filter({ hasText: code });
    await expect(atRiskRow).toBeVisible();
    await expect(atRiskRow.getByTestId('deadline-badge')).toHaveText('Có nguy cơ trễ hạn');
    await attachScreenshot(specialist, testInfo, 'dossier-05-queue-at-risk');
    await openFromMyQueue(specialist, code, testInfo, 'dossier-06-queue-mine-specialist-at-risk');
    await expect(specialist.getByTestId('at-risk-alert')).toBeVisible();
    await expect(specialist.getByTestId('deadline-badge').first()).toHaveText('Có nguy cơ trễ hạn');
    await expect(specialist.getByTestId('workflow-steps')).toContainText('Định mức: 1 ngày làm việc');
    await expect(specialist.getByTestId('current-holder')).toContainText('Đang giữ: Phường Hạc Thành — Chuyên viên xử lý');
    await attachScreenshot(specialist, testInfo, 'dossier-07-detail-specialist');
    await act(
      specialist,
      'Chuyển bước tiếp theo',
      async (dialog) => {
        await expect(dialog).toContainText('Phê duyệt kết quả');
        await dialog.getByLabel('Ghi chú').fill('Đã thẩm định, đủ điều kiện cấp.');
      },
      { testInfo, name: 'dossier-08-forward-dialog' },
    );
    await expect(specialist.getByTestId('detail-state')).toHaveText('Chờ lãnh đạo phê duyệt');
  });

  const leader = await officer(browser, 'lanhdao.hacthanh', problems);
  await test.step('the leader transfers it to a second agency for its opinion', async () => {
    await openFromMyQueue(leader, code, testInfo, 'dossier-09-queue-mine-leader');
    await expect(leader.getByTestId('at-risk-alert')).toBeVisible();
    await act(
      leader,
      'Chuyển liên thông',
      async (dialog) => {
        await chooseTreeNode(leader, dialog.getByRole('combobox', { name: 'Cơ quan phối hợp' }), 'So Tu phap', 'Sở Tư pháp');
        await dialog.getByLabel('Thời hạn của cơ quan phối hợp').fill('1');
        await dialog.getByLabel('Ghi chú').fill('Đề nghị Sở Tư pháp cho ý kiến về hồ sơ.');
      },
      { testInfo, name: 'dossier-10-transfer-dialog' },
    );
    await expect(leader.getByTestId('status-tag').first()).toHaveText('Đang xử lý');
    await expect(leader.getByTestId('detail-state')).toHaveText('Đang xử lý liên thông');
    await expect(leader.getByTestId('current-holder')).toContainText('Đang liên thông tại: Sở Tư pháp');
    await expect(leader.getByTestId('deadline-badge').first()).toHaveText('Tạm dừng tính thời hạn');
    await attachScreenshot(leader, testInfo, 'dossier-11-detail-interoperating');
  });

  const consulted = await officer(browser, 'chuyenvien.stp', problems);
  await test.step('the second agency answers and sends it back', async () => {
    await openFromMyQueue(consulted, code, testInfo, 'dossier-12-queue-mine-stp');
    await act(consulted, 'Trả lại sau liên thông', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Sở Tư pháp thống nhất với đề xuất.');
    });
    await expect(consulted.getByTestId('detail-state')).toHaveText('Chờ lãnh đạo phê duyệt');
    await expect(consulted.getByTestId('actions')).toContainText('Bạn không có thao tác nào');
  });

  await test.step('the leader issues the apology and extension letter (Mẫu 04) with a new date, then approves', async () => {
    await leader.reload();
    await expect(leader.getByTestId('detail-state')).toHaveText('Chờ lãnh đạo phê duyệt');
    await expect(leader.getByTestId('at-risk-alert')).toContainText('văn bản xin lỗi');
    await attachScreenshot(leader, testInfo, 'dossier-13-detail-at-risk');
    const due = (await leader.getByTestId('due-at').innerText()).trim();
    const [dd, mm, yyyy] = due.slice(-10).split('/').map(Number) as [number, number, number];
    // A week after the due day, at 16:00 (always after the due; the server checks the rest).
    const next = new Date(Date.UTC(yyyy, mm - 1, dd + 7));
    const newDate = `${String(next.getUTCDate()).padStart(2, '0')}/${String(next.getUTCMonth() + 1).padStart(2, '0')}/${next.getUTCFullYear()}`;

    await leader.getByTestId('action-apology').click();
    const dialog = await openedDialog(leader, 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu 04)');
    await dialog.getByLabel('Lý do chậm trả kết quả').fill('Phải lấy ý kiến của Sở Tư pháp nên chưa kịp trả kết quả đúng hẹn.');
    const picker = dialog.getByLabel('Ngày, giờ hẹn trả kết quả mới');
    await picker.click();
    await picker.fill(`${newDate} 16:00`);
    await attachScreenshot(leader, testInfo, 'dossier-14-apology-dialog');
    // Enter confirms the date and sends the letter (the dialog's form submits on Enter).
    await picker.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(leader.getByTestId('apology-issued')).toContainText(`16 giờ 00 phút`);
    await expect(leader.getByTestId('extended-due-at')).toContainText(newDate);
    await expect(leader.getByTestId('slip-apology')).toBeVisible();
    const apologyPdf = await leader.request.get((await leader.getByTestId('slip-apology').getAttribute('href'))!);
    expect(apologyPdf.status()).toBe(200);
    const apologyFile = testInfo.outputPath('apology.pdf');
    fs.writeFileSync(apologyFile, await apologyPdf.body());
    expect(pdfText(apologyFile)).toContain(newDate);
    await attachScreenshot(leader, testInfo, 'dossier-15-detail-apology');

    await act(leader, 'Phê duyệt', async (dialog2) => {
      await dialog2.getByLabel('Ghi chú').fill('Đồng ý cấp giấy xác nhận.');
    });
    await expect(leader.getByTestId('status-tag').first()).toHaveText('Đã xử lý xong');
    await expect(leader.getByTestId('holder')).toHaveText('Trung tâm Phục vụ hành chính công phường Hạc Thành — Cán bộ tiếp nhận');
  });

  await test.step('the desk returns the result to the applicant', async () => {
    await openFromMyQueue(desk, code, testInfo, 'dossier-16-queue-mine-desk');
    await act(
      desk,
      'Trả kết quả',
      async (dialog) => {
        await expect(dialog.getByRole('radio', { name: 'Tại bộ phận một cửa' })).toBeChecked();
        await expect(dialog.getByLabel('Người nhận kết quả')).toHaveValue(applicantName);
      },
      { testInfo, name: 'dossier-17-return-dialog' },
    );
    await expect(desk.getByTestId('status-tag').first()).toHaveText('Đã trả kết quả');
    await expect(desk.getByTestId('hops')).toContainText('Sở Tư pháp');
    await expect(desk.getByTestId('timeline')).toContainText('Đã trả kết quả');
    await attachScreenshot(desk, testInfo, 'dossier-18-detail-returned');

    const control = await desk.request.get((await desk.getByTestId('slip-control').getAttribute('href'))!);
    expect(control.status()).toBe(200);
    expect(control.headers()['content-type']).toContain('application/pdf');
  });

  // ---------------------------------------------------------------- public lookup
  await test.step('an anonymous visitor opens the QR link on a phone and sees each step', async () => {
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await visitor.newPage();
    // The unknown code answers 404 on purpose.
    watchConsole(phone, problems, (_text, url) => /\/lookup\/KHONG-CO/.test(url));
    await phone.goto(`/tra-cuu/${encodeURIComponent(code)}`);
    await expect(phone.getByTestId('lookup-code')).toHaveText(code);
    await expect(phone.getByTestId('lookup-status')).toHaveText('Đã trả kết quả');
    await expect(phone.getByTestId('lookup-applicant')).not.toContainText(applicantName);
    await expect(phone.getByTestId('lookup-extended')).toBeVisible();
    const timeline = phone.getByTestId('lookup-timeline');
    for (const text of ['tiếp nhận', 'chuyển liên thông', 'xin lỗi', 'phê duyệt', 'Đã trả kết quả']) await expect(timeline).toContainText(text);
    const body = await phone.locator('body').innerText();
    expect(body).not.toMatch(/undefined|dossiers\.|\{\{/);
    const overflow = await horizontalOverflow(phone);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await attachScreenshot(phone, testInfo, 'dossier-19-lookup-phone');

    await phone.goto('/tra-cuu/KHONG-CO-HO-SO-NAY');
    await expect(phone.getByTestId('lookup-not-found')).toContainText('Không tìm thấy hồ sơ có mã KHONG-CO-HO-SO-NAY');
    await attachScreenshot(phone, testInfo, 'dossier-20-lookup-unknown');
    await visitor.close();
  });

  expect(problems).toEqual([]);
});

// The server is shared by every journey: put its clock back whatever happened above.
resetClockAfterAll();
