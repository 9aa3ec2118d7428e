import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import { identityKeys } from '../identity/identity.api';
import { DOCUMENT_TYPES } from '../../../contracts/documents/documents.values';
import type { DocumentSettings } from '../../../contracts/documents/documents.contracts';
import { me, reply, STP } from './documents.fixtures';
import { DocumentSettingsPage, previewOf, seriesProblem, toSettingsRequest } from './DocumentSettingsPage';

let puts: Array<{ path: string; body: Record<string, unknown> }>;
let gets: string[];
let answer: (body: Record<string, unknown>) => Response;
let stored: DocumentSettings;

const SETTINGS_PATH = `/api/v1/documents/settings/${STP.id}`;

function show(roles = ['unit-admin']) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(identityKeys.me, me(roles, roles.length ? ['documents.settings.read', 'documents.settings.manage'] : []));
  return render(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={['/admin/documents/settings']}>
          <Routes>
            <Route path="/admin/documents/settings" element={<DocumentSettingsPage />} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

/** Picks an option of an antd multiple Select by typing part of its text first (the list of 29 renders a window of it). */
async function pickType(testId: string, search: string, option: string) {
  const box = within(screen.getByTestId(testId)).getByRole('combobox');
  fireEvent.mouseDown(box);
  fireEvent.change(box, { target: { value: search } });
  fireEvent.click((await screen.findAllByTitle(option)).at(-1)!);
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  puts = [];
  gets = [];
  stored = {
    unitId: STP.id,
    issuerAbbreviation: 'STP',
    series: [
      { key: 'chung', name: 'Chung', typeCodes: [] },
      { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] },
    ],
    version: 4,
  };
  answer = (body) => reply({ ...stored, ...body, version: stored.version + 1 });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      const method = init?.method ?? 'GET';
      if (path === '/api/v1/documents/types') return reply({ items: DOCUMENT_TYPES });
      if (path === '/api/v1/identity/org-units/tree') return reply({ items: [] });
      if (path === SETTINGS_PATH && method === 'GET') {
        gets.push(path);
        return reply(stored);
      }
      if (path === SETTINGS_PATH && method === 'PUT') {
        const body = JSON.parse(init!.body as string) as Record<string, unknown>;
        puts.push({ path, body });
        return answer(body);
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DocumentSettingsPage', { timeout: 30_000 }, () => {
  it('loads the unit’s abbreviation and series, edits a series and saves on the version read; the server’s field error lands on its field', async () => {
    answer = () =>
      reply(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ.',
            fields: [{ path: 'body.series.1.name', code: 'too_big', message: 'Tên sổ quá dài (máy chủ).' }],
          },
        },
        400,
      );
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Cài đặt văn bản của cơ quan' })).toBeTruthy();
    await screen.findByTestId('settings-form');
    expect(gets).toEqual([SETTINGS_PATH]);
    expect(screen.getByTestId<HTMLInputElement>('settings-abbreviation').value).toBe('STP');
    expect(screen.getByTestId<HTMLInputElement>('settings-series-key-0').value).toBe('chung');
    expect(screen.getByTestId<HTMLInputElement>('settings-series-name-1').value).toBe('Quyết định');
    // chung stays: its key is fixed and it cannot be removed.
    expect(screen.getByTestId<HTMLInputElement>('settings-series-key-0').readOnly).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('settings-series-remove-0').disabled).toBe(true);
    expect(screen.getByTestId('settings-preview').textContent).toBe('Quyết định: 01/QĐ-STP (sổ Quyết định) · Công văn: 01/STP-<đơn vị soạn thảo> (sổ Chung)');

    // The series of decisions also numbers directives (chỉ thị), found by typing.
    fireEvent.change(screen.getByTestId('settings-series-name-1'), { target: { value: ' Quyết định, chỉ thị ' } });
    await pickType('settings-series-types-1', 'chỉ', 'Chỉ thị');
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({
      issuerAbbreviation: 'STP',
      series: [
        { key: 'chung', name: 'Chung', typeCodes: [] },
        { key: 'qd', name: 'Quyết định, chỉ thị', typeCodes: ['QD', 'CT'] },
      ],
      version: 4,
    });
    expect(await screen.findByText('Tên sổ quá dài (máy chủ).', undefined, { timeout: 10_000 })).toBeTruthy();
    // Still on the form with what was typed.
    expect(screen.getByTestId<HTMLInputElement>('settings-series-name-1').value).toBe(' Quyết định, chỉ thị ');

    answer = (body) => reply({ ...stored, ...body, version: 5 });
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(await screen.findByText('Đã lưu cài đặt văn bản.')).toBeTruthy();
  });

  it('checks the series before sending: chung must stay, keys once, a type in one series', async () => {
    show();
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByTestId('settings-series-add'));
    fireEvent.change(await screen.findByTestId('settings-series-key-2'), { target: { value: 'qd' } });
    fireEvent.change(screen.getByTestId('settings-series-name-2'), { target: { value: 'Trùng' } });
    fireEvent.click(screen.getByTestId('settings-submit'));
    expect(await screen.findByText('Mã sổ bị trùng.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('settings-series-key-2'), { target: { value: 'Sổ mới' } });
    expect(await screen.findByText('Mã sổ chỉ gồm chữ thường không dấu, số và dấu gạch nối.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('settings-abbreviation'), { target: { value: 'S-TP' } });
    expect(await screen.findByText('Chữ viết tắt chỉ gồm chữ và số, không có dấu cách hay dấu gạch nối.')).toBeTruthy();
    expect(puts).toEqual([]);
  });

  it('puts the server’s error on the series as a whole under the series', async () => {
    answer = () =>
      reply(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ.',
            fields: [{ path: 'body.series', code: 'documents.errors.seriesTypeTwice', message: 'Một loại văn bản chỉ thuộc một sổ (máy chủ).' }],
          },
        },
        400,
      );
    show();
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => expect(puts).toHaveLength(1));
    const form = screen.getByTestId('settings-form');
    expect(await within(form).findByText('Một loại văn bản chỉ thuộc một sổ (máy chủ).')).toBeTruthy();
  });

  it('answers a 409 with a reload that reads the settings again', async () => {
    answer = () => reply({ error: { code: 'DOCUMENT_STALE', message: 'Cài đặt vừa được người khác lưu.' } }, 409);
    show();
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByTestId('settings-submit'));
    const notice = await screen.findByTestId('settings-stale');
    expect(notice.textContent).toContain('Cài đặt vừa được người khác lưu.');
    // It speaks of the settings, not of a document.
    expect(notice.textContent).toContain('Cài đặt vừa được người khác cập nhật');
    expect(screen.getByTestId('settings-stale-reload').textContent).toBe('Tải lại cài đặt');
    stored = { ...stored, issuerAbbreviation: 'STPTH', version: 5 };
    fireEvent.click(screen.getByTestId('settings-stale-reload'));
    await waitFor(() => expect(screen.getByTestId<HTMLInputElement>('settings-abbreviation').value).toBe('STPTH'));
    expect(screen.queryByTestId('settings-stale')).toBeNull();
    expect(gets).toHaveLength(2);
  });

  it('tells an officer who administers no unit that only administrators set them', async () => {
    show(['clerk']);
    expect(await screen.findByTestId('settings-no-unit')).toBeTruthy();
    expect(gets).toEqual([]);
  });
});

