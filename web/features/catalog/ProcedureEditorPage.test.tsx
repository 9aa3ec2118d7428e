import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { ProcedureEditorPage } from './ProcedureEditorPage';
import type { FeeExemption, ProcedureVersion, UpdateProcedureRequest } from './catalog.types';

const ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const POOR: FeeExemption = { key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' };

const draft = (over: Partial<ProcedureVersion> = {}): ProcedureVersion => ({
  id: ID,
  procedureId: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a',
  code: '1.001193',
  codeSource: 'national',
  revision: 2,
  effectiveFrom: null,
  effectiveTo: null,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  fieldGroup: null,
  level: null,
  levels: ['commune'],
  implementingUnits: [],
  implementingAgencyText: null,
  applicants: null,
  results: [],
  onlineMode: 'full',
  onlineModeText: null,
  onlineService: { mode: 'full', submission: true },
  eForm: null,
  processingTimeText: null,
  processingTimes: [],
  timeReadable: false,
  feeText: '8.000 đồng',
  fees: [{ channel: 'any', amountVnd: 8000, text: '8.000 đồng', note: 'Miễn lệ phí cho hộ nghèo; người có công với cách mạng được giảm 50%.' }],
  requiredDocuments: [],
  documentGroups: [],
  requiredDocumentsNote: null,
  legalBasis: [],
  publishingDecision: null,
  onTheSpot: false,
  feeDue: 'before-processing',
  feeExemptions: [POOR],
  processingTimeNote: null,
  source: null,
  confidence: null,
  confidenceNote: null,
  notes: null,
  documentIssues: [],
  status: 'draft',
  workflow: [],
  version: 4,
  publishedAt: null,
  withdrawnAt: null,
  withdrawReason: null,
  createdAt: '2026-03-01T08:00:00+07:00',
  updatedAt: '2026-03-01T08:00:00+07:00',
  openDraftId: null,
  actions: { edit: true, publish: true, withdraw: false, newVersion: false },
  ...over,
});

let stored: ProcedureVersion;
const sent: UpdateProcedureRequest[] = [];

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/procedures/${ID}`]}>
          <Routes>
            <Route path="/admin/procedures/:id" element={<ProcedureEditorPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  sent.length = 0;
  stored = draft();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === `/api/v1/catalog/admin/procedures/${ID}` && init?.method === 'PUT') {
        const body = JSON.parse(init.body as string) as UpdateProcedureRequest;
        sent.push(body);
        // The server stores what it was sent (basis normalised to null when blank).
        stored = draft({ version: body.version + 1, feeExemptions: body.feeExemptions.map((e) => ({ ...e, basis: e.basis ?? null })) });
        return reply(stored);
      }
      if (path === `/api/v1/catalog/admin/procedures/${ID}`) return reply(stored);
      if (path === '/api/v1/catalog/fields') return reply({ items: [] });
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProcedureEditorPage: fee exemptions', { timeout: 30_000 }, () => {
  it('shows the fee’s note, sends a row entered with a key made from its subject, and loads it back with its key fixed', async () => {
    show();
    const section = await screen.findByTestId('fee-exemptions');
    expect(within(section).getByText('Miễn, giảm phí, lệ phí')).toBeTruthy();
    // The fee's note, where the source states exemptions in words, is there to transcribe.
    expect(within(section).getByTestId('fee-exemption-notes').textContent).toContain('người có công với cách mạng được giảm 50%');

    // The stored row, its key fixed (the desk's decisions record it).
    const first = within(section).getByTestId('fee-exemption-0');
    expect(within(first).getByLabelText<HTMLTextAreaElement>('Đối tượng').value).toBe('Hộ nghèo');
    expect(within(first).getByLabelText<HTMLInputElement>('Tỷ lệ giảm').value).toBe('100');
    const storedKey = within(first).getByLabelText<HTMLInputElement>('Mã đối tượng');
    expect(storedKey.value).toBe('ho-ngheo');
    expect(storedKey.disabled).toBe(true);
    expect(first.textContent).toContain('100% = miễn');

    fireEvent.click(within(section).getByTestId('add-fee-exemption'));
    const row = await within(section).findByTestId('fee-exemption-1');
    fireEvent.change(within(row).getByLabelText('Đối tượng'), { target: { value: 'Người có công với cách mạng' } });
    fireEvent.change(within(row).getByLabelText('Tỷ lệ giảm'), { target: { value: '50' } });
    fireEvent.change(within(row).getByLabelText('Căn cứ'), { target: { value: 'Nghị quyết 12/2025/NQ-HĐND' } });
    const newKey = within(row).getByLabelText<HTMLInputElement>('Mã đối tượng');
    await waitFor(() => expect(newKey.placeholder).toBe('nguoi-co-cong-voi-cach-mang'));
    expect(newKey.disabled).toBe(false);

    fireEvent.click(screen.getByTestId('save-procedure'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.feeExemptions).toEqual([
      POOR,
      { key: 'nguoi-co-cong-voi-cach-mang', subject: 'Người có công với cách mạng', percent: 50, basis: 'Nghị quyết 12/2025/NQ-HĐND' },
    ]);
    expect(sent[0]!.version).toBe(4);

    // Loaded back from what the server stored: the new row now has its key, fixed as well.
    await waitFor(() => expect(within(screen.getByTestId('fee-exemption-1')).getByLabelText<HTMLInputElement>('Mã đối tượng').value).toBe('nguoi-co-cong-voi-cach-mang'));
    expect(within(screen.getByTestId('fee-exemption-1')).getByLabelText<HTMLInputElement>('Mã đối tượng').disabled).toBe(true);
  });

  it('asks for the subject and the percent, and refuses a key typed twice', async () => {
    show();
    const section = await screen.findByTestId('fee-exemptions');
    fireEvent.click(within(section).getByTestId('add-fee-exemption'));
    const row = await within(section).findByTestId('fee-exemption-1');
    fireEvent.click(screen.getByTestId('save-procedure'));
    await waitFor(() => expect(within(row).getAllByText('Vui lòng nhập thông tin này.').length).toBeGreaterThan(0));
    fireEvent.change(within(row).getByLabelText('Đối tượng'), { target: { value: 'Hộ nghèo ở xã đặc biệt khó khăn' } });
    fireEvent.change(within(row).getByLabelText('Tỷ lệ giảm'), { target: { value: '100' } });
    fireEvent.change(within(row).getByLabelText('Mã đối tượng'), { target: { value: 'ho-ngheo' } });
    fireEvent.click(screen.getByTestId('save-procedure'));
    expect(await within(row).findByText('Mã này đã dùng cho đối tượng khác.')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });
});
