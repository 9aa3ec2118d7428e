import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { DOCUMENT_TYPES } from '../../../contracts/documents/documents.values';
import { INCOMING_ID, me, outgoing, OUTGOING_ID, reply, STP, STP_DIVISION, unitTree, WARD } from './documents.fixtures';
import { OutgoingNewPage } from './OutgoingNewPage';

let posts: Array<Record<string, unknown>>;
let answer: () => Response;

/** Stands in for the detail page the form opens after saving. */
function Opened() {
  return <p data-testid="opened">{useParams().id}</p>;
}

function show(entry = '/admin/documents/outgoing/new') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A specialist of a division (phòng): the draft is numbered by the department above it.
  client.setQueryData(identityKeys.me, me(['specialist'], ['documents.read', 'documents.draft'], STP_DIVISION));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path="/admin/documents/outgoing/new" element={<OutgoingNewPage />} />
            <Route path="/admin/documents/outgoing/:id" element={<Opened />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  posts = [];
  answer = () => reply(outgoing({ state: 'DRAFT', numberSymbol: null }), 201);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === '/api/v1/documents/types') return reply({ items: DOCUMENT_TYPES });
      if (path === '/api/v1/identity/org-units/tree') return reply(unitTree);
      if (path === '/api/v1/documents/outgoing' && method === 'POST') {
        posts.push(JSON.parse(init!.body as string) as Record<string, unknown>);
        return answer();
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('OutgoingNewPage', { timeout: 30_000 }, () => {
  it('drafts a division’s reply for its department with recipients inside and outside motcua; a field error of an external recipient lands on it', async () => {
    answer = () =>
      reply(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ.',
            fields: [{ path: 'body.recipients.external.0.code', code: 'documents.errors.code', message: 'Mã định danh không đúng định dạng.' }],
          },
        },
        400,
      );
    show(`/admin/documents/outgoing/new?replyTo=${INCOMING_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Soạn văn bản đi' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Soạn văn bản đi — Hệ thống một cửa tỉnh Thanh Hóa'));
    const form = screen.getByTestId('outgoing-form');
    fireEvent.mouseDown(within(screen.getByTestId('outgoing-type')).getByRole('combobox'));
    fireEvent.change(within(screen.getByTestId('outgoing-type')).getByRole('combobox'), { target: { value: 'Công văn' } });
    fireEvent.click((await screen.findAllByTitle('Công văn')).at(-1)!);
    fireEvent.change(screen.getByTestId('outgoing-subject'), { target: { value: ' Về việc trả lời rà soát thủ tục hộ tịch ' } });
    fireEvent.mouseDown(within(screen.getByTestId('outgoing-recipient-units')).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle(WARD.name)).at(-1)!);
    fireEvent.click(screen.getByTestId('outgoing-add-external'));
    fireEvent.change(await screen.findByTestId('outgoing-external-0-name'), { target: { value: 'Bộ Tư pháp' } });
    fireEvent.change(screen.getByTestId('outgoing-external-0-code'), { target: { value: 'G06' } });
    // An empty second row is left out.
    fireEvent.click(screen.getByTestId('outgoing-add-external'));
    fireEvent.click(await screen.findByTestId('outgoing-external-1-remove'));
    fireEvent.click(screen.getByTestId('outgoing-save'));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      unitId: STP.id,
      draftingUnitId: STP_DIVISION.id,
      typeCode: 'CV',
      subject: 'Về việc trả lời rà soát thủ tục hộ tịch',
      urgency: 'normal',
      confidentiality: 'normal',
      recipients: { unitIds: [WARD.id], external: [{ name: 'Bộ Tư pháp', code: 'G06' }] },
      replyToIncomingId: INCOMING_ID,
    });
    expect(await within(screen.getByTestId('outgoing-external-0')).findByText('Mã định danh không đúng định dạng.', undefined, { timeout: 10_000 })).toBeTruthy();

    answer = () => reply(outgoing({ state: 'DRAFT', numberSymbol: null }), 201);
    fireEvent.click(screen.getByTestId('outgoing-save'));
    expect((await screen.findByTestId('opened', undefined, { timeout: 10_000 })).textContent).toBe(OUTGOING_ID);
    expect(form.isConnected).toBe(false);
  });

  it('checks the required fields before sending anything', async () => {
    show();
    fireEvent.click(await screen.findByTestId('outgoing-save'));
    const form = screen.getByTestId('outgoing-form');
    await waitFor(() => expect(within(form).getAllByText('Vui lòng nhập thông tin này.')).toHaveLength(1));
    expect(within(form).getAllByText('Vui lòng chọn.')).toHaveLength(1);
    expect(posts).toEqual([]);
  });
});
