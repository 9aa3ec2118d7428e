import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { FeedbackQueuePage } from './FeedbackQueuePage';
import type { FeedbackQueueItem } from './feedback.types';

const DEPT = { id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', code: 'SNV', name: 'Sở Nội vụ' };
const UNIT_TREE = {
  items: [
    {
      ...DEPT,
      shortName: null,
      kind: 'department',
      parentId: null,
      parentName: null,
      path: `/${DEPT.id}/`,
      depth: 0,
      validFrom: '2025-01-01',
      validTo: null,
      successorId: null,
      version: 1,
      children: [],
    },
  ],
};

const row = (over: Partial<FeedbackQueueItem>): FeedbackQueueItem => ({
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  code: 'PAKN-2026-000041',
  title: 'Đề nghị rút ngắn thời hạn cấp phiếu lý lịch tư pháp',
  state: 'NEW',
  stateText: 'Mới tiếp nhận',
  kind: null,
  channel: 'portal',
  assignedUnit: DEPT,
  senderName: 'Nguyễn Văn An',
  procedureCode: null,
  receivedAt: '2026-02-27T10:15:00+07:00',
  dueAt: '2026-03-06T10:15:00+07:00',
  paused: false,
  overdue: true,
  version: 1,
  ...over,
});

let rows: FeedbackQueueItem[];
let actions: string[];
let reads: string[];

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const me = () => ({
  id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  kind: 'officer',
  username: 'chuyenvien',
  displayName: 'Trần Thị Bình',
  email: null,
  phone: null,
  accountType: null,
  grants: [{ role: 'specialist', orgUnitId: DEPT.id, orgUnitName: DEPT.name, orgUnitCode: DEPT.code }],
  actions,
});

/** Where the router is, so a test can read the filters from the address. */
function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function show(entry = '/admin/feedback') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The signed-in user is known from the first render, so an absent button means no action, not "not loaded yet".
  client.setQueryData(identityKeys.me, me());
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[entry]}>
          <FeedbackQueuePage />
          <Location />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  actions = ['feedback.read', 'feedback.intake'];
  reads = [];
  rows = [
    row({}),
    row({
      id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      code: 'PAKN-2026-000042',
      title: 'Cán bộ một cửa yêu cầu nộp thêm giấy tờ ngoài quy định',
      state: 'INFO_REQUESTED',
      stateText: 'Chờ người gửi bổ sung thông tin',
      kind: 'conduct',
      channel: 'hotline',
      senderName: 'Phạm Thị Dung',
      dueAt: '2026-03-09T09:00:00+07:00',
      paused: true,
      overdue: false,
    }),
    row({
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      code: 'PAKN-2026-000043',
      title: 'Đề nghị công khai biểu mẫu tờ khai điện tử',
      state: 'IN_PROGRESS',
      stateText: 'Đang xử lý',
      kind: 'regulation',
      channel: 'desk',
      dueAt: '2026-03-13T16:30:00+07:00',
      overdue: false,
    }),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = url.split('?')[0]!;
      if (path === '/api/v1/feedback/queue') {
        reads.push(url);
        const q = new URL(url, 'http://x').searchParams;
        const items = rows.filter((r) => (!q.get('state') || r.state === q.get('state')) && (q.get('overdue') !== 'true' || r.overdue));
        return reply({ items, total: items.length });
      }
      if (path === '/api/v1/identity/org-units/tree') return reply(UNIT_TREE);
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FeedbackQueuePage', { timeout: 30_000 }, () => {
  it('lists the items with their state, kind, channel, unit, sender, dates and overdue and paused marks', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Phản ánh, kiến nghị' })).toBeTruthy();
    const table = screen.getByTestId('feedback-queue');
    const link = await within(table).findByRole('link', { name: 'PAKN-2026-000041' });
    expect(link.getAttribute('href')).toBe('/admin/feedback/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    const rowOf = (code: string) => within(table).getByRole('link', { name: code }).closest('tr')!;

    const overdue = rowOf('PAKN-2026-000041');
    expect(within(overdue).getByText('Mới tiếp nhận')).toBeTruthy();
    expect(within(overdue).getByText('Chưa phân loại')).toBeTruthy();
    expect(within(overdue).getByText('Cổng Dịch vụ công')).toBeTruthy();
    expect(within(overdue).getByText('Sở Nội vụ')).toBeTruthy();
    expect(within(overdue).getByText('Nguyễn Văn An')).toBeTruthy();
    expect(within(overdue).getByText('27/02/2026 10:15')).toBeTruthy();
    const due = within(overdue).getByTestId('feedback-row-due');
    expect(due.textContent).toContain('06/03/2026 10:15');
    expect(within(due).getByTestId('feedback-overdue').textContent).toBe('Quá hạn');
    expect(within(due).queryByTestId('feedback-paused')).toBeNull();

    const paused = rowOf('PAKN-2026-000042');
    expect(within(paused).getByText('Chờ người gửi bổ sung thông tin')).toBeTruthy();
    expect(within(paused).getByText('Về hành vi của cán bộ')).toBeTruthy();
    expect(within(paused).getByText('Đường dây nóng')).toBeTruthy();
    expect(within(paused).getByTestId('feedback-paused').textContent).toBe('Tạm dừng tính thời hạn');
    expect(within(paused).queryByTestId('feedback-overdue')).toBeNull();

    const running = rowOf('PAKN-2026-000043');
    expect(within(running).getByTestId('feedback-row-due').textContent).toBe('13/03/2026 16:30');
    expect(within(running).getByText('Trực tiếp tại Bộ phận Một cửa')).toBeTruthy();
  });

  it('links to intake only for an officer who records feedback', async () => {
    show();
    const intake = await screen.findByTestId('feedback-go-intake');
    expect(intake.getAttribute('href')).toBe('/admin/feedback/new');
    expect(intake.textContent).toBe('Tiếp nhận phản ánh');
    cleanup();
    actions = ['feedback.read'];
    show();
    await screen.findByText('PAKN-2026-000041');
    expect(screen.queryByTestId('feedback-go-intake')).toBeNull();
  });

  it('filters by overdue, state and words, keeping the filters in the address', async () => {
    show();
    await screen.findByText('PAKN-2026-000043');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chỉ phản ánh quá hạn' }));
    await waitFor(() => expect(reads.some((u) => u.includes('overdue=true'))).toBe(true));
    await waitFor(() => expect(screen.queryByText('PAKN-2026-000043')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/admin/feedback?overdue=true');

    const search = screen.getByRole('searchbox', { name: 'Tìm theo mã hoặc tiêu đề phản ánh' });
    fireEvent.change(search, { target: { value: ' lý lịch tư pháp ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(reads.some((u) => u.includes('q=l%C3%BD+l%E1%BB%8Bch+t%C6%B0+ph%C3%A1p') && u.includes('overdue=true'))).toBe(true));
    cleanup();

    show('/admin/feedback?state=INFO_REQUESTED');
    await screen.findByText('PAKN-2026-000042');
    expect(reads.at(-1)).toContain('state=INFO_REQUESTED');
    expect(screen.queryByText('PAKN-2026-000041')).toBeNull();
  });
});
