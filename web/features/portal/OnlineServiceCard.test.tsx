import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../app/i18n';
import type { PublicProcedure } from '../catalog/catalog.types';
import { OnlineServiceCard } from './OnlineServiceCard';

const procedure = (over: Partial<PublicProcedure>) =>
  ({
    procedureId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    onlineMode: null,
    onlineService: { mode: 'none', submission: false },
    eForm: null,
    ...over,
  }) as PublicProcedure;
const show = (p: PublicProcedure) =>
  render(
    <MemoryRouter>
      <OnlineServiceCard procedure={p} />
    </MemoryRouter>,
  );

afterEach(cleanup);

describe('OnlineServiceCard', { timeout: 30_000 }, () => {
  it('links a procedure open to online submission to the portal’s submission page, with the mode explained', () => {
    show(
      procedure({
        onlineMode: 'full',
        onlineService: { mode: 'full', submission: true },
        eForm: { formatVersion: 1, title: { vi: 'Tờ khai đăng ký khai sinh', en: null }, basis: null, sections: [] },
      }),
    );
    expect(screen.getByText('Trực tuyến toàn trình')).toBeTruthy();
    expect(screen.getByText(/^Trực tuyến toàn trình: nộp hồ sơ, theo dõi và nhận kết quả/)).toBeTruthy();
    expect(screen.getByText(/Tờ khai đăng ký khai sinh/)).toBeTruthy();
    const link = screen.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ });
    expect(link.getAttribute('href')).toBe('/nop-ho-so/6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b');
  });

  it('explains a partial service and still offers the submission', () => {
    show(procedure({ onlineMode: 'partial', onlineService: { mode: 'partial', submission: true } }));
    expect(screen.getByText(/^Trực tuyến một phần: nộp hồ sơ trực tuyến/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ })).toBeTruthy();
  });

  it('offers no submission for an information-only or unstated service', () => {
    show(procedure({ onlineMode: 'information-only' }));
    expect(screen.getByText('Chỉ cung cấp thông tin')).toBeTruthy();
    expect(screen.getByText(/chưa nhận hồ sơ trực tuyến/)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
