import { expect, test, type APIRequestContext } from '@playwright/test';
import { chooseOption, chooseTreeNode, expectToast } from '../support/antd';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { attachScreenshot } from '../support/screens';
import { apiLogin, officer, openedDialog, resetClockAfterAll, watchConsole } from './dossier-support';

// Issue 14, "Done when": a dialogue session is scheduled, collects questions from the public and from a feedback item,
// records minutes and answers; a commitment appears with its deadline, becomes overdue when the clock moves on, and is
// completed.
// Sở Tư pháp organises it: its specialist (chuyenvien.stp) runs the session (dialogues.manage needs a specialist or
// leader of the organising unit) and its leader (lanhdao.stp) carries out the commitment owed by the Sở
// (dialogues.commitments.update: a specialist or leader of the owner unit). The server's adjustable clock is set to a
// Monday morning, so the session can start that afternoon and the commitment's working days are counted over a known
// week; the due is computed here from the published calendar, independently of the server's arithmetic.

const suffix = Date.now().toString(36).toUpperCase();
const sessionTitle = `Đối thoại về cấp Phiếu lý lịch tư pháp trực tuyến ${suffix}`;
const askerName = 'Trần Thị Hồng Nhung';
const askerEmail = 'hong.nhung@example.vn';
const questionText = `Khi nào người dân được nhận Phiếu lý lịch tư pháp bản điện tử trên ứng dụng VNeID mà không phải đến Sở (${suffix})?`;
const answerText = 'Sở Tư pháp đang hoàn thiện kết nối với Cổng dịch vụ công quốc gia; Phiếu bản điện tử sẽ được trả qua VNeID cho hồ sơ nộp trực tuyến.';
const commitmentText = `Trả Phiếu lý lịch tư pháp bản điện tử qua VNeID cho hồ sơ nộp trực tuyến (${suffix}).`;
/** The feedback item of the demo (feedback.seed.ts): a letter to Sở Tư pháp in progress with its specialist. */
const feedbackTitle = 'Đề nghị cấp Phiếu lý lịch tư pháp qua dịch vụ bưu chính công ích';
const feedbackSender = 'Hoàng Minh Đức';
const COMMITMENT_DAYS = 3;

