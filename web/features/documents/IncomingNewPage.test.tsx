import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { DOCUMENT_TYPES } from '../../../contracts/documents/documents.values';
import { incoming, INCOMING_ID, me, reply, STP, unitTree } from './documents.fixtures';
import { IncomingDetailPage } from './IncomingDetailPage';
import { IncomingNewPage } from './IncomingNewPage';

let posts: Array<Record<string, unknown>>;
let answer: (body: Record<string, unknown>) => Response;

function show(roles = ['clerk']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, me(roles, ['documents.read', 'documents.register']));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/admin/documents/incoming/new']}>
          <Routes>
            <Route path="/admin/documents/incoming/new" element={<IncomingNewPage />} />
            <Route path="/admin/documents/incoming/:id" element={<IncomingDetailPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

/** Picks an option of an antd Select by its visible text (typed first when the list is long: it renders a window of it). */
async function pick(testId: string, option: string, search = false) {
  const box = within(screen.getByTestId(testId)).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search) fireEvent.change(box, { target: { value: option } });
  fireEvent.click((await screen.findAllByTitle(option)).at(-1)!);
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  posts = [];
  answer = () => reply(incoming());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === '/api/v1/documents/types') return reply({ items: DOCUMENT_TYPES });
      if (path === '/api/v1/identity/org-units/tree') return reply(unitTree);
      if (path === '/api/v1/documents/incoming' && method === 'POST') {
        const body = JSON.parse(init!.body as string) as Record<string, unknown>;
        posts.push(body);
        return answer(body);
      }
      if (path === `/api/v1/documents/incoming/${INCOMING_ID}` && method === 'GET') return reply(incoming());
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('IncomingNewPage', { timeout: 30_000 }, () => {
  it('names the page and checks the required fields before sending anything', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Vào sổ văn bản đến' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Vào sổ văn bản đến — Hệ thống một cửa tỉnh Thanh Hóa'));
    fireEvent.click(screen.getByTestId('incoming-submit'));
    const form = screen.getByTestId('incoming-form');
    await waitFor(() => expect(within(form).getAllByText('Vui lòng nhập thông tin này.')).toHaveLength(3));
    // The document date and type are chosen, not typed.
    expect(within(form).getAllByText('Vui lòng chọn.')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('incoming-subject'), { target: { value: 'Về' } });
    expect(await within(form).findByText('Từ 5 đến 1000 ký tự.')).toBeTruthy();
    expect(posts).toEqual([]);
  });

  it('puts the server’s field errors on their fields, then registers and opens the document with its arrival number', async () => {
    answer = () =>
      reply(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ.',
            fields: [{ path: 'body.numberSymbol', code: 'documents.errors.duplicate', message: 'Văn bản này đã được vào sổ (số đến 41).' }],
          },
        },
        400,
      );
    show();
    await screen.findByTestId('incoming-form');
    fireEvent.click(screen.getByRole('radio', { name: 'Bản điện tử' }));
    fireEvent.change(screen.getByTestId('incoming-sender'), { target: { value: '  Ủy ban nhân dân tỉnh Thanh Hóa ' } });
    fireEvent.change(screen.getByTestId('incoming-number-symbol'), { target: { value: '125/UBND-VP' } });
    const date = within(screen.getByTestId('incoming-form')).getByLabelText('Ngày văn bản');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '01/12/2026' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await pick('incoming-type', 'Công văn', true);
    fireEvent.change(screen.getByTestId('incoming-subject'), { target: { value: 'Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch' } });
    await pick('incoming-urgency', 'Khẩn');
    fireEvent.click(screen.getByTestId('incoming-submit'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      unitId: STP.id,
      receivedVia: 'electronic',
      senderName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      numberSymbol: '125/UBND-VP',
      issuedOn: '2026-12-01',
      typeCode: 'CV',
      subject: 'Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch',
      urgency: 'urgent',
      confidentiality: 'normal',
    });
    expect(await screen.findByText('Văn bản này đã được vào sổ (số đến 41).', undefined, { timeout: 10_000 })).toBeTruthy();
    // Still on the form with what was typed.
    expect(screen.getByTestId<HTMLInputElement>('incoming-sender').value).toBe('  Ủy ban nhân dân tỉnh Thanh Hóa ');

    answer = () => reply(incoming(), 201);
    fireEvent.click(screen.getByTestId('incoming-submit'));
    await waitFor(() => expect(posts).toHaveLength(2));
    // The detail page loads lazily after the navigation: slower on a loaded machine.
    expect(await screen.findByText('Đã vào sổ văn bản đến số 42.', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Văn bản đến số 42' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('incoming-registered').textContent).toContain('Văn bản đã vào sổ với số đến 42');
  });

  it('tells an officer who is no clerk that only the clerk registers', async () => {
    show(['specialist']);
    expect(await screen.findByTestId('incoming-new-no-unit')).toBeTruthy();
    expect(screen.queryByTestId('incoming-form')).toBeNull();
  });
});
