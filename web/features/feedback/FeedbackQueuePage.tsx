import { Button, Card, Checkbox, Flex, Input, Select, Table, Typography } from 'antd';
import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { useClearable } from '../../ui/useClearable';
import { usePagerLabels } from '../../ui/usePaging';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { useFeedbackQueue, type QueueParams } from './feedback.api';
import { FEEDBACK_PATHS, FEEDBACK_POLICY, FEEDBACK_STATES, type FeedbackQueueItem, type FeedbackState } from './feedback.types';
import { FeedbackDue } from './FeedbackDue';
import { FeedbackStateTag } from './FeedbackStateTag';
import { FeedbackUnitFilter } from './FeedbackUnitFilter';

const PAGE_SIZES = [20, 50, 100];
const isState = (v: string | null): v is FeedbackState => !!v && (FEEDBACK_STATES as readonly string[]).includes(v);

/**
 * `/admin/feedback`: the feedback and petitions (PAKN) assigned to the units the officer covers, soonest due first,
 * with overdue and paused items marked; filters and paging live in the address so a view can be linked.
 */
export function FeedbackQueuePage() {
  const { t } = useTranslation();
  const clearable = useClearable();
  const itemRender = usePagerLabels();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const state = isState(params.get('state')) ? (params.get('state') as FeedbackState) : undefined;
  const overdue = params.get('overdue') === 'true';
  const unitId = params.get('unitId') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const query: QueueParams = { q: q || undefined, state, overdue: overdue ? 'true' : undefined, unitId, page, pageSize };
  const { data, isFetching, refetch } = useFeedbackQueue(query);

  /** Changes the address; any change of a filter starts again at page 1. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('feedback.queue.title')}
        subtitle={t('feedback.queue.subtitle')}
        extra={
          <>
            {hasAction(me?.actions, FEEDBACK_POLICY.intake) ? (
              <LinkButton to={FEEDBACK_PATHS.intake} type="primary" icon={<FormOutlined aria-hidden />} data-testid="feedback-go-intake">
                {t('feedback.queue.intake')}
              </LinkButton>
            ) : null}
            <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refetch()} data-testid="feedback-refresh">
              {t('feedback.queue.refresh')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear={clearable}
            placeholder={t('feedback.queue.searchPlaceholder')}
            aria-label={t('feedback.queue.searchLabel')}
            onSearch={(v) => update({ q: v.trim() })}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="feedback-search"
          />
          <Select<FeedbackState | 'all'>
            aria-label={t('feedback.queue.stateFilter')}
            value={state ?? 'all'}
            onChange={(v) => update({ state: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('feedback.queue.allStates') }, ...FEEDBACK_STATES.map((s) => ({ value: s, label: t(`feedback.states.${s}`) }))]}
            style={{ width: 260, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            data-testid="feedback-state-filter"
          />
          <FeedbackUnitFilter value={unitId} onChange={(v) => update({ unitId: v })} />
          <Checkbox checked={overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })} data-testid="feedback-overdue-filter">
            {t('feedback.queue.overdueOnly')}
          </Checkbox>
        </Flex>
        <Table<FeedbackQueueItem>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          // Wide on purpose: on a phone the table scrolls inside its card, never the page.
          scroll={{ x: 1400 }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (n) => t('common.table.total', { total: n }),
            itemRender,
            onChange: (p, s) => update({ page: p > 1 ? p : undefined, pageSize: s === 20 ? undefined : s }),
          }}
          locale={{ emptyText: t('feedback.queue.empty') }}
          data-testid="feedback-queue"
          columns={[
            {
              title: t('feedback.fields.code'),
              dataIndex: 'code',
              width: 170,
              render: (code: string, r) => (
                <Link to={FEEDBACK_PATHS.one(r.id)} className="wrap-anywhere" data-testid="feedback-open">
                  {code}
                </Link>
              ),
            },
            { title: t('feedback.fields.title'), dataIndex: 'title', render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            {
              title: t('feedback.fields.state'),
              dataIndex: 'state',
              width: 190,
              render: (s: FeedbackState, r) => <FeedbackStateTag state={s} text={r.stateText} />,
            },
            {
              title: t('feedback.fields.kind'),
              dataIndex: 'kind',
              width: 170,
              render: (k: FeedbackQueueItem['kind']) => (k ? t(`feedback.kinds.short.${k}`) : <Typography.Text type="secondary">{t('feedback.kinds.none')}</Typography.Text>),
            },
            { title: t('feedback.fields.channel'), dataIndex: 'channel', width: 150, render: (c: FeedbackQueueItem['channel']) => t(`feedback.channels.${c}`) },
            { title: t('feedback.fields.assignedUnit'), dataIndex: ['assignedUnit', 'name'], width: 200, render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            { title: t('feedback.fields.sender'), dataIndex: 'senderName', width: 170, render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            { title: t('feedback.fields.receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: string) => formatInstant(v) },
            {
              title: t('feedback.fields.dueAt'),
              dataIndex: 'dueAt',
              width: 170,
              render: (v: string, r) => <FeedbackDue dueAt={v} overdue={r.overdue} paused={r.paused} compact testId="feedback-row-due" />,
            },
          ]}
        />
      </Card>
    </>
  );
}
