import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { DeskReviewPage } from './DeskReviewPage';
import type { PublicProcedure } from '../catalog/catalog.types';
import type { DeskDecisionRequest, Requirement, SubmissionDetail, SubmissionFile } from './submissions.types';

const ID = '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f';
const DESK = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.22', name: 'Bộ phận Một cửa xã Đông Tiến' };

const requirement = (over: Partial<Requirement>): Requirement => ({
  key: 'd1',
  filledByEForm: false,
  name: 'Tờ khai đăng ký khai sinh',
  originals: 1,
  copies: null,
  note: null,
  group: null,
  status: 'missing',
  files: [],
  ...over,
});

const file = (over: Partial<SubmissionFile>): SubmissionFile => ({
  id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  requirementKey: 'dvcqg:1',
  fileName: 'to-khai-khai-sinh.pdf',
  sizeBytes: 245_760,
  mediaType: 'application/pdf',
  sha256: 'a'.repeat(64),
  uploadedAt: '2026-03-01T08:00:00+07:00',
  url: `/api/v1/submissions/desk/${ID}/files/0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5`,
  ...over,
});

const detail = (over: Partial<SubmissionDetail>): SubmissionDetail => ({
  id: ID,
  reference: 'DK-2026-000042',
  state: 'SUBMITTED',
  statusCode: 1,
  stateText: 'Chờ tiếp nhận trực tuyến',
  version: 3,
  origin: 'portal',
  nationalCode: null,
  procedure: { versionId: '6e7f8091-a2b3-4c4d-8e5f-60718293a4b5', code: '1.001193', name: 'Đăng ký khai sinh', onlineMode: 'full', inForce: true },
  receivingUnit: DESK,
  handlingUnit: null,
  handlingUnitChoices: [DESK],
  applicant: { kind: 'person', name: 'Nguyễn Văn An', idNumber: '001085012345', phone: '0912345678', email: null, address: null },
  eForm: null,
  answers: {},
  conditions: [],
  resultDelivery: null,
  requirements: [requirement({}), requirement({ key: 'd2', name: 'Giấy chứng sinh', originals: null, copies: 1 })],
  otherFiles: [],
  groups: [],
  completeness: { complete: true, problems: [] },
  createdAt: '2026-03-01T07:50:00+07:00',
  updatedAt: '2026-03-01T08:00:00+07:00',
  firstSubmittedAt: '2026-03-01T08:00:00+07:00',
  submittedAt: '2026-03-01T08:00:00+07:00',
  decidedAt: null,
  latestDecision: null,
  dossier: null,
  timeline: [],
  actions: { edit: false, submit: false, withdraw: false, decide: true },
  ...over,
});

let submission: SubmissionDetail;
/** The procedure's version in force as the catalogue publishes it; null ⇒ 404 (its fees and time not needed). */
let procedure: PublicProcedure | null;
const decisions: DeskDecisionRequest[] = [];

