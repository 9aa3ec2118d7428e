import { useEffect } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { Form, type FormInstance } from 'antd';
import i18n from '../../app/i18n';
import { EFORM_ISSUE_CODES } from '../../../contracts/catalog/eform.rules';
import type { EFormDefinition, EFormField } from './catalog.types';
import { EFormFields } from './EFormFields';
import { eFormRules, vnToday } from './eform-rules';

const today = '2026-03-02';
const text = (vi: string, en: string | null = null) => ({ vi, en });
const definition: EFormDefinition = {
  formatVersion: 1,
  title: text('Tờ khai thử', 'Test form'),
  basis: null,
  sections: [
    {
      key: 'requester',
      title: text('Người yêu cầu', 'Requester'),
      description: null,
      fields: [
        { key: 'fullName', type: 'text', label: text('Họ và tên', 'Full name'), help: null, required: true, prefill: 'fullName' },
        {
          key: 'idNumber',
          type: 'id-number',
          label: text('Số định danh cá nhân'),
          help: text('Gồm 12 chữ số, in trên thẻ căn cước.', '12 digits.'),
          required: true,
          prefill: 'idNumber',
        },
        { key: 'birthDate', type: 'date', label: text('Ngày sinh'), help: null, required: false, prefill: 'birthDate', validation: { notFuture: true } },
        {
          key: 'sex',
          type: 'radio',
          label: text('Giới tính'),
          help: null,
          required: true,
          options: [
            { value: 'nam', label: text('Nam', 'Male') },
            { value: 'nu', label: text('Nữ', 'Female') },
          ],
        },
        { key: 'copies', type: 'number', label: text('Số bản sao'), help: null, required: false, validation: { integer: true, min: 0, max: 20 } },
        { key: 'commitment', type: 'checkbox', label: text('Tôi cam đoan'), help: null, required: true },
      ],
    },
  ],
};

const harness: { form?: FormInstance } = {};
const form = () => harness.form!;
function Harness({ applicant, initial }: { applicant?: Record<string, string>; initial?: Record<string, unknown> }) {
  const [f] = Form.useForm();
  useEffect(() => {
    harness.form = f;
  }, [f]);
  return (
    <Form form={f} name="submit" layout="vertical" initialValues={initial ? { eForm: initial } : undefined}>
      <EFormFields definition={definition} applicant={applicant} today={today} />
    </Form>
  );
}

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});
afterEach(async () => {
  // antd animates messages on timers: let them run while the DOM still exists.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  cleanup();
});

// antd's first renders are slow on a loaded machine (the DatePicker and Select pull in much code).
describe('EFormFields', { timeout: 30_000 }, () => {
  it('labels every field, links its help through aria-describedby and marks required ones', () => {
    render(<Harness />);
    const id = screen.getByLabelText('Số định danh cá nhân');
    const describedBy = id.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((ref) => document.getElementById(ref)?.textContent)).toContain('Gồm 12 chữ số, in trên thẻ căn cước.');
    expect(id.getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Họ và tên').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Tôi cam đoan')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Người yêu cầu' })).toBeTruthy();
  });

  it('pre-fills from the applicant only what the field accepts and what is still empty', async () => {
    render(<Harness applicant={{ fullName: 'Nguyễn Văn An', idNumber: '0123', birthDate: '1990-05-17' }} initial={{ fullName: 'Tên đã nhập' }} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(form().getFieldValue(['eForm', 'fullName'])).toBe('Tên đã nhập');
    // An 8-digit old ID number is not a 12-digit one: left for the citizen to type.
    expect(form().getFieldValue(['eForm', 'idNumber'])).toBeUndefined();
    expect(form().getFieldValue(['eForm', 'birthDate'])).toBe('1990-05-17');
    expect(screen.getByLabelText<HTMLInputElement>('Ngày sinh').value).toBe('17/05/1990');
  });

  it('refuses with the shared rule and shows the translated message under the field', async () => {
    render(<Harness />);
    act(() => form().setFieldsValue({ eForm: { fullName: 'An', idNumber: '12345', copies: 2.5, commitment: false } }));
    let errors: Array<{ name: Array<string | number>; errors: string[] }> = [];
    await act(async () => {
      try {
        await form().validateFields();
      } catch (e) {
        errors = (e as { errorFields: typeof errors }).errorFields;
      }
    });
    expect(Object.fromEntries(errors.map((e) => [e.name.join('.'), e.errors]))).toEqual({
      'eForm.idNumber': ['Số định danh cá nhân (số thẻ căn cước) gồm đúng 12 chữ số.'],
      'eForm.sex': ['Vui lòng nhập thông tin này.'],
      'eForm.copies': ['Vui lòng nhập số nguyên.'],
      'eForm.commitment': ['Vui lòng đánh dấu ô này.'],
    });
    expect(await screen.findByText('Số định danh cá nhân (số thẻ căn cước) gồm đúng 12 chữ số.')).toBeTruthy();
  });

  it('accepts a complete answer whose values are what the server validates', async () => {
    render(<Harness />);
    act(() => form().setFieldsValue({ eForm: { fullName: 'Nguyễn Văn An', idNumber: '001090012345', birthDate: '1990-05-17', sex: 'nam', commitment: true } }));
    let values: unknown;
    await act(async () => {
      values = await form().validateFields();
    });
    expect(values).toEqual({ eForm: { fullName: 'Nguyễn Văn An', idNumber: '001090012345', birthDate: '1990-05-17', sex: 'nam', copies: undefined, commitment: true } });
  });

  it('shows the English labels and messages in English', async () => {
    await act(() => i18n.changeLanguage('en'));
    try {
      render(<Harness />);
      expect(screen.getByLabelText('Full name')).toBeTruthy();
      // No English given: the Vietnamese label stays.
      expect(screen.getByLabelText('Số định danh cá nhân')).toBeTruthy();
      const field = definition.sections[0]!.fields[1]!;
      await expect((eFormRules(field, i18n.t, today)[0] as { validator: (r: unknown, v: unknown) => Promise<void> }).validator({}, '1')).rejects.toThrow(
        'The personal identification number (ID card number) has exactly 12 digits.',
      );
    } finally {
      await act(() => i18n.changeLanguage('vi'));
    }
  });
});

describe('eform rules on the web', () => {
  it('has a message in both languages for every refusal the shared rule can give', () => {
    for (const code of EFORM_ISSUE_CODES) {
      expect(i18n.exists(code, { lng: 'vi' }), code).toBe(true);
      expect(i18n.exists(code, { lng: 'en' }), code).toBe(true);
    }
  });

  it('measures today in Asia/Ho_Chi_Minh whatever the browser’s zone', () => {
    expect(vnToday(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(vnToday(new Date('2026-03-01T16:59:00Z'))).toBe('2026-03-01');
  });

  it('runs the rule on empty values too, so a required field is refused by the same message', async () => {
    const field: EFormField = { key: 'x', type: 'email', label: text('E-mail'), help: null, required: true };
    const [rule] = eFormRules(field, i18n.t, today) as Array<{ validator: (r: unknown, v: unknown) => Promise<void> }>;
    await expect(rule!.validator({}, undefined)).rejects.toThrow('Vui lòng nhập thông tin này.');
    await expect(rule!.validator({}, 'an@example.vn')).resolves.toBeUndefined();
  });
});
