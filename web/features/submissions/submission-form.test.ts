import { describe, expect, it } from 'vitest';
import type { EFormDefinition } from '../catalog/catalog.types';
import { answerText, partsOf, problemField, requirementBlocks, saveBodyOf } from './submission-form';
import type { Requirement } from './submissions.types';

const req = (key: string, group: Requirement['group'] = null): Requirement => ({
  key,
  filledByEForm: false,
  name: `Giấy tờ ${key}`,
  originals: 1,
  copies: 0,
  note: null,
  group,
  status: 'missing',
  files: [],
});
const g = (key: string, kind: 'one-of' | 'conditional' | 'to-present') => ({ key, kind, label: null, condition: kind === 'conditional' ? `Trường hợp ${key}` : null });

describe('saveBodyOf', () => {
  it('sends only the changed parts at the version read, with cleared answers left out', () => {
    const body = saveBodyOf(
      { answers: { name: 'An', copies: null, when: undefined, tick: false, many: ['a'] }, applicant: { name: 'An', kind: 'person' }, conditions: ['c1'] },
      ['answers', 'applicant'],
      7,
    );
    expect(body).toEqual({
      version: 7,
      answers: { name: 'An', tick: false, many: ['a'] },
      applicant: { kind: 'person', name: 'An', idNumber: null, phone: null, email: null, address: null },
    });
  });

  it('sends a cleared handling agency as null and never an empty desk', () => {
    expect(saveBodyOf({ handlingUnitId: undefined, receivingUnitId: undefined }, ['handlingUnitId', 'receivingUnitId'], 2)).toEqual({ version: 2, handlingUnitId: null });
  });
});

describe('partsOf', () => {
  it('names the top-level parts antd reports changed', () => {
    expect(partsOf({ answers: { childName: 'B' } })).toEqual(['answers']);
    expect(partsOf({ applicant: { name: 'x' }, other: 1 })).toEqual(['applicant']);
  });
});

describe('problemField', () => {
  it('maps /missing and refused-submit paths to the form, documents to none', () => {
    expect(problemField('answers.childName')).toEqual(['answers', 'childName']);
    expect(problemField('submission.applicant.idNumber')).toEqual(['applicant', 'idNumber']);
    expect(problemField('resultDelivery')).toEqual(['resultDelivery']);
    expect(problemField('documents.d6')).toBeNull();
    expect(problemField('groups.form')).toBeNull();
  });
});

describe('requirementBlocks', () => {
  it('keeps catalog order: documents without a group together, each group once where it first appears', () => {
    const blocks = requirementBlocks([
      req('d1', g('form', 'one-of')),
      req('d2', g('form', 'one-of')),
      req('d3', g('c1', 'conditional')),
      req('d4'),
      req('d5'),
      req('d6', g('show', 'to-present')),
    ]);
    expect(blocks.map((b) => [b.kind, b.items.map((i) => i.key)])).toEqual([
      ['one-of', ['d1', 'd2']],
      ['conditional', ['d3']],
      ['required', ['d4', 'd5']],
      ['to-present', ['d6']],
    ]);
  });
});

describe('answerText', () => {
  const form = {
    formatVersion: 1,
    title: { vi: 'T', en: null },
    basis: null,
    sections: [
      {
        key: 's',
        title: { vi: 'S', en: null },
        description: null,
        fields: [
          { key: 'sex', type: 'radio', label: { vi: 'Giới tính', en: null }, help: null, required: true, options: [{ value: 'nu', label: { vi: 'Nữ', en: 'Female' } }] },
          { key: 'born', type: 'date', label: { vi: 'Ngày sinh', en: null }, help: null, required: true },
          { key: 'ok', type: 'checkbox', label: { vi: 'Cam đoan', en: null }, help: null, required: true },
        ],
      },
    ],
  } as unknown as EFormDefinition;
  const yesNo = { yes: 'Có', no: 'Không' };

  it('shows option labels, dates as dd/MM/yyyy, tick boxes as yes/no, and nothing for an empty answer', () => {
    expect(answerText(form, 'sex', 'nu', 'vi', yesNo)).toBe('Nữ');
    expect(answerText(form, 'sex', 'nu', 'en', yesNo)).toBe('Female');
    expect(answerText(form, 'born', '2026-11-30', 'vi', yesNo)).toBe('30/11/2026');
    expect(answerText(form, 'ok', true, 'vi', yesNo)).toBe('Có');
    expect(answerText(form, 'born', '', 'vi', yesNo)).toBeNull();
  });
});
