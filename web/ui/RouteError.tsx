import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

/** Catches a crash or a failed page load inside a route so the rest of the app keeps working. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  useDocumentTitle(t('common.routeError.title'));
  return (
    <Result
      status="error"
      title={<h1>{t('common.routeError.title')}</h1>}
      subTitle={t('common.routeError.description')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.routeError.reload')}
        </Button>
      }
    />
  );
}
