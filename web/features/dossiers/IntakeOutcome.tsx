import { useEffect, useRef } from 'react';
import { Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { FileSearchOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../ui/LinkButton';
import { formatAppointment, formatInstant } from './dossiers.format';
import { intakeDecisionSlipUrl, slipUrl } from './dossiers.api';
import type { IntakeResponse } from './dossiers.types';
import { ProvisionalTag } from '../calendar/ProvisionalTag';

/**
 * What the desk sees after deciding: the dossier code and appointment with "Print receipt" focused (Enter prints),
 * or the slip number of a guide / refusal with its slip.
 */
export function IntakeOutcome({ outcome, onNew }: { outcome: IntakeResponse; onNew: () => void }) {
  const { t } = useTranslation();
  const printRef = useRef<HTMLAnchorElement & HTMLButtonElement>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, [outcome]);

  const newButton = (
    <Button size="large" icon={<PlusOutlined />} onClick={onNew} data-testid="intake-new">
      {t('dossiers.intake.newIntake')}
    </Button>
  );

  if (outcome.decision === 'accept') {
    const d = outcome.dossier;
    return (
      <Card data-testid="intake-accepted">
        <Result
          status="success"
          style={{ padding: '8px 0 16px' }}
          title={t(d.state === 'RETURNED' ? 'dossiers.intake.returnedNowTitle' : 'dossiers.intake.acceptedTitle')}
          subTitle={
            <Flex vertical gap={4} align="center">
              <Typography.Text>{t('dossiers.intake.codeLabel')}</Typography.Text>
              <Typography.Title level={2} copyable style={{ margin: 0 }} data-testid="dossier-code">
                {d.code}
              </Typography.Title>
              <Typography.Text>{t('dossiers.intake.appointmentLabel')}</Typography.Text>
              <span>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="appointment">
                  {formatAppointment(t, d.dueAt)}
                </Typography.Text>
                {d.dueProvisional ? <ProvisionalTag due={d.effectiveDueAt} /> : null}
              </span>
            </Flex>
          }
          extra={
            <Flex gap={8} wrap justify="center">
              <Button
                ref={printRef}
                type="primary"
                size="large"
                icon={<PrinterOutlined />}
                href={slipUrl(d.id, 'receipt')}
                target="_blank"
                rel="noopener"
                data-testid="print-receipt"
              >
                {t('dossiers.intake.printReceipt')}
              </Button>
              <LinkButton to={`/admin/dossiers/${d.id}`} size="large" icon={<FileSearchOutlined />}>
                {t('dossiers.intake.openDossier')}
              </LinkButton>
              {newButton}
            </Flex>
          }
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          bordered
          styles={{ label: { width: 180 } }}
          items={[
            { key: 'procedure', label: t('dossiers.fields.procedure'), span: { xs: 1, md: 2 }, children: <span className="wrap-anywhere">{d.procedure.name}</span> },
            { key: 'applicant', label: t('dossiers.fields.applicant'), children: `${d.applicant.name} (${d.applicant.idNumber})` },
            { key: 'received', label: t('dossiers.fields.receivedAt'), children: formatInstant(d.receivedAt) },
            { key: 'receiving', label: t('dossiers.fields.receivingUnit'), children: d.receivingUnit.name },
            { key: 'handling', label: t('dossiers.fields.handlingUnit'), children: d.handlingUnit.name },
            { key: 'book', label: t('dossiers.fields.book'), children: t('dossiers.fields.bookValue', { number: d.book.number, seq: d.book.seq }) },
          ]}
        />
      </Card>
    );
  }

  const decision = outcome.intakeDecision;
  const guide = decision.kind === 'guide';
  return (
    <Card data-testid="intake-decided">
      <Result
        status={guide ? 'info' : 'warning'}
        style={{ padding: '8px 0 16px' }}
        title={guide ? t('dossiers.intake.guidedTitle') : t('dossiers.intake.refusedTitle')}
        subTitle={t('dossiers.intake.slipNumber', { number: decision.referenceNumber })}
        extra={
          <Flex gap={8} wrap justify="center">
            <Button
              ref={printRef}
              type="primary"
              size="large"
              icon={<PrinterOutlined />}
              href={intakeDecisionSlipUrl(decision.id)}
              target="_blank"
              rel="noopener"
              data-testid="print-decision"
            >
              {guide ? t('dossiers.intake.printGuide') : t('dossiers.intake.printRefusal')}
            </Button>
            {newButton}
          </Flex>
        }
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'procedure', label: t('dossiers.fields.procedure'), children: <span className="wrap-anywhere">{decision.procedure.name}</span> },
          { key: 'applicant', label: t('dossiers.fields.applicant'), children: `${decision.applicant.name} (${decision.applicant.idNumber})` },
          ...(guide
            ? [
                {
                  key: 'missing',
                  label: t('dossiers.intake.missingItems'),
                  children: (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {decision.missingItems.map((m, i) => (
                        <li key={i} className="wrap-anywhere">
                          {m}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: 'reasons',
            label: guide ? t('dossiers.intake.guideReason') : t('dossiers.intake.refuseReasons'),
            children: <span className="wrap-anywhere">{decision.reasons}</span>,
          },
          { key: 'decided', label: t('dossiers.intake.decidedAt'), children: formatInstant(decision.decidedAt) },
        ]}
      />
    </Card>
  );
}