type Period = { start: string; end: string };
type WeeklyHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Period[]>;
type CalendarEntry = { date: string; type: 'day-off' | 'make-up'; periods: Period[] | null };

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday, 1 = Monday … 7 = Sunday. */
const weekdayOf = (date: string): keyof WeeklyHours => String(((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as keyof WeeklyHours;
/** `YYYY-MM-DD` as the pages write it. */
const dmy = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** Sets the server's adjustable clock (Hà Nội time). */
async function setClock(admin: APIRequestContext, csrf: string, at: string): Promise<void> {
  const res = await admin.post('/api/v1/clock/set', { headers: { 'x-csrf-token': csrf }, data: { at: `${at}:00+07:00` } });
  expect(res.status(), await res.text()).toBe(200);
}

test('a dialogue session: scheduled, questions from the public and a feedback item, minutes, an answer with a commitment that falls overdue and is completed', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const problems: string[] = [];

  // ---------------------------------------------------------------- the week the journey happens in
  const setter = await playwright.request.newContext({ baseURL });
  const setterCsrf = await apiLogin(setter, 'admin');
  const status = (await (await setter.get('/api/v1/calendar/status')).json()) as { today: string; lastPublishedYear: number };
  const year = status.lastPublishedYear;
  const calendar = (await (await setter.get(`/api/v1/calendar/admin/years/${year}`)).json()) as { published: { entries: CalendarEntry[] } };
  const entries = new Map(calendar.published.entries.map((e) => [e.date, e]));
  // The commitment is counted on its owner unit's calendar: Sở Tư pháp's own office hours if it has some, else the province's.
  const units = (await (await setter.get('/api/v1/identity/org-units', { params: { q: 'Tu phap' } })).json()) as { items: Array<{ name: string; code: string }> };
  const stpCode = units.items.find((u) => u.name === 'Sở Tư pháp')!.code;
  const unitHours = (await (await setter.get('/api/v1/calendar/admin/unit-hours')).json()) as { items: Array<{ orgUnitCode: string; weeklyHours: WeeklyHours }> };
  const provinceHours = (await (await setter.get('/api/v1/calendar/admin/office-hours')).json()) as { weeklyHours: WeeklyHours };
  const hours = unitHours.items.find((u) => u.orgUnitCode === stpCode)?.weeklyHours ?? provinceHours.weeklyHours;
  /** Whole working days only (a make-up Saturday or a half day would need the periods counted): such weeks are not chosen. */
  const unusual = (date: string) => entries.get(date)?.type === 'make-up' || (entries.get(date)?.periods ?? null) !== null;
  const working = (date: string) => hours[weekdayOf(date)].length > 0 && entries.get(date)?.type !== 'day-off';
  // A Monday of the last published year with a fortnight of whole working days after it: the next one after today,
  // or (late in December) the latest one before today — the clock may be set back as well as forward.
  const mondays: string[] = [];
  for (let d = `${year}-01-01`; addDays(d, 13) <= `${year}-12-31`; d = addDays(d, 1)) if (weekdayOf(d) === '1') mondays.push(d);
  const monday = [...mondays.filter((m) => m > status.today), ...mondays.filter((m) => m <= status.today).reverse()].find(
    (m) => working(m) && ![...Array(14).keys()].some((i) => unusual(addDays(m, i))),
  );
  expect(monday, `a Monday of ${year} with whole working days after it`).toBeTruthy();
  const day = monday!;
  const closing = (date: string) => hours[weekdayOf(date)].at(-1)!.end;
  // The answers are written up at 18:30, after office hours: the commitment's clock starts with the next working period
  // (§19.4) and its working days end at the close of office hours of the last one, skipping weekends and days off.
  expect(closing(day) <= '18:30', `office hours of Monday end by 18:30 (${closing(day)})`).toBe(true);
  let dueDate = day;
  for (let counted = 0; counted < COMMITMENT_DAYS;) {
    dueDate = addDays(dueDate, 1);
    if (working(dueDate)) counted += 1;
  }
  const expectedDue = `${dmy(dueDate)} ${closing(dueDate)}`;

  await setClock(setter, setterCsrf, `${day}T08:00`);
  await setter.dispose();
  // Sessions follow the clock: everyone signs in after it was set.
  const admin = await playwright.request.newContext({ baseURL });
  const adminCsrf = await apiLogin(admin, 'admin');
  const organiser = await officer(browser, 'chuyenvien.stp', problems);
  const owner = await officer(browser, 'lanhdao.stp', problems);
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  watchConsole(visitor, problems);

  // The demo's feedback item, as the organiser finds it in the Sở's queue.
  const queue = (await (await organiser.context().request.get('/api/v1/feedback/queue', { params: { q: 'buu chinh cong ich', pageSize: 50 } })).json()) as {
    items: Array<{ code: string; title: string }>;
  };
  const feedbackCode = queue.items.find((i) => i.title === feedbackTitle)?.code;
  expect(feedbackCode, 'the demo feedback item in the organiser queue').toBeTruthy();

  let sessionId = '';
  await test.step('the organiser schedules the session for this afternoon and announces it', async () => {
    await organiser.goto('/admin/dialogues');
    await expect(organiser.getByRole('heading', { name: 'Buổi đối thoại', exact: true })).toBeVisible();
    await organiser.getByTestId('dialogues-create').click();
    const dialog = await openedDialog(organiser, 'Tạo buổi đối thoại');
    await dialog.getByLabel('Tên buổi đối thoại').fill(sessionTitle);
    await chooseOption(organiser, dialog.getByLabel('Cấp đối thoại'), 'Cấp sở, ngành');
    await chooseTreeNode(organiser, dialog.getByLabel('Đơn vị tổ chức'), 'Tu phap', 'Sở Tư pháp');
    await dialog.getByLabel('Người chủ trì', { exact: true }).fill('Nguyễn Văn Tuấn');
    await dialog.getByLabel('Chức vụ người chủ trì').fill('Giám đốc Sở Tư pháp');
    await dialog.getByLabel('Địa điểm').fill('Hội trường Sở Tư pháp, 11 Hạc Thành');
    await dialog.getByLabel('Nội dung, mục đích').fill('Trao đổi với người dân về cấp Phiếu lý lịch tư pháp trực tuyến và bản điện tử.');
    const startsAt = dialog.getByLabel('Thời gian bắt đầu');
    await startsAt.click();
    await startsAt.fill(`${dmy(day)} 14:00`);
    await organiser.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    await expect(startsAt).toHaveValue(`${dmy(day)} 14:00`);
    await attachScreenshot(organiser, testInfo, 'dialogue-01-schedule', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectToast(organiser, 'Đã tạo buổi đối thoại (đang chuẩn bị).');
    await expect(organiser).toHaveURL(/\/admin\/dialogues\/[0-9a-f-]{36}$/);
    sessionId = organiser.url().split('/').at(-1)!;
    // The page also holds the (closed) edit form, whose fields reuse these test ids: read the heading and the facts.
    await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(sessionTitle);
    await expect(organiser.getByTestId('session-state')).toHaveText('Đang chuẩn bị');
    await expect(organiser.getByTestId('session-facts').getByTestId('session-starts-at')).toHaveText(`${dmy(day)} 14:00`);

    await organiser.getByTestId('session-announce').click();
    const confirm = organiser.locator('.ant-popconfirm:visible');
    await expect(confirm).toContainText('Thông báo công khai buổi đối thoại?');
    await confirm.getByRole('button', { name: 'Đồng ý' }).click();
    await expectToast(organiser, 'Đã thông báo buổi đối thoại.');
    await expect(organiser.getByTestId('session-state')).toHaveText('Đã thông báo');
    await expect(organiser.getByText('Đang nhận câu hỏi', { exact: true })).toBeVisible();
    // The minutes wait for the start, by the server's clock.
    await expect(organiser.getByTestId('session-minutes-edit')).toHaveCount(0);
    await expect(organiser.getByTestId('session-minutes')).toContainText(`Ghi được biên bản từ khi buổi đối thoại bắt đầu (${dmy(day)} 14:00).`);
  });

  await test.step('a visitor finds the session on the portal and sends a question with a name and an e-mail', async () => {
    await visitor.goto('/doi-thoai');
    const upcoming = visitor.getByTestId('public-sessions-upcoming');
    const card = upcoming.getByTestId(`public-session-${sessionId}`);
    await expect(card).toContainText(sessionTitle);
    await expect(card).toContainText('Đang nhận câu hỏi');
    await expect(card).toContainText(`${dmy(day)} 14:00`);
    await attachScreenshot(visitor, testInfo, 'dialogue-02-public-list');
    await card.getByRole('link', { name: sessionTitle }).click();
    await expect(visitor).toHaveURL(new RegExp(`/doi-thoai/${sessionId}$`));
    await expect(visitor.getByTestId('public-session-title')).toHaveText(sessionTitle);
    await expect(visitor.getByTestId('public-session-state')).toHaveText('Đã thông báo');

    const form = visitor.getByTestId('ask-form');
    await form.getByLabel('Câu hỏi', { exact: true }).fill(questionText);
    await form.getByLabel('Họ và tên').fill(askerName);
    await form.getByLabel('Thư điện tử').fill(askerEmail);
    await form.getByRole('button', { name: 'Gửi câu hỏi' }).click();
    await expect(visitor.getByTestId('ask-sent')).toHaveText('Câu hỏi đã được gửi. Ban tổ chức sẽ xem xét trước buổi đối thoại và báo cho bạn.');
    // Not public until the organisers accept it.
    await expect(visitor.getByTestId('public-session-questions')).toContainText('Chưa có câu hỏi nào được nhận.');
    await attachScreenshot(visitor, testInfo, 'dialogue-03-public-question-sent');
  });

  // Looked up for its test ids: the question the visitor sent, as the organisers see it.
  const organiserApi = organiser.context().request;
  const sessionDetail = async () =>
    (await (await organiserApi.get(`/api/v1/dialogues/sessions/${sessionId}`)).json()) as {
      questions: Array<{ id: string; text: string; source: string }>;
      commitments: Array<{ id: string; text: string }>;
    };
  const publicQuestionId = (await sessionDetail()).questions.find((q) => q.text === questionText)?.id ?? '';
  expect(publicQuestionId, 'the visitor question reached the session').not.toBe('');

  await test.step('the organiser accepts the question and takes one from a feedback item by its code', async () => {
    await organiser.reload();
    await expect(organiser.getByTestId('session-pending')).toHaveText('1 câu hỏi chờ xem xét');
    const card = organiser.getByTestId(`question-${publicQuestionId}`);
    await expect(card).toContainText(`${askerName} (T.T.H.N.)`);
    await expect(card).toContainText('Người dân gửi');
    await expect(organiser.getByTestId(`question-state-${publicQuestionId}`)).toHaveText('Chờ xem xét');
    await organiser.getByTestId(`question-accept-${publicQuestionId}`).click();
    await expectToast(organiser, 'Đã nhận câu hỏi.');
    await expect(organiser.getByTestId(`question-state-${publicQuestionId}`)).toHaveText('Đã nhận');
    await expect(organiser.getByTestId('session-pending')).toHaveCount(0);

    await organiser.getByTestId('session-from-feedback').click();
    const dialog = await openedDialog(organiser, 'Lấy câu hỏi từ phản ánh, kiến nghị');
    await dialog.getByLabel('Mã phản ánh, kiến nghị').fill(feedbackCode!);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expectToast(organiser, 'Đã thêm câu hỏi.');
    const fromFeedback = organiser
      .getByTestId('session-questions')
      .locator('[data-testid^="question-"][data-state]')
      .filter({ hasText: `Từ phản ánh, kiến nghị ${feedbackCode}` });
    await expect(fromFeedback).toHaveAttribute('data-state', 'ACCEPTED');
    await expect(fromFeedback).toContainText(`${feedbackSender} (H.M.Đ.)`);
    await expect(fromFeedback).toContainText(feedbackTitle);
    await attachScreenshot(organiser, testInfo, 'dialogue-04-admin-questions');
  });

  await test.step('after the start the organiser records the agenda and the minutes: the session is held', async () => {
    await setClock(admin, adminCsrf, `${day}T14:30`);
    await organiser.reload();
    await expect(organiser.getByTestId('session-state')).toHaveText('Đã thông báo');
    await organiser.getByTestId('session-agenda-edit').click();
    const agenda = await openedDialog(organiser, 'Ghi chương trình');
    await agenda.getByLabel('Chương trình', { exact: true }).fill('1. Khai mạc.\n2. Sở Tư pháp báo cáo.\n3. Người dân hỏi, Sở trả lời.\n4. Kết luận.');
    await agenda.getByRole('button', { name: 'Lưu' }).click();
    await expect(agenda).toBeHidden();
    await expect(organiser.getByTestId('session-agenda')).toContainText('Sở Tư pháp báo cáo.');

    await organiser.getByTestId('session-minutes-edit').click();
    const minutes = await openedDialog(organiser, 'Ghi biên bản');
    await expect(minutes).toContainText('Lần ghi đầu tiên xác nhận buổi đối thoại đã được tổ chức.');
    await minutes
      .getByLabel('Biên bản', { exact: true })
      .fill('Buổi đối thoại diễn ra từ 14:00 với 60 người dân dự; người dân nêu hai câu hỏi về Phiếu lý lịch tư pháp, Sở trả lời và nhận cam kết.');
    await minutes.getByRole('button', { name: 'Lưu' }).click();
    await expect(minutes).toBeHidden();
    await expect(organiser.getByTestId('session-state')).toHaveText('Đã tổ chức');
    await expect(organiser.getByTestId('session-minutes')).toContainText('người dân nêu hai câu hỏi');
  });

  let commitmentId = '';
  await test.step('in the evening the organiser records the answer with a commitment of Sở Tư pháp in working days', async () => {
    await setClock(admin, adminCsrf, `${day}T18:30`);
    await organiser.reload();
    await organiser.getByTestId(`question-answer-button-${publicQuestionId}`).click();
    const dialog = await openedDialog(organiser, 'Trả lời câu hỏi');
    await expect(dialog).toContainText(`Người hỏi: ${askerName}`);
    await dialog.getByLabel('Nội dung trả lời').fill(answerText);
    await dialog.getByRole('button', { name: 'Thêm cam kết' }).click();
    const commitment = dialog.getByTestId('commitment-0');
    await chooseTreeNode(organiser, commitment.getByLabel('Đơn vị thực hiện'), 'Tu phap', 'Sở Tư pháp');
    await commitment.getByLabel('Nội dung cam kết').fill(commitmentText);
    await expect(commitment.getByRole('radio', { name: 'Tính theo ngày làm việc' })).toBeChecked();
    await commitment.getByLabel('Số ngày làm việc').fill(String(COMMITMENT_DAYS));
    await attachScreenshot(organiser, testInfo, 'dialogue-05-answer-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Ghi câu trả lời' }).click();
    await expect(dialog).toBeHidden();
    await expectToast(organiser, 'Đã ghi câu trả lời.');
    await expect(organiser.getByTestId(`question-state-${publicQuestionId}`)).toHaveText('Đã trả lời');
    await expect(organiser.getByTestId(`question-answer-${publicQuestionId}`)).toHaveText(answerText);

    commitmentId = (await sessionDetail()).commitments.find((c) => c.text === commitmentText)?.id ?? '';
    expect(commitmentId, 'the commitment was made').not.toBe('');
    const made = organiser.getByTestId(`session-commitment-${commitmentId}`);
    await expect(made).toContainText(commitmentText);
    await expect(made).toContainText('Đơn vị thực hiện: Sở Tư pháp');
    await expect(made).toContainText(`Thời hạn: ${expectedDue}`);
    await expect(made).toContainText('Đang thực hiện');
    await expect(organiser.getByTestId(`commitment-overdue-${commitmentId}`)).toHaveCount(0);
    await attachScreenshot(organiser, testInfo, 'dialogue-06-admin-session-answered');
    await expectNoSeriousA11yViolations(organiser, testInfo, 'dialogue-admin-session');
  });

  await test.step('the public page shows the answered question, its asker as initials, and the commitment with its due', async () => {
    await visitor.goto(`/doi-thoai/${sessionId}`);
    await expect(visitor.getByTestId('public-session-state')).toHaveText('Đã tổ chức');
    await expect(visitor.getByTestId('public-session-ask')).toHaveCount(0);
    const question = visitor.getByTestId(`public-question-${publicQuestionId}`);
    await expect(question.getByRole('heading', { name: 'Người hỏi: T.T.H.N.' })).toBeVisible();
    await expect(visitor.getByTestId(`public-question-text-${publicQuestionId}`)).toHaveText(questionText);
    await expect(visitor.getByTestId(`public-answer-${publicQuestionId}`)).toHaveText(answerText);
    await expect(question).toContainText('Đã trả lời');
    const commitment = question.getByTestId(`public-commitment-${commitmentId}`);
    await expect(commitment).toContainText(commitmentText);
    await expect(commitment).toContainText('Đơn vị thực hiện: Sở Tư pháp');
    await expect(visitor.getByTestId(`public-commitment-status-${commitmentId}`)).toContainText(`Thời hạn: ${expectedDue}`);
    await expect(visitor.getByTestId(`public-commitment-status-${commitmentId}`)).toHaveAttribute('data-overdue', 'false');
    // The question from the feedback item is public too (its sender agreed), as initials.
    await expect(visitor.getByTestId('public-session-questions')).toContainText('Người hỏi: H.M.Đ.');
    await expect(visitor.getByTestId('public-session-minutes')).toContainText('người dân nêu hai câu hỏi');
    // Personal data stays with the organisers.
    const page = await visitor.locator('body').innerText();
    for (const secret of [askerName, askerEmail, feedbackSender]) expect(page).not.toContain(secret);
    await attachScreenshot(visitor, testInfo, 'dialogue-07-public-session-answered');
    await expectNoSeriousA11yViolations(visitor, testInfo, 'dialogue-public-session');
  });

  await test.step('when the clock passes the due, the commitments page marks it overdue', async () => {
    await organiser.getByTestId('session-track-commitments').click();
    await expect(organiser).toHaveURL(/\/admin\/commitments\?session=/);
    await expect(organiser.getByTestId(`commitment-text-${commitmentId}`)).toHaveText(commitmentText);
    await expect(organiser.getByTestId(`commitment-status-${commitmentId}`)).toContainText(`Thời hạn: ${expectedDue}`);
    await expect(organiser.getByTestId(`commitment-overdue-${commitmentId}`)).toHaveCount(0);

    await setClock(admin, adminCsrf, `${addDays(dueDate, 1)}T09:00`);
    await organiser.reload();
    await expect(organiser.getByTestId(`commitment-overdue-${commitmentId}`)).toHaveText('Quá hạn');
    await expect(organiser.getByTestId(`commitment-status-${commitmentId}`)).toHaveAttribute('data-overdue', 'true');
    await attachScreenshot(organiser, testInfo, 'dialogue-08-commitment-overdue');
  });

  await test.step('the leader of Sở Tư pháp reports progress and completes it, late', async () => {
    await owner.goto('/admin/commitments');
    await expect(owner.getByRole('heading', { name: 'Cam kết sau đối thoại', exact: true })).toBeVisible();
    await expect(owner.getByTestId(`commitment-overdue-${commitmentId}`)).toHaveText('Quá hạn');

    await owner.getByTestId(`commitment-progress-${commitmentId}`).click();
    const progress = await openedDialog(owner, 'Báo cáo tiến độ thực hiện cam kết');
    await progress.getByLabel('Tỷ lệ hoàn thành (%)').fill('70');
    await progress.getByLabel('Nội dung (công khai)').fill('Đã kết nối thử nghiệm với VNeID; đang chờ Bộ Công an xác nhận.');
    await progress.getByRole('button', { name: 'Lưu' }).click();
    await expect(progress).toBeHidden();
    await expectToast(owner, 'Đã ghi tiến độ.');
    await expect(owner.getByTestId(`commitment-status-${commitmentId}`)).toContainText('70%');

    await owner.getByTestId(`commitment-complete-${commitmentId}`).click();
    const complete = await openedDialog(owner, 'Xác nhận hoàn thành cam kết');
    await complete.getByLabel('Nội dung (công khai)').fill('Từ nay Phiếu lý lịch tư pháp bản điện tử được trả qua VNeID.');
    await complete.getByRole('button', { name: 'Hoàn thành' }).click();
    await expect(complete).toBeHidden();
    await expectToast(owner, 'Đã ghi nhận hoàn thành.');
    // Done: it leaves the open commitments; the "done" filter shows it, completed late.
    await expect(owner.getByTestId(`commitment-text-${commitmentId}`)).toHaveCount(0);
    await owner.getByTestId('commitments-state').getByText('Đã hoàn thành', { exact: true }).click();
    await expect(owner.getByTestId(`commitment-kept-${commitmentId}`)).toHaveText('Hoàn thành trễ hạn');
    await expect(owner.getByTestId(`commitment-status-${commitmentId}`)).toHaveAttribute('data-state', 'DONE');
    await expect(owner.getByTestId(`commitment-overdue-${commitmentId}`)).toHaveCount(0);
    await attachScreenshot(owner, testInfo, 'dialogue-09-commitment-done-late');

    await visitor.reload();
    const status = visitor.getByTestId(`public-commitment-status-${commitmentId}`);
    await expect(status).toHaveAttribute('data-state', 'DONE');
    await expect(status).toContainText('Đã hoàn thành');
    await expect(status).toContainText('Hoàn thành trễ hạn');
    await expect(visitor.getByTestId(`public-commitment-progress-${commitmentId}`)).toContainText('70%: Đã kết nối thử nghiệm với VNeID');
    await attachScreenshot(visitor, testInfo, 'dialogue-10-public-commitment-done');
  });

  await visitorContext.close();
  await organiser.context().close();
  await owner.context().close();
  await admin.dispose();
  expect(problems).toEqual([]);
});

// The server is shared by every journey: put its clock back whatever happened above.
resetClockAfterAll();
