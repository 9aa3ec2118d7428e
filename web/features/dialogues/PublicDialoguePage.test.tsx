import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import type { PublicSessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { PublicDialoguePage } from './PublicDialoguePage';

const ID = '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a';
const QUESTION = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const COMMITMENT = '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';
const UNIT = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.03', name: 'Sở Tư pháp' };

const session = (over: Partial<PublicSessionDetail> = {}): PublicSessionDetail => ({
  id: ID,
  level: 'province',
  title: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp',
  organisingUnit: UNIT,
  chair: { name: 'Lê Minh Khang', position: 'Phó Chủ tịch UBND tỉnh' },
  startsAt: '2026-03-09T08:00:00+07:00',
  place: 'Hội trường UBND tỉnh',
  onlineUrl: 'https://hop.example.vn/doi-thoai',
  audience: 'citizens',
  audienceSector: null,
  state: 'ANNOUNCED',
  stateText: 'Đã thông báo',
  questionCount: 1,
  commitmentCount: 1,
  description: 'Lắng nghe kiến nghị về lý lịch tư pháp.',
  agenda: '1. Khai mạc.\n2. Hỏi đáp.',
  minutes: null,
  cancelReason: null,
  acceptingQuestions: true,
  questions: [
    {
      id: QUESTION,
      source: 'public',
      askerDisplay: 'L.T.H.',
      text: 'Tôi là L.T.H., điện thoại [đã ẩn]. Khi nào cấp phiếu trực tuyến?',
      state: 'ANSWERED',
      stateText: 'Đã trả lời',
      answer: 'Sở Tư pháp sẽ rút ngắn thời gian cấp phiếu.',
      answeredAt: '2026-03-09T10:00:00+07:00',
      answeringUnit: UNIT,
    },
  ],
  commitments: [
    {
      id: COMMITMENT,
      session: { id: ID, title: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp' },
      questionId: QUESTION,
      ownerUnit: UNIT,
      text: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp còn 5 ngày.',
      madeAt: '2026-03-09T10:00:00+07:00',
      dueAt: '2026-03-16T10:00:00+07:00',
      state: 'OPEN',
      stateText: 'Đang thực hiện',
      progressPercent: 60,
      overdue: true,
      completedAt: null,
      completedOnTime: null,
      cancelReason: null,
      progress: [{ at: '2026-03-12T10:00:00+07:00', percent: 60, note: 'Đã kết nối dữ liệu.' }],
    },
  ],
  ...over,
});

let current: PublicSessionDetail | null;
let posts: Array<{ path: string; body: Record<string, unknown> }>;
let askAnswer: { status: number; body: unknown } | null;

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/doi-thoai/${ID}`]}>
          <Routes>
            <Route path="/doi-thoai/:id" element={<PublicDialoguePage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  current = session();
  posts = [];
  askAnswer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === '/api/v1/identity/me') return reply({ error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập.' } }, 401);
      if (path === `/api/v1/dialogues/public/sessions/${ID}` && (init?.method ?? 'GET') === 'GET') {
        return current ? reply(current) : reply({ error: { code: 'DIALOGUE_NOT_FOUND', message: 'Không tìm thấy buổi đối thoại.' } }, 404);
      }
      if (path === `/api/v1/dialogues/public/sessions/${ID}/questions` && init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as Record<string, unknown>;
        posts.push({ path, body });
        if (askAnswer) return reply(askAnswer.body, askAnswer.status);
        return reply({ id: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e', sessionId: ID, state: 'SUBMITTED', submittedAt: '2026-03-02T09:00:00+07:00' }, 201);
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PublicDialoguePage', { timeout: 30_000 }, () => {
  it('shows the session, its agenda, the masked question with its answer and the commitment with its progress', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Đối thoại với người dân về thủ tục lĩnh vực tư pháp — Cổng dịch vụ công tỉnh Thanh Hóa'));
    expect(screen.getByTestId('session-starts-at').textContent).toBe('09/03/2026 08:00');
    expect(screen.getByRole('link', { name: /Tham gia trực tuyến/ }).getAttribute('href')).toBe('https://hop.example.vn/doi-thoai');
    expect(screen.getByTestId('public-session-agenda').textContent).toContain('2. Hỏi đáp.');
    const question = screen.getByTestId(`public-question-${QUESTION}`);
    expect(within(question).getByRole('heading', { level: 3, name: 'Người hỏi: L.T.H.' })).toBeTruthy();
    expect(within(question).getByText('Sở Tư pháp sẽ rút ngắn thời gian cấp phiếu.')).toBeTruthy();
    expect(within(question).getByText('Sở Tư pháp trả lời lúc 09/03/2026 10:00')).toBeTruthy();
    const commitment = within(question).getByTestId(`public-commitment-${COMMITMENT}`);
    expect(within(commitment).getByRole('heading', { level: 4, name: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp còn 5 ngày.' })).toBeTruthy();
    expect(within(commitment).getByTestId(`commitment-overdue-${COMMITMENT}`).textContent).toBe('Quá hạn');
    expect(within(commitment).getByRole('progressbar', { name: 'Tiến độ 60%' })).toBeTruthy();
    expect(within(commitment).getByTestId(`public-commitment-progress-${COMMITMENT}`).textContent).toContain('60%: Đã kết nối dữ liệu.');
  });

  it('asks an anonymous asker for a name and a contact, then sends the question', async () => {
    show();
    const form = await screen.findByTestId('ask-form');
    fireEvent.change(within(form).getByLabelText('Câu hỏi'), { target: { value: 'Hộ kinh doanh có phải nộp bản giấy không?' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(form).findByText('Vui lòng nhập họ và tên.')).toBeTruthy();
    expect(await within(form).findByText('Vui lòng nhập thư điện tử hoặc số điện thoại.')).toBeTruthy();
    expect(posts).toEqual([]);
    fireEvent.change(within(form).getByLabelText('Họ và tên'), { target: { value: ' Đỗ Văn Bình ' } });
    fireEvent.change(within(form).getByLabelText('Số điện thoại'), { target: { value: '0912345678' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi câu hỏi' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ text: 'Hộ kinh doanh có phải nộp bản giấy không?', asker: { name: 'Đỗ Văn Bình', phone: '0912345678' } });
    expect((await screen.findByTestId('ask-sent')).textContent).toContain('Câu hỏi đã được gửi.');
  });

  it('puts the server’s field errors on the fields', async () => {
    askAnswer = {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu không hợp lệ.',
          fields: [{ path: 'body.asker.email', code: 'dialogues.errors.emailInvalid', message: 'Địa chỉ thư điện tử không hợp lệ (máy chủ).' }],
        },
      },
    };
    show();
    const form = await screen.findByTestId('ask-form');
    fireEvent.change(within(form).getByLabelText('Câu hỏi'), { target: { value: 'Một câu hỏi đủ dài để gửi.' } });
    fireEvent.change(within(form).getByLabelText('Họ và tên'), { target: { value: 'Đỗ Văn Bình' } });
    fireEvent.change(within(form).getByLabelText('Thư điện tử'), { target: { value: 'binh@example.vn' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gửi câu hỏi' }));
    expect(await within(form).findByText('Địa chỉ thư điện tử không hợp lệ (máy chủ).')).toBeTruthy();
    expect(screen.queryByTestId('ask-sent')).toBeNull();
  });

  it('offers no form once questions are closed, and shows the minutes of a held session', async () => {
    current = session({ state: 'HELD', stateText: 'Đã tổ chức', acceptingQuestions: false, minutes: 'Buổi đối thoại diễn ra đúng kế hoạch.' });
    show();
    expect((await screen.findByTestId('public-session-minutes')).textContent).toContain('Buổi đối thoại diễn ra đúng kế hoạch.');
    expect(screen.queryByTestId('ask-form')).toBeNull();
  });

  it('says when the session does not exist', async () => {
    current = null;
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy buổi đối thoại' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Không tìm thấy buổi đối thoại — Cổng dịch vụ công tỉnh Thanh Hóa'));
  });
});
