import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import i18n from '../../app/i18n';
import type { FeedbackStats, MyFeedbackResponse, PublicFeedbackDetail } from '../../../contracts/feedback/feedback.contracts';
import { MyFeedbackPage } from './MyFeedbackPage';
import { PublicFeedbackDetailPage } from './PublicFeedbackDetailPage';
import { PublicFeedbackPage } from './PublicFeedbackPage';
import { CITIZEN, renderAt, stubFetch, summary } from './test/fixtures';

const UNIT = summary().unit;
const row = { received: 4, answered: 3, answeredOnTime: 3, onTimeRate: 1, open: 1, openOverdue: 0, outOfScope: 0 };
const stats: FeedbackStats = {
  from: null,
  to: null,
  definition: 'Đúng hạn: câu trả lời được phê duyệt không muộn hơn thời hạn.',
  total: { ...row, received: 5, answered: 4, onTimeRate: 0.75 },
  items: [{ unit: UNIT, ...row }],
};
const detail: PublicFeedbackDetail = {
  ...summary(),
  content: 'Đề nghị rút ngắn thời hạn giải quyết thủ tục đăng ký khai sinh.',
  answer: 'Sở Tư pháp đã kiến nghị rút ngắn thời hạn xuống 3 ngày làm việc.',
  dueAt: '2026-03-09T09:00:00+07:00',
  answeredOnTime: true,
};

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

afterEach(async () => {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  cleanup();
  vi.unstubAllGlobals();
});

