import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import i18n from '../../app/i18n';
import type { SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import { SenderFeedbackPage } from './SenderFeedbackPage';
import { CITIZEN, renderAt, stubFetch } from './test/fixtures';

const CODE = 'PAKN-2026-000042';
const SECRET = 'q8Xv3kLm9TzR2wYp5HsB7nJd4FgC6aEu';
const SENDER = `/api/v1/feedback/${CODE}/sender`;

const view = (over: Partial<SenderFeedbackView> = {}): SenderFeedbackView => ({
  code: CODE,
  title: 'Thời hạn đăng ký khai sinh quá dài',
  state: 'IN_PROGRESS',
  stateText: 'Đang xử lý',
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-09T09:00:00+07:00',
  paused: false,
  question: null,
  answer: null,
  answeredAt: null,
  outOfScope: null,
  mergedInto: null,
  ratings: [],
  unit: { id: '00000000-0000-4000-8000-000000000001', code: 'H56.03', name: 'Sở Tư pháp' },
  history: [{ at: '2026-03-02T09:00:00+07:00', kind: 'received', text: 'Tiếp nhận qua Cổng dịch vụ công, giao Sở Tư pháp.' }],
  actions: { reply: false, rate: false, reopen: false },
  ...over,
});

const answered = (over: Partial<SenderFeedbackView> = {}) =>
  view({
    state: 'ANSWERED',
    stateText: 'Đã trả lời',
    answer: 'Sở Tư pháp đã kiến nghị rút ngắn thời hạn xuống 3 ngày làm việc.',
    answeredAt: '2026-03-04T10:00:00+07:00',
    actions: { reply: false, rate: true, reopen: true },
    ...over,
  });

const show = (search = `?khoa=${SECRET}`) => renderAt(`/phan-anh-kien-nghi/${CODE}${search}`, '/phan-anh-kien-nghi/:code', <SenderFeedbackPage />);

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

afterEach(async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  cleanup();
  vi.unstubAllGlobals();
});

