import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Me } from '../../../../contracts/identity/identity.contracts';
import type { PublicFeedbackSummary } from '../../../../contracts/feedback/feedback.contracts';

// Shared by this feature's component tests: a fetch stand-in answering by "METHOD path" and recording each call, the
// portal accounts, and the providers a page needs.

/** One call the page made. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Handler = (call: Call) => { status: number; body: unknown } | undefined;

/** A signed-in citizen as GET /identity/me returns it. */
export const CITIZEN: Me = {
  id: '3f0c2a1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  kind: 'citizen',
  username: null,
  displayName: 'Trần Thị Bình',
  email: 'binh.tran@example.vn',
  phone: null,
  accountType: 'citizen',
  grants: [],
  actions: [],
};

/** An answered, published item as the public sees it. */
export const summary = (over: Partial<PublicFeedbackSummary> = {}): PublicFeedbackSummary => ({
  code: 'PAKN-2026-000012',
  kind: 'regulation',
  title: 'Thời hạn giải quyết đăng ký khai sinh cho trẻ sinh ở nước ngoài quá dài',
  senderName: 'N.V.A.',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  field: 'Hộ tịch',
  unit: { id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', code: 'H56.22', name: 'Sở Tư pháp tỉnh Thanh Hóa' },
  receivedAt: '2026-03-02T09:00:00+07:00',
  answeredAt: '2026-03-04T10:00:00+07:00',
  reopened: false,
  followers: 2,
  ...over,
});

/** Installs a fetch that records calls and answers through `handler` (me: the signed-in account, or null). */
export function stubFetch(me: Me | null, handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const [path, qs] = url.split('?') as [string, string | undefined];
      const call: Call = { method: init?.method ?? 'GET', path, query: new URLSearchParams(qs), body: init?.body ? JSON.parse(init.body as string) : undefined };
      calls.push(call);
      const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (path === '/api/v1/identity/me') return me ? reply(200, { user: me, csrfToken: 'csrf' }) : reply(401, { error: { code: 'UNAUTHENTICATED', message: 'Chưa đăng nhập' } });
      // The procedure and field pickers ask the catalogue on their own; an empty catalogue is enough here.
      if (path === '/api/v1/catalog/procedures') return reply(200, { items: [], total: 0 });
      if (path === '/api/v1/catalog/fields') return reply(200, { items: [] });
      const answer = handler(call);
      return answer ? reply(answer.status, answer.body) : reply(404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
    }),
  );
  return calls;
}

/** Renders `element` at `url` under `route`, with the app's providers. */
export function renderAt(url: string, route: string, element: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<div data-testid="elsewhere" />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}
