import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/identity/identity.api';
import { allowedMenu } from './admin-menu';

/** `/admin` goes to the first page the user may open. */
export function AdminHome() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const first = allowedMenu(me?.actions ?? [])[0];
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="403" title={t('common.admin.noAccessTitle')} subTitle={t('common.admin.noAccessDescription')} />;
}
