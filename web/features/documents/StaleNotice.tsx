import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';

/** A conflict the page answers with a reload: someone changed the document first (version) or its state moved on. */
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.status === 409;

/** Says the action was not recorded because the document changed meanwhile, with a button that reads it again. */
export function StaleNotice({ message, onReload, reloading, testId }: { message?: string; onReload: () => void; reloading: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('documents.stale.title')}
      description={message ? `${message} ${t('documents.stale.text')}` : t('documents.stale.text')}
      action={
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onReload} loading={reloading} data-testid={`${testId}-reload`}>
          {t('documents.stale.reload')}
        </Button>
      }
      data-testid={testId}
    />
  );
}
