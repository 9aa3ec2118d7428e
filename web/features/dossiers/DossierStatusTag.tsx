import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor } from './dossiers.format';
import type { DossierState } from './dossiers.types';

/** The national status name (§3.2) as a tag; the internal state (e.g. "awaiting approval") in its tooltip. */
export function DossierStatusTag({ statusCode, state }: { statusCode: number; state?: DossierState }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={statusColor(statusCode)} data-testid="status-tag" style={{ marginInlineEnd: 0 }}>
      {t(`dossiers.status.${statusCode}`)}
    </Tag>
  );
  if (!state) return tag;
  return <Tooltip title={t(`dossiers.state.${state}`)}>{tag}</Tooltip>;
}
