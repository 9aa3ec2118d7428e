import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Marks a processing time shown verbatim because no deadline can be computed from it. */
export function TimeUnreadableTag({ reason }: { reason?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={reason ?? t('portal.detail.timeUnreadableHint')}>
      <Tag color="warning" icon={<WarningOutlined />} data-testid="time-unreadable">
        {t('portal.detail.timeUnreadable')}
      </Tag>
    </Tooltip>
  );
}
