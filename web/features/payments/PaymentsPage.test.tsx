import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { PaymentsPage } from './PaymentsPage';
import type { FinanceTransaction, MismatchView } from './payments.types';

const UNIT = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', name: 'UBND xã Đông Tiến' };

const txn = (over: Partial<FinanceTransaction>): FinanceTransaction => ({
  txnRef: 'PAY2603010001',
  amountVnd: 150_000,
  state: 'pending',
  createdAt: '2026-03-01T09:00:00+07:00',
  expiresAt: '2026-03-01T09:15:00+07:00',
  settledAt: null,
  settledVia: null,
  responseCode: null,
  receiptNo: null,
  overpaid: false,
  dossierId: '0b9a4f3e-1c2d-4e5f-8a6b-7c8d9e0f1a2b',
  dossierCode: 'H56.22-260301-0001',
  unit: UNIT,
  gatewayTxnNo: null,
  bankCode: null,
  appliedOutcome: null,
  ...over,
});

const mismatch: MismatchView = {
  id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  kind: 'missing-record',
  txnRef: 'PAY2603010009',
  day: '2026-03-01',
  unit: null,
  recordAmountVnd: null,
  statementAmountVnd: 200_000,
  recordState: null,
  statementStatus: '00',
  resolvedAt: null,
  resolution: null,
};

let actions: string[];
let transactions: FinanceTransaction[];
let calls: { method: string; url: string; body: unknown }[];

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <PaymentsPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, body: init?.body ? JSON.parse(init.body as string) : undefined });
      const path = url.split('?')[0];
      if (path === '/api/v1/identity/me')
        return reply({
          csrfToken: 'csrf',
          user: {
            id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
            kind: 'officer',
            username: 'ketoan',
            displayName: 'Kế toán',
            email: null,
            phone: null,
            accountType: null,
            grants: [],
            actions,
          },
        });
      if (path === '/api/v1/payments/transactions') return reply({ items: transactions, total: transactions.length });
      if (path === '/api/v1/payments/transactions/PAY2603010001/query' && method === 'POST') {
        transactions = [txn({ state: 'succeeded', settledAt: '2026-03-01T09:06:00+07:00', settledVia: 'query', receiptNo: 'BL-2026-000124', appliedOutcome: 'resumed' })];
        return reply(transactions[0]);
      }
      if (path === '/api/v1/payments/statements' && method === 'POST')
        return reply(
          {
            id: '9e8d7c6b-5a49-4382-9a1b-0c2d3e4f5a6b',
            day: '2026-03-01',
            lines: 3,
            totalVnd: 350_000,
            matched: 1,
            mismatches: 1,
            unreadable: [{ line: 4, reason: 'Số tiền không hợp lệ' }],
            importedAt: '2026-03-02T08:00:00+07:00',
          },
          201,
        );
      if (path === '/api/v1/payments/mismatches') return reply({ items: [mismatch], total: 1 });
      if (path === `/api/v1/payments/mismatches/${mismatch.id}/resolve`)
        return reply({ ...mismatch, resolvedAt: '2026-03-02T10:00:00+07:00', resolution: 'Đã đề nghị ngân hàng tra soát' });
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PaymentsPage', { timeout: 30_000 }, () => {
  it('shows only the transactions to an officer who does not reconcile', async () => {
    actions = ['payments.transactions.read'];
    transactions = [txn({})];
    show();
    expect(await screen.findByText('PAY2603010001')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Giao dịch' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Đối soát' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Chênh lệch' })).toBeNull();
  });

  it('asks the gateway about a pending attempt and shows it settled, with its receipt', async () => {
    actions = ['payments.transactions.read'];
    transactions = [
      txn({}),
      txn({ txnRef: 'PAY2603010002', state: 'succeeded', overpaid: true, settledAt: '2026-03-01T09:04:00+07:00', settledVia: 'ipn', receiptNo: 'BL-2026-000120' }),
    ];
    show();
    expect(await screen.findByTestId('overpaid-PAY2603010002')).toBeTruthy();
    expect(screen.queryByTestId('query-PAY2603010002')).toBeNull();
    fireEvent.click(screen.getByTestId('query-PAY2603010001'));
    await waitFor(() => expect(screen.getByTestId('finance-receipt-PAY2603010001').getAttribute('href')).toBe('/api/v1/payments/transactions/PAY2603010001/receipt'));
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/payments/transactions/PAY2603010001/query')).toBe(true);
    expect(screen.getByText('qua tra vấn')).toBeTruthy();
    expect(screen.getByText('Hồ sơ đã tiếp tục giải quyết')).toBeTruthy();
  });

  it('lets a reconciling officer resolve a mismatch with a required note', async () => {
    actions = ['payments.transactions.read', 'payments.statements.reconcile'];
    transactions = [];
    show();
    fireEvent.click(await screen.findByRole('tab', { name: 'Chênh lệch' }));
    expect(await screen.findByText('Cổng đã thu, hệ thống chưa ghi nhận')).toBeTruthy();
    expect(calls.some((c) => c.url.startsWith('/api/v1/payments/mismatches?') && c.url.includes('open=true'))).toBe(true);
    fireEvent.click(screen.getByTestId('resolve-PAY2603010009'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận đã xử lý' }));
    expect(await within(dialog).findByText('Vui lòng ghi cách đã xử lý chênh lệch.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Cách xử lý'), { target: { value: 'Đã đề nghị ngân hàng tra soát' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi nhận đã xử lý' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ resolution: 'Đã đề nghị ngân hàng tra soát' }));
  });

  it('imports a day’s statement read in the browser and shows what matched', async () => {
    actions = ['payments.transactions.read', 'payments.statements.reconcile'];
    transactions = [];
    show();
    fireEvent.click(await screen.findByRole('tab', { name: 'Đối soát' }));
    const day = await screen.findByLabelText('Ngày giao dịch của sao kê');
    fireEvent.mouseDown(day);
    fireEvent.change(day, { target: { value: '01/03/2026' } });
    fireEvent.keyDown(day, { key: 'Enter', code: 'Enter' });
    const csv = 'TxnRef,TransactionNo,Amount,PayDate,Status\nPAY2603010001,14000001,15000000,20260301090500,00\n';
    const input = screen.getByLabelText<HTMLInputElement>('Tệp sao kê (CSV)');
    expect(input.type).toBe('file');
    expect(input.getAttribute('accept')).toBe('.csv,text/csv');
    fireEvent.change(input, { target: { files: [new File([csv], 'saoke-20260301.csv', { type: 'text/csv' })] } });
    expect(await screen.findByText('saoke-20260301.csv')).toBeTruthy();
    fireEvent.click(screen.getByTestId('statement-import'));
    const result = await screen.findByTestId('statement-result');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ day: '2026-03-01', csv });
    expect(within(result).getByText('Kết quả đối soát ngày 01/03/2026')).toBeTruthy();
    expect(within(result).getByText('Dòng 4: Số tiền không hợp lệ')).toBeTruthy();
    expect(within(result).getByText('Có 1 chênh lệch cần xử lý.')).toBeTruthy();
  });
});
