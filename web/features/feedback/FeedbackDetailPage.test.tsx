import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { FeedbackDetailPage } from './FeedbackDetailPage';
import type { FeedbackDetail } from './feedback.types';

const ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const CONTROL = { id: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', code: 'VP-KSTTHC', name: 'Phòng Kiểm soát thủ tục hành chính' };
const JUSTICE = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'STP', name: 'Sở Tư pháp' };

const NONE = {
  classify: false,
  closeOutOfScope: false,
  transfer: false,
  merge: false,
  setDeadline: false,
  requestInfo: false,
  draftAnswer: false,
  approve: false,
  sendBack: false,
};

const detail = (over: Partial<FeedbackDetail> = {}): FeedbackDetail => ({
  id: ID,
  code: 'PAKN-2026-000042',
  version: 3,
  state: 'NEW',
  stateText: 'Mới tiếp nhận',
  kind: null,
  channel: 'letter',
  title: 'Đề nghị bỏ yêu cầu bản sao chứng thực giấy khai sinh',
  content: 'Thủ tục đăng ký thường trú vẫn yêu cầu bản sao có chứng thực giấy khai sinh.\nĐề nghị bỏ yêu cầu này.',
  procedure: { code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú' },
  dossierCode: null,
  sender: { name: 'Phạm Thị Dung', email: null, phone: '0912345678', address: 'Thôn Đông, xã Yên Phong', hasAccount: false },
  publish: true,
  receivingUnit: CONTROL,
  assignedUnit: CONTROL,
  receivedAt: '2026-03-02T09:00:00+07:00',
  deadline: {
    rule: 'competence',
    workingMinutes: 2400,
    clockStartedAt: '2026-03-02T09:00:00+07:00',
    dueAt: '2026-03-09T09:00:00+07:00',
    reason: null,
    paused: false,
    overdue: false,
  },
  draftAnswer: null,
  answer: null,
  answeredAt: null,
  answeredOnTime: null,
  outOfScope: null,
  mergedInto: null,
  reopenCount: 0,
  published: null,
  followers: 0,
  pauses: [],
  ratings: [],
  history: [
    {
      at: '2026-03-02T09:00:00+07:00',
      kind: 'received',
      text: 'Tiếp nhận qua văn bản, thư gửi; chuyển Phòng Kiểm soát thủ tục hành chính; hạn trả lời 09:00 ngày 09/03/2026.',
      actorLabel: 'Lê Văn Cường',
    },
  ],
  actions: { ...NONE, classify: true, closeOutOfScope: true, transfer: true, merge: true, setDeadline: true },
  ...over,
});

let item: FeedbackDetail;
let answer: ((path: string, body: Record<string, unknown>) => { status: number; body: unknown }) | null;
let posts: { path: string; body: Record<string, unknown> }[];

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/feedback/${ID}`]}>
          <Routes>
            <Route path="/admin/feedback/:id" element={<FeedbackDetailPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  item = detail();
  answer = null;
  posts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === `/api/v1/feedback/${ID}` && (init?.method ?? 'GET') === 'GET') return reply(item);
      if (path.startsWith(`/api/v1/feedback/${ID}/`) && init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as Record<string, unknown>;
        posts.push({ path, body });
        const a = answer?.(path, body);
        return a ? reply(a.body, a.status) : reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
      }
      if (path === '/api/v1/identity/org-units/tree') {
        const node = (u: typeof CONTROL, children: unknown[] = []) => ({
          ...u,
          shortName: null,
          kind: 'department',
          parentId: null,
          parentName: null,
          path: `/${u.id}/`,
          depth: 0,
          validFrom: '2025-01-01',
          validTo: null,
          successorId: null,
          version: 1,
          children,
        });
        return reply({ items: [node(CONTROL), node(JUSTICE)] });
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const actionButtons = () =>
  within(screen.getByTestId('feedback-actions'))
    .queryAllByRole('button')
    .map((b) => b.getAttribute('data-testid'));

describe('FeedbackDetailPage', { timeout: 30_000 }, () => {
  it('shows the item, its due, history and exactly the actions the server allows', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: /^PAKN-2026-000042/ })).toBeTruthy();
    expect(screen.getByTestId('feedback-state').textContent).toBe('Mới tiếp nhận');
    expect(screen.getByTestId('feedback-due').textContent).toContain('09/03/2026 09:00');
    expect(screen.queryByTestId('feedback-overdue')).toBeNull();
    expect(screen.getByTestId('feedback-content').textContent).toContain('Đề nghị bỏ yêu cầu này.');
    expect(screen.getByTestId('feedback-rule').textContent).toBe('Thuộc thẩm quyền của đơn vị');
    expect(screen.getByTestId('feedback-deadline').textContent).toContain('5 ngày làm việc');
    expect(screen.getByTestId('feedback-history').textContent).toContain('Tiếp nhận qua văn bản, thư gửi');
    expect(screen.getByTestId('feedback-answer').textContent).toContain('Chưa có dự thảo trả lời.');
    expect(screen.getByRole('heading', { level: 2, name: 'Thao tác' })).toBeTruthy();
    expect(actionButtons()).toEqual([
      'feedback-action-classify',
      'feedback-action-set-deadline',
      'feedback-action-transfer',
      'feedback-action-merge',
      'feedback-action-close-out-of-scope',
    ]);
    expect(screen.getByRole('button', { name: 'Phân loại' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chuyển đơn vị' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Gộp phản ánh trùng' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ngoài phạm vi (khiếu nại, tố cáo)' })).toBeTruthy();
  });

  it('offers a leader only approval and sending back of a draft awaiting approval, and shows the draft', async () => {
    item = detail({
      state: 'AWAITING_APPROVAL',
      stateText: 'Chờ lãnh đạo phê duyệt trả lời',
      kind: 'regulation',
      draftAnswer: 'Sở Tư pháp đã kiến nghị bỏ yêu cầu bản sao có chứng thực.',
      deadline: { ...detail().deadline, overdue: true },
      actions: { ...NONE, approve: true, sendBack: true },
    });
    show();
    await screen.findByTestId('feedback-actions');
    expect(actionButtons()).toEqual(['feedback-action-approve', 'feedback-action-send-back']);
    expect(within(screen.getByTestId('feedback-due')).getByTestId('feedback-overdue').textContent).toBe('Quá hạn');
    expect(screen.getByTestId('feedback-answer').textContent).toContain('Dự thảo đang chờ lãnh đạo phê duyệt');
    expect(screen.getByTestId('feedback-draft-text').textContent).toBe('Sở Tư pháp đã kiến nghị bỏ yêu cầu bản sao có chứng thực.');
  });

  it('offers nothing to a reader with no action, and says so', async () => {
    item = detail({ actions: NONE });
    show();
    expect((await screen.findByTestId('feedback-no-actions')).textContent).toContain('Bạn không có thao tác nào');
    expect(actionButtons()).toEqual([]);
  });

  it('classifies: posts the kind and note with the version seen, then shows the item the server returns and confirms', async () => {
    answer = (path) =>
      path.endsWith('/classify')
        ? {
            status: 200,
            body: detail({
              version: 4,
              state: 'IN_PROGRESS',
              stateText: 'Đang xử lý',
              kind: 'conduct',
              actions: { ...NONE, requestInfo: true, draftAnswer: true, setDeadline: true },
            }),
          }
        : { status: 500, body: {} };
    show();
    fireEvent.click(await screen.findByTestId('feedback-action-classify'));
    const dialog = await screen.findByRole('dialog', { name: 'Phân loại phản ánh, kiến nghị PAKN-2026-000042' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Phản ánh, kiến nghị về hành vi của cán bộ, công chức khi giải quyết thủ tục hành chính' }));
    fireEvent.change(within(dialog).getByLabelText('Ý kiến (không bắt buộc)'), { target: { value: '  Cán bộ yêu cầu giấy tờ ngoài quy định  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phân loại' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: `/api/v1/feedback/${ID}/classify`, body: { version: 3, kind: 'conduct', note: 'Cán bộ yêu cầu giấy tờ ngoài quy định' } });
    expect(await screen.findByText('Đã phân loại phản ánh, kiến nghị PAKN-2026-000042.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('feedback-state').textContent).toBe('Đang xử lý'));
    expect(screen.getByTestId('feedback-kind').textContent).toBe('Về hành vi của cán bộ');
    expect(actionButtons()).toEqual(['feedback-action-set-deadline', 'feedback-action-request-info', 'feedback-action-draft-answer']);
  });

  it('transfers: posts the unit and reason, and puts the server’s field error on the unit field', async () => {
    answer = () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu không hợp lệ.',
          fields: [{ path: 'body.unitId', code: 'feedback.errors.unitUnknown', message: 'Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động.' }],
        },
      },
    });
    show();
    fireEvent.click(await screen.findByTestId('feedback-action-transfer'));
    const dialog = await screen.findByRole('dialog', { name: 'Chuyển phản ánh, kiến nghị PAKN-2026-000042 đến đơn vị khác' });
    const unit = within(dialog).getByTestId('feedback-transfer-unit');
    fireEvent.mouseDown(within(unit).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle('Sở Tư pháp')).at(-1)!);
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Thuộc thẩm quyền Sở Tư pháp' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển đơn vị' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: `/api/v1/feedback/${ID}/transfer`, body: { version: 3, unitId: JUSTICE.id, reason: 'Thuộc thẩm quyền Sở Tư pháp' } });
    expect(await within(dialog).findByText('Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động.')).toBeTruthy();
    // The dialog stays open with what was typed.
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Lý do').value).toBe('Thuộc thẩm quyền Sở Tư pháp');
  });

  it('shows a conflict (409) as the server’s message in the dialog, with a way to read the item again', async () => {
    answer = () => ({ status: 409, body: { error: { code: 'VERSION_CONFLICT', message: 'Phản ánh, kiến nghị đã được người khác cập nhật. Vui lòng tải lại.' } } });
    show();
    fireEvent.click(await screen.findByTestId('feedback-action-close-out-of-scope'));
    const dialog = await screen.findByRole('dialog', { name: 'Phản ánh, kiến nghị PAKN-2026-000042 không thuộc phạm vi xử lý' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Khiếu nại — giải quyết theo Luật Khiếu nại năm 2011' }));
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Nội dung là khiếu nại quyết định hành chính.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ngoài phạm vi (khiếu nại, tố cáo)' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ version: 3, category: 'complaint', reason: 'Nội dung là khiếu nại quyết định hành chính.' });
    const conflict = await within(dialog).findByTestId('feedback-conflict');
    expect(conflict.textContent).toContain('Phản ánh, kiến nghị đã được người khác cập nhật. Vui lòng tải lại.');
    item = detail({ version: 4 });
    fireEvent.click(within(conflict).getByTestId('feedback-conflict-reload'));
    expect((await within(dialog).findByTestId('feedback-conflict-reloaded')).textContent).toContain('Đã tải lại');
  });

  it('opens each dialog with the item’s current values: the draft sent back, the rule in force', async () => {
    item = detail({
      state: 'IN_PROGRESS',
      stateText: 'Đang xử lý',
      kind: 'regulation',
      draftAnswer: 'Dự thảo cũ cần bổ sung căn cứ pháp lý.',
      actions: { ...NONE, classify: true, setDeadline: true, requestInfo: true, draftAnswer: true },
    });
    show();
    fireEvent.click(await screen.findByTestId('feedback-action-classify'));
    let dialog = await screen.findByRole('dialog', { name: 'Phân loại phản ánh, kiến nghị PAKN-2026-000042' });
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Phản ánh, kiến nghị về quy định hành chính' }).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));

    fireEvent.click(screen.getByTestId('feedback-action-draft-answer'));
    dialog = await screen.findByRole('dialog', { name: 'Dự thảo trả lời phản ánh, kiến nghị PAKN-2026-000042' });
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Nội dung trả lời').value).toBe('Dự thảo cũ cần bổ sung căn cứ pháp lý.');
    expect(dialog.textContent).toContain('công khai trên Cổng (đã ẩn thông tin cá nhân)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));

    fireEvent.click(screen.getByTestId('feedback-action-set-deadline'));
    dialog = await screen.findByRole('dialog', { name: 'Xác định thời hạn trả lời phản ánh, kiến nghị PAKN-2026-000042' });
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Thuộc thẩm quyền của đơn vị (thời hạn thông thường)' }).checked).toBe(true);
    expect(within(dialog).queryByLabelText('Thời hạn hẹn trả lời')).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Hẹn thời hạn trả lời/ }));
    expect(await within(dialog).findByLabelText('Thời hạn hẹn trả lời')).toBeTruthy();
  });

  it('says an item it may not read is not found', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply({ error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } }, 403)),
    );
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy phản ánh, kiến nghị hoặc bạn không có quyền xem' })).toBeTruthy();
  });
});
