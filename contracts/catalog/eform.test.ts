import { describe, expect, it } from 'vitest';
import { EFormDefinitionSchema, type EFormField } from './eform.contracts';
import { checkEFormAnswer, eFormPrefill, isIsoDate, patternProblem } from './eform.rules';

/** A one-section form around the given fields (keys unique). */
const form = (fields: unknown[]) => ({ formatVersion: 1, title: { vi: 'Tờ khai thử' }, sections: [{ key: 'main', title: { vi: 'Phần chính' }, fields }] });
const issuesOf = (input: unknown) => {
  const r = EFormDefinitionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const field = (f: Record<string, unknown>): EFormField => EFormDefinitionSchema.parse(form([{ label: { vi: 'Trường' }, ...f }])).sections[0]!.fields[0]!;

describe('EFormDefinitionSchema', () => {
  it('accepts a complete definition and fills the defaults', () => {
    const parsed = EFormDefinitionSchema.parse(
      form([
        { key: 'fullName', type: 'text', label: { vi: 'Họ tên', en: 'Name' }, required: true, prefill: 'fullName', validation: { maxLength: 100 } },
        { key: 'sex', type: 'radio', label: { vi: 'Giới tính' }, options: [{ value: 'nam', label: { vi: 'Nam' } }] },
        { key: 'agree', type: 'checkbox', label: { vi: 'Tôi cam đoan' }, required: true },
      ]),
    );
    expect(parsed.basis).toBeNull();
    expect(parsed.sections[0]!.fields[1]).toMatchObject({ required: false, help: null, label: { vi: 'Giới tính', en: null } });
  });

  it('refuses unknown properties, so a misspelt rule is not silently ignored', () => {
    expect(issuesOf(form([{ key: 'a', type: 'text', label: { vi: 'A' }, requried: true }]))).toEqual([{ path: 'sections.0.fields.0', message: expect.any(String) }]);
    expect(issuesOf(form([{ key: 'a', type: 'text', label: { vi: 'A' }, validation: { maxlength: 3 } }]))[0]!.path).toBe('sections.0.fields.0.validation');
  });

  it('names each structural mistake with its own message key and path', () => {
    const issues = issuesOf({
      formatVersion: 1,
      title: { vi: 'T' },
      sections: [
        {
          key: 'main',
          title: { vi: 'P' },
          fields: [
            { key: 'Bad-key', type: 'text', label: { vi: 'A' } },
            { key: 'choice', type: 'select', label: { vi: 'B' } },
            { key: 'plain', type: 'text', label: { vi: 'C' }, options: [{ value: 'x', label: { vi: 'X' } }] },
            {
              key: 'dup',
              type: 'radio',
              label: { vi: 'D' },
              options: [
                { value: 'x', label: { vi: 'X' } },
                { value: 'x', label: { vi: 'Y' } },
              ],
            },
            { key: 'num', type: 'number', label: { vi: 'E' }, validation: { maxLength: 3, min: 5, max: 1 } },
            { key: 'long', type: 'text', label: { vi: 'F' }, validation: { maxLength: 600 } },
            { key: 'birth', type: 'text', label: { vi: 'G' }, prefill: 'birthDate' },
            { key: 'rx', type: 'text', label: { vi: 'H' }, validation: { pattern: { regex: '(a', message: 'generic' } } },
            { key: 'redos', type: 'text', label: { vi: 'I' }, validation: { pattern: { regex: '(a+)+b', message: 'generic' } } },
            { key: 'when', type: 'date', label: { vi: 'J' }, validation: { minDate: '2026-01-02', maxDate: '2026-01-01' } },
            { key: 'note', type: 'textarea', label: { vi: 'K' }, validation: { pattern: { regex: 'a', message: 'generic' } } },
          ],
        },
        { key: 'main', title: { vi: 'Q' }, fields: [{ key: 'num', type: 'number', label: { vi: 'L' } }] },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'sections.0.fields.0.key', message: 'catalog.eform.definition.key' },
        { path: 'sections.0.fields.1.options', message: 'catalog.eform.definition.optionsRequired' },
        { path: 'sections.0.fields.2.options', message: 'catalog.eform.definition.optionsNotAllowed' },
        { path: 'sections.0.fields.3.options.1.value', message: 'catalog.eform.definition.optionDuplicate' },
        { path: 'sections.0.fields.4.validation.maxLength', message: 'catalog.eform.definition.validationNotAllowed' },
        { path: 'sections.0.fields.4.validation.min', message: 'catalog.eform.definition.rangeInverted' },
        { path: 'sections.0.fields.5.validation.maxLength', message: 'catalog.eform.definition.maxLengthTooLarge' },
        { path: 'sections.0.fields.6.prefill', message: 'catalog.eform.definition.prefillIncompatible' },
        { path: 'sections.0.fields.7.validation.pattern.regex', message: 'catalog.eform.definition.patternInvalid' },
        { path: 'sections.0.fields.8.validation.pattern.regex', message: 'catalog.eform.definition.patternUnsafe' },
        { path: 'sections.0.fields.9.validation.minDate', message: 'catalog.eform.definition.rangeInverted' },
        { path: 'sections.0.fields.10.validation.pattern', message: 'catalog.eform.definition.validationNotAllowed' },
        { path: 'sections.1.key', message: 'catalog.eform.definition.keyDuplicate' },
        { path: 'sections.1.fields.0.key', message: 'catalog.eform.definition.keyDuplicate' },
      ]),
    );
    expect(issues).toHaveLength(14);
  });

  it('limits the size of a form', () => {
    const fields = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ key: `f${from + i}`, type: 'text', label: { vi: 'x' } }));
    const sections = [0, 1, 2, 3].map((s) => ({ key: `s${s}`, title: { vi: 'P' }, fields: fields(55, s * 55) }));
    expect(issuesOf({ formatVersion: 1, title: { vi: 'T' }, sections })).toEqual([{ path: 'sections', message: 'catalog.eform.definition.tooManyFields' }]);
    expect(issuesOf({ formatVersion: 1, title: { vi: 'T' }, sections: [{ key: 's', title: { vi: 'P' }, fields: fields(61) }] })[0]!.path).toBe('sections.0.fields');
    expect(issuesOf({ formatVersion: 2, title: { vi: 'T' }, sections: [] }).map((i) => i.path)).toEqual(['formatVersion', 'sections']);
  });
});

