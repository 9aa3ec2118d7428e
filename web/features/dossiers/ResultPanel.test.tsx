import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from '../../app/i18n';
import type { DossierResultView, IssuedResult } from '../results/results.api';
import { attachResultForm } from '../results/results.api';
import { ResultPanel } from './ResultPanel';
import type { DossierDetail } from './dossiers.types';

const DOSSIER_ID = '00000000-0000-4000-8000-000000000001';
const dossier = { id: DOSSIER_ID, version: 3, resultDelivery: 'online' } as DossierDetail;

const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function issued(document: IssuedResult['document']): IssuedResult {
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    token: 'AAAAAAAAAAAAAAAAAAAAAA',
    verifyUrl: 'https://motcua.example/xac-thuc-ket-qua/AAAAAAAAAAAAAAAAAAAAAA',
    fileName: 'quyet-dinh.pdf',
    sizeBytes: 1234,
    sha256: 'a'.repeat(64),
    certificateSha256: 'b'.repeat(64),
    issuingUnit: { id: '00000000-0000-4000-8000-0000000000bb', name: 'Sở Tư pháp' },
    issuedAt: '2026-03-03T10:15:00+07:00',
    issuedBy: 'Chuyên viên',
    status: 'valid',
    paperOriginal: false,
    paperOriginalReason: null,
    replacedAt: null,
    replacedBy: null,
    replaceReason: null,
    document,
  };
}

const view = (current: IssuedResult | null): DossierResultView => ({
  dossierId: DOSSIER_ID,
  resultDelivery: 'online',
  current,
  history: [],
  canAttach: current === null,
  paperByDelivery: false,
});

let uploads: FormData[];
let current: IssuedResult | null;

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App>
        <ResultPanel dossier={dossier} />
      </App>
    </QueryClientProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('vi');
  uploads = [];
  current = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0]!;
      if (path === `/api/v1/dossiers/${DOSSIER_ID}/result` && (init?.method ?? 'GET') === 'GET') return reply(view(current));
      if (path === `/api/v1/dossiers/${DOSSIER_ID}/result` && init?.method === 'POST') {
        uploads.push(init.body as FormData);
        const result = issued({ id: '00000000-0000-4000-8000-0000000000cc', numberSymbol: '05/QĐ-STP' });
        return reply({ result, view: view(result) }, 201);
      }
      return reply({ error: { code: 'NOT_FOUND', message: 'not found' } }, 404);
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('attachResultForm', () => {
  it('sends the document part as JSON only when asked', () => {
    const file = new File(['%PDF-1.7'], 'kq.pdf', { type: 'application/pdf' });
    const plain = attachResultForm({ file, paperOriginal: false });
    expect(plain.has('document')).toBe(false);
    const numbered = attachResultForm({ file, paperOriginal: true, document: { typeCode: 'QD', signerName: 'Nguyễn Văn An', signerPosition: 'Giám đốc', signingPrefix: 'KT.' } });
    expect(JSON.parse(numbered.get('document') as string)).toEqual({ typeCode: 'QD', signerName: 'Nguyễn Văn An', signerPosition: 'Giám đốc', signingPrefix: 'KT.' });
    expect(numbered.get('paperOriginal')).toBe('true');
  });
});

describe('ResultPanel', { timeout: 30_000 }, () => {
  it('issues the result numbered in the unit’s outgoing register when the switch is on, and shows the number', async () => {
    const { container } = show();
    const form = await screen.findByTestId('result-form');
    expect(screen.queryByTestId('result-document-fields')).toBeNull();
    const file = new File(['%PDF-1.7'], 'quyet-dinh.pdf', { type: 'application/pdf' });
    fireEvent.change(container.querySelector('input[type=file]')!, { target: { files: [file] } });

    fireEvent.click(within(form).getByTestId('result-document-switch'));
    expect(await screen.findByText('Cấp số văn bản theo sổ văn bản đi của đơn vị')).toBeTruthy();
    await screen.findByTestId('result-document-fields');
    fireEvent.change(screen.getByTestId('result-document-position'), { target: { value: 'Giám đốc' } });
    fireEvent.change(screen.getByTestId('result-document-signer'), { target: { value: 'Nguyễn Văn An' } });
    fireEvent.click(screen.getByTestId('result-submit'));

    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(JSON.parse(uploads[0]!.get('document') as string)).toEqual({ typeCode: 'QD', signerName: 'Nguyễn Văn An', signerPosition: 'Giám đốc', signingPrefix: '' });
    expect((await screen.findByTestId('result-document-number', undefined, { timeout: 10_000 })).textContent).toBe('05/QĐ-STP');
  });

  it('sends no document part while the switch is off', async () => {
    const { container } = show();
    await screen.findByTestId('result-form');
    fireEvent.change(container.querySelector('input[type=file]')!, { target: { files: [new File(['%PDF-1.7'], 'kq.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(screen.getByTestId('result-submit'));
    await waitFor(() => expect(uploads).toHaveLength(1));
    expect(uploads[0]!.has('document')).toBe(false);
  });
});
