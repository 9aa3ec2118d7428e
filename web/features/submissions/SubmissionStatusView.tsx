import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Typography } from 'antd';
import { FilePdfOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { LinkButton } from '../../ui/LinkButton';
import { PageTitle } from '../../ui/PageTitle';
import { formatAppointment, formatInstant } from '../dossiers/dossiers.format';
import { AnswersView } from './AnswersView';
import { CardHeading } from './CardHeading';
import { RequirementsList } from './RequirementsList';
import { SubmissionStateTag } from './SubmissionStateTag';
import { SubmissionTimeline } from './SubmissionTimeline';
import { SUBMISSION_PATHS } from './submission-form';
import { useWithdrawSubmission } from './submissions.api';
import type { SubmissionDetail } from './submissions.types';

/** A slip opened as PDF in a new tab. */
function SlipLink({ href, children, testId }: { href: string; children: string; testId?: string }) {
  return (
    <Button
      type="link"
      icon={<FilePdfOutlined />}
      href={href}
      target="_blank"
      rel="noopener"
      style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

/** The outcome at the top of the page: where the application stands and what happens next. */
function Outcome({ s }: { s: SubmissionDetail }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const withdraw = useWithdrawSubmission(s.id);
  const heading = (text: string) => <PageTitle style={{ margin: 0, fontSize: 24 }}>{text}</PageTitle>;
  const mine = (
    <LinkButton to={SUBMISSION_PATHS.mine} icon={<UnorderedListOutlined />}>
      {t('submissions.mine.title')}
    </LinkButton>
  );

  if (s.state === 'SUBMITTED') {
    return (
      <Card data-testid="submitted">
        <Result
          status="success"
          style={{ padding: '8px 0' }}
          title={heading(t('submissions.status.submittedTitle'))}
          subTitle={
            <Flex vertical gap={4} align="center">
              <span>{t('submissions.status.referenceLabel')}</span>
              <Typography.Title level={2} copyable style={{ margin: 0 }} data-testid="submission-reference">
                {s.reference}
              </Typography.Title>
              <span className="wrap-anywhere">{t('submissions.status.sentTo', { unit: s.receivingUnit.name, at: formatInstant(s.submittedAt) })}</span>
            </Flex>
          }
          extra={
            <Flex gap={8} wrap justify="center">
              {mine}
              {s.actions.withdraw ? (
                <Popconfirm
                  title={t('submissions.edit.withdrawConfirm')}
                  okText={t('submissions.edit.withdraw')}
                  cancelText={t('common.actions.cancel')}
                  onConfirm={() => withdraw.mutateAsync({ version: s.version }).catch((err: unknown) => showError(err))}
                >
                  <Button danger>{t('submissions.edit.withdraw')}</Button>
                </Popconfirm>
              ) : null}
            </Flex>
          }
        />
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('submissions.status.nextTitle')}
        </Typography.Title>
        <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid="next-steps">
          <li>{t('submissions.status.next1')}</li>
          <li>{t('submissions.status.next2')}</li>
          <li>{t('submissions.status.next3')}</li>
          <li>{t('submissions.status.next4')}</li>
        </ol>
      </Card>
    );
  }

  if (s.state === 'ACCEPTED' && s.dossier) {
    const d = s.dossier;
    return (
      <Card data-testid="accepted">
        <Result
          status="success"
          style={{ padding: '8px 0' }}
          title={heading(t('submissions.status.acceptedTitle'))}
          subTitle={
            <Flex vertical gap={4} align="center">
              <span>{t('submissions.status.dossierCode')}</span>
              <Typography.Title level={2} copyable style={{ margin: 0 }} data-testid="dossier-code">
                {d.code}
              </Typography.Title>
              <span>{t('submissions.status.appointment')}</span>
              <Typography.Text strong data-testid="appointment">
                {formatAppointment(t, d.effectiveDueAt)}
              </Typography.Text>
              <span>{t('submissions.status.dossierStatus', { status: d.statusText })}</span>
            </Flex>
          }
          extra={
            <Flex gap={8} wrap justify="center">
              <LinkButton to={`/tra-cuu/${encodeURIComponent(d.code)}`}>{t('submissions.status.track')}</LinkButton>
              {mine}
            </Flex>
          }
        />
        <Flex vertical align="flex-start">
          {d.slips.map((slip) => (
            <SlipLink key={slip.slip} href={slip.url} testId={`slip-${slip.slip}`}>
              {t(`submissions.slips.${slip.slip}`)}
            </SlipLink>
          ))}
        </Flex>
      </Card>
    );
  }

  if (s.state === 'REFUSED' && s.latestDecision) {
    const d = s.latestDecision;
    return (
      <Card data-testid="refused">
        <Result
          status="warning"
          style={{ padding: '8px 0' }}
          title={heading(t('submissions.status.refusedTitle'))}
          subTitle={t('submissions.status.slipNumber', { number: d.referenceNumber })}
          extra={mine}
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'reasons', label: t('submissions.status.reasons'), children: <span className="wrap-anywhere">{d.reasons}</span> },
            { key: 'at', label: t('submissions.status.decidedAt'), children: formatInstant(d.decidedAt) },
            {
              key: 'slip',
              label: t('submissions.status.slip'),
              children: (
                <SlipLink href={d.slipUrl} testId="refusal-slip">
                  {t('submissions.slips.refuse')}
                </SlipLink>
              ),
            },
          ]}
        />
      </Card>
    );
  }

  return (
    <Card data-testid="withdrawn">
      <Result status="info" style={{ padding: '8px 0' }} title={heading(t(`submissions.states.${s.state}`))} extra={mine} />
    </Card>
  );
}

/** An application the citizen no longer edits: its outcome, then what was submitted and its history. */
export function SubmissionStatusView({ detail: s }: { detail: SubmissionDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="submission-status">
      <Outcome s={s} />
      <Card title={<CardHeading>{t('submissions.status.summary')}</CardHeading>}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'procedure', label: t('submissions.fields.procedure'), span: { xs: 1, md: 2 }, children: <span className="wrap-anywhere">{s.procedure.name}</span> },
            {
              key: 'state',
              label: t('submissions.fields.state'),
              children: (
                <Space wrap>
                  <SubmissionStateTag state={s.state} />
                </Space>
              ),
            },
            { key: 'reference', label: t('submissions.fields.reference'), children: s.reference ?? '—' },
            { key: 'desk', label: t('submissions.fields.receivingUnit'), children: s.receivingUnit.name },
            { key: 'handling', label: t('submissions.fields.handlingUnit'), children: s.handlingUnit?.name ?? '—' },
          ]}
        />
      </Card>
      {s.eForm ? (
        <Card title={<CardHeading>{t('submissions.status.answers')}</CardHeading>}>
          <AnswersView definition={s.eForm} answers={s.answers} />
        </Card>
      ) : null}
      <Card title={<CardHeading>{t('submissions.edit.documents')}</CardHeading>}>
        <RequirementsList requirements={s.requirements} problems={[]} />
      </Card>
      <Card title={<CardHeading>{t('submissions.status.history')}</CardHeading>}>
        <SubmissionTimeline timeline={s.timeline} />
      </Card>
      {s.state === 'WITHDRAWN' ? <Alert type="info" showIcon title={t('submissions.status.withdrawnHint')} /> : null}
    </Flex>
  );
}
