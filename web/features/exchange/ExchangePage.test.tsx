import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, useLocation } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { ExchangePage } from './ExchangePage';
import type { ExchangeInboundRow, ExchangeRow } from './exchange.types';

const DOSSIER = '0b9a4f3e-1c2d-4e5f-8a6b-7c8d9e0f1a2b';

const row = (over: Partial<ExchangeRow>): ExchangeRow => ({
  id: 1,
  dossierId: DOSSIER,
  dossierCode: 'H56.22-260301-0001',
  statusCode: 4,
  at: '2026-03-01T09:00:00+07:00',
  state: 'sent',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  sentAt: '2026-03-01T09:01:00+07:00',
  ...over,
});

const SUBMISSION = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';

const inbound = (over: Partial<ExchangeInboundRow>): ExchangeInboundRow => ({
  id: '9f8e7d6c-5b4a-4938-8271-605f4e3d2c1b',
  nationalCode: 'G22.99-260301-0001',
  deskCode: 'H56.22',
  state: 'received',
  problems: [],
  lastError: null,
  attempts: 1,
  submissionId: SUBMISSION,
  submissionReference: 'DK-2026-000042',
  applicantName: 'Nguyễn Văn An',
  procedureCode: '1.001234',
  firstSeenAt: '2026-03-01T08:00:00+07:00',
  updatedAt: '2026-03-01T08:01:00+07:00',
  acknowledgedAt: '2026-03-01T08:02:00+07:00',
  ...over,
});

const UNREADABLE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const FAILED = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

let actions: string[];
let enabled: boolean;
let rows: ExchangeRow[];
let inboundRows: ExchangeInboundRow[];
let retryAnswer: { status: number; body: unknown } | undefined;
let resendAnswer: { status: number; body: unknown } | undefined;
let calls: { method: string; url: string }[];

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const me = () => ({
  id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  kind: 'officer',
  username: 'quantri',
  displayName: 'Quản trị hệ thống',
  email: null,
  phone: null,
  accountType: null,
  grants: [],
  actions,
});

