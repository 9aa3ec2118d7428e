import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/identity/identity.api';
import { homeEntry } from './admin-menu';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** `/admin` goes to the user's home page (homeEntry). */
export function AdminHome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const first = homeEntry(me?.actions ?? [], me?.grants.map((g) => g.role) ?? []);
  useDocumentTitle(first ? null : t('common.admin.noAccessTitle'));
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={<h1>{t('common.admin.noAccessTitle')}</h1>} subTitle={t('common.admin.noAccessDescription')} />;
}
