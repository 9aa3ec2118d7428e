import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { attachScreenshot } from '../support/screens';
import { act, apiLogin, officer, watchConsole } from './dossier-support';

/** The paper declaration of "Thủ tục đăng ký giám hộ" as its catalog entry names it (one of the paper form or the e-form). */
async function paperForm(request: APIRequestContext): Promise<{ name: string; originals: number; copies: number }> {
  const procedure = (await (await request.get('/api/v1/catalog/procedures/1.004837')).json()) as { requiredDocuments: Array<{ name: string; group: string | null }> };
  const form = procedure.requiredDocuments.find((d) => d.group === 'form' && !/điện tử/.test(d.name));
  expect(form, 'paper form of 1.004837').toBeTruthy();
  return { name: form!.name, originals: 1, copies: 0 };
}

/** The text of a PDF the journey fetched (poppler's pdftotext), kept with the test's output. */
function pdfText(testInfo: TestInfo, name: string, body: Buffer): string {
  const file = testInfo.outputPath(name);
  fs.writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** A signed-in officer's page on the dossier. */
async function officerOn(browser: Browser, login: string, id: string, problems: string[]): Promise<Page> {
  const page = await officer(browser, login, problems);
  await page.goto(`/admin/dossiers/${id}`);
  await expect(page.getByTestId('detail-code')).toBeVisible();
  return page;
}

/** Receives a dossier of "Thủ tục đăng ký giám hộ" (3 working days) at the ward's desk through the API. */
async function receive(request: APIRequestContext, csrf: string, name: string): Promise<{ id: string; code: string }> {
  const wards = (await (await request.get('/api/v1/identity/org-units', { params: { q: 'Hac Thanh', kind: 'commune' } })).json()) as { items: Array<{ id: string; name: string }> };
  const res = await request.post('/api/v1/dossiers/intake', {
    headers: { 'x-csrf-token': csrf },
    data: {
      procedureCode: '1.004837',
      handlingUnitId: wards.items.find((u) => u.name === 'Phường Hạc Thành')!.id,
      channel: 'direct',
      applicant: { kind: 'person', name, idNumber: '038080005555', email: 'giamho@example.vn' },
      // Issue 9 item 7: an empty dossier is refused; the paper form of the guardianship procedure is handed in.
      checklist: [await paperForm(request)],
      decision: 'accept',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { dossier: { id: string; code: string } }).dossier;
}

test('supplement, financial obligation, sending back, stopping and withdrawing, each through its dialog', async ({ browser }, testInfo) => {
  const problems: string[] = [];
  const deskContext = await browser.newContext();
  const csrf = await apiLogin(deskContext.request, 'tiepnhan.hacthanh');
  const dossier = await receive(deskContext.request, csrf, 'Đỗ Văn Giám Hộ');

  const desk = await deskContext.newPage();
  watchConsole(desk, problems);
  await desk.goto(`/admin/dossiers/${dossier.id}`);
  await act(desk, 'Chuyển bước tiếp theo');

  const specialist = await officerOn(browser, 'chuyenvien.hacthanh', dossier.id, problems);
  await test.step('the specialist asks for a supplement; the desk receives it and the clock runs again', async () => {
    await act(
      specialist,
      'Yêu cầu bổ sung hồ sơ',
      async (dialog) => {
        await dialog.getByLabel('Giấy tờ cần bổ sung').fill('Giấy tờ chứng minh quan hệ giám hộ\nBản sao giấy khai sinh của người được giám hộ');
        await dialog.getByLabel('Lý do').fill('Chưa có giấy tờ chứng minh điều kiện làm người giám hộ.');
      },
      { testInfo, name: 'dossier-actions-01-supplement-dialog' },
    );
    await expect(specialist.getByTestId('status-tag').first()).toHaveText('Yêu cầu bổ sung giấy tờ');
    await expect(specialist.getByTestId('deadline-badge').first()).toHaveText('Tạm dừng tính thời hạn');
    await expect(specialist.getByTestId('slip-supplement-request')).toBeVisible();
    // Numbered when it was asked for (D14): on screen before anyone prints it, and the PDF prints the same number.
    const number = specialist.getByTestId('slip-number-supplement-request');
    await expect(number).toHaveText(/^Số: \d{2,}\/PBS-TTPVHCC$/);
    await attachScreenshot(specialist, testInfo, 'dossier-actions-02-supplement-requested');
    const slip = await specialist.request.get((await specialist.getByTestId('slip-supplement-request').getAttribute('href'))!);
    expect(slip.status()).toBe(200);
    expect(pdfText(testInfo, 'mau-02.pdf', await slip.body())).toContain(await number.innerText());

    await desk.reload();
    await act(desk, 'Tiếp nhận hồ sơ bổ sung', async (dialog) => {
      await dialog.getByLabel('Ghi chú').fill('Người nộp đã bổ sung đủ giấy tờ.');
    });
    await expect(desk.getByTestId('status-tag').first()).toHaveText('Đang xử lý');
    await expect(desk.getByTestId('holder')).toContainText('Chuyên viên xử lý');
  });

  await test.step('the specialist asks for the financial obligation and confirms it', async () => {
    await specialist.reload();
    await act(specialist, 'Yêu cầu thực hiện nghĩa vụ tài chính', async (dialog) => {
      await dialog.getByLabel('Số tiền (nếu đã xác định)').fill('50000');
      await dialog.getByLabel('Nội dung nghĩa vụ tài chính').fill('Nộp lệ phí đăng ký giám hộ.');
    });
    await expect(specialist.getByTestId('status-tag').first()).toHaveText('Yêu cầu thực hiện nghĩa vụ tài chính');
    await attachScreenshot(specialist, testInfo, 'dossier-actions-03-awaiting-payment');
    await act(specialist, 'Xác nhận đã thực hiện nghĩa vụ tài chính');
    await expect(specialist.getByTestId('status-tag').first()).toHaveText('Đang xử lý');
    await act(specialist, 'Chuyển bước tiếp theo');
    await expect(specialist.getByTestId('detail-state')).toHaveText('Chờ lãnh đạo phê duyệt');
  });

  const leader = await officerOn(browser, 'lanhdao.hacthanh', dossier.id, problems);
  await test.step('the leader sends it back to the specialist, then stops it (Mẫu 05)', async () => {
    await act(
      leader,
      'Chuyển lại bước trước',
      async (dialog) => {
        await expect(dialog.getByRole('combobox', { name: 'Chuyển lại bước' })).toBeVisible();
        await expect(dialog).toContainText('2. Thẩm định hồ sơ — Phường Hạc Thành');
        await dialog.getByLabel('Lý do chuyển lại').fill('Cần xác minh thêm nơi cư trú của người được giám hộ.');
      },
      { testInfo, name: 'dossier-actions-04-return-dialog' },
    );
    await expect(leader.getByTestId('detail-state')).toHaveText('Đang thẩm định, xử lý');
    await expect(leader.getByTestId('timeline')).toContainText('Cần xác minh thêm nơi cư trú');

    await act(leader, 'Dừng giải quyết', async (dialog) => {
      await dialog.getByLabel('Lý do dừng giải quyết').fill('Người yêu cầu đề nghị dừng giải quyết để bổ sung hồ sơ khác.');
    });
    await expect(leader.getByTestId('status-tag').first()).toHaveText('Dừng xử lý');
    await expect(leader.getByTestId('deadline-badge').first()).toHaveText('Đã kết thúc');
    await expect(leader.getByTestId('slip-stop-notice')).toBeVisible();
    // The stop notice (Mẫu 05) is the ward's people's committee's, numbered when the dossier was stopped.
    const number = leader.getByTestId('slip-number-stop-notice');
    await expect(number).toHaveText(/^Số: \d{2,}\/TB-UBND$/);
    const notice = await leader.request.get((await leader.getByTestId('slip-stop-notice').getAttribute('href'))!);
    expect(notice.status()).toBe(200);
    expect(pdfText(testInfo, 'mau-05.pdf', await notice.body())).toContain(await number.innerText());
    await expect(leader.getByTestId('actions')).toContainText('Bạn không có thao tác nào');
    await attachScreenshot(leader, testInfo, 'dossier-actions-05-stopped');
  });

  await test.step('the desk withdraws another dossier at the applicant’s request', async () => {
    const other = await receive(deskContext.request, csrf, 'Vũ Thị Rút Hồ Sơ');
    await desk.goto(`/admin/dossiers/${other.id}`);
    await act(desk, 'Rút hồ sơ theo đề nghị', async (dialog) => {
      await dialog.getByLabel('Lý do rút hồ sơ').fill('Người nộp có đơn xin rút hồ sơ.');
    });
    await expect(desk.getByTestId('status-tag').first()).toHaveText('Công dân yêu cầu rút hồ sơ');
    await attachScreenshot(desk, testInfo, 'dossier-actions-06-withdrawn');

    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(`/tra-cuu/${encodeURIComponent(other.code)}`);
    await expect(page.getByTestId('lookup-status')).toHaveText('Công dân yêu cầu rút hồ sơ');
    await visitor.close();
  });

  expect(problems).toEqual([]);
});