const VERSION_ID = '6e7f8091-a2b3-4c4d-8e5f-60718293a4b5';
const inForce = (over: Partial<PublicProcedure>) =>
  ({
    id: VERSION_ID,
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    processingTimeText: '5 ngày làm việc',
    processingTimes: [{ channel: 'any', amount: 5, unit: 'working-days', raw: '5 ngày làm việc', readable: true, issue: null, alternatives: [] }],
    feeText: '50.000 đồng',
    fees: [
      { channel: 'direct', amountVnd: 60_000, text: null, note: null },
      { channel: 'online', amountVnd: 50_000, text: null, note: 'Miễn cho hộ nghèo; giảm 50% cho người có công với cách mạng.' },
    ],
    feeDue: 'before-processing',
    feeExemptions: [
      { key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' },
      { key: 'nguoi-co-cong', subject: 'Người có công với cách mạng', percent: 50, basis: null },
    ],
    ...over,
  }) as PublicProcedure;

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/online-submissions/${ID}`]}>
          <Routes>
            <Route path="/admin/online-submissions/:id" element={<DeskReviewPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  procedure = null;
  decisions.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === `/api/v1/submissions/desk/${ID}`) return reply(submission);
      if (path === `/api/v1/submissions/desk/${ID}/decision` && init?.method === 'POST') {
        decisions.push(JSON.parse(init.body as string) as DeskDecisionRequest);
        return reply({ ...submission, state: 'ACCEPTED', actions: { ...submission.actions, decide: false } });
      }
      if (path === '/api/v1/catalog/procedures/1.001193' && procedure) return reply(procedure);
      // Otherwise the procedure's time for the online channel is not needed (no duration asked).
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DeskReviewPage', { timeout: 30_000 }, () => {
  it('shows an application from the national portal with its code, its files as received, and no guide', async () => {
    submission = detail({
      origin: 'national',
      nationalCode: 'G22.99-260301-0001',
      otherFiles: [
        file({}),
        file({
          id: '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
          requirementKey: 'dvcqg:2',
          fileName: 'giay-chung-sinh.jpg',
          mediaType: 'image/jpeg',
          sizeBytes: 2_097_152,
          url: '/files/giay-chung-sinh.jpg',
        }),
      ],
    });
    show();
    await screen.findByTestId('desk-review');
    expect(screen.getByTestId('national-origin').textContent).toBe('Cổng DVCQG · G22.99-260301-0001');
    const notice = screen.getByTestId('desk-national');
    expect(notice.textContent).toContain('Hồ sơ nộp trên Cổng Dịch vụ công quốc gia');
    expect(notice.textContent).toContain('G22.99-260301-0001');
    expect(notice.textContent).toContain('theo dõi tiến độ giải quyết trên Cổng');

    const files = screen.getByTestId('desk-national-files');
    expect(within(files).getByRole('heading', { level: 2, name: 'Tệp nộp trên Cổng DVCQG' })).toBeTruthy();
    const links = within(files).getAllByTestId('file-link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['to-khai-khai-sinh.pdf', file({}).url],
      ['giay-chung-sinh.jpg', '/files/giay-chung-sinh.jpg'],
    ]);
    expect(files.textContent).toContain('240 kB');
    expect(files.textContent).toContain('2.0 MB');

    // The procedure's documents are a checklist: the portal's files are not matched to them, so no "missing" status.
    expect(
      within(screen.getByTestId('desk-national-checklist'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Tờ khai đăng ký khai sinh (1 bản chính)', 'Giấy chứng sinh (1 bản sao)']);
    expect(screen.queryByTestId('requirements')).toBeNull();
    expect(screen.queryByText('Còn thiếu')).toBeNull();

    const decision = screen.getByTestId('desk-decision');
    expect(within(decision).getByTestId('desk-accept')).toBeTruthy();
    expect(within(decision).getByTestId('desk-refuse')).toBeTruthy();
    expect(within(decision).queryByTestId('desk-guide')).toBeNull();
    expect(within(decision).getByTestId('desk-national-no-guide').textContent).toContain('người nộp bổ sung trên Cổng');
  });

  it('keeps the documents with their statuses and the guide for an application from the province’s portal', async () => {
    submission = detail({ requirements: [requirement({ status: 'attached', files: [file({ requirementKey: 'd1' })] })] });
    show();
    await screen.findByTestId('desk-review');
    expect(screen.queryByTestId('national-origin')).toBeNull();
    expect(screen.queryByTestId('desk-national')).toBeNull();
    expect(screen.queryByTestId('desk-national-files')).toBeNull();
    expect(screen.getByTestId('requirement-status-d1').textContent).toBe('Đã đính kèm');
    expect(screen.getByTestId('desk-guide')).toBeTruthy();
    expect(screen.queryByTestId('desk-national-no-guide')).toBeNull();
  });

  it('offers the procedure’s fee exemptions, shows what is paid online, and sends the one chosen with the acceptance', async () => {
    submission = detail({});
    procedure = inForce({});
    show();
    const decision = await screen.findByTestId('desk-decision');
    const select = await within(decision).findByTestId('desk-fee-exemption');
    expect(within(decision).getByText('Đối tượng miễn, giảm (đã kiểm tra giấy tờ chứng minh)')).toBeTruthy();
    // Cleared by default: the online channel's full fee is awaited.
    expect(within(decision).getByTestId('desk-fee-online').textContent).toMatch(/trực tuyến trước khi hồ sơ được giải quyết: 50\.000\s₫\.$/);

    fireEvent.mouseDown(within(select).getByRole('combobox'));
    expect((await screen.findAllByText('Hộ nghèo — miễn phí, lệ phí')).length).toBeGreaterThan(0);
    fireEvent.click((await screen.findAllByText('Người có công với cách mạng — giảm 50%')).at(-1)!);
    await waitFor(() => expect(within(decision).getByTestId('desk-fee-online').textContent).toMatch(/: 25\.000\s₫ \(mức thu 50\.000\s₫, giảm 50%\)/));

    fireEvent.click(within(decision).getByTestId('desk-accept'));
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(decisions[0]).toEqual({ decision: 'accept', version: 3, feeExemption: 'nguoi-co-cong', note: null });
  });

  it('shows that an exempt applicant is awaited nothing, and sends no exemption when none is chosen', async () => {
    submission = detail({});
    procedure = inForce({});
    show();
    const decision = await screen.findByTestId('desk-decision');
    const select = await within(decision).findByTestId('desk-fee-exemption');
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    fireEvent.click((await screen.findAllByText('Hộ nghèo — miễn phí, lệ phí')).at(-1)!);
    await waitFor(() => expect(within(decision).getByTestId('desk-fee-online').textContent).toContain('Người nộp được miễn (mức thu 50.000'));
    // Cleared again: the full fee, and the acceptance as before.
    fireEvent.mouseDown(within(select).getByRole('combobox'));
    const clear = select.querySelector('.ant-select-clear');
    expect(clear).toBeTruthy();
    fireEvent.mouseDown(clear!);
    fireEvent.click(clear!);
    await waitFor(() => expect(within(decision).getByTestId('desk-fee-online').textContent).toContain(': 50.000'));
    fireEvent.click(within(decision).getByTestId('desk-accept'));
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(decisions[0]).toEqual({ decision: 'accept', version: 3, note: null });
  });

  it('offers no exemption when the fee is paid with the result or the procedure names none', async () => {
    submission = detail({});
    procedure = inForce({ feeDue: 'with-result' });
    show();
    let decision = await screen.findByTestId('desk-decision');
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/v1/catalog/procedures/1.001193', expect.anything()));
    await new Promise((r) => setTimeout(r, 50));
    expect(within(decision).queryByTestId('desk-fee-exemption')).toBeNull();
    expect(within(decision).queryByTestId('desk-fee-online')).toBeNull();
    cleanup();

    procedure = inForce({ feeExemptions: [] });
    show();
    decision = await screen.findByTestId('desk-decision');
    // The fee is still awaited before processing: shown, with nothing to choose.
    expect((await within(decision).findByTestId('desk-fee-online')).textContent).toContain('50.000');
    expect(within(decision).queryByTestId('desk-fee-exemption')).toBeNull();
    fireEvent.click(within(decision).getByTestId('desk-accept'));
    await waitFor(() => expect(decisions).toHaveLength(1));
    expect(decisions[0]).toEqual({ decision: 'accept', version: 3, note: null });
  });
});
