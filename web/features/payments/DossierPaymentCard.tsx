import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { CreditCardOutlined, FilePdfOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { formatInstant } from '../dossiers/dossiers.format';
import { myDossierKeys } from '../my-dossiers/my-dossiers.api';
import { citizenReceiptUrl, useDossierPayments, useStartPayment } from './payments.api';
import { failureReason, formatVnd } from './payments.format';
import { PaymentStateTag } from './PaymentStateTag';
import type { DossierPayments, PaymentAttempt } from './payments.types';

const headingStyle = { fontSize: 16, margin: 0 } as const;
const itemStyle = { padding: '8px 0', borderTop: '1px solid #f0f0f0' } as const;

/** What the dossier owes now: amount, reason, when it was asked, and the way to pay it online (or why not). */
function DueSection({ payments }: { payments: DossierPayments }) {
  const { t, i18n } = useTranslation();
  const showError = useApiError();
  const start = useStartPayment(payments.dossierId);
  const due = payments.due!;
  const pay = () =>
    start.mutate(i18n.language === 'en' ? 'en' : 'vi', {
      // The gateway's page: leaving the app is the point, so a full navigation.
      onSuccess: (res) => window.location.assign(res.paymentUrl),
      onError: (err) => showError(err),
    });
  return (
    <Flex vertical gap={12} data-testid="payment-due">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'amount',
            label: t('payments.card.amount'),
            children:
              due.amountVnd === null ? (
                t('payments.card.amountUnknown')
              ) : (
                <Typography.Text strong data-testid="payment-due-amount">
                  {formatVnd(t, due.amountVnd)}
                </Typography.Text>
              ),
          },
          { key: 'reason', label: t('payments.card.reason'), children: <span className="wrap-anywhere">{due.reason ?? t('payments.card.reasonDefault')}</span> },
          { key: 'requested', label: t('payments.card.requestedAt'), children: formatInstant(due.requestedAt) },
        ]}
      />
      {due.payableOnline ? (
        <Flex vertical gap={6} align="flex-start">
          <Button type="primary" icon={<CreditCardOutlined aria-hidden />} loading={start.isPending || start.isSuccess} onClick={pay} data-testid="pay-online">
            {t('payments.card.pay')}
          </Button>
          <Typography.Text type="secondary">{t('payments.card.payHint')}</Typography.Text>
        </Flex>
      ) : (
        <Alert type="info" showIcon title={due.amountVnd === null ? t('payments.card.noAmount') : t('payments.card.beingApplied')} data-testid="payment-not-payable" />
      )}
    </Flex>
  );
}

/** One attempt: its state, amount, when, and for a paid one the receipt number and the receipt to download. */
function AttemptItem({ dossierId, attempt: a, description }: { dossierId: string; attempt: PaymentAttempt; description: string | null }) {
  const { t } = useTranslation();
  return (
    <li data-testid={`payment-attempt-${a.txnRef}`} style={itemStyle}>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex wrap gap={8} align="center">
          <PaymentStateTag state={a.state} />
          <Typography.Text strong>{formatVnd(t, a.amountVnd)}</Typography.Text>
          {a.overpaid ? (
            <Tag color="orange" icon={<WarningOutlined aria-hidden />} style={{ whiteSpace: 'normal' }}>
              {t('payments.card.overpaid')}
            </Tag>
          ) : null}
        </Flex>
        {description ? <Typography.Text className="wrap-anywhere">{description}</Typography.Text> : null}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {a.settledAt ? t('payments.card.settledAt', { at: formatInstant(a.settledAt) }) : t('payments.card.startedAt', { at: formatInstant(a.createdAt) })}
          {' · '}
          {t('payments.card.txnRef', { ref: a.txnRef })}
        </Typography.Text>
        {a.state === 'failed' || a.state === 'cancelled' || a.state === 'expired' ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {failureReason(t, a.responseCode, a.state)}
          </Typography.Text>
        ) : null}
        {a.state === 'succeeded' ? (
          <Flex wrap gap={8} align="center">
            {a.receiptNo ? <Typography.Text className="wrap-anywhere">{t('payments.card.receiptNo', { number: a.receiptNo })}</Typography.Text> : null}
            <Button
              type="link"
              icon={<FilePdfOutlined aria-hidden />}
              href={citizenReceiptUrl(dossierId, a.txnRef)}
              download
              style={{ paddingInline: 0, height: 'auto' }}
              data-testid={`receipt-${a.txnRef}`}
            >
              {t('payments.card.receipt')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </li>
  );
}

/**
 * The fee or financial obligation on the applicant's dossier page: what is due now and paying it online (issue 13),
 * then every payment made with its receipt. Nothing when the dossier never awaited a payment.
 */
export function DossierPaymentCard({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data } = useDossierPayments(dossierId, true);
  const attempts = (data?.requests ?? [])
    .flatMap((r) => r.attempts.map((a) => ({ attempt: a, description: data!.requests.length > 1 ? r.description : null })))
    .sort((x, y) => y.attempt.createdAt.localeCompare(x.attempt.createdAt));

  // A payment settled while the page is open changes the dossier too (its clock resumes): refresh the dossier then.
  const settled = data ? `${data.due ? 'due' : 'none'}:${attempts.filter((a) => a.attempt.state !== 'pending').length}` : null;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (settled === null) return;
    if (seen.current !== null && seen.current !== settled) void client.invalidateQueries({ queryKey: myDossierKeys.detail(dossierId), exact: true });
    seen.current = settled;
  }, [settled, client, dossierId]);

  if (!data || (!data.due && attempts.length === 0)) return null;
  return (
    <Card size="small" title={<h2 style={headingStyle}>{t('payments.card.title')}</h2>} data-testid="dossier-payment-card">
      <Flex vertical gap={12}>
        {data.due ? <DueSection payments={data} /> : null}
        {attempts.length > 0 ? (
          <section aria-labelledby="payment-history-heading">
            <h3 id="payment-history-heading" style={{ fontSize: 14, margin: '0 0 4px' }}>
              {t('payments.card.history')}
            </h3>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="payment-history">
              {attempts.map((a) => (
                <AttemptItem key={a.attempt.txnRef} dossierId={dossierId} attempt={a.attempt} description={a.description} />
              ))}
            </ul>
          </section>
        ) : null}
      </Flex>
    </Card>
  );
}
