import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BADGE_COLOR, formatRemaining } from './dossiers.format';
import type { Badge } from './dossiers.types';

/** Deadline state (on track / due soon / at risk / overdue / paused / finished) with the remaining working time. */
export function DeadlineBadge({ badge, remainingWorkingMinutes, compact = false }: { badge: Badge; remainingWorkingMinutes: number | null; compact?: boolean }) {
  const { t } = useTranslation();
  const remaining = formatRemaining(t, remainingWorkingMinutes);
  return (
    <Flex vertical={compact} gap={compact ? 2 : 6} align={compact ? 'flex-start' : 'center'} wrap>
      <Tag color={BADGE_COLOR[badge]} data-testid="deadline-badge" style={{ marginInlineEnd: 0 }}>
        {t(`dossiers.badge.${badge}`)}
      </Tag>
      {remaining ? (
        <Typography.Text type={remainingWorkingMinutes !== null && remainingWorkingMinutes < 0 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {remaining}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
