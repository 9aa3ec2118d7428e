import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import type { Commitment } from '../../../contracts/dialogues/dialogues.contracts';
import { CommitmentsPage } from './CommitmentsPage';

const SESSION = { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', title: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp' };
const JUSTICE = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.03', name: 'Sở Tư pháp' };
const LATE = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const DONE = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

const commitment = (over: Partial<Commitment>): Commitment => ({
  id: LATE,
  session: SESSION,
  questionId: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a',
  ownerUnit: JUSTICE,
  text: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp còn 5 ngày.',
  workingDays: 5,
  dueOn: null,
  madeAt: '2026-04-28T09:00:00+07:00',
  dueAt: '2026-05-07T09:00:00+07:00',
  state: 'OPEN',
  stateText: 'Đang thực hiện',
  progressPercent: 40,
  overdue: true,
  completedAt: null,
  completedOnTime: null,
  cancelReason: null,
  version: 2,
  actions: { progress: true, complete: true, cancel: false },
  ...over,
});

let rows: Commitment[];
let calls: Array<{ method: string; url: string; body?: Record<string, unknown> }>;

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show(entry = '/admin/commitments') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[entry]}>
          <CommitmentsPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  calls = [];
  rows = [
    commitment({}),
    commitment({
      id: DONE,
      text: 'Công khai quy trình mới trên Cổng thông tin.',
      state: 'DONE',
      stateText: 'Đã hoàn thành',
      progressPercent: 100,
      overdue: false,
      completedAt: '2026-05-04T10:00:00+07:00',
      completedOnTime: true,
      actions: { progress: false, complete: false, cancel: false },
    }),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : undefined;
      calls.push({ method, url, body });
      const path = url.split('?')[0]!;
      if (path === '/api/v1/dialogues/commitments' && method === 'GET') {
        const q = new URL(url, 'http://x').searchParams;
        const items = rows.filter((r) => (!q.get('state') || r.state === q.get('state')) && (q.get('overdue') !== 'true' || r.overdue));
        return reply({ items, total: items.length });
      }
      const action = /^\/api\/v1\/dialogues\/commitments\/([\w-]+)\/(progress|complete|cancel)$/.exec(path);
      if (action && method === 'POST') {
        rows = rows.map((r) => (r.id === action[1] ? { ...r, progressPercent: Number(body?.percent ?? 100), version: r.version + 1 } : r));
        return reply({ ...rows.find((r) => r.id === action[1]), question: { text: 'Câu hỏi', answer: null, askerName: 'Lê Thị Hoa' }, history: [] });
      }
      if (path === '/api/v1/identity/org-units/tree') return reply({ items: [] });
      if (path === '/api/v1/identity/me') return reply({ error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập.' } }, 401);
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reads = () => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/v1/dialogues/commitments'));

describe('CommitmentsPage', { timeout: 30_000 }, () => {
  it('lists the open commitments first with the overdue ones marked, and shows the others on request', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Cam kết sau đối thoại' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Cam kết sau đối thoại — Hệ thống một cửa tỉnh Thanh Hóa'));
    const table = screen.getByTestId('commitments-table');
    await within(table).findByTestId(`commitment-text-${LATE}`);
    expect(reads()[0]!.url).toContain('state=OPEN');
    expect(within(table).getByTestId(`commitment-overdue-${LATE}`).textContent).toBe('Quá hạn');
    expect(within(table).queryByTestId(`commitment-text-${DONE}`)).toBeNull();
    expect(within(table).getByRole('link', { name: SESSION.title }).getAttribute('href')).toBe(`/admin/dialogues/${SESSION.id}`);
    fireEvent.click(screen.getByText('Tất cả'));
    await within(table).findByTestId(`commitment-text-${DONE}`);
    expect(within(table).getByTestId(`commitment-kept-${DONE}`).textContent).toBe('Hoàn thành đúng hạn');
    expect(screen.queryByTestId(`commitment-complete-${DONE}`)).toBeNull();
    fireEvent.click(screen.getByTestId('commitments-overdue'));
    await waitFor(() => expect(reads().some((c) => c.url.includes('overdue=true'))).toBe(true));
  });

  it('records progress and completes a commitment on the version seen', async () => {
    show('/admin/commitments?session=' + SESSION.id);
    fireEvent.click(await screen.findByTestId(`commitment-progress-${LATE}`));
    expect(reads()[0]!.url).toContain(`sessionId=${SESSION.id}`);
    const progress = await screen.findByTestId('commitment-progress-form');
    fireEvent.change(within(progress).getByRole('spinbutton', { name: 'Tỷ lệ hoàn thành (%)' }), { target: { value: '80' } });
    fireEvent.change(within(progress).getByLabelText('Nội dung (công khai)'), { target: { value: 'Đã kết nối dữ liệu với Công an tỉnh.' } });
    fireEvent.click(within(progress).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `/api/v1/dialogues/commitments/${LATE}/progress`,
      body: { version: 2, percent: 80, note: 'Đã kết nối dữ liệu với Công an tỉnh.' },
    });
    expect(await screen.findByText('Đã ghi tiến độ.')).toBeTruthy();

    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Tiến độ 80%' })).toBeTruthy());
    fireEvent.click(screen.getByTestId(`commitment-complete-${LATE}`));
    const complete = await screen.findByTestId('commitment-complete-form');
    fireEvent.change(within(complete).getByLabelText('Nội dung (công khai)'), { target: { value: 'Đã áp dụng quy trình mới.' } });
    fireEvent.click(within(complete).getByRole('button', { name: 'Hoàn thành' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1]).toMatchObject({
      url: `/api/v1/dialogues/commitments/${LATE}/complete`,
      body: { version: 3, note: 'Đã áp dụng quy trình mới.' },
    });
  });
});
