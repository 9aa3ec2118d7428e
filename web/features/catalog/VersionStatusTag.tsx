import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VersionStatus } from './catalog.types';

const COLORS: Record<VersionStatus, string> = { draft: 'gold', published: 'green', withdrawn: 'default' };

/** Draft / published / withdrawn. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`catalog.status.${status}`)}</Tag>;
}