describe('patternProblem', () => {
  it('accepts ordinary patterns, including bounded optional groups', () => {
    for (const ok of ['\\d{10}(-?\\d{3})?', "\\p{L}[\\p{L}\\p{M} '’-]*", '(?:Hộ|HỘ) kinh doanh .+', '[A-Z]{2}[0-9]+', 'a|b']) expect(patternProblem(ok)).toBeNull();
  });
  it('refuses nested repetition, repeated alternations and back-references', () => {
    for (const bad of ['(a+)+', '(\\w+\\s?)*', '(a|aa)+', '((ab)*c)+', '(a)\\1', '(?<x>a)\\k<x>', '(?:x{2,})+']) expect(patternProblem(bad)).toBe('unsafe');
    expect(patternProblem('[')).toBe('invalid');
    // Quantifier characters inside a character class are literal.
    expect(patternProblem('([+*])+')).toBeNull();
  });
});

describe('checkEFormAnswer', () => {
  const today = '2026-03-02';

  it('treats empty answers as missing: refused when required, dropped otherwise', () => {
    const required = field({ key: 'a', type: 'text', required: true });
    for (const empty of [undefined, null, '', '   '])
      expect(checkEFormAnswer(required, empty, today)).toEqual({ ok: false, issue: { code: 'catalog.eform.errors.required', params: {} } });
    expect(checkEFormAnswer(field({ key: 'a', type: 'text' }), ' ', today)).toEqual({ ok: true, value: undefined });
  });

  it('trims and normalises text to NFC, counts characters, applies the pattern', () => {
    const name = field({ key: 'n', type: 'text', validation: { maxLength: 5, pattern: { regex: "\\p{L}[\\p{L}\\p{M} '’-]*", message: 'person-name' } } });
    expect(checkEFormAnswer(name, '  Hu\u0065\u0302\u0301 ', today)).toEqual({ ok: true, value: 'Huế' });
    expect(checkEFormAnswer(name, 'Nguyễn', today)).toMatchObject({ ok: false, issue: { code: 'catalog.eform.errors.tooLong', params: { max: 5 } } });
    expect(checkEFormAnswer(name, 'An1', today)).toMatchObject({ ok: false, issue: { code: 'catalog.eform.patterns.person-name' } });
    expect(checkEFormAnswer(field({ key: 'n', type: 'text', validation: { minLength: 3 } }), 'ab', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.tooShort' } });
  });

  it('limits oversize text to the type’s own maximum even when the definition sets none', () => {
    expect(checkEFormAnswer(field({ key: 't', type: 'text' }), 'x'.repeat(501), today)).toMatchObject({ issue: { code: 'catalog.eform.errors.tooLong', params: { max: 500 } } });
    expect(checkEFormAnswer(field({ key: 't', type: 'textarea' }), 'x'.repeat(4001), today)).toMatchObject({ issue: { params: { max: 4000 } } });
    expect(checkEFormAnswer(field({ key: 't', type: 'textarea' }), 'ố'.repeat(4000), today)).toEqual({ ok: true, value: 'ố'.repeat(4000) });
    expect(checkEFormAnswer(field({ key: 't', type: 'text' }), 'x'.repeat(1_000_000), today)).toMatchObject({ ok: false });
  });

  it('refuses a value of the wrong JSON type for every kind of field', () => {
    const cases: Array<[Record<string, unknown>, unknown]> = [
      [{ type: 'text' }, 12],
      [{ type: 'number' }, '12'],
      [{ type: 'date' }, 20260101],
      [{ type: 'checkbox' }, 'true'],
      [{ type: 'checkbox', options: [{ value: 'a', label: { vi: 'A' } }] }, 'a'],
      [{ type: 'select', options: [{ value: 'a', label: { vi: 'A' } }] }, ['a']],
      [{ type: 'id-number' }, 1234567890123],
      [{ type: 'phone' }, 912345678],
      [{ type: 'email' }, { at: 'x' }],
    ];
    for (const [f, value] of cases) expect(checkEFormAnswer(field({ key: 'x', ...f }), value, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.type' } });
  });

  it('checks numbers: finite, integer, range', () => {
    const n = field({ key: 'n', type: 'number', validation: { integer: true, min: 0, max: 20 } });
    expect(checkEFormAnswer(n, 3, today)).toEqual({ ok: true, value: 3 });
    expect(checkEFormAnswer(n, 0, today)).toEqual({ ok: true, value: 0 });
    expect(checkEFormAnswer(n, 2.5, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.integer' } });
    expect(checkEFormAnswer(n, -1, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.min', params: { min: 0 } } });
    expect(checkEFormAnswer(n, 21, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.max', params: { max: 20 } } });
    expect(checkEFormAnswer(field({ key: 'n', type: 'number' }), 1e16, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.number' } });
  });

  it('checks dates: real calendar days, not in the future or past, within bounds', () => {
    const birth = field({ key: 'd', type: 'date', validation: { notFuture: true, minDate: '1900-01-01' } });
    expect(checkEFormAnswer(birth, today, today)).toEqual({ ok: true, value: today });
    expect(checkEFormAnswer(birth, '2026-03-03', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.dateFuture' } });
    expect(checkEFormAnswer(birth, '1899-12-31', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.dateMin', params: { min: '01/01/1900' } } });
    for (const bad of ['2025-02-29', '2026-13-01', '02/03/2026', '2026-3-2'])
      expect(checkEFormAnswer(birth, bad, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.date' } });
    const leave = field({ key: 'd', type: 'date', validation: { notPast: true, maxDate: '2026-12-31' } });
    expect(checkEFormAnswer(leave, '2026-03-01', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.datePast' } });
    expect(checkEFormAnswer(leave, '2027-01-01', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.dateMax', params: { max: '31/12/2026' } } });
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('checks choices against the options and keeps a multiple choice in the form’s order', () => {
    const options = [
      { value: 'a', label: { vi: 'A' } },
      { value: 'b', label: { vi: 'B' } },
    ];
    expect(checkEFormAnswer(field({ key: 's', type: 'select', options }), 'c', today)).toMatchObject({ issue: { code: 'catalog.eform.errors.option' } });
    expect(checkEFormAnswer(field({ key: 's', type: 'radio', options }), 'b', today)).toEqual({ ok: true, value: 'b' });
    const many = field({ key: 'm', type: 'checkbox', options, required: true });
    expect(checkEFormAnswer(many, ['b', 'a', 'b'], today)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(checkEFormAnswer(many, [], today)).toMatchObject({ issue: { code: 'catalog.eform.errors.required' } });
    expect(checkEFormAnswer(many, ['a', 'z'], today)).toMatchObject({ issue: { code: 'catalog.eform.errors.option' } });
  });

  it('requires a required tick box to be ticked', () => {
    const agree = field({ key: 'c', type: 'checkbox', required: true });
    expect(checkEFormAnswer(agree, true, today)).toEqual({ ok: true, value: true });
    expect(checkEFormAnswer(agree, false, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.mustCheck' } });
    expect(checkEFormAnswer(agree, undefined, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.mustCheck' } });
    expect(checkEFormAnswer(field({ key: 'c', type: 'checkbox' }), false, today)).toEqual({ ok: true, value: false });
  });

  it('checks citizen ID numbers (12 digits), Vietnamese phones and e-mail addresses', () => {
    const id = field({ key: 'i', type: 'id-number' });
    expect(checkEFormAnswer(id, ' 001204012345 ', today)).toEqual({ ok: true, value: '001204012345' });
    for (const bad of ['00120401234', '0012040123456', '00120401234a', '０01204012345'])
      expect(checkEFormAnswer(id, bad, today)).toMatchObject({ issue: { code: 'catalog.eform.errors.idNumber' } });
    const phone = field({ key: 'p', type: 'phone' });
    expect(checkEFormAnswer(phone, '0912 345.678', today)).toEqual({ ok: true, value: '0912345678' });
    expect(checkEFormAnswer(phone, '+84 912 345 678', today)).toEqual({ ok: true, value: '+84912345678' });
    for (const bad of ['12345', '0912', '+1 555 0100 123', '0912345678901234567890']) expect(checkEFormAnswer(phone, bad, today)).toMatchObject({ ok: false });
    const email = field({ key: 'e', type: 'email' });
    expect(checkEFormAnswer(email, 'An@Example.VN', today)).toEqual({ ok: true, value: 'an@example.vn' });
    for (const bad of ['an@', 'an example@x.vn', 'an@x', `${'a'.repeat(250)}@x.vn`]) expect(checkEFormAnswer(email, bad, today)).toMatchObject({ ok: false });
  });
});

describe('eFormPrefill', () => {
  it('takes the applicant’s attributes the fields name, only where the field would accept them', () => {
    const definition = EFormDefinitionSchema.parse(
      form([
        { key: 'name', type: 'text', label: { vi: 'Họ tên' }, prefill: 'fullName' },
        { key: 'id', type: 'id-number', label: { vi: 'Số định danh' }, prefill: 'idNumber' },
        { key: 'born', type: 'date', label: { vi: 'Ngày sinh' }, prefill: 'birthDate' },
        { key: 'phone', type: 'phone', label: { vi: 'Điện thoại' }, prefill: 'phone' },
        { key: 'other', type: 'text', label: { vi: 'Khác' } },
      ]),
    );
    expect(eFormPrefill(definition, { fullName: ' Nguyễn Văn An ', idNumber: '12345678', birthDate: '1990-05-17', phone: '0987 654 321', email: 'a@b.vn' }, '2026-03-02')).toEqual({
      name: 'Nguyễn Văn An',
      born: '1990-05-17',
      phone: '0987654321',
    });
    expect(eFormPrefill(definition, null, '2026-03-02')).toEqual({});
  });
});
