import { describe, expect, it } from 'vitest';
import { act, render } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { ApiError } from './api';
import { applyFieldErrors, toNamePath } from './form-errors';

describe('toNamePath', () => {
  it('drops the request part and turns indexes into numbers', () => {
    expect(toNamePath('body.grants.0.role')).toEqual(['grants', 0, 'role']);
    expect(toNamePath('querystring.page')).toEqual(['page']);
  });
  it('renames segments the form calls differently', () => {
    expect(toNamePath('body.workflow.1.budgetMinutes', { budgetMinutes: 'budgetValue' })).toEqual(['workflow', 1, 'budgetValue']);
  });
});

describe('applyFieldErrors', () => {
  it('puts messages on matching fields, keeps the typed values, and returns the rest', async () => {
    let form!: FormInstance;
    function Harness() {
      const [f] = Form.useForm();
      form = f;
      return (
        <Form form={f} initialValues={{ username: 'Nguyen Van A', grants: [{ role: 'x' }] }}>
          <Form.Item name="username">
            <Input />
          </Form.Item>
          <Form.Item name={['grants', 0, 'role']}>
            <Input />
          </Form.Item>
        </Form>
      );
    }
    const { unmount } = render(<Harness />);
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu không hợp lệ', [
      { path: 'body.username', code: 'identity.errors.invalidUsername', message: 'Tên đăng nhập không hợp lệ' },
      { path: 'body.grants.0.role', code: 'invalid_value', message: 'Vai trò không hợp lệ' },
      { path: 'body.unknownThing', code: 'x', message: 'Lỗi khác' },
    ]);
    let unmatched: ReturnType<typeof applyFieldErrors> = [];
    act(() => {
      unmatched = applyFieldErrors(form, error);
    });
    expect(form.getFieldError('username')).toEqual(['Tên đăng nhập không hợp lệ']);
    expect(form.getFieldError(['grants', 0, 'role'])).toEqual(['Vai trò không hợp lệ']);
    expect(form.getFieldValue('username')).toBe('Nguyen Van A');
    expect(unmatched.map((f) => f.path)).toEqual(['body.unknownThing']);
    // antd animates error messages on a timer; let it fire while the DOM still exists, then unmount.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    unmount();
  });

  it('ignores errors that are not API errors', () => {
    expect(applyFieldErrors({} as FormInstance, new Error('boom'))).toEqual([]);
  });
});
