import type { ReactNode } from 'react';
import { Card, Flex, Tag, Typography } from 'antd';
import { BankOutlined, CalendarOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicFeedbackSummary } from '../../../contracts/feedback/feedback.contracts';
import { FEEDBACK_PATHS } from './feedback-portal.api';
import { vnDay } from './feedback-format';

interface PublicFeedbackItemProps {
  item: PublicFeedbackSummary;
  /** The heading level of the title: one below the section's heading. */
  level: 2 | 3;
  /** Something to do with the item (follow it), under its facts. */
  action?: ReactNode;
  testId?: string;
}

/** The id of an item's title, for controls that act on it (aria-describedby). */
export const itemTitleId = (code: string, scope: string) => `${scope}-${code}-title`;

/** One answered, published item: its code and title (a link to its page), unit, answer date and masked sender. */
export function PublicFeedbackItem({ item, level, action, testId = 'public-feedback-item' }: PublicFeedbackItemProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={testId} style={{ width: '100%' }}>
      <Flex vertical gap={6}>
        <Flex wrap gap={6} align="center">
          <Tag data-testid="public-feedback-code">{item.code}</Tag>
          <Tag color="blue" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
            {t(`feedbackPortal.kind.${item.kind}`)}
          </Tag>
          {item.reopened ? <Tag color="gold">{t('feedbackPortal.item.reopened')}</Tag> : null}
        </Flex>
        <Link to={FEEDBACK_PATHS.published(item.code)}>
          <Typography.Title level={level} id={itemTitleId(item.code, testId)} style={{ margin: 0, color: '#1456a0', fontSize: 16 }} className="wrap-anywhere">
            {item.title}
          </Typography.Title>
        </Link>
        {item.procedure ? (
          <Typography.Text className="wrap-anywhere">
            {t('feedbackPortal.item.procedure')}: {item.procedure.name} ({item.procedure.code})
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" className="wrap-anywhere">
          <BankOutlined /> {item.unit.name}
        </Typography.Text>
        <Flex wrap gap={16}>
          <Typography.Text type="secondary">
            <CalendarOutlined /> {t('feedbackPortal.item.answeredOn', { date: vnDay(item.answeredAt) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            <UserOutlined /> {t('feedbackPortal.item.sender', { name: item.senderName })}
          </Typography.Text>
          {item.followers > 0 ? <Typography.Text type="secondary">{t('feedbackPortal.item.followers', { count: item.followers })}</Typography.Text> : null}
        </Flex>
        {action}
      </Flex>
    </Card>
  );
}
