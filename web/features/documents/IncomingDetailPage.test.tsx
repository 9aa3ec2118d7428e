import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import type { IncomingDetail } from '../../../contracts/documents/documents.contracts';
import { incoming, INCOMING_ID, me, reply, STP, STP_DIVISION, STP_OFFICE, unitTree } from './documents.fixtures';
import { IncomingDetailPage } from './IncomingDetailPage';

let current: IncomingDetail;
const CANDIDATE = { id: '7d4c1f0e-2b7a-4c1e-9f5a-0c2d3e4f5a6b', name: 'Hoàng Văn Nam', units: ['Phòng Hành chính tư pháp'] };
let posts: Array<{ path: string; body: Record<string, unknown> }>;
let answer: ((path: string) => Response) | null;

function show(roles = ['leader'], actions = ['documents.read']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, me(roles, actions));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/documents/incoming/${INCOMING_ID}`]}>
          <Routes>
            <Route path="/admin/documents/incoming/:id" element={<IncomingDetailPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  current = incoming({ allowedActions: ['assign', 'close'] });
  posts = [];
  answer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === '/api/v1/identity/org-units/tree') return reply(unitTree);
      if (path === `/api/v1/documents/incoming/${INCOMING_ID}` && method === 'GET') return reply(current);
      if (path === `/api/v1/documents/incoming/${INCOMING_ID}/lead-candidates`) return reply({ items: [CANDIDATE] });
      if (path.startsWith(`/api/v1/documents/incoming/${INCOMING_ID}/`) && method === 'POST') {
        posts.push({ path, body: JSON.parse(init!.body as string) as Record<string, unknown> });
        return answer?.(path) ?? reply(current);
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('IncomingDetailPage', { timeout: 30_000 }, () => {
  it('shows the document and offers exactly the actions the server allows', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn bản đến số 42' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Văn bản đến số 42 — Hệ thống một cửa tỉnh Thanh Hóa'));
    expect(screen.getByTestId('incoming-state').textContent).toBe('Đã vào sổ');
    expect(screen.getByTestId('incoming-number-symbol').textContent).toBe('125/UBND-VP');
    expect(
      within(screen.getByTestId('incoming-actions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Phân công xử lý', 'Kết thúc xử lý']);
    expect(screen.queryByTestId('incoming-note')).toBeNull();
    // No upload allowed: no file chooser.
    expect(screen.queryByTestId('incoming-files-choose')).toBeNull();
    cleanup();

    current = incoming({ allowedActions: [] });
    show(['clerk']);
    await screen.findByRole('heading', { level: 1, name: 'Văn bản đến số 42' });
    expect(screen.queryByTestId('incoming-actions')).toBeNull();
  });

  it('assigns a lead unit with partners and a deadline in working days, on the version seen', async () => {
    show();
    fireEvent.click(await screen.findByTestId('incoming-assign'));
    const dialog = await screen.findByTestId('incoming-assign-form');
    fireEvent.mouseDown(within(within(dialog).getByTestId('assign-lead-unit')).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle(STP_OFFICE.name)).at(-1)!);
    fireEvent.mouseDown(within(within(dialog).getByTestId('assign-partners')).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle(STP_DIVISION.name)).at(-1)!);
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Số ngày làm việc' }), { target: { value: '7' } });
    fireEvent.change(within(dialog).getByLabelText('Ý kiến chỉ đạo'), { target: { value: ' Văn phòng chủ trì, báo cáo trước hạn. ' } });
    current = incoming({
      state: 'ASSIGNED',
      version: 4,
      dueAt: '2026-12-14T17:00:00+07:00',
      leadUnit: STP_OFFICE,
      assignment: {
        leadUnit: STP_OFFICE,
        leadUser: null,
        partnerUnits: [STP_DIVISION],
        handlingDays: 7,
        dueOn: null,
        dueAt: '2026-12-14T17:00:00+07:00',
        instruction: 'Văn phòng chủ trì, báo cáo trước hạn.',
        assignedAt: '2026-12-03T10:00:00+07:00',
        assignedBy: { id: STP.id, name: 'Lê Minh Khang' },
      },
      allowedActions: ['note', 'close'],
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phân công xử lý' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/v1/documents/incoming/${INCOMING_ID}/assign`,
      body: { version: 3, leadUnitId: STP_OFFICE.id, partnerUnitIds: [STP_DIVISION.id], handlingDays: 7, instruction: 'Văn phòng chủ trì, báo cáo trước hạn.' },
    });
    expect(await screen.findByText('Đã phân công xử lý.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('incoming-state').textContent).toBe('Đang xử lý'));
    expect(screen.getByTestId('incoming-lead').textContent).toBe(STP_OFFICE.name);
    expect(screen.getByTestId('incoming-due').textContent).toContain('14/12/2026 17:00');
  });

  it('assigns one lead person picked among the candidates the server lists', async () => {
    show();
    fireEvent.click(await screen.findByTestId('incoming-assign'));
    const dialog = await screen.findByTestId('incoming-assign-form');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Một người' }));
    fireEvent.mouseDown(within(await within(dialog).findByTestId('assign-lead-user')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Hoàng Văn Nam — Phòng Hành chính tư pháp'));
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Số ngày làm việc' }), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Phân công xử lý' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ version: 3, leadUserId: CANDIDATE.id, partnerUnitIds: [], handlingDays: 3 });
  });

  it('offers a reload when someone acted first (409)', async () => {
    answer = () => reply({ error: { code: 'DOCUMENT_STALE', message: 'Văn bản đã được cập nhật bởi người khác.' } }, 409);
    show();
    fireEvent.click(await screen.findByTestId('incoming-close'));
    const dialog = await screen.findByTestId('incoming-close-form');
    // Not yet assigned: closing means "for information".
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Để biết, lưu hồ sơ' }).checked).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Kết quả, nội dung xử lý'), { target: { value: 'Đã đọc, lưu hồ sơ.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kết thúc xử lý' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ version: 3, outcome: 'noted', text: 'Đã đọc, lưu hồ sơ.' });
    const notice = await screen.findByTestId('incoming-stale');
    expect(notice.textContent).toContain('Văn bản vừa được người khác cập nhật');
    current = incoming({ state: 'DONE', outcome: 'noted', closeText: 'Lãnh đạo đã xem.', handledAt: '2026-12-03T11:00:00+07:00', handledOnTime: true, version: 5 });
    fireEvent.click(screen.getByTestId('incoming-stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('incoming-stale')).toBeNull());
    expect(screen.getByTestId('incoming-state').textContent).toBe('Đã xử lý xong');
    expect(screen.getByTestId('incoming-outcome').textContent).toContain('Lãnh đạo đã xem.');
  });

  it('says when the document is not one the officer may see', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply({ error: { code: 'DOCUMENT_FORBIDDEN', message: 'Bạn không có quyền xem văn bản này.' } }, 403)),
    );
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy văn bản đến' })).toBeTruthy();
  });
});
