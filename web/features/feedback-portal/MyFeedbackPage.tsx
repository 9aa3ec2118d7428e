import { Alert, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { formatAppointment } from '../dossiers/dossiers.format';
import { useCitizenGate } from '../my-dossiers/useCitizenGate';
import { FEEDBACK_PATHS, useMyFeedback } from './feedback-portal.api';
import { STATE_COLOR, vnDay } from './feedback-format';

/** Items whose due is no longer running or not yet meaningful: closed, answered. */
const CLOSED = new Set(['ANSWERED', 'OUT_OF_SCOPE', 'MERGED']);

/** One of my items: code (to its page), title, state, what is asked of me, received and due. */
function MyFeedbackCard({ item }: { item: SenderFeedbackView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="my-feedback" style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div style={{ minWidth: 0 }}>
            <Link to={FEEDBACK_PATHS.sender(item.code)} className="wrap-anywhere" style={{ fontWeight: 600, fontSize: 16 }} data-testid="my-feedback-link">
              {item.code}
            </Link>
            <Typography.Paragraph style={{ margin: 0 }} className="wrap-anywhere">
              {item.title}
            </Typography.Paragraph>
          </div>
          <Flex gap={4} wrap>
            <Tag color={STATE_COLOR[item.state]} style={{ whiteSpace: 'normal' }} data-testid="my-feedback-state">
              {item.stateText}
            </Tag>
            {item.paused ? (
              <Tag icon={<PauseCircleOutlined />} color="blue">
                {t('feedbackPortal.sender.paused')}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
        {item.actions.reply ? <Typography.Text type="warning">{t('feedbackPortal.mine.replyNeeded')}</Typography.Text> : null}
        {item.actions.rate ? <Typography.Text type="success">{t('feedbackPortal.mine.rateNeeded')}</Typography.Text> : null}
        <Typography.Text type="secondary">
          {t('feedbackPortal.mine.received', { date: vnDay(item.receivedAt) })}
          {CLOSED.has(item.state) ? null : ` · ${t('feedbackPortal.mine.due', { date: formatAppointment(t, item.dueAt) })}`}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** `/phan-anh-kien-nghi/cua-toi`: the feedback the signed-in account filed, newest first, each leading to its page. */
export function MyFeedbackPage() {
  const { t } = useTranslation();
  const { gate, ready } = useCitizenGate();
  const query = useMyFeedback(ready);
  if (gate) return gate;
  // Newest first, as the server sends them; sorted again so the order never depends on it.
  const items = [...(query.data?.items ?? [])].sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt));
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('feedbackPortal.mine.title')}
        subtitle={t('feedbackPortal.mine.subtitle')}
        extra={
          <LinkButton to={FEEDBACK_PATHS.file} type="primary" icon={<EditOutlined />} data-testid="my-feedback-file">
            {t('feedbackPortal.public.file')}
          </LinkButton>
        }
      />
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={query.error.message} /> : null}
      {query.isSuccess && items.length === 0 ? <Empty description={t('feedbackPortal.mine.empty')} data-testid="my-feedback-empty" /> : null}
      {items.length > 0 ? (
        <Flex vertical gap={8} component="ul" aria-label={t('feedbackPortal.mine.title')} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="my-feedback-list">
          {items.map((item) => (
            <li key={item.code}>
              <MyFeedbackCard item={item} />
            </li>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
