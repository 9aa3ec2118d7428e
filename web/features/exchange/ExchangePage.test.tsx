import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { ExchangePage } from './ExchangePage';
import type { ExchangeRow } from './exchange.types';

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

let actions: string[];
let enabled: boolean;
let rows: ExchangeRow[];
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

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The signed-in user is known from the first render, so an absent button means no action, not "not loaded yet".
  client.setQueryData(identityKeys.me, me());
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <ExchangePage />
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
});
