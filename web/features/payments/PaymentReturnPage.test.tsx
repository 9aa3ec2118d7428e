import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { PaymentReturnPage } from './PaymentReturnPage';
import type { PaymentReturnView } from './payments.types';

const DOSSIER = '0b9a4f3e-1c2d-4e5f-8a6b-7c8d9e0f1a2b';
const SEARCH = '?vnp_Amount=15000000&vnp_ResponseCode=00&vnp_TxnRef=PAY2603010003&vnp_OrderInfo=Thanh+toan+phi&vnp_SecureHash=ab12';

const view = (over: Partial<PaymentReturnView>): PaymentReturnView => ({
  txnRef: 'PAY2603010003',
  state: 'succeeded',
  gatewayOutcome: 'succeeded',
  amountVnd: 150_000,
  dossierId: DOSSIER,
  dossierCode: 'H56.22-260301-0001',
  receiptNo: 'BL-2026-000123',
  ...over,
});

/** The answers the return endpoint gives, one per call (the last one repeats). */
let answers: { status: number; body: unknown }[];
let urls: string[];

function show(search: string) {
  window.history.replaceState(null, '', `/thanh-toan/ket-qua${search}`);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>
          <PaymentReturnPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  urls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('PaymentReturnPage', { timeout: 30_000 }, () => {
  it('passes the gateway’s query string on unchanged and shows a recorded payment as paid', async () => {
    answers = [{ status: 200, body: view({}) }];
    show(SEARCH);
    expect(await screen.findByText('Thanh toán thành công')).toBeTruthy();
    expect(urls[0]).toBe(`/api/v1/payments/return${SEARCH}`);
    expect(screen.getByTestId('payment-state').textContent).toBe('Thanh toán thành công');
    expect(screen.getByText('Đã thanh toán')).toBeTruthy();
    expect(screen.getByTestId('payment-return-result').contains(screen.getByRole('link', { name: 'Tải biên lai' }))).toBe(true);
    expect(screen.getByText(/^150\.000\s₫$/)).toBeTruthy();
    expect(screen.getByText('H56.22-260301-0001')).toBeTruthy();
    expect(screen.getByText('BL-2026-000123')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href')).toBe(`/ho-so-cua-toi/${DOSSIER}`);
    expect(screen.getByTestId('payment-return-receipt').getAttribute('href')).toBe(`/api/v1/citizen/dossiers/${DOSSIER}/payments/PAY2603010003/receipt`);
  });

  it('waits for the gateway’s notification without claiming success, then shows the payment once recorded', async () => {
    answers = [
      { status: 200, body: view({ state: 'pending', receiptNo: null }) },
      { status: 200, body: view({}) },
    ];
    show(SEARCH);
    expect(await screen.findByText('Đang chờ cổng thanh toán xác nhận')).toBeTruthy();
    expect(screen.getByTestId('payment-state').getAttribute('data-state')).toBe('waiting');
    expect(screen.getByText('Đang chờ xác nhận')).toBeTruthy();
    expect(screen.queryByText('Thanh toán thành công')).toBeNull();
    expect(await screen.findByText('Thanh toán thành công', undefined, { timeout: 5_000 })).toBeTruthy();
    expect(urls.length).toBe(2);
  });

  it('stops asking after a minute and says the payment will be confirmed automatically', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    answers = [{ status: 200, body: view({ state: 'pending', receiptNo: null }) }];
    show(SEARCH);
    expect(await screen.findByText('Đang chờ cổng thanh toán xác nhận')).toBeTruthy();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(61_000);
    });
    expect(screen.getByText(/sẽ được xác nhận tự động/)).toBeTruthy();
    const asked = urls.length;
    expect(asked).toBeGreaterThan(10);
    expect(asked).toBeLessThanOrEqual(32);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(urls.length).toBe(asked);
    expect(screen.getByTestId('payment-return-check')).toBeTruthy();
  });

  it('explains a cancelled payment from the gateway’s code and leads back to the dossier', async () => {
    answers = [{ status: 200, body: view({ state: 'pending', gatewayOutcome: 'cancelled', receiptNo: null }) }];
    show(SEARCH.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=24'));
    expect(await screen.findByText('Giao dịch chưa thành công')).toBeTruthy();
    expect(screen.getByTestId('payment-return-reason').textContent).toBe('Người nộp đã hủy giao dịch tại cổng thanh toán.');
    expect(screen.getByRole('link', { name: 'Quay lại hồ sơ để thanh toán lại' }).getAttribute('href')).toBe(`/ho-so-cua-toi/${DOSSIER}`);
  });

  it('shows insufficient funds and a generic reason for other codes', async () => {
    answers = [{ status: 200, body: view({ state: 'failed', gatewayOutcome: 'failed', receiptNo: null }) }];
    show(SEARCH.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=51'));
    expect((await screen.findByTestId('payment-return-reason')).textContent).toBe('Tài khoản không đủ số dư để thanh toán.');
    cleanup();
    show(SEARCH.replace('vnp_ResponseCode=00', 'vnp_ResponseCode=09'));
    expect((await screen.findByTestId('payment-return-reason')).textContent).toBe('Cổng thanh toán báo giao dịch không thành công.');
  });

  it('refuses a return whose signature the server rejects', async () => {
    answers = [{ status: 400, body: { error: { code: 'PAYMENT_SIGNATURE_INVALID', message: 'Kết quả thanh toán gửi về không có chữ ký hợp lệ.' } } }];
    show(SEARCH);
    expect(await screen.findByText('Kết quả thanh toán không hợp lệ')).toBeTruthy();
    expect(screen.getByText('Kết quả thanh toán gửi về không có chữ ký hợp lệ.')).toBeTruthy();
    expect(screen.getByTestId('payment-state').getAttribute('data-state')).toBe('invalid');
    expect(screen.queryByText('Mã giao dịch')).toBeNull();
  });
});
