import { describe, expect, it } from 'vitest';
import { budgetToForm, budgetToMinutes, toContent, toFormValues } from './procedure-form';
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
