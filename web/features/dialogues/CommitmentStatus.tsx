import { Flex, Progress, Tag, Typography } from 'antd';
import { CheckCircleOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PublicCommitment } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';

type Shown = Pick<PublicCommitment, 'id' | 'state' | 'stateText' | 'dueAt' | 'overdue' | 'progressPercent' | 'completedAt' | 'completedOnTime'>;

/**
 * A commitment's due instant (Hà Nội time) and where it stands: its state, overdue or done on time / late, and its
 * progress as a labelled bar. Words and icons carry the meaning, never the colour alone.
 */
export function CommitmentStatus({ c, testId }: { c: Shown; testId?: string }) {
  const { t } = useTranslation();
  const label = t('dialogues.commitment.progress', { percent: c.progressPercent });
  return (
    <Flex vertical gap={4} data-testid={testId} data-state={c.state} data-overdue={c.overdue}>
      <Flex gap={6} wrap align="center">
        <Typography.Text type={c.overdue ? 'danger' : 'secondary'} strong={c.overdue}>
          {t('dialogues.commitment.due')}: {formatInstant(c.dueAt)}
        </Typography.Text>
        <Tag
          color={c.state === 'DONE' ? 'green' : c.state === 'CANCELLED' ? 'default' : 'blue'}
          icon={c.state === 'DONE' ? <CheckCircleOutlined aria-hidden /> : c.state === 'CANCELLED' ? <StopOutlined aria-hidden /> : undefined}
          style={{ marginInlineEnd: 0 }}
        >
          {c.stateText}
        </Tag>
        {c.overdue ? (
          <Tag color="red" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }} data-testid={`commitment-overdue-${c.id}`}>
            {t('dialogues.commitment.overdue')}
          </Tag>
        ) : null}
        {c.completedOnTime === null ? null : (
          <Tag color={c.completedOnTime ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }} data-testid={`commitment-kept-${c.id}`}>
            {c.completedOnTime ? t('dialogues.commitment.onTime') : t('dialogues.commitment.late')}
          </Tag>
        )}
      </Flex>
      {c.state === 'CANCELLED' ? null : (
        <Progress
          percent={c.progressPercent}
          size="small"
          status={c.state === 'DONE' ? 'success' : c.overdue ? 'exception' : 'active'}
          aria-label={label}
          // antd colours the figure green or red by status, too pale on white for text (WCAG 1.4.3): the text stays dark.
          format={() => <span style={{ color: 'rgba(0, 0, 0, 0.88)' }}>{c.progressPercent}%</span>}
        />
      )}
      {c.completedAt ? <Typography.Text type="secondary">{t('dialogues.commitment.completedAt', { at: formatInstant(c.completedAt) })}</Typography.Text> : null}
    </Flex>
  );
}
