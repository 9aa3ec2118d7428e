import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { actionDef, FEEDBACK_ACTIONS, toActionRequest } from './feedback-actions';

describe('feedback actions', () => {
  it('names one action per flag of the detail, each with its transition and path', () => {
    expect(FEEDBACK_ACTIONS.map((a) => [a.key, a.transition, a.path])).toEqual([
      ['classify', 'classify', 'classify'],
      ['setDeadline', 'set-deadline', 'deadline'],
      ['requestInfo', 'request-info', 'request-info'],
      ['draftAnswer', 'draft-answer', 'answer-draft'],
      ['approve', 'approve', 'approve'],
      ['sendBack', 'send-back', 'send-back'],
      ['transfer', 'transfer', 'transfer'],
      ['merge', 'merge', 'merge'],
      ['closeOutOfScope', 'close-out-of-scope', 'out-of-scope'],
    ]);
    expect(actionDef('closeOutOfScope').path).toBe('out-of-scope');
  });

  it('builds each body with the version, trimmed texts, and no empty optional text', () => {
    expect(toActionRequest('classify', 2, { kind: 'regulation', note: '   ' })).toEqual({ version: 2, kind: 'regulation' });
    expect(toActionRequest('merge', 2, { intoCode: ' pakn-2026-000001 ', reason: '' })).toEqual({ version: 2, intoCode: 'PAKN-2026-000001' });
    expect(toActionRequest('approve', 5, {})).toEqual({ version: 5 });
    expect(toActionRequest('sendBack', 5, { note: ' Cần nêu căn cứ pháp lý ' })).toEqual({ version: 5, note: 'Cần nêu căn cứ pháp lý' });
  });

  it('sends an appointment as the wall-clock time picked, in Hà Nội time, and no due for the other rules', () => {
    const picked = dayjs('2026-03-12T14:30:00');
    expect(toActionRequest('setDeadline', 3, { rule: 'appointment', dueAt: picked, reason: 'Cần lấy ý kiến Sở Tài chính' })).toEqual({
      version: 3,
      rule: 'appointment',
      dueAt: '2026-03-12T14:30:00+07:00',
      reason: 'Cần lấy ý kiến Sở Tài chính',
    });
    expect(toActionRequest('setDeadline', 3, { rule: 'inter-agency', dueAt: picked, reason: 'Liên quan Sở Tài chính' })).toEqual({
      version: 3,
      rule: 'inter-agency',
      reason: 'Liên quan Sở Tài chính',
    });
  });
});