describe('SenderFeedbackPage', { timeout: 30_000 }, () => {
  it('shows an item being handled by the key in the link, without a rating form', async () => {
    const calls = stubFetch(null, (c) => (c.path === SENDER ? { status: 200, body: view() } : undefined));
    show();
    expect((await screen.findByTestId('sender-feedback-state')).textContent).toBe('Đang xử lý');
    expect(calls.find((c) => c.path === SENDER)!.query.get('token')).toBe(SECRET);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`Phản ánh, kiến nghị ${CODE}`);
    expect(screen.getByTestId('sender-feedback-due').textContent).toBe('09 giờ 00 phút, Thứ Hai, ngày 09/03/2026');
    expect(screen.getByTestId('sender-feedback-unit').textContent).toBe('Sở Tư pháp');
    expect(screen.getByTestId('sender-feedback-history').textContent).toContain('Tiếp nhận qua Cổng dịch vụ công, giao Sở Tư pháp.');
    expect(screen.queryByTestId('feedback-rating-form')).toBeNull();
    expect(screen.queryByTestId('sender-feedback-answer')).toBeNull();
  });

  it('offers the rating form once answered; unsatisfied, it may ask to reopen, and the rating is sent with the key', async () => {
    const calls = stubFetch(null, (c) => {
      if (c.path === SENDER) return { status: 200, body: answered() };
      if (c.method === 'POST' && c.path === `/api/v1/feedback/${CODE}/rating`) {
        return {
          status: 200,
          body: view({
            state: 'IN_PROGRESS',
            stateText: 'Đang xử lý',
            dueAt: '2026-03-11T09:00:00+07:00',
            answer: answered().answer,
            answeredAt: answered().answeredAt,
            ratings: [{ round: 0, rating: 'unsatisfied', ratedAt: '2026-03-04T09:00:00+07:00' }],
            history: [
              { at: '2026-03-02T09:00:00+07:00', kind: 'received', text: 'Tiếp nhận qua Cổng dịch vụ công, giao Sở Tư pháp.' },
              { at: '2026-03-04T09:00:00+07:00', kind: 'rated', text: 'Người gửi đánh giá: Không hài lòng.' },
            ],
          }),
        };
      }
      return undefined;
    });
    show();
    const form = await screen.findByTestId('feedback-rating-form');
    expect(screen.getByTestId('sender-feedback-answer').textContent).toContain('rút ngắn thời hạn xuống 3 ngày');
    expect(within(form).queryByLabelText('Đề nghị xem xét lại')).toBeNull();

    fireEvent.click(within(form).getByLabelText('Không hài lòng'));
    fireEvent.click(await within(form).findByLabelText('Đề nghị xem xét lại'));
    fireEvent.change(within(form).getByLabelText('Ý kiến thêm (không bắt buộc)'), { target: { value: 'Chưa trả lời đúng câu hỏi' } });
    fireEvent.click(within(form).getByTestId('feedback-rating-submit'));

    await screen.findByText('Cơ quan đang xem xét lại theo đề nghị của bạn; câu trả lời trước vẫn hiển thị dưới đây.');
    const rated = calls.filter((c) => c.method === 'POST');
    expect(rated.map((c) => [c.path, c.body])).toEqual([
      [`/api/v1/feedback/${CODE}/rating`, { token: SECRET, rating: 'unsatisfied', comment: 'Chưa trả lời đúng câu hỏi', reopen: true }],
    ]);
    expect(screen.queryByTestId('feedback-rating-form')).toBeNull();
    expect(screen.getByTestId('sender-feedback-state').textContent).toBe('Đang xử lý');
    expect(screen.getByTestId('sender-feedback-history').textContent).toContain('Người gửi đánh giá: Không hài lòng.');
  });

  it('does not offer reopening an item reopened before, and thanks a sender who rated', async () => {
    stubFetch(null, (c) => (c.path === SENDER ? { status: 200, body: answered({ actions: { reply: false, rate: true, reopen: false } }) } : undefined));
    show();
    const form = await screen.findByTestId('feedback-rating-form');
    fireEvent.click(within(form).getByLabelText('Không hài lòng'));
    expect(await within(form).findByText(/không đề nghị xem xét lại được nữa/)).toBeTruthy();
    expect(within(form).queryByLabelText('Đề nghị xem xét lại')).toBeNull();
    cleanup();

    stubFetch(null, (c) =>
      c.path === SENDER
        ? {
            status: 200,
            body: answered({ actions: { reply: false, rate: false, reopen: false }, ratings: [{ round: 0, rating: 'satisfied', ratedAt: '2026-03-05T08:00:00+07:00' }] }),
          }
        : undefined,
    );
    show();
    expect(await screen.findByTestId('feedback-rating-done')).toBeTruthy();
    expect(screen.queryByTestId('feedback-rating-form')).toBeNull();
  });

  it('lets the sender answer a request for more information', async () => {
    const calls = stubFetch(null, (c) => {
      if (c.path === SENDER)
        return {
          status: 200,
          body: view({
            state: 'INFO_REQUESTED',
            stateText: 'Chờ người gửi bổ sung thông tin',
            paused: true,
            question: 'Vui lòng cho biết nơi bạn nộp hồ sơ.',
            actions: { reply: true, rate: false, reopen: false },
          }),
        };
      if (c.method === 'POST' && c.path === `/api/v1/feedback/${CODE}/reply`) return { status: 200, body: view({ dueAt: '2026-03-10T09:00:00+07:00' }) };
      return undefined;
    });
    show();
    const question = await screen.findByTestId('sender-feedback-question');
    expect(question.textContent).toContain('Vui lòng cho biết nơi bạn nộp hồ sơ.');
    expect(screen.queryByTestId('feedback-rating-form')).toBeNull();
    fireEvent.change(within(question).getByLabelText('Thông tin bổ sung của bạn'), { target: { value: 'Tôi nộp tại Bộ phận Một cửa xã Đông Tiến.' } });
    fireEvent.click(within(question).getByTestId('sender-reply-submit'));
    await screen.findByText('10/03/2026', { exact: false });
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ token: SECRET, message: 'Tôi nộp tại Bộ phận Một cửa xã Đông Tiến.' }]);
    expect(screen.queryByTestId('sender-feedback-question')).toBeNull();
  });

  it('asks for the key when the link has none, and says clearly when the key is wrong', async () => {
    const calls = stubFetch(null, (c) =>
      c.path === SENDER ? { status: 404, body: { error: { code: 'FEEDBACK_NOT_FOUND', message: `Không tìm thấy phản ánh, kiến nghị có mã ${CODE}.` } } } : undefined,
    );
    show('');
    const ask = await screen.findByTestId('sender-feedback-need-key');
    expect(calls.filter((c) => c.path === SENDER)).toEqual([]);
    fireEvent.change(within(ask).getByLabelText('Mã bí mật'), { target: { value: 'y'.repeat(32) } });
    fireEvent.click(within(ask).getByTestId('sender-key-submit'));

    const denied = await screen.findByTestId('sender-feedback-denied');
    expect(denied.textContent).toContain(`Không mở được phản ánh, kiến nghị ${CODE}`);
    expect(calls.filter((c) => c.path === SENDER).map((c) => c.query.get('token'))).toEqual(['y'.repeat(32)]);
    // The key can be pasted again right there.
    expect(within(denied).getByLabelText<HTMLInputElement>('Mã bí mật').value).toBe('y'.repeat(32));
  });

  it('opens a signed-in account’s own item without a key', async () => {
    const calls = stubFetch(CITIZEN, (c) => (c.path === SENDER ? { status: 200, body: answered() } : undefined));
    show('');
    expect(await screen.findByTestId('feedback-rating-form')).toBeTruthy();
    expect(calls.find((c) => c.path === SENDER)!.query.has('token')).toBe(false);
  });
});
