import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDeclarations } from '../../app';
import { AppError } from '../../platform/errors';
import { hasMessage, translate } from '../../platform/i18n';
import { EFormDefinitionSchema, type EFormDefinition } from '../../../contracts/catalog/eform.contracts';
import { EFORM_ISSUE_CODES } from '../../../contracts/catalog/eform.rules';
import { catalogModule } from './index';
import { assertEFormAnswers, validateEFormAnswers } from './catalog.eform';
import { DEMO_EFORMS_DIR } from './catalog.seed';

const today = '2026-03-02';
let birth: EFormDefinition;

/** A birth registration as a parent would fill it in. */
const goodBirth = () => ({
  requesterName: 'Nguyễn Văn An',
  requesterIdNumber: '001090012345',
  requesterPhone: '0987 654 321',
  requesterAddress: 'Số 5 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  relationship: 'cha',
  childName: 'Nguyễn Minh Khang',
  childSex: 'nam',
  childBirthDate: '2026-02-20',
  childBirthPlace: 'Bệnh viện Đa khoa tỉnh Thanh Hóa, phường Hạc Thành, tỉnh Thanh Hóa',
  childEthnicity: 'kinh',
  childNationality: 'Việt Nam',
  fatherName: 'Nguyễn Văn An',
  fatherIdNumber: '001090012345',
  motherName: 'Lê Thị Hoa',
  motherBirthDate: '1994-07-09',
  copies: 2,
  commitment: true,
});

beforeAll(() => {
  registerDeclarations([catalogModule]);
  birth = EFormDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_EFORMS_DIR, 'khai-sinh.json'), 'utf8')));
});

describe('validateEFormAnswers', () => {
  it('accepts a complete birth registration and returns the cleaned answers', () => {
    const { values, errors } = validateEFormAnswers(birth, goodBirth(), 'vi', today);
    expect(errors).toEqual([]);
    expect(values).toMatchObject({ requesterPhone: '0987654321', childEthnicity: 'kinh', copies: 2, commitment: true });
    // Fields left empty are not kept.
    expect(Object.keys(values)).not.toContain('fatherBirthDate');
  });

  it('reports every refused field, in form order, translated into the caller’s language', () => {
    const answers = { ...goodBirth(), requesterIdNumber: '12345', childName: '', childBirthDate: '2026-03-03', childSex: 'khac', copies: 1.5, commitment: false };
    const vi = validateEFormAnswers(birth, answers, 'vi', today);
    expect(vi.values).not.toHaveProperty('childName');
    expect(vi.errors.map((e) => [e.field, e.code])).toEqual([
      ['requesterIdNumber', 'catalog.eform.errors.idNumber'],
      ['childName', 'catalog.eform.errors.required'],
      ['childSex', 'catalog.eform.errors.option'],
      ['childBirthDate', 'catalog.eform.errors.dateFuture'],
      ['copies', 'catalog.eform.errors.integer'],
      ['commitment', 'catalog.eform.errors.mustCheck'],
    ]);
    expect(vi.errors[0]!.message).toBe('Số định danh cá nhân (số thẻ căn cước) gồm đúng 12 chữ số.');
    const en = validateEFormAnswers(birth, answers, 'en', today);
    expect(en.errors[3]!.message).toBe('The date cannot be after today.');
  });

  it('refuses keys the form does not have, including prototype names', () => {
    const answers = JSON.parse(`{"childName":"An","__proto__":{"x":1},"constructor":"y","isAdmin":true}`) as Record<string, unknown>;
    const { errors } = validateEFormAnswers(birth, { ...goodBirth(), ...answers }, 'vi', today);
    expect(errors.filter((e) => e.code === 'catalog.eform.errors.unknownField').map((e) => e.field)).toEqual(['__proto__', 'constructor', 'isAdmin']);
  });

  it('refuses answers that are not an object', () => {
    for (const bad of [null, 'text', [goodBirth()], 42]) {
      expect(validateEFormAnswers(birth, bad, 'en', today).errors).toEqual([
        { field: '', code: 'catalog.eform.errors.notAnObject', params: {}, message: 'The form answers are not in the expected format.' },
      ]);
    }
  });

  it('limits oversize strings and says the limit', () => {
    const { errors } = validateEFormAnswers(birth, { ...goodBirth(), requesterAddress: 'x'.repeat(100_000), childName: 'A'.repeat(101) }, 'vi', today);
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['requesterAddress', 'Tối đa 300 ký tự.'],
      ['childName', 'Tối đa 100 ký tự.'],
    ]);
  });

  it('assertEFormAnswers throws a 400 with one field error per refusal under the given path', () => {
    expect(assertEFormAnswers(birth, goodBirth(), today)).toMatchObject({ childName: 'Nguyễn Minh Khang' });
    let thrown: unknown;
    try {
      assertEFormAnswers(birth, { ...goodBirth(), motherIdNumber: 'abc', extra: 1 }, today, 'body.answers');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).fields).toEqual([
      { path: 'body.answers.motherIdNumber', code: 'catalog.eform.errors.idNumber', params: {} },
      { path: 'body.answers.extra', code: 'catalog.eform.errors.unknownField', params: {} },
    ]);
  });

  it('has a server message in both languages for every refusal code and every definition error', () => {
    const definitionKeys = fs.readFileSync(path.resolve(import.meta.dirname, '../../../contracts/catalog/eform.contracts.ts'), 'utf8').match(/catalog\.eform\.definition\.\w+/g)!;
    for (const key of [...EFORM_ISSUE_CODES, ...definitionKeys]) {
      expect(hasMessage(key), key).toBe(true);
      expect(translate('en', key), key).not.toBe(translate('vi', key));
    }
  });
});
