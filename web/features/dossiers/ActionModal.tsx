import { useState, type ReactNode } from 'react';
import { Alert, Button, type FormInstance } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FormModal } from '../../ui/FormModal';

interface ActionModalProps<T> {
  /** The form's name: prefixes its field ids, so two dialogs on a page never share an id (`reason`, `note`). */
  name: string;
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  /** Fetches the dossier again after a conflict; the dialog keeps what the user typed. */
  onReload: () => Promise<unknown>;
  okText: ReactNode;
  okDanger?: boolean;
  initialValues?: Partial<T>;
  rename?: Record<string, string>;
  children: ReactNode;
  testId?: string;
}

/** 409s that a fresh copy of the dossier resolves: someone else changed it first. */
const isConflict = (err: unknown): err is ApiError => err instanceof ApiError && err.status === 409 && (err.code === 'VERSION_CONFLICT' || err.code === 'INVALID_STATE');

/**
 * A dossier action as a small form in a modal. On a conflict (the dossier changed meanwhile) it shows the server's
 * translated message and offers to reload the dossier, keeping the typed values for a second try.
 */
export function ActionModal<T extends object>({
  name,
  open,
  title,
  form,
  onClose,
  onSubmit,
  onReload,
  okText,
  okDanger,
  initialValues,
  rename,
  children,
  testId,
}: ActionModalProps<T>) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloaded, setReloaded] = useState(false);

  const close = () => {
    setConflict(null);
    setReloaded(false);
    onClose();
  };

  const onError = (err: unknown) => {
    if (!isConflict(err)) return false;
    setConflict(err.message);
    setReloaded(false);
    return true;
  };

  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setConflict(null);
      setReloaded(true);
    } finally {
      setReloading(false);
    }
  };

  const banner = (
    <>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('dossiers.conflict.title')}
          description={conflict}
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={reloading} onClick={() => void reload()} data-testid="conflict-reload">
              {t('dossiers.conflict.reload')}
            </Button>
          }
          data-testid="conflict"
        />
      ) : null}
      {reloaded ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('dossiers.conflict.reloaded')} /> : null}
    </>
  );

  return (
    <FormModal<T>
      name={name}
      open={open}
      title={title}
      form={form}
      onClose={close}
      onSubmit={onSubmit}
      onError={onError}
      okText={okText}
      okDanger={okDanger}
      okDisabled={conflict !== null}
      initialValues={initialValues}
      rename={rename}
      width={600}
      banner={banner}
      testId={testId}
    >
      {children}
    </FormModal>
  );
}
