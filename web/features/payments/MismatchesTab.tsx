import { useState } from 'react';
import { Button, Card, Flex, Switch, Table, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/dates';
import { usePaging } from '../../ui/usePaging';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMismatches } from './payments.api';
import { formatVnd } from './payments.format';
import { PAYMENT_TRANSACTION_STATES, type MismatchView } from './payments.types';
import { ResolveMismatchModal } from './ResolveMismatchModal';

const mono = { fontFamily: 'Consolas, "Liberation Mono", Menlo, monospace', fontSize: 13 } as const;

/** Differences the statements showed against the records, open first; each is resolved with a note of what was done. */
export function MismatchesTab() {
  const { t } = useTranslation();
  const [resolved, setResolved] = useState(false);
  const [resolving, setResolving] = useState<MismatchView | null>(null);
  const { page, pageSize, filtered, pagination } = usePaging();
  const { data, isFetching } = useMismatches({ open: !resolved, page, pageSize });
  const amount = (v: number | null) => (v === null ? '—' : formatVnd(t, v));
  const recordState = (v: string | null) => (v === null ? '—' : (PAYMENT_TRANSACTION_STATES as readonly string[]).includes(v) ? t(`payments.state.${v}`) : v);

  return (
    <Card size="small">
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Switch checked={resolved} onChange={filtered(setResolved)} aria-labelledby="mismatches-resolved-label" data-testid="mismatches-resolved" />
        <span id="mismatches-resolved-label">{t('payments.mismatches.showResolved')}</span>
      </Flex>
      <Table<MismatchView>
        rowKey="id"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={pagination(data?.total ?? 0)}
        locale={{ emptyText: resolved ? t('payments.mismatches.noneResolved') : t('payments.mismatches.noneOpen') }}
        data-testid="payments-mismatches"
        columns={[
          { title: t('payments.mismatches.day'), dataIndex: 'day', width: 110, render: (v: string) => formatDate(v) },
          {
            title: t('payments.mismatches.kind'),
            dataIndex: 'kind',
            width: 220,
            render: (v: MismatchView['kind']) => <span className="wrap-anywhere">{t(`payments.mismatchKind.${v}`)}</span>,
          },
          {
            title: t('payments.mismatches.txnRef'),
            width: 190,
            render: (_, m) => (
              <div className="wrap-anywhere">
                <span style={mono}>{m.txnRef}</span>
                {m.unit ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.unit.name}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          {
            title: t('payments.mismatches.records'),
            width: 170,
            render: (_, m) => (
              <div>
                <div>{amount(m.recordAmountVnd)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {recordState(m.recordState)}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('payments.mismatches.statement'),
            width: 170,
            render: (_, m) => (
              <div>
                <div>{amount(m.statementAmountVnd)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="wrap-anywhere">
                  {m.statementStatus ?? '—'}
                </Typography.Text>
              </div>
            ),
          },
          resolved
            ? {
                title: t('payments.mismatches.resolution'),
                render: (_, m) => (
                  <div className="wrap-anywhere">
                    <div style={{ whiteSpace: 'pre-line' }}>{m.resolution}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(m.resolvedAt)}
                    </Typography.Text>
                  </div>
                ),
              }
            : {
                title: t('common.table.actions'),
                width: 150,
                render: (_, m) => (
                  <Button
                    size="small"
                    icon={<CheckOutlined aria-hidden />}
                    onClick={() => setResolving(m)}
                    aria-label={t('payments.mismatches.resolveOf', { ref: m.txnRef })}
                    data-testid={`resolve-${m.txnRef}`}
                  >
                    {t('payments.mismatches.resolve')}
                  </Button>
                ),
              },
        ]}
      />
      <ResolveMismatchModal mismatch={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
