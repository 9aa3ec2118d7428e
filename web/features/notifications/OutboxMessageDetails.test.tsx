import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18n from '../../app/i18n';
import type { OutboxMessage } from '../../../contracts/notifications/notifications.contracts';
import { OutboxMessageDetails } from './OutboxMessageDetails';
import { lastErrorText } from './OutboxStatusTag';

const zalo: OutboxMessage = {
  id: 'a1',
  channel: 'zalo',
  recipient: '84912345678',
  templateKey: 'dossiers.applicant-update',
  locale: 'vi',
  status: 'sent',
  attempts: 1,
  lastError: null,
  subject: null,
  body: 'Hồ sơ H56.22-260302-0001 (Đăng ký khai sinh): Đã có kết quả giải quyết.',
  zaloData: { ma_ho_so: 'H56.22-260302-0001', thoi_han: 'nhận được từ bây giờ' },
  deliveredVia: 'zns',
  providerMessageId: 'zns-8a7b6c',
  subjectType: 'dossier',
  subjectId: 'd1',
  createdAt: '2026-03-02T02:00:00.000Z',
  lastAttemptAt: '2026-03-02T02:00:01.000Z',
  sentAt: '2026-03-02T02:00:01.000Z',
};

afterEach(() => cleanup());

describe('outbox message details', () => {
  it('shows a Zalo message with its ZNS parameters and the provider id, and no subject', async () => {
    await i18n.changeLanguage('vi');
    render(<OutboxMessageDetails message={zalo} />);
    expect(screen.getByText('Tham số mẫu Zalo (ZNS)')).toBeTruthy();
    expect(screen.getByText('ma_ho_so')).toBeTruthy();
    expect(screen.getByText('H56.22-260302-0001')).toBeTruthy();
    expect(screen.getByText('nhận được từ bây giờ')).toBeTruthy();
    expect(screen.getByText('zns-8a7b6c')).toBeTruthy();
    expect(screen.queryByText('Tiêu đề')).toBeNull();
  });

  it('translates why a Zalo message was not sent', async () => {
    await i18n.changeLanguage('en');
    const skipped = { ...zalo, status: 'skipped' as const, lastError: 'zalo-template-not-configured', zaloData: null, providerMessageId: null };
    expect(lastErrorText(skipped, i18n.t)).toBe('No approved Zalo (ZNS) template is configured for this message');
    render(<OutboxMessageDetails message={skipped} />);
    expect(screen.getByText('No approved Zalo (ZNS) template is configured for this message')).toBeTruthy();
    expect(screen.queryByText('Zalo (ZNS) template parameters')).toBeNull();
    await i18n.changeLanguage('vi');
  });
});
