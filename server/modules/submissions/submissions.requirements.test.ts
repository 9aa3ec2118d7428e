// The portal's completeness rules against the catalog's document groups (the desk's own rules, D16), as pure functions.
import { describe, expect, it } from 'vitest';
import { checkApplicant, checkDocuments, checklistFromFiles, checkResultDelivery, eFormRequirementKeys } from './submissions.requirements';

const doc = (name: string, group: string | null = null) => ({ name, originals: 1, copies: 0, case: null, note: null, template: null, group });
const version = {
  requiredDocuments: [
    doc('Tờ khai'),
    doc('Tờ khai giấy (trực tiếp)', 'form'),
    doc('Tờ khai điện tử (trực tuyến)', 'form'),
    doc('Biên bản trẻ bị bỏ rơi', 'abandoned'),
    doc('Căn cước', 'show'),
  ],
  documentGroups: [
    { key: 'form', kind: 'one-of' as const, label: null, condition: null },
    { key: 'abandoned', kind: 'conditional' as const, label: null, condition: 'Trường hợp trẻ em bị bỏ rơi' },
    { key: 'show', kind: 'to-present' as const, label: null, condition: null },
  ],
  eForm: null,
};
const files = (...keys: string[]) => new Map(keys.map((k) => [k, 1]));

describe('documents by their groups', () => {
  it('asks for documents without a group, exactly one alternative, and nothing of a case not declared', () => {
    const none = checkDocuments(version, [], files());
    expect(Object.fromEntries(none.statuses)).toEqual({ d1: 'missing', d2: 'missing', d3: 'missing', d4: 'not-applicable', d5: 'optional' });
    expect(none.problems.map((p) => [p.path, p.code])).toEqual([
      ['documents.d1', 'submissions.errors.documentMissing'],
      ['groups.form', 'dossiers.errors.alternativeRequired'],
    ]);
    const done = checkDocuments(version, [], files('d1', 'd3'));
    expect(done.problems).toEqual([]);
    expect(Object.fromEntries(done.statuses)).toMatchObject({ d2: 'not-applicable', d3: 'attached' });
  });

  it("refuses both alternatives, and a case's paper unless the case is declared (then requires one)", () => {
    expect(checkDocuments(version, [], files('d1', 'd2', 'd3')).problems.map((p) => p.code)).toEqual(['dossiers.errors.alternativesSeveral']);
    expect(checkDocuments(version, [], files('d1', 'd2', 'd4')).problems.map((p) => [p.path, p.code])).toEqual([['documents.d4', 'dossiers.errors.documentNotApplicable']]);
    expect(checkDocuments(version, ['abandoned'], files('d1', 'd2')).problems.map((p) => [p.path, p.code])).toEqual([
      ['groups.abandoned', 'dossiers.errors.conditionDocumentsMissing'],
    ]);
    expect(checkDocuments(version, ['abandoned'], files('d1', 'd2', 'd4')).problems).toEqual([]);
  });

  it('refuses an empty application when only cases list papers to keep', () => {
    const onlyCases = { ...version, requiredDocuments: [doc('Biên bản', 'abandoned')] };
    expect(checkDocuments(onlyCases, [], files()).problems.map((p) => p.code)).toEqual(['submissions.errors.documentsEmpty']);
  });

  it('lets the e-form stand for the electronic alternative, and puts it on the desk checklist as the original', () => {
    const withForm = { ...version, eForm: { formatVersion: 1 as const, title: { vi: 'x', en: null }, basis: null, sections: [] } };
    expect([...eFormRequirementKeys(withForm)]).toEqual(['d3']);
    expect(checkDocuments(withForm, [], files('d1')).problems).toEqual([]);
    expect(checklistFromFiles(withForm, files('d1', 'd5'))).toEqual([
      { name: 'Tờ khai', originals: 0, copies: 1, presented: false },
      { name: 'Tờ khai điện tử (trực tuyến)', originals: 1, copies: 0, presented: false },
      { name: 'Căn cước', originals: 0, copies: 1, presented: true },
    ]);
  });
});

describe('the applicant and the delivery', () => {
  it('checks the applicant by the desk rules and needs a way to reach them', () => {
    const base = { kind: 'person' as const, name: 'Nguyễn Văn An', idNumber: '012345678901', phone: null, email: null, address: null };
    expect(checkApplicant(base).problems).toEqual([{ path: 'applicant.email', code: 'submissions.errors.contactRequired' }]);
    expect(checkApplicant({ ...base, email: 'an@example.vn', idNumber: '123' }).problems).toEqual([{ path: 'applicant.idNumber', code: 'dossiers.errors.idNumberPerson' }]);
    expect(checkApplicant({ ...base, kind: null }).problems[0]!.code).toBe('submissions.errors.applicantKindRequired');
    expect(checkApplicant({ ...base, phone: '0912 345 678' }).applicant).toMatchObject({ phone: '0912 345 678' });
  });

  it('returns a fully online service online or by post only', () => {
    expect(checkResultDelivery('full', 'desk')[0]!.code).toBe('submissions.errors.resultDeliveryNotOnline');
    expect(checkResultDelivery('partial', 'desk')).toEqual([]);
    expect(checkResultDelivery('full', null)[0]!.code).toBe('submissions.errors.resultDeliveryRequired');
  });
});