/** Where the router is, so a test can read the tab from the address. */
function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function show(entry = '/admin/exchange') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The signed-in user is known from the first render, so an absent button means no action, not "not loaded yet".
  client.setQueryData(identityKeys.me, me());
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[entry]}>
          <ExchangePage />
          <Location />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  calls = [];
  enabled = true;
  resendAnswer = undefined;
  retryAnswer = undefined;
  inboundRows = [
    inbound({}),
    inbound({
      id: UNREADABLE,
      nationalCode: 'G22.99-260301-0002',
      state: 'unreadable',
      problems: [
        { path: 'MaTTHC', code: 'exchange.inbound.procedureUnknown', message: 'Thủ tục 1.009999 chưa được công bố tại tỉnh.' },
        { path: 'MaCoQuan', code: 'exchange.inbound.deskUnknown', message: 'Không có nơi tiếp nhận mang mã H56.99.' },
      ],
      attempts: 2,
      applicantName: 'Trần Thị Bình',
      submissionId: null,
      submissionReference: null,
      procedureCode: '1.009999',
      deskCode: 'H56.99',
      acknowledgedAt: null,
    }),
    inbound({
      id: FAILED,
      nationalCode: 'G22.99-260301-0003',
      state: 'failed',
      lastError: 'LayHoSo: timeout after 30000 ms',
      attempts: 4,
      submissionId: null,
      submissionReference: null,
      applicantName: null,
      procedureCode: null,
      acknowledgedAt: null,
    }),
  ];
  rows = [
    row({}),
    row({ id: 2, statusCode: 9, state: 'failing', attempts: 3, nextAttemptAt: '2026-03-01T09:30:00+07:00', lastError: 'DongBoHoSoMC: error_code 99 (Lỗi hệ thống)', sentAt: null }),
    row({ id: 3, dossierCode: 'H56.22-260301-0002', statusCode: 2, state: 'waiting', attempts: 0, nextAttemptAt: '2026-03-01T09:05:00+07:00', sentAt: null }),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url });
      const path = url.split('?')[0]!;
      if (path === '/api/v1/identity/me') return reply({ csrfToken: 'csrf', user: me() });
      if (path === '/api/v1/exchange/outbox') {
        const state = new URL(url, 'http://x').searchParams.get('state');
        const items = state ? rows.filter((r) => r.state === state) : rows;
        return reply({ items, total: items.length, enabled, counts: { sent: 12, waiting: 3, failing: 1 } });
      }
      if (path === '/api/v1/exchange/inbound') {
        const q = new URL(url, 'http://x').searchParams;
        const items = inboundRows.filter((r) => (!q.get('state') || r.state === q.get('state')) && (!q.get('code') || r.nationalCode === q.get('code')));
        return reply({ items, total: items.length, enabled, counts: { received: 7, unreadable: 2, failed: 1, unacknowledged: 3 } });
      }
      const retry = /^\/api\/v1\/exchange\/inbound\/([\w-]+)\/retry$/.exec(path);
      if (retry && method === 'POST') {
        if (retryAnswer) return reply(retryAnswer.body, retryAnswer.status);
        inboundRows = inboundRows.map((r) => (r.id === retry[1] ? { ...r, state: 'failed', lastError: null } : r));
        return reply(inboundRows.find((r) => r.id === retry[1]));
      }
      const resend = /^\/api\/v1\/exchange\/outbox\/(\d+)\/resend$/.exec(path);
      if (resend && method === 'POST') {
        if (resendAnswer) return reply(resendAnswer.body, resendAnswer.status);
        const id = Number(resend[1]);
        rows = rows.map((r) => (r.id === id ? { ...r, nextAttemptAt: '2026-03-01T09:10:00+07:00' } : r));
        return reply(rows.find((r) => r.id === id));
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const outboxReads = () => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/v1/exchange/outbox'));
const inboundReads = () => calls.filter((c) => c.method === 'GET' && c.url.startsWith('/api/v1/exchange/inbound'));

describe('ExchangePage', { timeout: 30_000 }, () => {
  it('shows the counts, the rows with the national status named, and no disabled notice while the exchange is on', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Liên thông Cổng dịch vụ công quốc gia' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('exchange-count-sent').textContent).toContain('12'));
    expect(screen.getByTestId('exchange-count-waiting').textContent).toContain('3');
    expect(screen.getByTestId('exchange-count-failing').textContent).toContain('1');
    const table = screen.getByTestId('exchange-outbox');
    expect(within(table).getAllByRole('link', { name: 'H56.22-260301-0001' })[0]!.getAttribute('href')).toBe(`/admin/dossiers/${DOSSIER}`);
    expect(within(table).getByText('· Đã xử lý xong', { exact: false })).toBeTruthy();
    expect(within(table).getByText('Gửi lỗi, đang thử lại')).toBeTruthy();
    expect(within(table).getByText('DongBoHoSoMC: error_code 99 (Lỗi hệ thống)')).toBeTruthy();
    expect(screen.queryByTestId('exchange-disabled')).toBeNull();
  });

  it('says the exchange is off when the server has no portal configured', async () => {
    actions = ['exchange.outbox.read'];
    enabled = false;
    show();
    const alert = await screen.findByTestId('exchange-disabled');
    expect(alert.textContent).toContain('Liên thông đang tắt');
    expect(alert.textContent).toContain('DVCQG_URL');
  });

  it('resends a change not yet delivered after confirming, then reads the list again; sent rows have no resend', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    show();
    await screen.findByTestId('resend-2');
    expect(screen.getByTestId('resend-3')).toBeTruthy();
    expect(screen.queryByTestId('resend-1')).toBeNull();
    const before = outboxReads().length;
    fireEvent.click(screen.getByTestId('resend-2'));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/exchange/outbox/2/resend')).toBe(true));
    expect(await screen.findByText('Thay đổi của hồ sơ H56.22-260301-0001 sẽ được gửi lại ở lượt đồng bộ kế tiếp.')).toBeTruthy();
    await waitFor(() => expect(outboxReads().length).toBeGreaterThan(before));
  });

  it('shows the server’s translated refusal', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    resendAnswer = { status: 409, body: { error: { code: 'INVALID_STATE', message: 'Thao tác không hợp lệ ở trạng thái hiện tại.' } } };
    show();
    fireEvent.click(await screen.findByTestId('resend-3'));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    expect(await screen.findByText('Thao tác không hợp lệ ở trạng thái hiện tại.')).toBeTruthy();
  });

  it('offers no resend without the action', async () => {
    actions = ['exchange.outbox.read'];
    show();
    await screen.findByText('DongBoHoSoMC: error_code 99 (Lỗi hệ thống)');
    expect(screen.queryByTestId('resend-2')).toBeNull();
    expect(screen.queryByTestId('resend-3')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Thao tác' })).toBeNull();
  });

  it('filters by state from a count card and by dossier code from the search', async () => {
    actions = ['exchange.outbox.read'];
    show();
    const failing = await screen.findByTestId('exchange-count-failing');
    fireEvent.click(failing);
    await waitFor(() => expect(outboxReads().some((c) => c.url.includes('state=failing'))).toBe(true));
    expect(failing.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(within(screen.getByTestId('exchange-outbox')).queryByText('H56.22-260301-0002')).toBeNull());
    fireEvent.keyDown(failing, { key: 'Enter' });
    await waitFor(() => expect(failing.getAttribute('aria-pressed')).toBe('false'));
    const search = screen.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ' });
    fireEvent.change(search, { target: { value: ' H56.22-260301-0002 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(outboxReads().some((c) => c.url.includes('dossier=H56.22-260301-0002'))).toBe(true));
  });

  it('opens the inbound tab from the address and shows the counts, the rows, the reasons and the application link', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    show('/admin/exchange?tab=inbound');
    const table = await screen.findByTestId('exchange-inbound');
    expect(screen.getByRole('tab', { name: 'Nhận từ Cổng' }).getAttribute('aria-selected')).toBe('true');
    // Only the shown tab is read.
    expect(outboxReads()).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('inbound-count-received').textContent).toContain('7'));
    expect(screen.getByTestId('inbound-count-unreadable').textContent).toContain('2');
    expect(screen.getByTestId('inbound-count-failed').textContent).toContain('1');
    expect(screen.getByTestId('inbound-count-unacknowledged').textContent).toContain('3');
    await within(table).findByText('G22.99-260301-0001');
    expect(within(table).getByText('Nguyễn Văn An')).toBeTruthy();
    expect(within(table).getByText('Trần Thị Bình')).toBeTruthy();
    expect(within(table).getByText('Đã nhận vào hàng chờ')).toBeTruthy();
    expect(within(table).getByText('Không đọc được')).toBeTruthy();
    expect(within(table).getByText('Lỗi tạm thời, đang thử lại')).toBeTruthy();
    const problems = within(table).getByTestId(`inbound-problems-${UNREADABLE}`);
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Thủ tục 1.009999 chưa được công bố tại tỉnh.', 'Không có nơi tiếp nhận mang mã H56.99.']);
    expect(within(table).getByText('LayHoSo: timeout after 30000 ms')).toBeTruthy();
    expect(within(table).getByText('Đã xác nhận với Cổng')).toBeTruthy();
    expect(within(table).getAllByText('Chưa xác nhận')).toHaveLength(2);
    expect(within(table).getByRole('link', { name: 'DK-2026-000042' }).getAttribute('href')).toBe(`/admin/online-submissions/${SUBMISSION}`);
    expect(screen.queryByTestId('exchange-inbound-disabled')).toBeNull();
  });

  it('keeps the tab in the address', async () => {
    actions = ['exchange.outbox.read'];
    show();
    await screen.findByTestId('exchange-outbox');
    expect(screen.getByTestId('location').textContent).toBe('/admin/exchange');
    fireEvent.click(screen.getByRole('tab', { name: 'Nhận từ Cổng' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/exchange?tab=inbound'));
    await screen.findByTestId('exchange-inbound');
    await waitFor(() => expect(inboundReads().length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('tab', { name: 'Gửi lên Cổng' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/exchange'));
  });

  it('retries an unreadable dossier after confirming, then reads the list again; received rows have no retry', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    show('/admin/exchange?tab=inbound');
    await screen.findByTestId(`retry-${UNREADABLE}`);
    expect(screen.getByTestId(`retry-${FAILED}`)).toBeTruthy();
    expect(screen.queryByTestId(`retry-${inboundRows[0]!.id}`)).toBeNull();
    const before = inboundReads().length;
    fireEvent.click(screen.getByTestId(`retry-${UNREADABLE}`));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === `/api/v1/exchange/inbound/${UNREADABLE}/retry`)).toBe(true));
    expect(await screen.findByText('Hồ sơ G22.99-260301-0002 sẽ được đọc lại ở lượt nhận kế tiếp.')).toBeTruthy();
    await waitFor(() => expect(inboundReads().length).toBeGreaterThan(before));
  });

  it('shows the server’s refusal of a retry', async () => {
    actions = ['exchange.outbox.read', 'exchange.outbox.resend'];
    retryAnswer = { status: 409, body: { error: { code: 'INVALID_STATE', message: 'Thao tác không hợp lệ ở trạng thái hiện tại.' } } };
    show('/admin/exchange?tab=inbound');
    fireEvent.click(await screen.findByTestId(`retry-${FAILED}`));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    expect(await screen.findByText('Thao tác không hợp lệ ở trạng thái hiện tại.')).toBeTruthy();
  });

  it('offers no retry without the action, and says when the exchange is off', async () => {
    actions = ['exchange.outbox.read'];
    enabled = false;
    show('/admin/exchange?tab=inbound');
    expect((await screen.findByTestId('exchange-inbound-disabled')).textContent).toContain('không có hồ sơ nào được nhận về');
    await screen.findByText('LayHoSo: timeout after 30000 ms');
    expect(screen.queryByTestId(`retry-${UNREADABLE}`)).toBeNull();
    expect(screen.queryByTestId(`retry-${FAILED}`)).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Thao tác' })).toBeNull();
  });

  it('filters the inbound list by state from a count card and by national code from the search', async () => {
    actions = ['exchange.outbox.read'];
    show('/admin/exchange?tab=inbound');
    const unreadable = await screen.findByTestId('inbound-count-unreadable');
    fireEvent.click(unreadable);
    await waitFor(() => expect(inboundReads().some((c) => c.url.includes('state=unreadable'))).toBe(true));
    expect(unreadable.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(within(screen.getByTestId('exchange-inbound')).queryByText('G22.99-260301-0001')).toBeNull());
    // The count of unacknowledged dossiers only informs: it filters nothing.
    expect(screen.getByTestId('inbound-count-unacknowledged').getAttribute('role')).toBeNull();
    fireEvent.click(unreadable);
    await waitFor(() => expect(unreadable.getAttribute('aria-pressed')).toBe('false'));
    const search = screen.getByRole('searchbox', { name: 'Tìm theo mã hồ sơ trên Cổng' });
    fireEvent.change(search, { target: { value: ' G22.99-260301-0003 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(inboundReads().some((c) => c.url.includes('code=G22.99-260301-0003'))).toBe(true));
    await waitFor(() => expect(within(screen.getByTestId('exchange-inbound')).queryByText('G22.99-260301-0002')).toBeNull());
  });
});
