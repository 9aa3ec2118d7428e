import { Flex, Tag, Typography } from 'antd';
import { PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';

interface FeedbackDueProps {
  dueAt: string;
  overdue: boolean;
  paused: boolean;
  /** Stacked for table cells, inline in the page's header. */
  compact?: boolean;
  testId?: string;
}

/**
 * The instant the answer is due (Hà Nội time, dd/MM/yyyy HH:mm) with its marks: overdue while the clock runs past it,
 * paused while the sender is asked for more (the clock stops, §19.6). Words and icons, never the colour alone.
 */
export function FeedbackDue({ dueAt, overdue, paused, compact = false, testId }: FeedbackDueProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical={compact} gap={compact ? 2 : 6} align={compact ? 'flex-start' : 'center'} wrap data-testid={testId} data-overdue={overdue} data-paused={paused}>
      <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
        {formatInstant(dueAt)}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }} data-testid="feedback-overdue">
          {t('feedback.due.overdue')}
        </Tag>
      ) : null}
      {paused ? (
        <Tag color="blue" icon={<PauseCircleOutlined aria-hidden />} style={{ marginInlineEnd: 0 }} data-testid="feedback-paused">
          {t('feedback.due.paused')}
        </Tag>
      ) : null}
    </Flex>
  );
}
