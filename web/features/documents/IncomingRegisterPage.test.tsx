import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { incoming, INCOMING_ID, me, reply, STP, STP_OFFICE, unitTree } from './documents.fixtures';
import { IncomingRegisterPage } from './IncomingRegisterPage';

let queries: URLSearchParams[];

function show(roles: string[], actions: string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, me(roles, actions));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/admin/documents/incoming?year=2026']}>
          <IncomingRegisterPage />
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  queries = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const [path, qs] = url.split('?') as [string, string | undefined];
      if (path === '/api/v1/identity/org-units/tree') return reply(unitTree);
      if (path === '/api/v1/documents/incoming') {
        queries.push(new URLSearchParams(qs));
        const {
          files: _f,
          events: _e,
          assignment: _a,
          receipt: _r,
          metadata: _m,
          allowedActions: _x,
          closeText: _c,
          replyDocumentId: _d,
          ...row
        } = incoming({
          state: 'ASSIGNED',
          dueAt: '2026-12-04T17:00:00+07:00',
          overdue: true,
          leadUnit: STP_OFFICE,
        });
        return reply({ items: [row], total: 1, page: 1, pageSize: 20 });
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('IncomingRegisterPage', { timeout: 30_000 }, () => {
  it('lists the register with overdue marked, offers the clerk registering and the yearly book, and sends the filters', async () => {
    show(['clerk'], ['documents.read', 'documents.register']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sổ văn bản đến' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Sổ văn bản đến — Hệ thống một cửa tỉnh Thanh Hóa'));
    const link = await screen.findByTestId(`incoming-link-${INCOMING_ID}`);
    expect(link.textContent).toBe('42');
    const row = link.closest('tr')!;
    expect(within(row).getByText('125/UBND-VP')).toBeTruthy();
    expect(within(row).getByText('Khẩn')).toBeTruthy();
    expect(within(row).getByText('Quá hạn')).toBeTruthy();
    expect(screen.getByTestId('incoming-register').getAttribute('href')).toBe('/admin/documents/incoming/new');
    expect(screen.getByTestId('incoming-book').getAttribute('href')).toBe(`/api/v1/documents/books/incoming.xlsx?unitId=${STP.id}&year=2026`);
    expect(queries[0]!.get('year')).toBe('2026');

    fireEvent.click(screen.getByTestId('incoming-mine-filter'));
    await waitFor(() => expect(queries.at(-1)!.get('assignedToMe')).toBe('true'));
    fireEvent.change(within(screen.getByTestId('incoming-search')).getByRole('searchbox'), { target: { value: ' ho tich ' } });
    fireEvent.keyDown(within(screen.getByTestId('incoming-search')).getByRole('searchbox'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(queries.at(-1)!.get('q')).toBe('ho tich'));
    expect(queries.at(-1)!.get('assignedToMe')).toBe('true');
  });

  it('offers registering only to the clerk', async () => {
    show(['leader'], ['documents.read']);
    await screen.findByTestId(`incoming-link-${INCOMING_ID}`);
    expect(screen.queryByTestId('incoming-register')).toBeNull();
  });
});
