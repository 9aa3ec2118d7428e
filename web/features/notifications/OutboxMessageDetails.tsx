import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SubjectLabel } from '../audit/SubjectLabel';
import type { OutboxMessage } from '../../../contracts/notifications/notifications.contracts';
import { formatDateTime } from '../../ui/dates';
import { lastErrorText } from './OutboxStatusTag';

/** The full message as it was (or would be) sent, with its delivery facts. */
export function OutboxMessageDetails({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 200 } }}>
      {message.channel === 'email' && <Descriptions.Item label={t('notifications.outbox.subject')}>{message.subject ?? '—'}</Descriptions.Item>}
      <Descriptions.Item label={t('notifications.outbox.body')}>
        {message.body === null ? (
          <Typography.Text type="secondary">{t('notifications.outbox.noPreview')}</Typography.Text>
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{message.body}</Typography.Paragraph>
        )}
      </Descriptions.Item>
      {message.zaloData && (
        <Descriptions.Item label={t('notifications.outbox.zaloData')}>
          <Descriptions
            size="small"
            column={1}
            items={Object.entries(message.zaloData).map(([name, value]) => ({ key: name, label: <Typography.Text code>{name}</Typography.Text>, children: value }))}
          />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('notifications.outbox.template')}>
        <Typography.Text code>{message.templateKey}</Typography.Text> ({message.locale})
      </Descriptions.Item>
      {message.subjectType && (
        <Descriptions.Item label={t('notifications.outbox.about')}>
          <SubjectLabel type={message.subjectType} id={message.subjectId} />
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('notifications.outbox.attempts')}>{message.attempts}</Descriptions.Item>
      {message.lastAttemptAt && <Descriptions.Item label={t('notifications.outbox.lastAttemptAt')}>{formatDateTime(message.lastAttemptAt)}</Descriptions.Item>}
      {message.lastError && (
        <Descriptions.Item label={t('notifications.outbox.lastError')}>
          <Typography.Text type="danger" className="wrap-anywhere">
            {lastErrorText(message, t)}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {message.sentAt && (
        <Descriptions.Item label={t('notifications.outbox.sentAt')}>
          {formatDateTime(message.sentAt)} — {t('notifications.outbox.via', { transport: message.deliveredVia ?? '—' })}
        </Descriptions.Item>
      )}
      {message.providerMessageId && (
        <Descriptions.Item label={t('notifications.outbox.providerMessageId')}>
          <Typography.Text code>{message.providerMessageId}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
