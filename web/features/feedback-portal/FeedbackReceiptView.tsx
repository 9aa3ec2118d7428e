import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedbackReceipt } from '../../../contracts/feedback/feedback.contracts';
import { formatAppointment } from '../dossiers/dossiers.format';
import { FEEDBACK_PATHS } from './feedback-portal.api';

/**
 * What filing gives back: the code, the unit it went to and when the answer is due (in words, as a receipt writes it),
 * and — for a sender without an account — the secret key, shown this once, with the link to the sender's page.
 */
export function FeedbackReceiptView({ receipt, onAnother }: { receipt: FeedbackReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the citizen was in is gone: the focus moves to the outcome so keyboard and screen-reader users hear it.
  useEffect(() => heading.current?.focus(), []);
  const token = receipt.senderToken;
  const senderPath = FEEDBACK_PATHS.sender(receipt.code, token);
  const senderUrl = `${window.location.origin}${senderPath}`;

  return (
    <Flex vertical gap={16} data-testid="feedback-receipt">
      <Result
        status="success"
        style={{ padding: '16px 0' }}
        title={
          <h2 ref={heading} tabIndex={-1} style={{ fontSize: 22, margin: 0 }}>
            {t('feedbackPortal.receipt.title')}
          </h2>
        }
        subTitle={t('feedbackPortal.receipt.subtitle')}
      />
      <Card size="small">
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          colon={false}
          items={[
            {
              key: 'code',
              label: t('feedbackPortal.receipt.code'),
              children: (
                <Typography.Text strong copyable={{ text: receipt.code }} style={{ fontSize: 20 }}>
                  <span data-testid="feedback-code">{receipt.code}</span>
                </Typography.Text>
              ),
            },
            {
              key: 'unit',
              label: t('feedbackPortal.receipt.unit'),
              children: (
                <span className="wrap-anywhere" data-testid="feedback-unit">
                  {receipt.assignedUnit.name}
                </span>
              ),
            },
            { key: 'due', label: t('feedbackPortal.receipt.due'), children: <span data-testid="feedback-due">{formatAppointment(t, receipt.dueAt)}</span> },
            {
              key: 'publish',
              label: t('feedbackPortal.receipt.publication'),
              children: receipt.publish ? t('feedbackPortal.receipt.published') : t('feedbackPortal.receipt.private'),
            },
          ]}
        />
      </Card>
      {token ? (
        <Alert
          type="warning"
          showIcon
          data-testid="feedback-secret-box"
          title={<strong>{t('feedbackPortal.receipt.secretTitle')}</strong>}
          description={
            <Flex vertical gap={8}>
              <Typography.Text copyable={{ text: token }} style={{ fontSize: 18 }}>
                <code className="wrap-anywhere" data-testid="feedback-secret">
                  {token}
                </code>
              </Typography.Text>
              <Typography.Paragraph style={{ margin: 0 }}>{t('feedbackPortal.receipt.secretWarning')}</Typography.Paragraph>
              <Typography.Text>
                {t('feedbackPortal.receipt.linkLabel')}{' '}
                <Typography.Text copyable={{ text: senderUrl }} className="wrap-anywhere">
                  {senderUrl}
                </Typography.Text>
              </Typography.Text>
            </Flex>
          }
        />
      ) : (
        <Typography.Paragraph style={{ margin: 0 }}>{t('feedbackPortal.receipt.account')}</Typography.Paragraph>
      )}
      <Flex wrap gap={12} align="center">
        <Link to={senderPath} data-testid="feedback-sender-link" style={{ fontWeight: 600 }}>
          {t('feedbackPortal.receipt.open')}
        </Link>
        {token ? null : (
          <Link to={FEEDBACK_PATHS.mine} data-testid="feedback-mine-link">
            {t('feedbackPortal.mine.title')}
          </Link>
        )}
        <Button onClick={onAnother} data-testid="feedback-file-another">
          {t('feedbackPortal.receipt.another')}
        </Button>
      </Flex>
    </Flex>
  );
}
