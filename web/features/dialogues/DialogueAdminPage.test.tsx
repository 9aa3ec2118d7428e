import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import type { OfficerQuestion, SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { DialogueAdminPage } from './DialogueAdminPage';

const ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const Q_PUBLIC = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const Q_FLOOR = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const OFFICE = { id: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c', code: 'H56.01', name: 'Văn phòng UBND tỉnh' };
const JUSTICE = { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.03', name: 'Sở Tư pháp' };
const NO_QUESTION_ACTIONS = { accept: false, reject: false, answer: false };
const NO_SESSION_ACTIONS = { update: false, announce: false, cancel: false, agenda: false, minutes: false, close: false, addQuestion: false };

const question = (over: Partial<OfficerQuestion>): OfficerQuestion => ({
  id: Q_PUBLIC,
  source: 'public',
  feedbackCode: null,
  askerName: 'Lê Thị Hoa',
  askerDisplay: 'L.T.H.',
  askerContact: 'hoa.le@example.vn',
  text: 'Khi nào phường nhận chứng thực bản sao điện tử?',
  publicVisible: true,
  state: 'SUBMITTED',
  stateText: 'Chờ xem xét',
  rejectReason: null,
  answer: null,
  answeredAt: null,
  answeringUnit: null,
  submittedAt: '2026-03-02T09:00:00+07:00',
  version: 1,
  actions: { accept: true, reject: true, answer: false },
  ...over,
});

const detail = (over: Partial<SessionDetail> = {}): SessionDetail => ({
  id: ID,
  level: 'province',
  title: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp',
  organisingUnit: OFFICE,
  chair: { name: 'Lê Minh Khang', position: 'Phó Chủ tịch UBND tỉnh' },
  startsAt: '2026-03-09T08:00:00+07:00',
  place: 'Hội trường UBND tỉnh',
  onlineUrl: null,
  audience: 'citizens',
  audienceSector: null,
  state: 'DRAFT',
  stateText: 'Đang chuẩn bị',
  questionCount: 0,
  pendingCount: 1,
  commitmentCount: 0,
  description: null,
  agenda: null,
  minutes: null,
  announcedAt: null,
  heldAt: null,
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  acceptingQuestions: false,
  version: 2,
  questions: [question({})],
  commitments: [],
  actions: { ...NO_SESSION_ACTIONS, update: true, announce: true, cancel: true, agenda: true, addQuestion: true },
  ...over,
});

let current: SessionDetail;
let posts: Array<{ path: string; body: Record<string, unknown> }>;
let answer: ((path: string, body: Record<string, unknown>) => { status: number; body: unknown }) | null;

function reply(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const unitNode = (u: typeof OFFICE) => ({
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
  children: [],
});

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[`/admin/dialogues/${ID}`]}>
          <Routes>
            <Route path="/admin/dialogues/:id" element={<DialogueAdminPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  current = detail();
  posts = [];
  answer = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === `/api/v1/dialogues/sessions/${ID}` && method === 'GET') return reply(current);
      if (path.startsWith(`/api/v1/dialogues/sessions/${ID}/`) && method === 'POST') {
        const body = JSON.parse(init!.body as string) as Record<string, unknown>;
        posts.push({ path, body });
        const a = answer?.(path, body);
        return a ? reply(a.body, a.status) : reply(current);
      }
      if (path === '/api/v1/identity/org-units/tree') return reply({ items: [unitNode(OFFICE), unitNode(JUSTICE)] });
      if (path === '/api/v1/identity/me') {
        return reply({
          csrfToken: 'csrf',
          user: {
            id: ID,
            kind: 'officer',
            username: 'cv',
            displayName: 'Cán bộ',
            email: null,
            phone: null,
            accountType: null,
            grants: [],
            actions: ['dialogues.read', 'dialogues.manage'],
          },
        });
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DialogueAdminPage', { timeout: 30_000 }, () => {
  it('offers exactly the actions the server allows, and announces on the version seen', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Đối thoại với người dân về thủ tục lĩnh vực tư pháp' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Đối thoại với người dân về thủ tục lĩnh vực tư pháp — Hệ thống một cửa tỉnh Thanh Hóa'));
    const actions = screen.getByTestId('session-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Sửa thông tin', 'Thông báo công khai', 'Hủy buổi đối thoại']);
    expect(screen.queryByTestId('session-minutes-edit')).toBeNull();
    expect(screen.getByTestId('session-pending').textContent).toBe('1 câu hỏi chờ xem xét');
    current = detail({
      state: 'ANNOUNCED',
      stateText: 'Đã thông báo',
      version: 3,
      announcedAt: '2026-03-02T09:00:00+07:00',
      actions: { ...NO_SESSION_ACTIONS, update: true, cancel: true, agenda: true, addQuestion: true },
    });
    fireEvent.click(screen.getByTestId('session-announce'));
    fireEvent.click(await screen.findByRole('button', { name: 'Đồng ý' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: `/api/v1/dialogues/sessions/${ID}/announce`, body: { version: 2 } });
    expect(await screen.findByText('Đã thông báo buổi đối thoại.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('session-state').textContent).toBe('Đã thông báo'));
    expect(screen.getByTestId('session-public-link').getAttribute('href')).toBe(`/doi-thoai/${ID}`);
  });

  it('accepts a public question and takes one from a feedback item by its code', async () => {
    show();
    fireEvent.click(await screen.findByTestId(`question-accept-${Q_PUBLIC}`));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: `/api/v1/dialogues/sessions/${ID}/questions/${Q_PUBLIC}/accept`, body: { version: 1 } });
    fireEvent.click(screen.getByTestId('session-from-feedback'));
    // Every dialog of the page is rendered (hidden) and antd names them all by one id in tests: found by test id instead.
    const dialog = await screen.findByTestId('session-feedback-form');
    expect(within(dialog).getByText('Lấy câu hỏi từ phản ánh, kiến nghị')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Mã phản ánh, kiến nghị'), { target: { value: ' PAKN-2026-000042 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ path: `/api/v1/dialogues/sessions/${ID}/questions/from-feedback`, body: { feedbackCode: 'PAKN-2026-000042' } });
  });

  it('answers a question with a commitment in working days; a field error of the commitment lands on it', async () => {
    current = detail({
      state: 'HELD',
      stateText: 'Đã tổ chức',
      minutes: 'Buổi đối thoại diễn ra đúng kế hoạch.',
      questions: [
        question({
          id: Q_FLOOR,
          source: 'officer',
          askerName: 'Trịnh Văn Sơn',
          askerDisplay: 'T.V.S.',
          askerContact: null,
          state: 'ACCEPTED',
          stateText: 'Đã nhận',
          version: 4,
          actions: { ...NO_QUESTION_ACTIONS, answer: true, reject: true },
        }),
      ],
      actions: { ...NO_SESSION_ACTIONS, agenda: true, minutes: true, close: true, addQuestion: true },
    });
    answer = () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Dữ liệu không hợp lệ.',
          fields: [{ path: 'body.commitments.0.ownerUnitId', code: 'dialogues.errors.unitUnknown', message: 'Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động.' }],
        },
      },
    });
    show();
    fireEvent.click(await screen.findByTestId(`question-answer-button-${Q_FLOOR}`));
    const dialog = await screen.findByTestId('answer-form');
    expect(within(dialog).getByText('Trả lời câu hỏi')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Nội dung trả lời'), { target: { value: 'Sở Tư pháp sẽ công khai đường dây nóng.' } });
    fireEvent.click(within(dialog).getByTestId('answer-add-commitment'));
    const first = await within(dialog).findByRole('group', { name: 'Cam kết 1' });
    fireEvent.mouseDown(within(within(first).getByTestId('commitment-0-unit')).getByRole('combobox'));
    fireEvent.click((await screen.findAllByTitle('Sở Tư pháp')).at(-1)!);
    fireEvent.change(within(first).getByLabelText('Nội dung cam kết'), { target: { value: 'Niêm yết số đường dây nóng tại bộ phận một cửa.' } });
    fireEvent.change(within(first).getByRole('spinbutton', { name: 'Số ngày làm việc' }), { target: { value: '10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi câu trả lời' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      path: `/api/v1/dialogues/sessions/${ID}/questions/${Q_FLOOR}/answer`,
      body: {
        version: 4,
        answer: 'Sở Tư pháp sẽ công khai đường dây nóng.',
        commitments: [{ ownerUnitId: JUSTICE.id, text: 'Niêm yết số đường dây nóng tại bộ phận một cửa.', workingDays: 10 }],
      },
    });
    expect(await within(first).findByText('Đơn vị đã chọn không tồn tại hoặc đã ngừng hoạt động.')).toBeTruthy();
  });

  it('says when the session is not one the officer may see', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reply({ error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' } }, 403)),
    );
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy buổi đối thoại' })).toBeTruthy();
  });
});
