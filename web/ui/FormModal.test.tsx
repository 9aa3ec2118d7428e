import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { App, Form, Input } from 'antd';
import { FormModal } from './FormModal';

/** Two form dialogs on one page, as the units and officers pages have (create, edit, close, reset password...). */
function Page({ open, onCloseFirst, onCloseSecond }: { open: 'first' | 'second' | null; onCloseFirst: () => void; onCloseSecond: () => void }) {
  const [first] = Form.useForm();
  const [second] = Form.useForm();
  return (
    <App>
      <FormModal open={open === 'first'} title="Thêm đơn vị" form={first} onClose={onCloseFirst} onSubmit={async () => undefined}>
        <Form.Item name="name" label="Tên">
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal open={open === 'second'} title="Đổi mật khẩu" form={second} onClose={onCloseSecond} onSubmit={async () => undefined}>
        <Form.Item name="password" label="Mật khẩu">
          <Input />
        </Form.Item>
      </FormModal>
    </App>
  );
}

describe('FormModal and the Escape key', () => {
  afterEach(cleanup);

  it('closes the open dialog, and only it, when another dialog is mounted after it', async () => {
    const onCloseFirst = vi.fn();
    const onCloseSecond = vi.fn();
    render(<Page open="first" onCloseFirst={onCloseFirst} onCloseSecond={onCloseSecond} />);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(onCloseFirst).toHaveBeenCalledTimes(1);
    expect(onCloseSecond).not.toHaveBeenCalled();
  });

  it('ignores other keys and does nothing when no dialog is open', async () => {
    const onCloseFirst = vi.fn();
    const onCloseSecond = vi.fn();
    const { rerender } = render(<Page open="second" onCloseFirst={onCloseFirst} onCloseSecond={onCloseSecond} />);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Enter' });
    });
    expect(onCloseSecond).not.toHaveBeenCalled();
    rerender(<Page open={null} onCloseFirst={onCloseFirst} onCloseSecond={onCloseSecond} />);
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(onCloseFirst).not.toHaveBeenCalled();
    expect(onCloseSecond).not.toHaveBeenCalled();
  });

  it('leaves Escape to an open dropdown inside the dialog', async () => {
    const onCloseFirst = vi.fn();
    const { getByLabelText } = render(<Page open="first" onCloseFirst={onCloseFirst} onCloseSecond={() => undefined} />);
    const input = getByLabelText('Tên');
    input.setAttribute('aria-expanded', 'true');
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Escape' });
    });
    expect(onCloseFirst).not.toHaveBeenCalled();
  });
});
