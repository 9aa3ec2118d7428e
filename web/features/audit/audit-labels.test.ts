import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { actionLabel, subjectTypeLabel } from './audit-labels';

describe('audit labels (issue 9 item 8)', () => {
  it('gives officers words for actions and subject types, in vi and en', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'vi', resources, interpolation: { escapeValue: false } });
    expect(actionLabel(i18n.t, 'dossiers.transition.forward')).toBe(`Hồ sơ: ${i18n.t('dossiers.transition.forward')}`);
    expect(actionLabel(i18n.t, 'dossiers.intake.guide')).toBe('Hướng dẫn bổ sung hồ sơ (Mẫu 02)');
    expect(actionLabel(i18n.t, 'catalog.procedures.new-version')).toBe('Tạo phiên bản mới của thủ tục');
    expect(subjectTypeLabel(i18n.t, 'user')).toBe('Tài khoản');
    expect(subjectTypeLabel(i18n.t, 'catalog.procedure-version')).toBe('Phiên bản thủ tục');
    await i18n.changeLanguage('en');
    expect(actionLabel(i18n.t, 'identity.login-failed')).toBe('Failed sign-in');
    // An action without words stays visible as its identifier.
    expect(actionLabel(i18n.t, 'something.new')).toBe('something.new');
  });
});
