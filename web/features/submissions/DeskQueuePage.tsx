import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { formatInstant } from '../dossiers/dossiers.format';
import { NationalOriginTag } from './NationalOriginTag';
import { DESK_PATHS } from './submission-form';
import { useDeskQueue } from './submissions.api';
import type { DeskQueueItem } from './submissions.types';

const PAGE_SIZE = 20;

/**
 * "Hồ sơ trực tuyến chờ tiếp nhận": online applications sent to the officer's desks, oldest first (§3.1: checked in the
 * order they arrived), by keyset pages; each opens its review.
 */
export function DeskQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The cursors of the pages already seen, so "previous" goes back without counting offsets.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const after = cursors.at(-1);
  const { data, isFetching, refetch } = useDeskQueue({ pageSize: PAGE_SIZE, ...(after ? { after } : {}) });

  return (
    <Flex vertical gap={0}>
      <PageHeader
        title={t('submissions.desk.queueTitle')}
        subtitle={data ? t('submissions.desk.queueTotal', { count: data.total }) : undefined}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            {t('submissions.desk.refresh')}
          </Button>
        }
      />
      <Card>
        <Table<DeskQueueItem>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={false}
          locale={{ emptyText: t('submissions.desk.queueEmpty') }}
          onRow={(r) => ({ onDoubleClick: () => void navigate(DESK_PATHS.one(r.id)) })}
          data-testid="desk-queue"
          columns={[
            {
              title: t('submissions.fields.reference'),
              dataIndex: 'reference',
              width: 190,
              render: (_: unknown, r) => (
                <Flex vertical gap={2} align="flex-start">
                  <Link to={DESK_PATHS.one(r.id)} data-testid="queue-open">
                    {r.reference}
                  </Link>
                  {r.resubmitted ? <Tag color="orange">{t('submissions.desk.resubmitted')}</Tag> : null}
                  {r.origin === 'national' ? <NationalOriginTag nationalCode={r.nationalCode} /> : null}
                </Flex>
              ),
            },
            {
              title: t('submissions.fields.procedure'),
              dataIndex: 'procedureName',
              render: (_: unknown, r) => (
                <span className="wrap-anywhere">
                  {r.procedureName} <Typography.Text type="secondary">({r.procedureCode})</Typography.Text>
                </span>
              ),
            },
            {
              title: t('submissions.fields.applicant'),
              dataIndex: 'applicantName',
              width: 200,
              render: (_: unknown, r) => (
                <Flex vertical>
                  <span>{r.applicantName ?? '—'}</span>
                  {r.applicantIdNumber ? <Typography.Text type="secondary">{r.applicantIdNumber}</Typography.Text> : null}
                </Flex>
              ),
            },
            { title: t('submissions.fields.receivingUnit'), dataIndex: ['receivingUnit', 'name'], width: 220 },
            { title: t('submissions.fields.submittedAt'), dataIndex: 'submittedAt', width: 140, render: (v: string) => formatInstant(v) },
            { title: t('submissions.desk.files'), dataIndex: 'fileCount', width: 90, align: 'right' },
          ]}
        />
        <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
          <Button icon={<LeftOutlined />} disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('common.table.prevPage')}
          </Button>
          <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((c) => [...c, data.nextCursor!])}>
            {t('common.table.nextPage')} <RightOutlined />
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
