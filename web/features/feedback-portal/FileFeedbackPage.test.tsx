import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from '../../app/i18n';
import type { FeedbackReceipt } from '../../../contracts/feedback/feedback.contracts';
import { FileFeedbackPage, toSubmitRequest } from './FileFeedbackPage';
import { CITIZEN, renderAt, stubFetch, summary, type Call } from './test/fixtures';

const SECRET = 'q8Xv3kLm9TzR2wYp5HsB7nJd4FgC6aEu';

const receipt = (over: Partial<FeedbackReceipt> = {}): FeedbackReceipt => ({
  id: '0b9a4f3e-1c2d-4e5f-8a6b-7c8d9e0f1a2b',
  code: 'PAKN-2026-000042',
  state: 'NEW',
  channel: 'portal',
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-09T09:00:00+07:00',
  assignedUnit: { id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f', code: 'VP-UBND', name: 'Văn phòng UBND tỉnh Thanh Hóa' },
  publish: true,
  senderToken: SECRET,
  ...over,
});

const show = () => renderAt('/phan-anh-kien-nghi/gui', '/phan-anh-kien-nghi/gui', <FileFeedbackPage />);
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillAnonymous() {
  type('Tiêu đề', 'Thời hạn đăng ký khai sinh quá dài');
  type('Nội dung phản ánh, kiến nghị', 'Đề nghị rút ngắn thời hạn đăng ký khai sinh cho trẻ sinh ở nước ngoài.');
  type('Họ và tên', 'Nguyễn Văn An');
  type('Số điện thoại', '0912 345 678');
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

afterEach(async () => {
  // antd animates error messages on a timer; let it fire while the DOM still exists.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  cleanup();
  vi.unstubAllGlobals();
});

describe('FileFeedbackPage', { timeout: 30_000 }, () => {
  it('suggests similar answered items while the title is typed, and follows one instead of filing', async () => {
    const calls = stubFetch(CITIZEN, (c) => {
      if (c.method === 'GET' && c.path === '/api/v1/feedback/similar') return { status: 200, body: { items: [summary()] } };
      if (c.method === 'POST' && c.path === '/api/v1/feedback/PAKN-2026-000012/follow') return { status: 200, body: { code: 'PAKN-2026-000012', following: true, followers: 3 } };
      return undefined;
    });
    show();
    expect(await screen.findByTestId('feedback-signed-in')).toBeTruthy();
    // Signed in: the account's name fills the sender's name.
    expect(screen.getByLabelText<HTMLInputElement>('Họ và tên').value).toBe('Trần Thị Bình');
    expect(screen.queryByTestId('similar-feedback')).toBeNull();

    type('Tiêu đề', 'Đăng ký khai sinh trẻ ở nước ngoài');
    const similar = await screen.findByTestId('similar-feedback', undefined, { timeout: 3_000 });
    expect(within(similar).getByRole('heading', { level: 2, name: 'Đã có phản ánh tương tự' })).toBeTruthy();
    const asked = calls.filter((c) => c.path === '/api/v1/feedback/similar');
    // Typing is debounced: one question for the settled text.
    expect(asked.map((c) => c.query.get('q'))).toEqual(['Đăng ký khai sinh trẻ ở nước ngoài']);
    const link = within(similar).getByRole('link', { name: /Thời hạn giải quyết đăng ký khai sinh/ });
    expect(link.getAttribute('href')).toBe('/phan-anh-kien-nghi/cong-khai/PAKN-2026-000012');

    fireEvent.click(within(similar).getByTestId('similar-follow'));
    expect(await within(similar).findByTestId('similar-follow-done')).toBeTruthy();
    expect(within(similar).getByTestId('similar-follow-done').textContent).toContain('PAKN-2026-000012');
    const follows = calls.filter((c) => c.method === 'POST');
    expect(follows.map((c) => c.path)).toEqual(['/api/v1/feedback/PAKN-2026-000012/follow']);
  });

  it('asks an anonymous visitor to sign in to follow a suggestion', async () => {
    stubFetch(null, (c) => (c.path === '/api/v1/feedback/similar' ? { status: 200, body: { items: [summary()] } } : undefined));
    show();
    expect(await screen.findByTestId('feedback-anonymous')).toBeTruthy();
    type('Nội dung phản ánh, kiến nghị', 'Đăng ký khai sinh cho trẻ ở nước ngoài mất quá nhiều thời gian');
    const similar = await screen.findByTestId('similar-feedback', undefined, { timeout: 3_000 });
    expect(within(similar).queryByTestId('similar-follow')).toBeNull();
    expect(within(similar).getByTestId('similar-follow-sign-in').textContent).toContain('Đăng nhập');
  });

  it('files anonymously and shows the secret key once, with the sender page link and the due in words', async () => {
    const calls = stubFetch(null, (c) => (c.method === 'POST' && c.path === '/api/v1/feedback' ? { status: 201, body: receipt() } : undefined));
    show();
    await screen.findByTestId('feedback-anonymous');
    fillAnonymous();
    fireEvent.click(screen.getByLabelText('Tôi không đồng ý công khai phản ánh và câu trả lời này'));
    fireEvent.click(screen.getByTestId('feedback-submit'));

    expect((await screen.findByTestId('feedback-code')).textContent).toBe('PAKN-2026-000042');
    const posted = calls.filter((c) => c.method === 'POST');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toEqual({
      title: 'Thời hạn đăng ký khai sinh quá dài',
      content: 'Đề nghị rút ngắn thời hạn đăng ký khai sinh cho trẻ sinh ở nước ngoài.',
      publish: false,
      sender: { name: 'Nguyễn Văn An', phone: '0912 345 678' },
    });
    expect(screen.getByTestId('feedback-unit').textContent).toBe('Văn phòng UBND tỉnh Thanh Hóa');
    expect(screen.getByTestId('feedback-due').textContent).toBe('09 giờ 00 phút, Thứ Hai, ngày 09/03/2026');
    expect(screen.getAllByTestId('feedback-secret').map((e) => e.textContent)).toEqual([SECRET]);
    expect(screen.getByText(/chỉ hiển thị một lần này/)).toBeTruthy();
    expect(screen.getByTestId('feedback-sender-link').getAttribute('href')).toBe(`/phan-anh-kien-nghi/PAKN-2026-000042?khoa=${SECRET}`);
    expect(document.activeElement?.textContent).toBe('Đã gửi phản ánh, kiến nghị');

    // Once: filing another gives an empty form, and the key is gone from the page.
    fireEvent.click(screen.getByTestId('feedback-file-another'));
    expect(screen.queryByTestId('feedback-secret')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Tiêu đề').value).toBe('');
  });

  it('files under the account: no secret, a link to the sender page and to my feedback', async () => {
    const calls = stubFetch(CITIZEN, (c) => (c.method === 'POST' && c.path === '/api/v1/feedback' ? { status: 201, body: receipt({ senderToken: null }) } : undefined));
    show();
    await screen.findByTestId('feedback-signed-in');
    type('Tiêu đề', 'Đề nghị công khai biểu mẫu tờ khai');
    type('Nội dung phản ánh, kiến nghị', 'Đề nghị công khai biểu mẫu tờ khai điện tử trên Cổng.');
    fireEvent.click(screen.getByTestId('feedback-submit'));
    expect(await screen.findByTestId('feedback-code')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ publish: true, sender: { name: 'Trần Thị Bình', email: 'binh.tran@example.vn' } });
    expect(screen.queryByTestId('feedback-secret')).toBeNull();
    expect(screen.getByTestId('feedback-sender-link').getAttribute('href')).toBe('/phan-anh-kien-nghi/PAKN-2026-000042');
    expect(screen.getByTestId('feedback-mine-link').getAttribute('href')).toBe('/phan-anh-kien-nghi/cua-toi');
  });

  it('keeps what was typed when the server refuses, with its message under the field', async () => {
    const calls: Call[] = stubFetch(null, (c) =>
      c.method === 'POST' && c.path === '/api/v1/feedback'
        ? {
            status: 400,
            body: {
              error: {
                code: 'FEEDBACK_INTAKE_INVALID',
                message: 'Phản ánh, kiến nghị chưa hợp lệ: vui lòng kiểm tra các trường được đánh dấu.',
                fields: [{ path: 'body.dossierCode', code: 'feedback.errors.dossierUnknown', message: 'Không tìm thấy hồ sơ có mã H99.99-260302-0001.' }],
              },
            },
          }
        : undefined,
    );
    show();
    await screen.findByTestId('feedback-anonymous');
    fillAnonymous();
    type('Mã hồ sơ liên quan (nếu có)', 'H99.99-260302-0001');
    fireEvent.click(screen.getByTestId('feedback-submit'));

    expect(await screen.findByText('Không tìm thấy hồ sơ có mã H99.99-260302-0001.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(screen.getByLabelText<HTMLInputElement>('Tiêu đề').value).toBe('Thời hạn đăng ký khai sinh quá dài');
    expect(screen.getByLabelText<HTMLInputElement>('Mã hồ sơ liên quan (nếu có)').value).toBe('H99.99-260302-0001');
    expect(screen.getByLabelText<HTMLInputElement>('Họ và tên').value).toBe('Nguyễn Văn An');
    expect(screen.queryByTestId('feedback-code')).toBeNull();
  });

  it('asks an anonymous sender for a name and a way to be reached before sending anything', async () => {
    const calls = stubFetch(null, () => undefined);
    show();
    await screen.findByTestId('feedback-anonymous');
    type('Tiêu đề', 'Thời hạn đăng ký khai sinh quá dài');
    type('Nội dung phản ánh, kiến nghị', 'Đề nghị rút ngắn thời hạn đăng ký khai sinh cho trẻ sinh ở nước ngoài.');
    fireEvent.click(screen.getByTestId('feedback-submit'));
    expect(await screen.findByText('Vui lòng nhập họ và tên.')).toBeTruthy();
    expect(await screen.findByText('Vui lòng nhập thư điện tử hoặc số điện thoại để nhận câu trả lời.')).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toEqual([]));
  });
});

describe('toSubmitRequest', () => {
  it('leaves out empty fields, sends the field only without a procedure, and turns the opt-out into publish: false', () => {
    const base = { title: ' Tiêu đề phản ánh ', content: ' Nội dung phản ánh đủ dài để gửi. ', sender: { name: 'Nguyễn Văn An', email: ' ', phone: '0912345678', address: '' } };
    expect(toSubmitRequest({ ...base, field: 'Hộ tịch', dossierCode: '' })).toEqual({
      title: 'Tiêu đề phản ánh',
      content: 'Nội dung phản ánh đủ dài để gửi.',
      procedureCode: undefined,
      field: 'Hộ tịch',
      dossierCode: undefined,
      publish: true,
      sender: { name: 'Nguyễn Văn An', phone: '0912345678' },
    });
    expect(toSubmitRequest({ ...base, procedureCode: '1.001193', field: 'Hộ tịch', keepPrivate: true })).toMatchObject({
      procedureCode: '1.001193',
      field: undefined,
      publish: false,
    });
    expect(toSubmitRequest({ title: 'a', content: 'b', sender: {} }).sender).toBeUndefined();
  });
});
