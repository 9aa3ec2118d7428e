import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/identity/identity.api';
import { homeEntry } from './admin-menu';

/** `/admin` goes to the user's home page (homeEntry). */
export function AdminHome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const first = homeEntry(me?.actions ?? []);
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={t('common.admin.noAccessTitle')} subTitle={t('common.admin.noAccessDescription')} />;
}
