import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from './identity.types';

/** Active / disabled / sign-ins slowed down after failures. */
export function UserStatusTag({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t('identity.officers.statusDisabled')}</Tag>;
  if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) return <Tag color="orange">{t('identity.officers.statusLocked')}</Tag>;
  return <Tag color="green">{t('identity.officers.statusActive')}</Tag>;
}
