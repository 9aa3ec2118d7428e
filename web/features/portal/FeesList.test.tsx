import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18n from '../../app/i18n';
import type { Fee } from '../catalog/catalog.types';
import { FeesList } from './FeesList';

const fee: Fee = { channel: 'any', amountVnd: 8000, text: '8.000 đồng', note: null };

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(cleanup);

describe('FeesList', { timeout: 30_000 }, () => {
  it('lists who is exempted or pays less under the fees, with the basis', () => {
    render(
      <FeesList
        fees={[fee]}
        fallbackText={null}
        exemptions={[
          { key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' },
          { key: 'nguoi-co-cong', subject: 'Người có công với cách mạng', percent: 50, basis: null },
        ]}
      />,
    );
    const list = screen.getByTestId('fee-exemptions');
    expect(within(list).getByText('Miễn, giảm phí, lệ phí')).toBeTruthy();
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Miễn phí, lệ phí: Hộ nghèoCăn cứ: Điều 4 Thông tư 75/2022/TT-BTC', 'Giảm 50%: Người có công với cách mạng']);
  });

  it('shows nothing about exemptions when there are none', () => {
    render(<FeesList fees={[fee]} fallbackText={null} exemptions={[]} />);
    expect(screen.queryByTestId('fee-exemptions')).toBeNull();
    expect(screen.queryByText('Miễn, giảm phí, lệ phí')).toBeNull();
  });

  it('keeps the published wording when no fee is itemised, and still lists the exemptions', () => {
    render(<FeesList fees={[]} fallbackText="Không thu phí" exemptions={[{ key: 'tre-em', subject: 'Trẻ em', percent: 100, basis: null }]} />);
    expect(screen.getByText('Không thu phí')).toBeTruthy();
    expect(screen.getByTestId('fee-exemptions').textContent).toContain('Miễn phí, lệ phí: Trẻ em');
  });
});
