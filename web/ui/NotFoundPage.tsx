import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './LinkButton';
import { useDocumentTitle } from './useDocumentTitle';

/** Shown for an unknown path inside either shell. */
export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFound.title'));
  return (
    <Result
      status="404"
      title={<h1>{t('common.notFound.title')}</h1>}
      subTitle={t('common.notFound.description')}
      extra={
        <LinkButton type="primary" to={homePath}>
          {t('common.notFound.home')}
        </LinkButton>
      }
    />
  );
}
