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
import { useExchangeOutbox, useResendExchangeRow } from './exchange.api';
import { EXCHANGE_ACTIONS, EXCHANGE_ROW_STATES, type ExchangeRow, type ExchangeRowState } from './exchange.types';
import { ExchangeCounts } from './ExchangeCounts';
import { ExchangeStateTag } from './ExchangeStateTag';

type StateFilter = ExchangeRowState | 'all';

/** National status codes (1–10) the dossiers module names (`dossiers.status.<code>`). */
const NAMED_STATUS = (code: number) => Number.isInteger(code) && code >= 1 && code <= 10;

/**
 * The "sent to the portal" tab of `/admin/exchange`: the status changes pushed to the national portal — what was sent,
 * what waits, what failed and is retried, and a resend for a change not yet delivered.
 */
export function OutboxView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const clearable = useClearable();
  const { data: me } = useMe();
  const canResend = hasAction(me?.actions, EXCHANGE_ACTIONS.resend);
  const [dossier, setDossier] = useState('');
  const [state, setState] = useState<StateFilter>('all');
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useExchangeOutbox({ state: state === 'all' ? undefined : state, dossier: dossier || undefined, page, pageSize });
  const resend = useResendExchangeRow();

  const filterState = (next: StateFilter) => {
    setState(next);
    restart();
  };
  const resendRow = (r: ExchangeRow) =>
    resend.mutateAsync(r.id).then(
      () => void message.success(t('exchange.outbox.resent', { code: r.dossierCode })),
      (err: unknown) => showError(err),
    );
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      {data && !data.enabled ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('exchange.outbox.disabledTitle')}
          description={t('exchange.outbox.disabledDescription')}
          data-testid="exchange-disabled"
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('exchange.outbox.intro')}</Typography.Paragraph>
      <ExchangeCounts counts={data?.counts} selected={state === 'all' ? undefined : state} onSelect={(s) => filterState(s ?? 'all')} />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
          <Input.Search
            allowClear={clearable}
            placeholder={t('exchange.outbox.searchPlaceholder')}
            aria-label={t('exchange.outbox.searchLabel')}
            onSearch={(v) => {
              setDossier(v.trim());
              restart();
            }}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="exchange-search"
          />
          <Segmented<StateFilter>
            aria-label={t('exchange.outbox.state')}
            // On a phone the states scroll sideways inside the control instead of widening the page.
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={state}
            onChange={filterState}
            options={[{ value: 'all', label: t('exchange.outbox.allStates') }, ...EXCHANGE_ROW_STATES.map((s) => ({ value: s, label: t(`exchange.state.${s}`) }))]}
            data-testid="exchange-state-filter"
          />
        </Flex>
        <Table<ExchangeRow>
          rowKey="id"
          size="middle"
          loading={isFetching && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={pagination(data?.total ?? 0)}
          locale={{ emptyText: t('exchange.outbox.empty') }}
          data-testid="exchange-outbox"
          columns={[
            {
              title: t('exchange.outbox.dossier'),
              dataIndex: 'dossierCode',
              width: 190,
              render: (code: string, r) => (
                <Link to={`/admin/dossiers/${r.dossierId}`} className="wrap-anywhere">
                  {code}
                </Link>
              ),
            },
            {
              title: t('exchange.outbox.statusCode'),
              dataIndex: 'statusCode',
              width: 210,
              render: (code: number) => (
                <span className="wrap-anywhere">
                  <Typography.Text strong>{code}</Typography.Text>
                  {NAMED_STATUS(code) ? ` · ${t(`dossiers.status.${code}`)}` : null}
                </span>
              ),
            },
            { title: t('exchange.outbox.at'), dataIndex: 'at', width: 130, render: (v: string) => formatInstant(v) },
            { title: t('exchange.outbox.state'), dataIndex: 'state', width: 170, render: (s: ExchangeRowState) => <ExchangeStateTag state={s} /> },
            { title: t('exchange.outbox.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            { title: t('exchange.outbox.nextAttemptAt'), dataIndex: 'nextAttemptAt', width: 130, render: (v: string | null) => (v ? formatInstant(v) : dash) },
            {
              title: t('exchange.outbox.lastError'),
              dataIndex: 'lastError',
              width: 240,
              render: (v: string | null) =>
                v ? (
                  // Focusable so keyboard users can open the full text too; screen readers read it whole either way.
                  <Tooltip title={v} trigger={['hover', 'focus']}>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} className="wrap-anywhere" style={{ marginBottom: 0 }} tabIndex={0}>
                      {v}
                    </Typography.Paragraph>
                  </Tooltip>
                ) : (
                  dash
                ),
            },
            { title: t('exchange.outbox.sentAt'), dataIndex: 'sentAt', width: 130, render: (v: string | null) => (v ? formatInstant(v) : dash) },
            ...(canResend
              ? [
                  {
                    title: t('common.table.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, r: ExchangeRow) =>
                      r.state === 'sent' ? null : (
                        <Popconfirm
                          title={t('exchange.outbox.resendConfirm', { code: r.dossierCode })}
                          description={t('exchange.outbox.resendConfirmDescription')}
                          okText={t('common.actions.confirm')}
                          cancelText={t('common.actions.cancel')}
                          onConfirm={() => resendRow(r)}
                        >
                          <Button
                            size="small"
                            icon={<RedoOutlined aria-hidden />}
                            loading={resend.isPending && resend.variables === r.id}
                            aria-label={t('exchange.outbox.resendOf', { code: r.dossierCode })}
                            data-testid={`resend-${r.id}`}
                          >
                            {t('exchange.outbox.resend')}
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