describe('PublicFeedbackPage', { timeout: 30_000 }, () => {
  it('lists answered items, searches them through the URL, shows the counts with their definition and the Open311 address', async () => {
    const calls = stubFetch(CITIZEN, (c) => {
      if (c.path === '/api/v1/feedback/public') return { status: 200, body: { items: [summary()], total: 1 } };
      if (c.path === '/api/v1/feedback/public/stats') return { status: 200, body: stats };
      return undefined;
    });
    renderAt('/phan-anh-kien-nghi', '/phan-anh-kien-nghi', <PublicFeedbackPage />);
    const list = await screen.findByTestId('public-feedback-list');
    expect(within(list).getByText('PAKN-2026-000012')).toBeTruthy();
    expect(within(list).getByText('Người gửi: N.V.A.')).toBeTruthy();
    expect(within(list).getByText('Sở Tư pháp tỉnh Thanh Hóa')).toBeTruthy();
    expect(within(list).getByText('Trả lời ngày 04/03/2026')).toBeTruthy();
    expect(screen.getByTestId('feedback-file-link').getAttribute('href')).toBe('/phan-anh-kien-nghi/gui');
    expect(screen.getByTestId('my-feedback-link').getAttribute('href')).toBe('/phan-anh-kien-nghi/cua-toi');

    const statsBox = await screen.findByTestId('public-feedback-stats');
    expect(await within(statsBox).findByText(stats.definition)).toBeTruthy();
    expect(within(statsBox).getByTestId('public-feedback-stats-rate').textContent).toContain('75 %');
    expect(within(screen.getByTestId('public-feedback-open311')).getByRole('link').getAttribute('href')).toBe('/api/v1/feedback/open311/v2/requests.json');

    fireEvent.change(screen.getByLabelText('Tìm trong các phản ánh, kiến nghị đã trả lời'), { target: { value: 'khai sinh' } });
    fireEvent.keyDown(screen.getByLabelText('Tìm trong các phản ánh, kiến nghị đã trả lời'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await vi.waitFor(() =>
      expect(
        calls
          .filter((c) => c.path === '/api/v1/feedback/public')
          .at(-1)!
          .query.get('q'),
      ).toBe('khai sinh'),
    );
    expect(calls.filter((c) => c.path === '/api/v1/feedback/public')[0]!.query.get('pageSize')).toBe('10');
  });

  it('shows one published item with its answer, and a follow button for a signed-in account', async () => {
    const calls = stubFetch(CITIZEN, (c) => {
      if (c.path === '/api/v1/feedback/public/PAKN-2026-000012') return { status: 200, body: detail };
      if (c.method === 'POST' && c.path === '/api/v1/feedback/PAKN-2026-000012/follow') return { status: 200, body: { code: 'PAKN-2026-000012', following: true, followers: 3 } };
      return undefined;
    });
    renderAt('/phan-anh-kien-nghi/cong-khai/PAKN-2026-000012', '/phan-anh-kien-nghi/cong-khai/:code', <PublicFeedbackDetailPage />);
    expect((await screen.findByTestId('public-feedback-answer')).textContent).toContain('3 ngày làm việc');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(detail.title);
    expect(document.title).toContain('Câu trả lời phản ánh, kiến nghị PAKN-2026-000012');
    fireEvent.click(await screen.findByTestId('feedback-follow'));
    expect(await screen.findByTestId('feedback-follow-done')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/v1/feedback/PAKN-2026-000012/follow']);
  });

  it('says an unknown or unpublished item is not found, and asks a visitor to sign in to follow', async () => {
    stubFetch(null, (c) =>
      c.path === '/api/v1/feedback/public/PAKN-2026-000099'
        ? { status: 404, body: { error: { code: 'FEEDBACK_NOT_FOUND', message: 'Không tìm thấy phản ánh, kiến nghị có mã PAKN-2026-000099.' } } }
        : c.path === '/api/v1/feedback/public/PAKN-2026-000012'
          ? { status: 200, body: detail }
          : undefined,
    );
    renderAt('/phan-anh-kien-nghi/cong-khai/PAKN-2026-000099', '/phan-anh-kien-nghi/cong-khai/:code', <PublicFeedbackDetailPage />);
    expect((await screen.findByTestId('public-feedback-not-found')).textContent).toContain('Không tìm thấy phản ánh, kiến nghị PAKN-2026-000099');
    cleanup();
    renderAt('/phan-anh-kien-nghi/cong-khai/PAKN-2026-000012', '/phan-anh-kien-nghi/cong-khai/:code', <PublicFeedbackDetailPage />);
    const hint = await screen.findByTestId('feedback-follow-sign-in');
    expect(within(hint).getByRole('link').getAttribute('href')).toBe(`/dang-nhap?next=${encodeURIComponent('/phan-anh-kien-nghi/cong-khai/PAKN-2026-000012')}`);
    expect(screen.queryByTestId('feedback-follow')).toBeNull();
  });
});

describe('MyFeedbackPage', { timeout: 30_000 }, () => {
  it('lists the account’s items newest first, each leading to its page', async () => {
    const mine: MyFeedbackResponse = {
      items: [
        {
          code: 'PAKN-2026-000007',
          title: 'Đề nghị bỏ bản sao chứng thực',
          state: 'ANSWERED',
          stateText: 'Đã trả lời',
          receivedAt: '2026-02-20T09:00:00+07:00',
          dueAt: '2026-02-27T09:00:00+07:00',
          paused: false,
          question: null,
          answer: 'Đã kiến nghị bỏ.',
          answeredAt: '2026-02-25T09:00:00+07:00',
          outOfScope: null,
          mergedInto: null,
          ratings: [],
          unit: { id: '00000000-0000-4000-8000-000000000001', code: 'H56.03', name: 'Sở Tư pháp' },
          history: [],
          actions: { reply: false, rate: true, reopen: true },
        },
        {
          code: 'PAKN-2026-000042',
          title: 'Đề nghị công khai biểu mẫu',
          state: 'NEW',
          stateText: 'Mới tiếp nhận',
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
          history: [],
          actions: { reply: false, rate: false, reopen: false },
        },
      ],
    };
    stubFetch(CITIZEN, (c) => (c.path === '/api/v1/feedback/mine' ? { status: 200, body: mine } : undefined));
    renderAt('/phan-anh-kien-nghi/cua-toi', '/phan-anh-kien-nghi/cua-toi', <MyFeedbackPage />);
    const list = await screen.findByTestId('my-feedback-list');
    expect(
      within(list)
        .getAllByTestId('my-feedback-link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['PAKN-2026-000042', '/phan-anh-kien-nghi/PAKN-2026-000042'],
      ['PAKN-2026-000007', '/phan-anh-kien-nghi/PAKN-2026-000007'],
    ]);
    expect(within(list).getByText('Đã có câu trả lời — mời bạn đánh giá')).toBeTruthy();
  });

  it('sends a visitor who is not signed in to the sign-in page', async () => {
    stubFetch(null, () => undefined);
    renderAt('/phan-anh-kien-nghi/cua-toi', '/phan-anh-kien-nghi/cua-toi', <MyFeedbackPage />);
    expect(await screen.findByTestId('elsewhere')).toBeTruthy();
  });
});