describe('settings helpers', () => {
  it('builds the request, finds the series’ problems and previews the numbers', () => {
    expect(toSettingsRequest({ issuerAbbreviation: ' STP ', series: [{ key: ' chung ', name: 'Chung ' }] }, 0)).toEqual({
      issuerAbbreviation: 'STP',
      series: [{ key: 'chung', name: 'Chung', typeCodes: [] }],
      version: 0,
    });
    expect(seriesProblem([{ key: 'qd', typeCodes: ['QD'] }])).toBe('documents.settings.errors.seriesChung');
    expect(seriesProblem([{ key: 'chung' }, { key: 'chung' }])).toBe('documents.settings.errors.seriesDuplicate');
    expect(
      seriesProblem([
        { key: 'chung', typeCodes: ['QD'] },
        { key: 'qd', typeCodes: ['QD'] },
      ]),
    ).toBe('documents.settings.errors.seriesTypeTwice');
    expect(seriesProblem([{ key: 'chung' }, { key: 'qd', typeCodes: ['QD'] }])).toBeNull();
    expect(previewOf('UBND', [{ key: 'chung', name: 'Chung' }], 'VP', (n) => n)).toBe('Quyết định: 01/QĐ-UBND (Chung) · Công văn: 01/UBND-VP (Chung)');
  });
});
