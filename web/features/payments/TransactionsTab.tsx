import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { toIsoDate } from '../../ui/dates';
import { useClearable } from '../../ui/useClearable';
import { usePaging } from '../../ui/usePaging';
import { formatInstant } from '../dossiers/dossiers.format';
import { financeReceiptUrl, useFinanceTransactions, useQueryTransaction } from './payments.api';
import { formatVnd } from './payments.format';
import { PaymentStateTag } from './PaymentStateTag';
import { PAYMENT_APPLIED_OUTCOMES, PAYMENT_TRANSACTION_STATES, type FinanceTransaction, type PaymentTransactionState } from './payments.types';

const mono = { fontFamily: 'Consolas, "Liberation Mono", Menlo, monospace', fontSize: 13 } as const;

/** The attempts of the units the finance officer covers: filters, state, settlement, receipts, and asking the gateway. */
export function TransactionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const clearable = useClearable();
  const [q, setQ] = useState('');
  const [state, setState] = useState<PaymentTransactionState | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { page, pageSize, restart, pagination } = usePaging();
  const { data, isFetching } = useFinanceTransactions({ q: q || undefined, state, from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]), page, pageSize });
  const ask = useQueryTransaction();

  const askGateway = (txnRef: string) =>
    ask.mutate(txnRef, {
      onSuccess: (txn) => void message.success(t('payments.transactions.asked', { ref: txn.txnRef, state: t(`payments.state.${txn.state}`) })),
      onError: (err) => showError(err),
    });
  const applied = (v: string | null) => (v === null ? '—' : (PAYMENT_APPLIED_OUTCOMES as readonly string[]).includes(v) ? t(`payments.appliedOutcome.${v}`) : v);

  return (
    <Card size="small">
      <Flex wrap gap={8} style={{ marginBottom: 12 }} align="center">
        <Input.Search
          allowClear={clearable}
          placeholder={t('payments.transactions.searchPlaceholder')}
          aria-label={t('payments.transactions.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim());
            restart();
          }}
          style={{ maxWidth: 360 }}
          data-testid="payments-search"
        />
        <Select<PaymentTransactionState>
          allowClear
          placeholder={t('payments.transactions.allStates')}
          aria-label={t('payments.transactions.state')}
          value={state}
          onChange={(v) => {
            setState(v);
            restart();
          }}
          options={PAYMENT_TRANSACTION_STATES.map((s) => ({ value: s, label: t(`payments.state.${s}`) }))}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="payments-state-filter"
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          value={range}
          onChange={(v) => {
            setRange(v);
            restart();
          }}
          allowEmpty={[true, true]}
          aria-label={t('payments.transactions.period')}
          placeholder={[t('payments.transactions.from'), t('payments.transactions.to')]}
          style={{ maxWidth: '100%' }}
          data-testid="payments-period"
        />
      </Flex>
      <Table<FinanceTransaction>
        rowKey="txnRef"
        size="middle"
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        scroll={{ x: 1150 }}
        pagination={pagination(data?.total ?? 0)}
        data-testid="payments-transactions"
        columns={[
          {
            title: t('payments.transactions.txnRef'),
            dataIndex: 'txnRef',
            width: 150,
            render: (v: string, r) => (
              <div className="wrap-anywhere">
                <span style={mono}>{v}</span>
                {r.gatewayTxnNo ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('payments.transactions.gatewayNo', { number: r.gatewayTxnNo })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          {
            title: t('payments.transactions.dossier'),
            width: 190,
            render: (_, r) => (
              <div className="wrap-anywhere">
                {r.dossierCode}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.unit.name}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('payments.transactions.amount'), dataIndex: 'amountVnd', width: 110, align: 'right', render: (v: number) => formatVnd(t, v) },
          {
            title: t('payments.transactions.state'),
            width: 165,
            render: (_, r) => (
              <Flex vertical gap={4} align="flex-start">
                <PaymentStateTag state={r.state} />
                {r.overpaid ? (
                  <Tag color="orange" icon={<WarningOutlined aria-hidden />} style={{ whiteSpace: 'normal' }} data-testid={`overpaid-${r.txnRef}`}>
                    {t('payments.transactions.overpaid')}
                  </Tag>
                ) : null}
              </Flex>
            ),
          },
          { title: t('payments.transactions.createdAt'), dataIndex: 'createdAt', width: 120, render: (v: string) => formatInstant(v) },
          {
            title: t('payments.transactions.settled'),
            width: 130,
            render: (_, r) =>
              r.settledAt ? (
                <div>
                  {formatInstant(r.settledAt)}
                  {r.settledVia ? (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('payments.transactions.via', { via: t(`payments.settledVia.${r.settledVia}`) })}
                      </Typography.Text>
                    </div>
                  ) : null}
                </div>
              ) : (
                '—'
              ),
          },
          { title: t('payments.transactions.applied'), dataIndex: 'appliedOutcome', width: 150, render: (v: string | null) => <span className="wrap-anywhere">{applied(v)}</span> },
          {
            title: t('common.table.actions'),
            width: 160,
            render: (_, r) => (
              <Flex vertical gap={4} align="flex-start">
                {r.receiptNo ? (
                  <Typography.Text className="wrap-anywhere" style={{ fontSize: 12 }}>
                    {t('payments.transactions.receiptNo', { number: r.receiptNo })}
                  </Typography.Text>
                ) : null}
                {r.state === 'succeeded' ? (
                  <Button
                    type="link"
                    icon={<FilePdfOutlined aria-hidden />}
                    href={financeReceiptUrl(r.txnRef)}
                    download
                    style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                    aria-label={t('payments.transactions.receiptOf', { ref: r.txnRef })}
                    data-testid={`finance-receipt-${r.txnRef}`}
                  >
                    {t('payments.transactions.receipt')}
                  </Button>
                ) : null}
                {r.state === 'pending' ? (
                  <Button
                    size="small"
                    icon={<SyncOutlined aria-hidden />}
                    loading={ask.isPending && ask.variables === r.txnRef}
                    onClick={() => askGateway(r.txnRef)}
                    aria-label={t('payments.transactions.askOf', { ref: r.txnRef })}
                    data-testid={`query-${r.txnRef}`}
                  >
                    {t('payments.transactions.ask')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
