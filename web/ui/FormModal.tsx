import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
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
  /** The form's name: prefixes its field ids, so two dialogs on a page never share an id. */
  name?: string;
  /** Handles a failed submit itself (returns true); otherwise the error goes on the form. */
  onError?: (err: unknown) => boolean;
  /** Shown above the fields (e.g. a conflict notice). */
  banner?: ReactNode;
  okDisabled?: boolean;
}

/** The open form dialogs, most recent last: Escape closes the last one only. */
const openDialogs: symbol[] = [];
/** antd's dropdowns and pickers, which take Escape for themselves while they are shown (closed ones stay in the page). */
const POPUPS = '.ant-select-dropdown, .ant-picker-dropdown, .ant-dropdown';
const popupShown = () => [...document.querySelectorAll(POPUPS)].some((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');

/**
 * Escape closes the open dialog (WCAG 2.1.1 keyboard users expect it). antd puts every force-rendered dialog on its
 * Escape stack at mount, open or not, and only the last one mounted reacts: with several of these dialogs on a page,
 * Escape closed none of them. So antd's handling is off (`keyboard={false}`) and the open dialog listens itself,
 * leaving Escape to an open dropdown inside it, which antd closes first.
 */
function useEscapeCloses(open: boolean, onClose: () => void): void {
  const close = useEffectEvent(onClose);
  useEffect(() => {
    if (!open) return;
    const me = Symbol('form-dialog');
    openDialogs.push(me);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || openDialogs.at(-1) !== me) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[aria-expanded="true"]') || popupShown()) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openDialogs.splice(openDialogs.indexOf(me), 1);
    };
  }, [open]);
}

/** A modal holding one vertical form: validates, submits, shows server errors in place, closes on success. */
export function FormModal<T extends object>({
  open,
  title,
  form,
  onClose,
  onSubmit,
  okText,
  okDanger,
  initialValues,
  width,
  rename,
  children,
  testId,
  name,
  onError,
  banner,
  okDisabled,
}: FormModalProps<T>) {
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
      if (!onError?.(err)) showError(err, form, rename);
    } finally {
      setSaving(false);
    }
  };

  useEscapeCloses(open, onClose);

  return (
    <Modal
      open={open}
      keyboard={false}
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText ?? t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      // A plain spinning icon, not `loading`: antd's loading icon animates out and, when the dialog hides mid-way,
      // stays half-gone in the next opening (the button then reads "loading …").
      okButtonProps={{ icon: saving ? <LoadingOutlined /> : undefined, danger: okDanger, disabled: saving || okDisabled, htmlType: 'submit' }}
      destroyOnHidden
      forceRender
      width={width}
      maskClosable={false}
      data-testid={testId}
    >
      {banner}
      <Form form={form} name={name} layout="vertical" initialValues={initialValues} preserve={false} onFinish={() => void submit()}>
        {children}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
