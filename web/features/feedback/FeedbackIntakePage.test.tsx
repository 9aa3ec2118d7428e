import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { FeedbackIntakePage } from './FeedbackIntakePage';
import type { FeedbackReceipt, OfficerIntakeRequest, PublicFeedbackSummary } from './feedback.types';

const CENTRE = { id: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a', code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh' };
const CONTROL = { id: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', code: 'VP-KSTTHC', name: 'Phòng Kiểm soát thủ tục hành chính' };

let grants: { role: string; orgUnitId: string; orgUnitName: string; orgUnitCode: string }[];
let intakes: OfficerIntakeRequest[];
let similarQueries: string[];
let intakeAnswer: { status: number; body: unknown } | null;

const receipt: FeedbackReceipt = {
  id: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e',
  code: 'PAKN-2026-000057',
  state: 'NEW',
  channel: 'letter',
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-09T09:00:00+07:00',
  assignedUnit: CONTROL,
  publish: false,
  senderToken: 'Qm9uZ3VyLXNlY3JldC1rZXktMzItY2hh',
};

const similar: PublicFeedbackSummary = {
  code: 'PAKN-2025-000311',
  kind: 'regulation',
  title: 'Đề nghị bỏ yêu cầu bản sao có chứng thực giấy khai sinh',
  senderName: 'N.V.A.',
  procedure: null,
  field: null,
  unit: CONTROL,
  receivedAt: '2025-11-03T08:00:00+07:00',
  answeredAt: '2025-11-07T15:30:00+07:00',
  reopened: false,
  followers: 3,
};

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, {
    id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    kind: 'officer',
    username: 'tiepnhan',
    displayName: 'Lê Văn Cường',
    email: null,
    phone: null,
    accountType: null,
    grants,
    actions: grants.length ? ['feedback.intake', 'feedback.read'] : ['feedback.read'],
  });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/admin/feedback/new']}>
          <FeedbackIntakePage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  grants = [{ role: 'reception-officer', orgUnitId: CENTRE.id, orgUnitName: CENTRE.name, orgUnitCode: CENTRE.code }];
  intakes = [];
  similarQueries = [];
  intakeAnswer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === '/api/v1/feedback/similar') {
        const q = new URL(url, 'http://x').searchParams.get('q')!;
        similarQueries.push(q);
        return reply({ items: q.includes('chứng thực') ? [similar] : [] });
      }
      if (path === '/api/v1/feedback/intake' && init?.method === 'POST') {
        intakes.push(JSON.parse(init.body as string) as OfficerIntakeRequest);
        return intakeAnswer ? reply(intakeAnswer.body, intakeAnswer.status) : reply(receipt, 201);
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fill() {
  fireEvent.click(screen.getByRole('radio', { name: 'Văn bản, thư gửi' }));
  type('Họ và tên người gửi', ' Phạm Thị Dung ');
  type('Địa chỉ liên hệ', 'Thôn Đông, xã Yên Phong');
  type('Tiêu đề', 'Đề nghị bỏ yêu cầu bản sao chứng thực');
  type('Nội dung', 'Thủ tục đăng ký thường trú vẫn yêu cầu bản sao có chứng thực giấy khai sinh.');
  fireEvent.click(screen.getByRole('checkbox', { name: 'Người gửi không đồng ý công khai câu trả lời' }));
}

describe('FeedbackIntakePage', { timeout: 30_000 }, () => {
  it('suggests similar answered items while typing, posts the item and shows the receipt with the sender’s secret once', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Tiếp nhận phản ánh, kiến nghị' })).toBeTruthy();
    fill();
    const suggestion = await screen.findByTestId('feedback-similar-item', {}, { timeout: 3000 });
    expect(suggestion.getAttribute('href')).toBe('/phan-anh-kien-nghi/cong-khai/PAKN-2025-000311');
    expect(screen.getByTestId('feedback-similar').textContent).toContain('Có 1 phản ánh tương tự đã được trả lời.');
    expect(similarQueries.at(-1)).toContain('Đề nghị bỏ yêu cầu bản sao chứng thực');

    fireEvent.click(screen.getByTestId('feedback-intake-submit'));
    await waitFor(() => expect(intakes).toHaveLength(1));
    expect(intakes[0]).toEqual({
      channel: 'letter',
      receivingUnitId: CENTRE.id,
      sender: { name: 'Phạm Thị Dung', address: 'Thôn Đông, xã Yên Phong' },
      title: 'Đề nghị bỏ yêu cầu bản sao chứng thực',
      content: 'Thủ tục đăng ký thường trú vẫn yêu cầu bản sao có chứng thực giấy khai sinh.',
      publish: false,
    });
    const card = await screen.findByTestId('feedback-receipt');
    expect(within(card).getByRole('heading', { level: 2, name: 'Đã tiếp nhận phản ánh, kiến nghị' })).toBeTruthy();
    expect(within(card).getByTestId('feedback-receipt-code').textContent).toContain('PAKN-2026-000057');
    expect(within(card).getByTestId('feedback-receipt-unit').textContent).toBe('Phòng Kiểm soát thủ tục hành chính');
    expect(within(card).getByTestId('feedback-receipt-due').textContent).toBe('09 giờ 00 phút, Thứ Hai, ngày 09/03/2026');
    expect(within(card).getByTestId('feedback-receipt-token').textContent).toContain('Qm9uZ3VyLXNlY3JldC1rZXktMzItY2hh');
    expect(within(card).getByTestId('feedback-receipt-link').textContent).toContain('/phan-anh-kien-nghi/PAKN-2026-000057?khoa=Qm9uZ3VyLXNlY3JldC1rZXktMzItY2hh');
    expect(within(card).getByTestId('feedback-receipt-open').getAttribute('href')).toBe('/admin/feedback/8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e');

    // Another item starts from an empty form.
    fireEvent.click(within(card).getByTestId('feedback-receipt-another'));
    expect((await screen.findByLabelText<HTMLInputElement>('Tiêu đề')).value).toBe('');
  });

  it('asks for a way to reach the sender before sending, and shows the server’s field errors in place', async () => {
    show();
    await screen.findByTestId('feedback-intake-form');
    type('Họ và tên người gửi', 'Phạm Thị Dung');
    type('Tiêu đề', 'Đề nghị bỏ yêu cầu bản sao chứng thực');
    type('Nội dung', 'Thủ tục đăng ký thường trú vẫn yêu cầu bản sao có chứng thực giấy khai sinh.');
    fireEvent.click(screen.getByTestId('feedback-intake-submit'));
    expect(await screen.findByText('Vui lòng ghi thư điện tử, số điện thoại hoặc địa chỉ của người gửi.')).toBeTruthy();
    expect(intakes).toHaveLength(0);

    intakeAnswer = {
      status: 400,
      body: {
        error: {
          code: 'FEEDBACK_INTAKE_INVALID',
          message: 'Phản ánh, kiến nghị chưa hợp lệ: vui lòng kiểm tra các trường được đánh dấu.',
          fields: [{ path: 'body.procedureCode', code: 'feedback.errors.procedureUnknown', message: 'Không có thủ tục hành chính mã 9.999999 trong danh mục đang có hiệu lực.' }],
        },
      },
    };
    type('Số điện thoại', '0912 345 678');
    type('Mã thủ tục hành chính (nếu có)', '9.999999');
    fireEvent.click(screen.getByTestId('feedback-intake-submit'));
    await waitFor(() => expect(intakes).toHaveLength(1));
    expect(intakes[0]).toMatchObject({ channel: 'desk', sender: { name: 'Phạm Thị Dung', phone: '0912 345 678' }, procedureCode: '9.999999', publish: true });
    expect(await screen.findByText('Không có thủ tục hành chính mã 9.999999 trong danh mục đang có hiệu lực.')).toBeTruthy();
    expect(screen.queryByTestId('feedback-receipt')).toBeNull();
  });

  it('says so when the officer records feedback for no unit', async () => {
    grants = [{ role: 'leader', orgUnitId: CONTROL.id, orgUnitName: CONTROL.name, orgUnitCode: CONTROL.code }];
    show();
    expect(await screen.findByRole('heading', { level: 2, name: 'Bạn chưa được giao tiếp nhận phản ánh, kiến nghị' })).toBeTruthy();
    expect(screen.queryByTestId('feedback-intake-form')).toBeNull();
  });
});
