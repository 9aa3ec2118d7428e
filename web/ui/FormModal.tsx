import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../app/useApiError';

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  onClose: () => void;
  /** Sends the values; a thrown ApiError puts its field errors on the form and keeps what the user typed. */
  onSubmit: (values: T) => Promise<unknown>;
  okText?: ReactNode;
  okDanger?: boolean;
  initialValues?: Partial<T>;
  width?: number;
  /** Server field names that differ from the form's (e.g. `{ body: 'x' }`). */
  rename?: Record<string, string>;
  children: ReactNode;
  testId?: string;
}

/** A modal holding one vertical form: validates, submits, shows server errors in place, closes on success. */
export function FormModal<T extends object>({ open, title, form, onClose, onSubmit, okText, okDanger, initialValues, width, rename, children, testId }: FormModalProps<T>) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await onSubmit(values);
      onClose();
    } catch (err) {
      showError(err, form, rename);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      okButtonProps={{ loading: saving, danger: okDanger, htmlType: 'submit' }}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
      width={width}
      maskClosable={false}
      data-testid={testId}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={() => void submit()}>
        {children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
