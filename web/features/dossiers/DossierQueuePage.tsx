import { useState } from 'react';
import { Button, Card, Flex, Grid, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { BookOutlined, InboxOutlined, LeftOutlined, RightOutlined, VerticalRightOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { LinkButton } from '../../ui/LinkButton';
import { useNavigate, useSearchParams } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../identity/identity.api';
import { useDossierQueue } from './dossiers.api';
import { formatInstant } from './dossiers.format';
import { DOSSIER_ACTIONS, QUEUE_TABS, type DossierListItem, type Queue } from './dossiers.types';
import { DeadlineBadge } from './DeadlineBadge';
import { ProvisionalTag } from '../calendar/ProvisionalTag';
import { DossierStatusTag } from './DossierStatusTag';
import { TrackingBookModal } from './TrackingBookModal';
import { codeColumn, procedureAndApplicantColumn } from './dossier-columns';

const PAGE_SIZES = [20, 50, 100];
const isQueue = (v: string | null): v is Queue => !!v && (QUEUE_TABS as readonly string[]).includes(v);

/** The officer's work queues: mine, my unit, due soon, overdue, at risk, history; search and paging kept in the URL. */
export function DossierQueuePage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const queue: Queue = isQueue(params.get('queue')) ? (params.get('queue') as Queue) : 'mine';
  const q = params.get('q') ?? '';
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  // Keyset paging (D18): the URL holds the cursor of the page shown, so a deep page costs what the first one does.
  const after = params.get('after') ?? undefined;
  const before = after ? undefined : (params.get('before') ?? undefined);
  const [bookOpen, setBookOpen] = useState(false);
  // Seven queues do not fit a phone: antd then hides tabs behind a "more" button placed inside the tab list (a
  // foreign child of role=tablist, WCAG 4.1.2); a labelled select does the same job there.
  const narrow = Grid.useBreakpoint().sm === false;
  const { data, isFetching } = useDossierQueue({ queue, q: q || undefined, pageSize, after, before });
  const restart = { after: undefined, before: undefined };

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('dossiers.queue.title')}
        extra={
          <>
            {hasAction(me?.actions, DOSSIER_ACTIONS.intake) && (
              <LinkButton to="/admin/dossiers/intake" type="primary" icon={<InboxOutlined />} data-testid="go-intake">
                {t('dossiers.queue.intake')}
              </LinkButton>
            )}
            <Button icon={<BookOutlined />} onClick={() => setBookOpen(true)} data-testid="tracking-book">
              {t('dossiers.queue.trackingBook')}
            </Button>
          </>
        }
      />
      <Card size="small">
        {narrow ? (
          <Select<Queue>
            aria-label={t('dossiers.queue.queueLabel')}
            value={queue}
            onChange={(key) => update({ queue: key === 'mine' ? undefined : key, ...restart })}
            options={QUEUE_TABS.map((key) => ({ value: key, label: t(`dossiers.queue.tabs.${key}`) }))}
            style={{ width: '100%', marginBottom: 12 }}
            data-testid="queue-select"
          />
        ) : (
          <Tabs
            activeKey={queue}
            onChange={(key) => update({ queue: key === 'mine' ? undefined : key, ...restart })}
            items={QUEUE_TABS.map((key) => ({
              key,
              label: (
                <span data-testid={`queue-${key}`}>
                  {key === 'at-risk' || key === 'overdue' ? <WarningOutlined style={{ marginInlineEnd: 4 }} /> : null}
                  {t(`dossiers.queue.tabs.${key}`)}
                </span>
              ),
            }))}
          />
        )}
        {queue === 'overdue' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }} data-testid="overdue-hint">
            {t('dossiers.queue.overdueHint')}
          </Typography.Paragraph>
        ) : null}
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear={clearable}
            placeholder={t('dossiers.queue.searchPlaceholder')}
            aria-label={t('dossiers.queue.searchPlaceholder')}
            onSearch={(v) => update({ q: v.trim() || undefined, ...restart })}
            style={{ maxWidth: 420 }}
          />
        </Flex>
        <Table<DossierListItem>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 990 }}
          locale={{ emptyText: t(`dossiers.queue.empty.${queue}`) }}
          onRow={(d) => ({ onDoubleClick: () => void navigate(`/admin/dossiers/${d.id}`) })}
          pagination={false}
          columns={[
            codeColumn(t, 'dossier-link'),
            procedureAndApplicantColumn(t),
            {
              title: t('dossiers.fields.status'),
              width: 150,
              render: (_, d) => (
                <Flex vertical gap={4} align="flex-start">
                  <DossierStatusTag statusCode={d.statusCode} state={d.state} />
                  {t(`dossiers.state.${d.state}`) !== t(`dossiers.status.${d.statusCode}`) ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`dossiers.state.${d.state}`)}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: t('dossiers.fields.holder'),
              width: 170,
              render: (_, d) => (
                <div className="wrap-anywhere">
                  {d.holder.unit.name}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`identity.roles.${d.holder.role}`, { defaultValue: d.holder.role })}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('dossiers.queue.dates'),
              width: 165,
              render: (_, d) => (
                <div style={{ fontSize: 13 }}>
                  <div>
                    <Typography.Text type="secondary">{t('dossiers.queue.receivedShort')}</Typography.Text> {formatInstant(d.receivedAt)}
                  </div>
                  <div>
                    <Typography.Text type="secondary">{t('dossiers.queue.dueShort')}</Typography.Text> <Typography.Text strong>{formatInstant(d.effectiveDueAt)}</Typography.Text>
                    {d.dueProvisional ? <ProvisionalTag due={d.effectiveDueAt} /> : null}
                  </div>
                  {d.extendedDueAt ? (
                    <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(d.dueAt)}
                    </Typography.Text>
                  ) : null}
                </div>
              ),
            },
            {
              title: t('dossiers.fields.deadline'),
              width: 150,
              render: (_, d) => (
                <Flex vertical gap={4} align="flex-start">
                  <DeadlineBadge badge={d.badge} remainingWorkingMinutes={d.remainingWorkingMinutes} compact />
                  {d.atRisk && d.badge !== 'at-risk' ? <Tag color="orange">{t('dossiers.badge.at-risk')}</Tag> : null}
                </Flex>
              ),
            },
          ]}
        />
        <Flex wrap justify="space-between" align="center" gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" data-testid="queue-total">
            {data
              ? data.totalExact
                ? t('common.table.total', { total: data.total })
                : t(q ? 'dossiers.queue.searchMore' : 'dossiers.queue.totalMore', { total: data.total.toLocaleString('vi-VN') })
              : null}
          </Typography.Text>
          <Space wrap>
            <Button
              icon={<VerticalRightOutlined />}
              disabled={!data?.prevCursor}
              onClick={() => update(restart)}
              aria-label={t('dossiers.queue.firstPage')}
              title={t('dossiers.queue.firstPage')}
            />
            <Button
              icon={<LeftOutlined />}
              disabled={!data?.prevCursor}
              onClick={() => update({ before: data?.prevCursor ?? undefined, after: undefined })}
              data-testid="queue-prev"
            >
              {t('dossiers.queue.prevPage')}
            </Button>
            <Button disabled={!data?.nextCursor} onClick={() => update({ after: data?.nextCursor ?? undefined, before: undefined })} data-testid="queue-next">
              {t('dossiers.queue.nextPage')} <RightOutlined />
            </Button>
            <Select
              value={pageSize}
              aria-label={t('dossiers.queue.pageSize')}
              onChange={(size: number) => update({ pageSize: size === 20 ? undefined : size, ...restart })}
              options={PAGE_SIZES.map((n) => ({ value: n, label: t('dossiers.queue.perPage', { n }) }))}
              style={{ width: 120 }}
            />
          </Space>
        </Flex>
      </Card>
      <TrackingBookModal open={bookOpen} onClose={() => setBookOpen(false)} />
    </>
  );
}
