import { describe, expect, it } from 'vitest';
import { budgetToForm, budgetToMinutes, exemptionKeys, exemptionSlug, toContent, toFormValues } from './procedure-form';
import type { ProcedureVersion } from './catalog.types';

describe('step budgets', () => {
  it('shows whole working days as days and the rest as hours (8-hour day)', () => {
    expect(budgetToForm(3 * 480)).toEqual({ budgetValue: 3, budgetUnit: 'working-days' });
    expect(budgetToForm(240)).toEqual({ budgetValue: 4, budgetUnit: 'working-hours' });
    expect(budgetToForm(null)).toEqual({ budgetValue: null, budgetUnit: 'working-days' });
  });
  it('round-trips what an editor types', () => {
    expect(budgetToMinutes(1.5, 'working-days')).toBe(720);
    expect(budgetToMinutes(2, 'working-hours')).toBe(120);
    expect(budgetToMinutes(undefined, 'working-days')).toBeNull();
  });
});

describe('toContent', () => {
  it('sends a fixed unit only for fixed steps and converts budgets to minutes', () => {
    const body = toContent({
      name: ' Thủ tục thử ',
      workflow: [
        { name: 'Tiếp nhận', unitRef: 'receiving-centre', orgUnitId: 'ignored', role: 'reception-officer', budgetValue: 4, budgetUnit: 'working-hours' },
        {
          name: 'Liên thông',
          unitRef: 'fixed',
          orgUnitId: '11111111-1111-4111-8111-111111111111',
          role: 'specialist',
          budgetValue: 2,
          budgetUnit: 'working-days',
          interAgency: true,
        },
      ],
    });
    expect(body.workflow).toEqual([
      { name: 'Tiếp nhận', unitRef: 'receiving-centre', orgUnitId: null, role: 'reception-officer', budgetMinutes: 240, interAgency: false },
      { name: 'Liên thông', unitRef: 'fixed', orgUnitId: '11111111-1111-4111-8111-111111111111', role: 'specialist', budgetMinutes: 960, interAgency: true },
    ]);
  });
  it('leaves the workflow out of a new procedure with no steps so the server applies its default', () => {
    expect(toContent({ name: 'x', workflow: [] }).workflow).toBeUndefined();
  });
});

describe('the e-form in the editor', () => {
  const eForm = { formatVersion: 1 as const, title: { vi: 'Tờ khai', en: null }, basis: null, sections: [] };
  it('sends no e-form for an empty editor and the parsed JSON otherwise', () => {
    expect(toContent({ name: 'x', eFormJson: '  ' }).eForm).toBeNull();
    expect(toContent({ name: 'x' }).eForm).toBeNull();
    expect(toContent({ name: 'x', eFormJson: JSON.stringify(eForm) }).eForm).toEqual(eForm);
    expect(() => toContent({ name: 'x', eFormJson: '{"formatVersion":' })).toThrow(SyntaxError);
  });
  it('shows a stored e-form as indented JSON', () => {
    const values = toFormValues({
      eForm,
      processingTimes: [],
      fees: [],
      requiredDocuments: [],
      documentGroups: [],
      legalBasis: [],
      workflow: [],
      implementingUnits: [],
    } as unknown as ProcedureVersion);
    expect(values.eFormJson).toBe(JSON.stringify(eForm, null, 2));
    expect(
      toFormValues({
        eForm: null,
        processingTimes: [],
        fees: [],
        requiredDocuments: [],
        documentGroups: [],
        legalBasis: [],
        workflow: [],
        implementingUnits: [],
      } as unknown as ProcedureVersion).eFormJson,
    ).toBe('');
  });
});

describe('fee exemptions', () => {
  const stored = {
    processingTimes: [],
    fees: [],
    requiredDocuments: [],
    documentGroups: [],
    legalBasis: [],
    workflow: [],
    implementingUnits: [],
    eForm: null,
    feeExemptions: [{ key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' }],
  } as unknown as ProcedureVersion;

  it('makes a key from the subject without diacritics, at most 40 characters', () => {
    expect(exemptionSlug('Hộ nghèo')).toBe('ho-ngheo');
    expect(exemptionSlug('Người có công với cách mạng')).toBe('nguoi-co-cong-voi-cach-mang');
    expect(exemptionSlug('  Đồng bào dân tộc thiểu số (ĐBKK)  ')).toBe('dong-bao-dan-toc-thieu-so-dbkk');
    expect(exemptionSlug('Trẻ em dưới 6 tuổi thuộc hộ gia đình có hoàn cảnh khó khăn')).toHaveLength(39);
    expect(exemptionSlug('Trẻ em dưới 6 tuổi thuộc hộ gia đình có hoàn cảnh khó khăn')).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(exemptionSlug('—')).toBe('doi-tuong');
  });

  it('keeps a row’s own key and makes the others unique', () => {
    expect(exemptionKeys([{ key: 'ho-ngheo', subject: 'Hộ nghèo' }, { subject: 'Hộ nghèo' }, { key: ' ', subject: 'Hộ nghèo' }, { subject: 'Hộ cận nghèo' }])).toEqual([
      'ho-ngheo',
      'ho-ngheo-2',
      'ho-ngheo-3',
      'ho-can-ngheo',
    ]);
  });

  it('loads the stored rows with their keys fixed and sends a new row with a key made from its subject', () => {
    const values = toFormValues(stored);
    expect(values.feeExemptions).toEqual([{ key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC', stored: true }]);
    values.feeExemptions!.push({ subject: ' Người có công với cách mạng ', percent: 50, basis: '  ' });
    expect(toContent(values, stored).feeExemptions).toEqual([
      { key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' },
      { key: 'nguoi-co-cong-voi-cach-mang', subject: 'Người có công với cách mạng', percent: 50, basis: null },
    ]);
  });

  it('sends what the editor holds, not the stored list (a row removed is gone)', () => {
    expect(toContent({ name: 'x', feeExemptions: [] }, stored).feeExemptions).toEqual([]);
    expect(toContent({ name: 'x' }).feeExemptions).toEqual([]);
  });
});
