import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { ClockCircleOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { myDossierKeys } from '../my-dossiers/my-dossiers.api';
import { citizenReceiptUrl, usePaymentReturn } from './payments.api';
import { failureReason, formatVnd, returnPhase, type ReturnPhase } from './payments.format';
import { PaymentStateTag } from './PaymentStateTag';
import type { PaymentReturnView } from './payments.types';

/** How long the page keeps asking while the gateway's notification is awaited. */
export const RETURN_POLL_LIMIT_MS = 60_000;

const titleStyle = { fontSize: 20, margin: 0 } as const;

/** The outcome's heading, which states it in words (`data-state` gives the phase to tests). */
function Title({ phase, children }: { phase: ReturnPhase | 'invalid'; children: string }) {
  return (
    <h2 style={titleStyle} data-testid="payment-state" data-state={phase}>
      {children}
    </h2>
  );
}

/** The attempt's facts under the outcome: amount, dossier, receipt, reference and its recorded state. */
function Facts({ view }: { view: PaymentReturnView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ maxWidth: 520, width: '100%', margin: '0 auto' }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'amount', label: t('payments.return.amount'), children: formatVnd(t, view.amountVnd) },
          { key: 'dossier', label: t('payments.return.dossierCode'), children: <span className="wrap-anywhere">{view.dossierCode}</span> },
          ...(view.receiptNo ? [{ key: 'receipt', label: t('payments.return.receiptNo'), children: <span className="wrap-anywhere">{view.receiptNo}</span> }] : []),
          { key: 'txn', label: t('payments.return.txnRef'), children: <span className="wrap-anywhere">{view.txnRef}</span> },
          { key: 'state', label: t('payments.return.state'), children: <PaymentStateTag state={view.state} /> },
        ]}
      />
    </Card>
  );
}

function Outcome({
  view,
  phase,
  timedOut,
  responseCode,
  onCheck,
  checking,
}: {
  view: PaymentReturnView;
  phase: ReturnPhase;
  timedOut: boolean;
  responseCode: string | null;
  onCheck: () => void;
  checking: boolean;
}) {
  const { t } = useTranslation();
  const toDossier = `/ho-so-cua-toi/${view.dossierId}`;
  if (phase === 'succeeded') {
    return (
      <Result
        status="success"
        title={<Title phase="succeeded">{t('payments.return.succeeded')}</Title>}
        subTitle={t('payments.return.succeededText')}
        extra={[
          <LinkButton key="dossier" type="primary" to={toDossier} data-testid="payment-return-dossier">
            {t('payments.return.toDossier')}
          </LinkButton>,
          <Button key="receipt" icon={<FilePdfOutlined aria-hidden />} href={citizenReceiptUrl(view.dossierId, view.txnRef)} download data-testid="payment-return-receipt">
            {t('payments.return.receipt')}
          </Button>,
        ]}
        data-testid="payment-return-result"
      />
    );
  }
  if (phase === 'waiting') {
    return (
      <Result
        status="info"
        icon={timedOut ? <ClockCircleOutlined aria-hidden /> : <Spin size="large" aria-hidden />}
        title={<Title phase="waiting">{t('payments.return.waiting')}</Title>}
        subTitle={timedOut ? t('payments.return.waitingLong') : t('payments.return.waitingText')}
        extra={
          timedOut
            ? [
                <LinkButton key="dossier" type="primary" to={toDossier} data-testid="payment-return-dossier">
                  {t('payments.return.toDossier')}
                </LinkButton>,
                <Button key="check" onClick={onCheck} loading={checking} data-testid="payment-return-check">
                  {t('payments.return.checkAgain')}
                </Button>,
              ]
            : undefined
        }
        data-testid="payment-return-result"
      />
    );
  }
  return (
    <Result
      status="warning"
      title={<Title phase="failed">{t('payments.return.failed')}</Title>}
      subTitle={
        <>
          <span data-testid="payment-return-reason">{failureReason(t, responseCode, view.state === 'pending' ? undefined : view.state)}</span> {t('payments.return.failedText')}
        </>
      }
      extra={[
        <LinkButton key="dossier" type="primary" to={toDossier} data-testid="payment-return-dossier">
          {t('payments.return.payAgain')}
        </LinkButton>,
      ]}
      data-testid="payment-return-result"
    />
  );
}

/**
 * `/thanh-toan/ket-qua?vnp_…`: where the payment gateway sends the payer back. Reads the attempt as recorded (the
 * return itself settles nothing) and, while the gateway's notification is awaited, asks again every 2 s for a minute.
 */
export function PaymentReturnPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [search] = useState(() => window.location.search);
  const [timedOut, setTimedOut] = useState(false);
  const query = usePaymentReturn(search, !timedOut);
  const view = query.data;
  const phase = view ? returnPhase(view) : null;
  const waiting = phase === 'waiting';

  useEffect(() => {
    if (!waiting || timedOut) return;
    const id = window.setTimeout(() => setTimedOut(true), RETURN_POLL_LIMIT_MS);
    return () => window.clearTimeout(id);
  }, [waiting, timedOut]);

  // Settled: the dossier and its payments changed (its clock resumes), so any copy of them is out of date.
  const dossierId = view?.dossierId;
  useEffect(() => {
    if (dossierId && phase !== null && phase !== 'waiting') void client.invalidateQueries({ queryKey: myDossierKeys.detail(dossierId) });
  }, [client, dossierId, phase]);

  const responseCode = new URLSearchParams(search).get('vnp_ResponseCode');
  let body;
  if (search.length <= 1 || (query.error instanceof ApiError && query.error.status === 400)) {
    body = (
      <Result
        status="error"
        title={<Title phase="invalid">{t('payments.return.invalid')}</Title>}
        subTitle={query.error?.message ?? t('payments.return.invalidText')}
        extra={[
          <LinkButton key="mine" type="primary" to="/ho-so-cua-toi">
            {t('payments.return.toMyDossiers')}
          </LinkButton>,
        ]}
        data-testid="payment-return-result"
      />
    );
  } else if (query.isPending) {
    body = (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" aria-label={t('payments.return.loading')} />
      </Flex>
    );
  } else if (query.isError) {
    body = (
      <Result
        status="warning"
        title={<h2 style={titleStyle}>{t('payments.return.loadFailed')}</h2>}
        subTitle={query.error.message}
        extra={[
          <Button key="retry" type="primary" onClick={() => void query.refetch()}>
            {t('payments.return.checkAgain')}
          </Button>,
        ]}
        data-testid="payment-return-result"
      />
    );
  } else {
    body = (
      <Flex vertical gap={16}>
        <Outcome view={query.data} phase={phase!} timedOut={timedOut} responseCode={responseCode} checking={query.isFetching} onCheck={() => void query.refetch()} />
        <Facts view={query.data} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <PageTitle>{t('payments.return.title')}</PageTitle>
      {/* A polite live region: the outcome is read out when it changes from waiting to paid (WCAG 4.1.3). */}
      <div role="status" aria-live="polite">
        {body}
      </div>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('payments.return.note')}
      </Typography.Text>
    </Flex>
  );
}
