import { Flex, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';

interface DocumentDueProps {
  dueAt: string | null;
  overdue: boolean;
  /** Stacked for table cells, inline on the page. */
  compact?: boolean;
  testId?: string;
}

/** A handling deadline (Hà Nội time) marked when it has passed unhandled: words and an icon, never the colour alone. */
export function DocumentDue({ dueAt, overdue, compact = false, testId }: DocumentDueProps) {
  const { t } = useTranslation();
  if (!dueAt) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-overdue={false}>
        {t('documents.noDue')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical={compact} gap={compact ? 2 : 6} align={compact ? 'flex-start' : 'center'} wrap data-testid={testId} data-overdue={overdue}>
      <Typography.Text type={overdue ? 'danger' : undefined} strong={overdue}>
        {formatInstant(dueAt)}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
          {t('documents.overdue')}
        </Tag>
      ) : null}
    </Flex>
  );
}
