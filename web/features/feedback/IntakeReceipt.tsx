import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../ui/LinkButton';
import { formatAppointment, formatInstant } from '../dossiers/dossiers.format';
import { FEEDBACK_PATHS, type FeedbackReceipt } from './feedback.types';

/**
 * What intake gave the item: its code, the unit it went to and the instant its answer is due, and — for a sender
 * without an account — the secret that lets them follow, reply and rate. The server shows the secret this once (it
 * keeps only a hash), so the officer hands it over now, with the address of the sender's page.
 */
export function IntakeReceipt({ receipt, onAnother }: { receipt: FeedbackReceipt; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form is gone: move focus to what replaced it so screen readers announce the outcome (WCAG 2.4.3).
  useEffect(() => heading.current?.focus(), []);
  const senderLink = receipt.senderToken ? `${window.location.origin}${FEEDBACK_PATHS.sender(receipt.code, receipt.senderToken)}` : null;

  return (
    <Card data-testid="feedback-receipt">
      <Result
        status="success"
        style={{ padding: '8px 0' }}
        title={
          <h2 ref={heading} tabIndex={-1} style={{ fontSize: 22, margin: 0 }}>
            {t('feedback.receipt.title')}
          </h2>
        }
        subTitle={t('feedback.receipt.subtitle')}
      />
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'code',
            label: t('feedback.fields.code'),
            children: (
              <Typography.Text strong copyable style={{ fontSize: 18 }} data-testid="feedback-receipt-code">
                {receipt.code}
              </Typography.Text>
            ),
          },
          { key: 'unit', label: t('feedback.fields.assignedUnit'), children: <span data-testid="feedback-receipt-unit">{receipt.assignedUnit.name}</span> },
          { key: 'channel', label: t('feedback.fields.channel'), children: t(`feedback.channels.${receipt.channel}`) },
          { key: 'received', label: t('feedback.fields.receivedAt'), children: formatInstant(receipt.receivedAt) },
          { key: 'due', label: t('feedback.fields.dueAt'), children: <span data-testid="feedback-receipt-due">{formatAppointment(t, receipt.dueAt)}</span> },
          { key: 'publish', label: t('feedback.fields.publish'), children: receipt.publish ? t('feedback.publish.yes') : t('feedback.publish.no') },
        ]}
      />
      {receipt.senderToken ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('feedback.receipt.tokenTitle')}
          description={
            <Flex vertical gap={8}>
              <span>{t('feedback.receipt.tokenText')}</span>
              <Typography.Text code copyable className="wrap-anywhere" data-testid="feedback-receipt-token">
                {receipt.senderToken}
              </Typography.Text>
              <span>{t('feedback.receipt.senderLink')}</span>
              <Typography.Text copyable className="wrap-anywhere" data-testid="feedback-receipt-link">
                {senderLink}
              </Typography.Text>
            </Flex>
          }
          data-testid="feedback-receipt-secret"
        />
      ) : null}
      <Flex gap={8} wrap justify="center" style={{ marginTop: 16 }}>
        <LinkButton to={FEEDBACK_PATHS.one(receipt.id)} type="primary" icon={<FileSearchOutlined aria-hidden />} data-testid="feedback-receipt-open">
          {t('feedback.receipt.open')}
        </LinkButton>
        <Button icon={<PlusOutlined aria-hidden />} onClick={onAnother} data-testid="feedback-receipt-another">
          {t('feedback.receipt.another')}
        </Button>
        <LinkButton to={FEEDBACK_PATHS.queue}>{t('feedback.receipt.backToQueue')}</LinkButton>
      </Flex>
    </Card>
  );
}
