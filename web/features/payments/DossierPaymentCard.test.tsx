import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { DossierPaymentCard } from './DossierPaymentCard';
import type { DossierPayments, PaymentAttempt } from './payments.types';

const DOSSIER = '0b9a4f3e-1c2d-4e5f-8a6b-7c8d9e0f1a2b';

const attempt = (over: Partial<PaymentAttempt>): PaymentAttempt => ({
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
  ...over,
});

const payments = (over: Partial<DossierPayments>): DossierPayments => ({
  dossierId: DOSSIER,
  dossierCode: 'H56.22-260301-0001',
  due: null,
  requests: [],
  ...over,
});

type Answer = { status: number; body: unknown };
let answers: Record<string, Answer>;
let calls: { method: string; url: string; body: unknown }[];

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <DossierPaymentCard dossierId={DOSSIER} />
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
      const answer = answers[`${method} ${url}`] ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'not found' } } };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const LIST = `GET /api/v1/citizen/dossiers/${DOSSIER}/payments`;
const START = `POST /api/v1/citizen/dossiers/${DOSSIER}/payments`;

describe('DossierPaymentCard', { timeout: 30_000 }, () => {
  it('renders nothing when the dossier never awaited a payment', async () => {
    answers = { [LIST]: { status: 200, body: payments({}) } };
    const { container } = show();
    await waitFor(() => expect(calls.length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('[data-testid="dossier-payment-card"]')).toBeNull();
  });

  it('shows what is due in VND and sends the browser to the gateway', async () => {
    answers = {
      [LIST]: { status: 200, body: payments({ due: { amountVnd: 150_000, reason: 'Lệ phí cấp giấy phép', requestedAt: '2026-03-01T08:30:00+07:00', payableOnline: true } }) },
      [START]: { status: 201, body: { txnRef: 'PAY2603010002', paymentUrl: 'https://sandbox.example/pay?x=1', expiresAt: '2026-03-01T09:15:00+07:00', amountVnd: 150_000 } },
    };
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    show();
    expect(await screen.findByText('Nộp phí, lệ phí trực tuyến')).toBeTruthy();
    expect(screen.getByTestId('payment-due-amount').textContent).toMatch(/^150\.000\s₫$/);
    expect(screen.getByText('Lệ phí cấp giấy phép')).toBeTruthy();
    expect(screen.getByText('01/03/2026 08:30')).toBeTruthy();
    fireEvent.click(screen.getByTestId('pay-online'));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://sandbox.example/pay?x=1'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ locale: 'vi' });
  });

  it('shows the server’s message when paying is refused', async () => {
    answers = {
      [LIST]: { status: 200, body: payments({ due: { amountVnd: 150_000, reason: null, requestedAt: '2026-03-01T08:30:00+07:00', payableOnline: true } }) },
      [START]: { status: 429, body: { error: { code: 'PAYMENT_TOO_MANY_ATTEMPTS', message: 'Đã có nhiều lần thanh toán đang chờ.' } } },
    };
    const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
    show();
    fireEvent.click(await screen.findByTestId('pay-online'));
    expect(await screen.findByText('Đã có nhiều lần thanh toán đang chờ.')).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
  });

  it('explains why a due amount cannot be paid online, with no pay button', async () => {
    answers = { [LIST]: { status: 200, body: payments({ due: { amountVnd: null, reason: null, requestedAt: '2026-03-01T08:30:00+07:00', payableOnline: false } }) } };
    show();
    expect(await screen.findByText(/liên hệ bộ phận một cửa/)).toBeTruthy();
    expect(screen.queryByTestId('pay-online')).toBeNull();
  });

  it('lists the payments made, with the receipt of the paid one only', async () => {
    const paid = attempt({
      txnRef: 'PAY2603010003',
      state: 'succeeded',
      settledAt: '2026-03-01T09:05:00+07:00',
      settledVia: 'ipn',
      responseCode: '00',
      receiptNo: 'BL-2026-000123',
      createdAt: '2026-03-01T09:02:00+07:00',
    });
    const cancelled = attempt({ txnRef: 'PAY2603010001', state: 'cancelled', responseCode: '24' });
    answers = {
      [LIST]: {
        status: 200,
        body: payments({
          requests: [
            {
              id: '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
              description: 'Lệ phí',
              amountVnd: 150_000,
              state: 'paid',
              createdAt: '2026-03-01T08:30:00+07:00',
              paidAt: paid.settledAt,
              attempts: [cancelled, paid],
            },
          ],
        }),
      },
    };
    show();
    expect(await screen.findByText('Đã thanh toán')).toBeTruthy();
    expect(screen.getByText('Đã hủy')).toBeTruthy();
    expect(screen.getByText('Người nộp đã hủy giao dịch tại cổng thanh toán.')).toBeTruthy();
    expect(screen.getByText('Biên lai số BL-2026-000123')).toBeTruthy();
    expect(screen.getByTestId('receipt-PAY2603010003').getAttribute('href')).toBe(`/api/v1/citizen/dossiers/${DOSSIER}/payments/PAY2603010003/receipt`);
    expect(screen.queryByTestId('receipt-PAY2603010001')).toBeNull();
    expect(screen.queryByTestId('payment-due')).toBeNull();
    // Newest first.
    const items = screen.getAllByTestId(/^payment-attempt-/).map((el) => el.getAttribute('data-testid'));
    expect(items).toEqual(['payment-attempt-PAY2603010003', 'payment-attempt-PAY2603010001']);
  });
});
