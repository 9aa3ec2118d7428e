import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';

/** A conflict the page answers with a reload: someone changed the document first (version) or its state moved on. */
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.status === 409;

/**
 * Says the action was not recorded because the document (or, with `of="settings"`, the unit's settings) changed
 * meanwhile, with a button that reads it again.
 */
export function StaleNotice({
  message,
  onReload,
  reloading,
  testId,
  of = 'document',
}: {
  message?: string;
  onReload: () => void;
  reloading: boolean;
  testId: string;
  of?: 'document' | 'settings';
}) {
  const { t } = useTranslation();
  const k = of === 'settings' ? 'documents.staleSettings' : 'documents.stale';
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t(`${k}.title`)}
      description={message ? `${message} ${t(`${k}.text`)}` : t(`${k}.text`)}
      action={
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onReload} loading={reloading} data-testid={`${testId}-reload`}>
          {t(`${k}.reload`)}
        </Button>
      }
      data-testid={testId}
    />
  );
}
