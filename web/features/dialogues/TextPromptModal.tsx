import { useEffect, type ReactNode } from 'react';
import { Form, Input } from 'antd';
import { FormModal } from '../../ui/FormModal';

interface TextPromptModalProps {
  open: boolean;
  title: ReactNode;
  label: ReactNode;
  /** The API's field name, so its 400s land on the field. */
  name: string;
  onClose: () => void;
  onSubmit: (value: string) => Promise<unknown>;
  initial?: string | null;
  /** Rows of the text area; 0: a one-line input. */
  rows?: number;
  min?: number;
  max: number;
  requiredMessage: string;
  extra?: ReactNode;
  okText?: ReactNode;
  okDanger?: boolean;
  testId: string;
  inputTestId: string;
}

/** A dialog asking for one text (a reason, the agenda, the minutes, a code), trimmed and checked for length. */
export function TextPromptModal({
  open,
  title,
  label,
  name,
  onClose,
  onSubmit,
  initial,
  rows = 4,
  min = 1,
  max,
  requiredMessage,
  extra,
  okText,
  okDanger,
  testId,
  inputTestId,
}: TextPromptModalProps) {
  const [form] = Form.useForm<Record<string, string>>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <FormModal<Record<string, string>>
      open={open}
      title={title}
      form={form}
      // Named after the dialog: a page may hold several asking for the same field (two reasons).
      name={testId}
      onClose={onClose}
      onSubmit={(values) => onSubmit((values[name] ?? '').trim())}
      initialValues={{ [name]: initial ?? '' }}
      okText={okText}
      okDanger={okDanger}
      width={rows > 6 ? 760 : 560}
      testId={testId}
    >
      <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, whitespace: true, min, message: requiredMessage }, { max }]}>
        {rows === 0 ? <Input maxLength={max} data-testid={inputTestId} /> : <Input.TextArea rows={rows} maxLength={max} showCount data-testid={inputTestId} />}
      </Form.Item>
    </FormModal>
  );
}
