import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import type { OutgoingDetail } from '../../../contracts/documents/documents.contracts';
import { DOCUMENT_TYPES } from '../../../contracts/documents/documents.values';
import { me, outgoing, OUTGOING_ID, reply, unitTree, WARD } from './documents.fixtures';
import { OutgoingDetailPage } from './OutgoingDetailPage';

let current: OutgoingDetail;
let posts: Array<{ path: string; body: Record<string, unknown> }>;
let answer: ((path: string) => Response) | null;

function show(roles = ['leader']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, me(roles, ['documents.read']));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/documents/outgoing/${OUTGOING_ID}`]}>
          <Routes>
            <Route path="/admin/documents/outgoing/:id" element={<OutgoingDetailPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

/** The same document before its number: signed, awaiting the clerk. */
const signed = (over: Partial<OutgoingDetail> = {}) =>
  outgoing({ state: 'SIGNED', number: null, numberSymbol: null, issuedOn: null, issuedAt: null, year: null, exchangeId: null, receipts: [], version: 5, ...over });

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  current = outgoing();
  posts = [];
  answer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === '/api/v1/identity/org-units/tree') return reply(unitTree);
      if (path === `/api/v1/documents/outgoing/${OUTGOING_ID}` && method === 'GET') return reply(current);
      if (path === '/api/v1/documents/types') return reply({ items: DOCUMENT_TYPES });
      if (path === `/api/v1/documents/outgoing/${OUTGOING_ID}` && method === 'PUT') {
        posts.push({ path: `PUT ${path}`, body: JSON.parse(init!.body as string) as Record<string, unknown> });
        return answer?.(path) ?? reply(current);
      }
      if (path.startsWith(`/api/v1/documents/outgoing/${OUTGOING_ID}/`) && method === 'POST') {
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

describe('OutgoingDetailPage', { timeout: 30_000 }, () => {
  it('shows an issued document’s number, date, receipts per recipient unit and national-exchange identifier', async () => {
    show(['clerk']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn bản đi số 05/QĐ-STP' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Văn bản đi số 05/QĐ-STP — Hệ thống một cửa tỉnh Thanh Hóa'));
    expect(screen.getByTestId('outgoing-number').textContent).toBe('Số: 05/QĐ-STP');
    expect(screen.getByTestId('outgoing-issued-on').textContent).toBe('Ngày ban hành 04/12/2026');
    expect(screen.getByTestId('outgoing-state').textContent).toBe('Đã ban hành');
    expect(screen.getByTestId(`receipt-state-${WARD.id}`).textContent).toBe('Đã nhận');
    expect(within(screen.getByTestId('outgoing-receipts')).getByText(WARD.name)).toBeTruthy();
    expect(screen.getByTestId('outgoing-exchange-id').textContent).toContain('H56.03,2026/12/04,05/QĐ-STP');
    expect(screen.getByTestId('outgoing-external').textContent).toContain('Bộ Tư pháp (000.00.12.G06)');
    expect(screen.queryByTestId('outgoing-actions')).toBeNull();
  });

  it('offers the leader exactly sign and return, and signs with the authority prefix on the version seen', async () => {
    current = signed({ state: 'IN_REVIEW', signerName: null, signerPosition: null, signingPrefix: null, allowedActions: ['return', 'sign'] });
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Quyết định chưa cấp số' })).toBeTruthy();
    expect(
      within(screen.getByTestId('outgoing-actions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Ký duyệt', 'Trả lại']);
    expect(screen.queryByTestId('outgoing-number')).toBeNull();
    fireEvent.click(screen.getByTestId('outgoing-sign'));
    const dialog = await screen.findByTestId('outgoing-sign-form');
    // The signer's name starts as the officer's own.
    expect(within(dialog).getByLabelText<HTMLInputElement>('Họ và tên người ký').value).toBe('Trần Thị Hà');
    fireEvent.mouseDown(within(within(dialog).getByTestId('sign-prefix')).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle('KT. — Ký thay người đứng đầu')).at(-1)!);
    fireEvent.change(within(dialog).getByLabelText('Chức vụ'), { target: { value: 'Phó Giám đốc' } });
    current = signed({ signerName: 'Trần Thị Hà', signerPosition: 'Phó Giám đốc', signingPrefix: 'KT.', allowedActions: [] });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ký duyệt' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/v1/documents/outgoing/${OUTGOING_ID}/sign`,
      body: { version: 5, signerName: 'Trần Thị Hà', signerPosition: 'Phó Giám đốc', signingPrefix: 'KT.' },
    });
    expect(await screen.findByText('Đã ký duyệt văn bản.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('outgoing-state').textContent).toBe('Đã ký'));
    expect(screen.getByTestId('outgoing-signer').textContent).toBe('KT. Phó Giám đốc — Trần Thị Hà');
    expect(screen.queryByTestId('outgoing-actions')).toBeNull();
  });

  it('lets the clerk issue, then shows the number it got', async () => {
    current = signed({ allowedActions: ['issue'] });
    show(['clerk']);
    fireEvent.click(await screen.findByTestId('outgoing-issue'));
    current = outgoing();
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: `/api/v1/documents/outgoing/${OUTGOING_ID}/issue`, body: { version: 5 } });
    expect(await screen.findByText('Đã phát hành văn bản số 05/QĐ-STP.')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn bản đi số 05/QĐ-STP' })).toBeTruthy();
    expect(screen.getByTestId('outgoing-number').textContent).toBe('Số: 05/QĐ-STP');
  });

  it('offers a reload when the state moved on meanwhile (409)', async () => {
    current = signed({ allowedActions: ['issue'] });
    answer = () => reply({ error: { code: 'DOCUMENT_STATE', message: 'Văn bản đã được phát hành.' } }, 409);
    show(['clerk']);
    fireEvent.click(await screen.findByTestId('outgoing-issue'));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    expect((await screen.findByTestId('outgoing-stale')).textContent).toContain('Văn bản đã được phát hành.');
    current = outgoing();
    fireEvent.click(screen.getByTestId('outgoing-stale-reload'));
    await waitFor(() => expect(screen.queryByTestId('outgoing-stale')).toBeNull());
    expect(screen.getByTestId('outgoing-number').textContent).toBe('Số: 05/QĐ-STP');
  });

  it('shows a returned draft’s note, edits it in place on the version seen, and offers a reload when it changed meanwhile', async () => {
    current = signed({
      state: 'DRAFT',
      signerName: null,
      signerPosition: null,
      signingPrefix: null,
      returnNote: 'Bổ sung căn cứ pháp lý.',
      version: 4,
      allowedActions: ['edit', 'submit', 'upload'],
    });
    show(['specialist']);
    expect((await screen.findByTestId('outgoing-return-note')).textContent).toContain('Lãnh đạo trả lại: Bổ sung căn cứ pháp lý.');
    expect(
      within(screen.getByTestId('outgoing-actions'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Sửa dự thảo', 'Trình lãnh đạo']);
    expect(screen.getByTestId('outgoing-files-choose')).toBeTruthy();
    fireEvent.click(screen.getByTestId('outgoing-edit'));
    const subject = await screen.findByTestId('outgoing-edit-subject');
    expect((subject as HTMLTextAreaElement).value).toBe('Quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch');
    fireEvent.change(subject, { target: { value: 'Quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch (sửa đổi)' } });
    answer = () => reply({ error: { code: 'DOCUMENT_STALE', message: 'Dự thảo đã được người khác sửa.' } }, 409);
    fireEvent.click(screen.getByTestId('outgoing-edit-save'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.path).toBe(`PUT /api/v1/documents/outgoing/${OUTGOING_ID}`);
    expect(posts[0]!.body).toMatchObject({
      version: 4,
      draftingUnitId: current.draftingUnit.id,
      subject: 'Quyết định công bố danh mục thủ tục hành chính lĩnh vực hộ tịch (sửa đổi)',
      recipients: { unitIds: [WARD.id], external: [{ name: 'Bộ Tư pháp', code: '000.00.12.G06' }] },
    });
    expect(posts[0]!.body).not.toHaveProperty('unitId');
    expect((await screen.findByTestId('outgoing-stale')).textContent).toContain('Dự thảo đã được người khác sửa.');
    // The form closed: the page shows the document again.
    expect(screen.queryByTestId('outgoing-edit-form')).toBeNull();
  });
});
