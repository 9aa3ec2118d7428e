import { useState } from 'react';
import { Alert, Card, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { CommentOutlined, MailOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { SubjectLabel } from '../audit/SubjectLabel';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  type NotificationChannel,
  type NotificationStatus,
  type OutboxMessage,
} from '../../../contracts/notifications/notifications.contracts';
import { PageHeader } from '../../ui/PageHeader';
import { formatDateTime } from '../../ui/dates';
import { useNotificationChannels, useOutbox } from './notifications.api';
import { OutboxMessageDetails } from './OutboxMessageDetails';
import { OutboxStatusTag } from './OutboxStatusTag';
import { usePaging } from '../../ui/usePaging';

type StatusFilter = NotificationStatus | 'all';

const CHANNEL_ICONS: Record<NotificationChannel, React.ReactNode> = { email: <MailOutlined />, sms: <MessageOutlined />, zalo: <CommentOutlined /> };

/** The outbox: every queued e-mail, SMS and Zalo message with its text and delivery status (in development nothing leaves the server). */
export function OutboxPage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [channel, setChannel] = useState<NotificationChannel | undefined>();
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useOutbox({ q: q || undefined, status: status === 'all' ? undefined : status, channel, page, pageSize });
  const { data: channels } = useNotificationChannels();
  const development = channels ? !channels.email.live || !channels.sms.live || !channels.zalo.live : false;
  const liveness = (c: { live: boolean; transport: string }) => (c.live ? t('notifications.outbox.live', { transport: c.transport }) : t('notifications.outbox.notLive'));

  return (
    <>
      <PageHeader title={development ? t('notifications.outbox.titleDevelopment') : t('notifications.outbox.title')} subtitle={t('notifications.outbox.subtitle')} />
      {channels && development && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('notifications.outbox.developmentTitle')}
          description={t('notifications.outbox.developmentDescription', { email: liveness(channels.email), sms: liveness(channels.sms), zalo: liveness(channels.zalo) })}
        />
      )}
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Input.Search
            allowClear={clearable}
            placeholder={t('notifications.outbox.searchPlaceholder')}
            aria-label={t('notifications.outbox.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v.trim());
              restart();
            }}
            style={{ maxWidth: 360 }}
          />
          <Segmented<StatusFilter>
            aria-label={t('notifications.outbox.status')}
            // On a phone the statuses scroll sideways inside the control instead of widening the page.
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              restart();
            }}
            options={[{ value: 'all', label: t('notifications.outbox.allStatuses') }, ...NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))]}
          />
          <Select<NotificationChannel>
            allowClear
            placeholder={t('notifications.outbox.allChannels')}
            aria-label={t('notifications.outbox.channel')}
            value={channel}
            onChange={(v) => {
              setChannel(v);
              restart();
            }}
            options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channels.${c}`) }))}
            style={{ width: 160 }}
          />
        </Flex>
        <Table<OutboxMessage>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (m) => <OutboxMessageDetails message={m} /> }}
          pagination={pagination(data?.total ?? 0)}
          columns={[
            { title: t('notifications.outbox.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('notifications.outbox.channel'),
              dataIndex: 'channel',
              width: 130,
              render: (c: NotificationChannel) => <Tag icon={CHANNEL_ICONS[c]}>{t(`notifications.channels.${c}`)}</Tag>,
            },
            { title: t('notifications.outbox.recipient'), dataIndex: 'recipient', width: 220, render: (v: string) => <span className="wrap-anywhere">{v || '—'}</span> },
            {
              title: t('notifications.outbox.content'),
              render: (_, m) => (
                <div className="wrap-anywhere">
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {m.subject ?? m.body ?? m.templateKey}
                  </Typography.Paragraph>
                  <div style={{ fontSize: 12 }}>
                    <SubjectLabel type={m.subjectType} id={m.subjectId} />
                  </div>
                </div>
              ),
            },
            { title: t('notifications.outbox.status'), width: 170, render: (_, m) => <OutboxStatusTag message={m} /> },
          ]}
        />
      </Card>
    </>
  );
}
