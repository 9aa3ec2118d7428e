import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Segmented, Table, Tooltip, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { useApiError } from '../../app/useApiError';
import { useClearable } from '../../ui/useClearable';
import { usePaging } from '../../ui/usePaging';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { DESK_PATHS } from '../submissions/submission-form';
import { useExchangeInbound, useRetryExchangeInbound } from './exchange.api';
import { EXCHANGE_ACTIONS, EXCHANGE_INBOUND_STATES, type ExchangeInboundRow, type ExchangeInboundState } from './exchange.types';
import { InboundCounts } from './ExchangeCounts';
import { InboundStateTag } from './ExchangeStateTag';

type StateFilter = ExchangeInboundState | 'all';

/** Why a dossier could not be taken: the server's translated problems, or else the last passing failure. */
function Reasons({ r }: { r: ExchangeInboundRow }) {
  if (r.problems.length > 0)
    return (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`inbound-problems-${r.id}`}>
        {r.problems.map((p) => (
          <li key={`${p.path}:${p.code}`} className="wrap-anywhere">
            {p.message}
          </li>
        ))}
      </ul>
    );
  if (r.lastError)
    return (
      // Focusable so keyboard users can open the full text too; screen readers read it whole either way.
      <Tooltip title={r.lastError} trigger={['hover', 'focus']}>
        <Typography.Paragraph ellipsis={{ rows: 2 }} className="wrap-anywhere" style={{ marginBottom: 0 }} tabIndex={0}>
          {r.lastError}
        </Typography.Paragraph>
      </Tooltip>
    );
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/**
 * The "received from the portal" tab of `/admin/exchange`: the dossiers citizens submitted on the national portal that
 * the province picked up — received into a desk's queue, unreadable (with the reasons, left on the portal) or failed
 * (retried at every pickup) — and a retry once the cause is put right (a procedure published, a desk's code set).
 */
export function InboundView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const clearable = useClearable();
  const { data: me } = useMe();
  const canRetry = hasAction(me?.actions, EXCHANGE_ACTIONS.resend);
  const [code, setCode] = useState('');
  const [state, setState] = useState<StateFilter>('all');
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useExchangeInbound({ state: state === 'all' ? undefined : state, code: code || undefined, page, pageSize });
  const retry = useRetryExchangeInbound();

  const filterState = (next: StateFilter) => {
    setState(next);
    restart();
  };
  const retryRow = (r: ExchangeInboundRow) =>
    retry.mutateAsync(r.id).then(
      () => void message.success(t('exchange.inbound.retried', { code: r.nationalCode })),
      (err: unknown) => showError(err),
    );
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <Typography.Paragraph type="secondary">{t('exchange.inbound.intro')}</Typography.Paragraph>
      {data && !data.enabled ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('exchange.inbound.disabledTitle')}
          description={t('exchange.inbound.disabledDescription')}
          data-testid="exchange-inbound-disabled"
        />
      ) : null}
      <InboundCounts counts={data?.counts} selected={state === 'all' ? undefined : state} onSelect={(s) => filterState(s ?? 'all')} />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Input.Search
            allowClear={clearable}
            placeholder={t('exchange.inbound.searchPlaceholder')}
            aria-label={t('exchange.inbound.searchLabel')}
            onSearch={(v) => {
              setCode(v.trim());
              restart();
            }}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="inbound-search"
          />
          <Segmented<StateFilter>
            aria-label={t('exchange.inbound.state')}
            // On a phone the states scroll sideways inside the control instead of widening the page.
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={state}
            onChange={filterState}
            options={[{ value: 'all', label: t('exchange.inbound.allStates') }, ...EXCHANGE_INBOUND_STATES.map((s) => ({ value: s, label: t(`exchange.inboundState.${s}`) }))]}
            data-testid="inbound-state-filter"
          />
        </Flex>
        <Table<ExchangeInboundRow>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1500 }}
          pagination={pagination(data?.total ?? 0)}
          locale={{ emptyText: t('exchange.inbound.empty') }}
          data-testid="exchange-inbound"
          columns={[
            {
              title: t('exchange.inbound.nationalCode'),
              dataIndex: 'nationalCode',
              width: 190,
              render: (v: string) => (
                <Typography.Text strong className="wrap-anywhere">
                  {v}
                </Typography.Text>
              ),
            },
            {
              title: t('exchange.inbound.applicant'),
              dataIndex: 'applicantName',
              width: 180,
              render: (v: string | null) => (v ? <span className="wrap-anywhere">{v}</span> : dash),
            },
            { title: t('exchange.inbound.procedureCode'), dataIndex: 'procedureCode', width: 130, render: (v: string | null) => v ?? dash },
            { title: t('exchange.inbound.deskCode'), dataIndex: 'deskCode', width: 130, render: (v: string) => <span className="wrap-anywhere">{v}</span> },
            { title: t('exchange.inbound.state'), dataIndex: 'state', width: 190, render: (s: ExchangeInboundState) => <InboundStateTag state={s} /> },
            { title: t('exchange.inbound.reasons'), key: 'reasons', width: 280, render: (_: unknown, r) => <Reasons r={r} /> },
            { title: t('exchange.inbound.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            { title: t('exchange.inbound.firstSeenAt'), dataIndex: 'firstSeenAt', width: 130, render: (v: string) => formatInstant(v) },
            { title: t('exchange.inbound.updatedAt'), dataIndex: 'updatedAt', width: 130, render: (v: string) => formatInstant(v) },
            {
              title: t('exchange.inbound.acknowledged'),
              dataIndex: 'acknowledgedAt',
              width: 150,
              render: (v: string | null) =>
                v ? (
                  <Flex vertical>
                    <span>{t('exchange.inbound.acknowledgedYes')}</span>
                    <Typography.Text type="secondary">{formatInstant(v)}</Typography.Text>
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('exchange.inbound.acknowledgedNo')}</Typography.Text>
                ),
            },
            {
              title: t('exchange.inbound.submission'),
              dataIndex: 'submissionReference',
              width: 170,
              render: (_: unknown, r) =>
                r.submissionId ? (
                  <Link to={DESK_PATHS.one(r.submissionId)} className="wrap-anywhere">
                    {r.submissionReference ?? t('exchange.inbound.openSubmission')}
                  </Link>
                ) : (
                  dash
                ),
            },
            ...(canRetry
              ? [
                  {
                    title: t('common.table.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, r: ExchangeInboundRow) =>
                      r.state === 'received' ? null : (
                        <Popconfirm
                          title={t('exchange.inbound.retryConfirm', { code: r.nationalCode })}
                          description={t('exchange.inbound.retryConfirmDescription')}
                          okText={t('common.actions.confirm')}
                          cancelText={t('common.actions.cancel')}
                          onConfirm={() => retryRow(r)}
                        >
                          <Button
                            size="small"
                            icon={<RedoOutlined aria-hidden />}
                            loading={retry.isPending && retry.variables === r.id}
                            aria-label={t('exchange.inbound.retryOf', { code: r.nationalCode })}
                            data-testid={`retry-${r.id}`}
                          >
                            {t('exchange.inbound.retry')}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
