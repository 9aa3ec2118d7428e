// Issue 14, first journey: the demo citizen files feedback about a procedure from the portal and is shown a similar
// answered item; the provincial office's reception officer classifies it and routes it to the ward; the ward's
// specialist drafts the answer, its leader approves it; it is published with the name masked and the citizen rates it.
// A second item, a complaint filed anonymously, is closed as out of scope with its reason and the law that applies.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/modules/demo-accounts';
import { chooseTreeNode } from '../support/antd';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { officer, watchConsole } from '../officer/dossier-support';

/** Runs one action of the feedback item page through its dialog (its OK button carries the action's label). */
async function act(page: Page, action: string, label: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.bringToFront();
  await page.getByTestId(`feedback-action-${action}`).click();
  // Titled with the item's code ("Chuyển phản ánh, kiến nghị PAKN-… đến đơn vị khác"); its OK button is the label.
  const dialog = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: label, exact: true }) });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-(enter|appear)/);
  await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function noOverflowAt390(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const o = await horizontalOverflow(page);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function citizenPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watchConsole(page, problems);
  return page;
}

test('a citizen files feedback, sees a similar answer, the office routes it, the ward answers, it is published masked and rated; a complaint is rerouted', async ({
  browser,
}, testInfo) => {
  const problems: string[] = [];
  const citizen = await citizenPage(browser, problems);
  let code = '';

  await test.step('the citizen signs in, opens the feedback page and is shown a similar answered item while typing', async () => {
    await citizen.goto('/dang-nhap?next=%2Fphan-anh-kien-nghi');
    await citizen.getByLabel('Thư điện tử hoặc số điện thoại').fill('citizen@example.vn');
    await citizen.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await citizen.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect(citizen.getByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị về quy định hành chính' })).toBeVisible();
    await expect(citizen.getByTestId('public-feedback-list')).toContainText('Yêu cầu bản chính giấy chứng sinh khi đăng ký khai sinh trực tuyến');
    await citizen.getByTestId('feedback-file-link').click();
    await expect(citizen.getByTestId('feedback-form')).toBeVisible();
    await citizen.getByLabel('Tiêu đề').fill('Đăng ký khai sinh trực tuyến vẫn phải nộp bản chính giấy chứng sinh');
    await citizen
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill('Tôi đăng ký khai sinh trực tuyến cho con nhưng bộ phận một cửa vẫn yêu cầu mang bản chính giấy chứng sinh đến nộp. Đề nghị cho nộp bản điện tử.');
    const similar = citizen.getByTestId('similar-feedback');
    await expect(similar).toContainText('Đã có phản ánh tương tự');
    await expect(similar).toContainText('Yêu cầu bản chính giấy chứng sinh khi đăng ký khai sinh trực tuyến');
    await attachScreenshot(citizen, testInfo, 'feedback-01-similar');
  });

  await test.step('the citizen files it about the birth registration procedure and reads the receipt', async () => {
    const procedure = citizen.getByLabel('Thủ tục hành chính liên quan (nếu có)');
    await procedure.click();
    await procedure.pressSequentially('khai sinh', { delay: 10 });
    await citizen.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '1.001193 ·' }).first().click();
    await citizen.getByTestId('feedback-submit').click();
    const receipt = citizen.getByTestId('feedback-receipt');
    await expect(receipt).toBeVisible();
    code = (await citizen.getByTestId('feedback-code').innerText()).trim();
    expect(code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    // Every ward carries the procedure out: it goes to the provincial office first (the demo's default unit).
    await expect(citizen.getByTestId('feedback-unit')).toContainText('Văn phòng Ủy ban nhân dân tỉnh');
    await expect(citizen.getByTestId('feedback-due')).toContainText('ngày');
    // Filed by the account: no secret key to keep.
    await expect(citizen.getByTestId('feedback-secret')).toHaveCount(0);
    await attachScreenshot(citizen, testInfo, 'feedback-02-receipt');
  });

  const office = await officer(browser, 'kiemsoat.vp', problems);
  await test.step('the provincial office finds it in its queue, classifies it and transfers it to the ward with the reason', async () => {
    await office.goto('/admin/feedback');
    const row = office.getByTestId('feedback-queue').locator('.ant-table-row').filter({ hasText: code });
    await expect(row).toBeVisible();
    await row.getByTestId('feedback-open').click();
    await expect(office.getByRole('heading', { level: 1, name: code })).toBeVisible();
    await expect(office.getByTestId('feedback-state')).toHaveText('Mới tiếp nhận');
    await act(office, 'classify', 'Phân loại', async (d) => {
      await d.getByLabel('Phản ánh, kiến nghị về quy định hành chính', { exact: true }).check();
    });
    await expect(office.getByTestId('feedback-state')).toHaveText('Đang xử lý');
    await act(office, 'transfer', 'Chuyển đơn vị', async (d) => {
      await chooseTreeNode(office, d.getByTestId('feedback-transfer-unit').locator('input'), 'Hạc Thành', 'Phường Hạc Thành');
      await d.getByLabel('Lý do').fill('Thủ tục do phường thực hiện; phản ánh về bộ phận một cửa phường Hạc Thành.');
    });
    await expect(office.getByTestId('feedback-unit')).toContainText('Phường Hạc Thành');
    await expect(office.getByTestId('feedback-history')).toContainText('Phường Hạc Thành');
    await attachScreenshot(office, testInfo, 'feedback-03-transferred');
  });

  const itemPath = new URL(office.url()).pathname;
  const specialist = await officer(browser, 'chuyenvien.hacthanh', problems);
  await test.step('the ward specialist drafts the answer', async () => {
    await specialist.goto(itemPath);
    await expect(specialist.getByRole('heading', { level: 1, name: code })).toBeVisible();
    await act(specialist, 'draft-answer', 'Dự thảo trả lời', async (d) => {
      await d
        .getByLabel('Nội dung trả lời')
        .fill(
          'Ông Nguyễn Văn An thân mến: theo Nghị định 87/2020/NĐ-CP, khi đăng ký khai sinh trực tuyến ông nộp bản điện tử giấy chứng sinh; bản chính chỉ xuất trình khi nhận kết quả. Liên hệ 0987 654 321 nếu cần hỗ trợ.',
        );
    });
    await expect(specialist.getByTestId('feedback-state')).toHaveText('Chờ lãnh đạo phê duyệt trả lời');
  });

  const leader = await officer(browser, 'lanhdao.hacthanh', problems);
  await test.step('the ward leader approves it: sent and published', async () => {
    await leader.goto(itemPath);
    await act(leader, 'approve', 'Phê duyệt', async () => {});
    await expect(leader.getByTestId('feedback-state')).toHaveText('Đã trả lời');
    await expect(leader.getByTestId('feedback-answer')).toContainText('Nghị định 87/2020/NĐ-CP');
    await attachScreenshot(leader, testInfo, 'feedback-04-approved');
  });

  await test.step('the public page shows the answer with the name and phone masked', async () => {
    const visitor = await citizenPage(browser, problems);
    await visitor.goto(`/phan-anh-kien-nghi/cong-khai/${code}`);
    const answer = visitor.getByTestId('public-feedback-answer');
    await expect(answer).toContainText('Nghị định 87/2020/NĐ-CP');
    await expect(answer).toContainText('N.V.A.');
    await expect(visitor.locator('main')).not.toContainText('Nguyễn Văn An');
    await expect(visitor.locator('main')).not.toContainText('0987 654 321');
    await expectNoSeriousA11yViolations(visitor, testInfo, 'feedback-public-answer');
    await noOverflowAt390(visitor);
    await visitor.context().close();
  });

  await test.step('the citizen reads the answer on their page and rates it satisfied', async () => {
    await citizen.goto('/phan-anh-kien-nghi/cua-toi');
    await citizen.getByTestId('my-feedback').filter({ hasText: code }).getByTestId('my-feedback-link').click();
    await expect(citizen.getByTestId('sender-feedback-state')).toHaveText('Đã trả lời');
    await expect(citizen.getByTestId('sender-feedback-history')).toContainText('Phường Hạc Thành');
    const form = citizen.getByTestId('feedback-rating-form');
    // Button-style radios: the visible label takes the click.
    await form
      .locator('label')
      .filter({ hasText: /^Hài lòng$/ })
      .click();
    await expect(form.getByLabel('Hài lòng', { exact: true })).toBeChecked();
    await citizen.getByTestId('feedback-rating-submit').click();
    await expect(citizen.getByTestId('feedback-rating-done')).toBeVisible();
    await attachScreenshot(citizen, testInfo, 'feedback-05-rated');
  });

  let complaintCode = '';
  let senderLink = '';
  await test.step('a visitor files a complaint anonymously and keeps the secret key', async () => {
    const visitor = await citizenPage(browser, problems);
    await visitor.goto('/phan-anh-kien-nghi/gui');
    await visitor.getByLabel('Tiêu đề').fill('Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng');
    await visitor
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill('Gia đình tôi bị phường xử phạt vì xây dựng sai phép nhưng chúng tôi đã có giấy phép. Đề nghị hủy quyết định xử phạt này.');
    await visitor.getByLabel('Họ và tên').fill('Trịnh Văn Khải');
    await visitor.getByLabel('Số điện thoại').fill('0911 222 444');
    await visitor.getByTestId('feedback-submit').click();
    await expect(visitor.getByTestId('feedback-receipt')).toBeVisible();
    complaintCode = (await visitor.getByTestId('feedback-code').innerText()).trim();
    await expect(visitor.getByTestId('feedback-secret')).toBeVisible();
    senderLink = (await visitor.getByTestId('feedback-sender-link').getAttribute('href'))!;
    expect(senderLink).toContain('?khoa=');
    await visitor.context().close();
  });

  await test.step('the provincial office closes it as out of scope, with the reason and the law that applies', async () => {
    await office.goto('/admin/feedback');
    await office.getByTestId('feedback-queue').locator('.ant-table-row').filter({ hasText: complaintCode }).getByTestId('feedback-open').click();
    await act(office, 'close-out-of-scope', 'Ngoài phạm vi (khiếu nại, tố cáo)', async (d) => {
      await d.getByLabel('Khiếu nại — giải quyết theo Luật Khiếu nại năm 2011', { exact: true }).check();
      await d.getByLabel('Lý do').fill('Nội dung là khiếu nại quyết định xử phạt vi phạm hành chính, không phải phản ánh về quy định hành chính.');
    });
    await expect(office.getByTestId('feedback-state')).toHaveText('Không thuộc phạm vi phản ánh, kiến nghị');
    await expect(office.getByTestId('feedback-out-of-scope')).toContainText('Luật Khiếu nại');
  });

  await test.step('the sender opens the link with the key and reads the reason and where to turn', async () => {
    const visitor = await citizenPage(browser, problems);
    await visitor.goto(senderLink);
    await expect(visitor.getByTestId('sender-feedback-state')).toHaveText('Không thuộc phạm vi phản ánh, kiến nghị');
    const outOfScope = visitor.getByTestId('sender-feedback-out-of-scope');
    await expect(outOfScope).toContainText('không phải phản ánh về quy định hành chính');
    await expect(outOfScope).toContainText('Luật Khiếu nại');
    await attachScreenshot(visitor, testInfo, 'feedback-06-out-of-scope');
    await visitor.context().close();
  });

  expect(problems).toEqual([]);
});
