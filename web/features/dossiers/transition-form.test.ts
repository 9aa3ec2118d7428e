import { describe, expect, it } from 'vitest';
import { budgetMinutes, toTransitionRequest } from './transition-form';

describe('toTransitionRequest', () => {
  it('carries the version the officer saw and the optional note', () => {
    expect(toTransitionRequest('forward', 7, { note: '  Đủ điều kiện ' })).toEqual({ transition: 'forward', expectedVersion: 7, note: 'Đủ điều kiện', attachments: [] });
    expect(toTransitionRequest('approve', 3, { note: '   ' })).toMatchObject({ note: null });
  });

  it('sends the reason of return-to-step as its required note', () => {
    expect(toTransitionRequest('return-to-step', 2, { stepIndex: 1, reason: 'Thiếu chữ ký' })).toMatchObject({ stepIndex: 1, note: 'Thiếu chữ ký' });
  });

  it('makes the transfer sub-deadline working minutes (8-hour days)', () => {
    expect(toTransitionRequest('transfer', 4, { toUnitId: 'u', role: 'specialist', budgetAmount: 1.5, budgetUnit: 'working-days' })).toMatchObject({
      toUnitId: 'u',
      role: 'specialist',
      budgetMinutes: 720,
    });
    expect(budgetMinutes(4, 'working-hours')).toBe(240);
  });

  it('lists supplement items one per line and keeps reasons', () => {
    expect(toTransitionRequest('request-supplement', 1, { items: 'Tờ khai\n Ảnh ', reason: 'Thiếu' })).toMatchObject({ items: ['Tờ khai', 'Ảnh'], reason: 'Thiếu' });
    expect(toTransitionRequest('stop', 1, { reason: ' Theo đề nghị ' })).toMatchObject({ reason: 'Theo đề nghị' });
    expect(toTransitionRequest('return-result', 9, { method: 'post', receivedBy: ' Nguyễn Văn An ' })).toMatchObject({ method: 'post', receivedBy: 'Nguyễn Văn An' });
  });
});
