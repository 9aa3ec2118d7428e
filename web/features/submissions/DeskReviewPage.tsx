import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined, FilePdfOutlined, FileSearchOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { LinkButton } from '../../ui/LinkButton';
import { PageHeader } from '../../ui/PageHeader';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePublicProcedure } from '../catalog/catalog.api';
import { DURATION_UNITS, type DurationUnit, type FeeExemption, type PublicProcedure } from '../catalog/catalog.types';
import { formatVnd } from '../catalog/format';
import { IntakeDecisionModal } from '../dossiers/IntakeDecisionModal';
import { formatAppointment, formatInstant, lines } from '../dossiers/dossiers.format';
import { needsDuration, type IntakeDecisionValues } from '../dossiers/intake-form';
import { AnswersView } from './AnswersView';
import { CardHeading } from './CardHeading';
import { FileLink } from './FileLink';
import { NationalOriginTag } from './NationalOriginTag';
import { RequirementsList } from './RequirementsList';
import { SubmissionStateTag } from './SubmissionStateTag';
import { SubmissionTimeline } from './SubmissionTimeline';
import { feeAfterExemption, onlineFee } from './fee-exemption';
import { DESK_PATHS } from './submission-form';
import { useDeskDecision, useDeskSubmission } from './submissions.api';
import type { SubmissionDetail } from './submissions.types';

interface AcceptValues {
  handlingUnitId?: string;
  duration?: { amount?: number | null; unit?: DurationUnit };
  /** The key of the fee exemption the applicant proved entitled to; none chosen ⇒ the full fee. */
  feeExemption?: string | null;
  note?: string;
}

/** The label of an exemption in the desk's list: "Hộ nghèo — miễn phí, lệ phí" / "Người cao tuổi — giảm 50%". */
function exemptionLabel(t: TFunction, e: FeeExemption): string {
  return e.percent >= 100
    ? t('submissions.desk.feeExemptionExempt', { subject: e.subject })
    : t('submissions.desk.feeExemptionReduced', { subject: e.subject, percent: e.percent });
}

/**
 * What the applicant will be asked to pay online once received (the fee due before processing): the online channel's
 * fee, less the chosen exemption's share.
 */
function OnlineFeeLine({ procedure, exemption }: { procedure: PublicProcedure; exemption: FeeExemption | undefined }) {
  const { t } = useTranslation();
  const fee = onlineFee(procedure.fees);
  let text: string;
  if (fee === null) text = t('submissions.desk.feeOnlineUnknown');
  else if (fee === 0) text = t('submissions.desk.feeOnlineNone');
  else if (!exemption) text = t('submissions.desk.feeOnline', { amount: formatVnd(t, fee) });
  else {
    const due = feeAfterExemption(fee, exemption.percent);
    text =
      due === 0
        ? t('submissions.desk.feeOnlineExempt', { full: formatVnd(t, fee) })
        : t('submissions.desk.feeOnlineReduced', { amount: formatVnd(t, due), full: formatVnd(t, fee), percent: exemption.percent });
  }
  return <Typography.Paragraph data-testid="desk-fee-online">{text}</Typography.Paragraph>;
}

/** What the desk decided, with what it issued: the dossier code and appointment, or the Mẫu 02 / Mẫu 03 slip. */
function DeskOutcome({ s }: { s: SubmissionDetail }) {
  const { t } = useTranslation();
  if (s.state === 'ACCEPTED' && s.dossier) {
    const d = s.dossier;
    const receipt = d.slips.find((x) => x.slip === 'receipt');
    return (
      <Card data-testid="desk-accepted">
        <Result
          status="success"
          style={{ padding: '8px 0' }}
          title={t('submissions.desk.acceptedTitle')}
          subTitle={
            <Flex vertical gap={4} align="center">
              <span>{t('submissions.status.dossierCode')}</span>
              <Typography.Title level={2} copyable style={{ margin: 0 }} data-testid="dossier-code">
                {d.code}
              </Typography.Title>
              <span>{t('submissions.status.appointment')}</span>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="appointment">
                {formatAppointment(t, d.dueAt)}
              </Typography.Text>
            </Flex>
          }
          extra={
            <Flex gap={8} wrap justify="center">
              {receipt ? (
                <Button type="primary" icon={<FilePdfOutlined />} href={receipt.url} target="_blank" rel="noopener" data-testid="desk-receipt">
                  {t('submissions.slips.receipt')}
                </Button>
              ) : null}
              <LinkButton to={`/admin/dossiers/${d.id}`} icon={<FileSearchOutlined />} data-testid="open-dossier">
                {t('submissions.desk.openDossier')}
              </LinkButton>
              <LinkButton to={DESK_PATHS.queue}>{t('submissions.desk.backToQueue')}</LinkButton>
            </Flex>
          }
        />
      </Card>
    );
  }
  const decision = s.latestDecision;
  if ((s.state === 'GUIDED' || s.state === 'REFUSED') && decision) {
    const guide = decision.kind === 'guide';
    return (
      <Card data-testid={guide ? 'desk-guided' : 'desk-refused'}>
        <Result
          status={guide ? 'info' : 'warning'}
          style={{ padding: '8px 0' }}
          title={guide ? t('submissions.desk.guidedTitle') : t('submissions.desk.refusedTitle')}
          subTitle={t('submissions.status.slipNumber', { number: decision.referenceNumber })}
          extra={
            <Flex gap={8} wrap justify="center">
              <Button type="primary" icon={<FilePdfOutlined />} href={decision.slipUrl} target="_blank" rel="noopener" data-testid="desk-decision-slip">
                {guide ? t('submissions.slips.guide') : t('submissions.slips.refuse')}
              </Button>
              <LinkButton to={DESK_PATHS.queue}>{t('submissions.desk.backToQueue')}</LinkButton>
            </Flex>
          }
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            ...(decision.missingItems.length > 0
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
            { key: 'reasons', label: t('submissions.status.reasons'), children: <span className="wrap-anywhere">{decision.reasons}</span> },
            { key: 'at', label: t('submissions.status.decidedAt'), children: formatInstant(decision.decidedAt) },
          ]}
        />
      </Card>
    );
  }
  return <Alert type="info" showIcon title={t('submissions.desk.notAwaiting', { state: t(`submissions.states.${s.state}`) })} />;
}

/**
 * The files of an application submitted on the national portal, as the portal sent them: they are not tied to the
 * procedure's documents, so they are listed on their own (each opened in the browser, images shown small).
 */
function NationalFiles({ s }: { s: SubmissionDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={<CardHeading>{t('submissions.desk.nationalFiles')}</CardHeading>} data-testid="desk-national-files">
      {s.otherFiles.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: 0 }} aria-label={t('submissions.desk.nationalFiles')}>
          {s.otherFiles.map((f) => (
            <li key={f.id} style={{ listStyle: 'none', padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
              <FileLink file={f} thumbnail />
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('submissions.desk.nationalFilesEmpty')}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The procedure's documents as a checklist to hold the portal's files against: a national application's files are not
 * matched to them, so their statuses ("missing" for all) would mislead and are left out.
 */
function RequiredDocuments({ s }: { s: SubmissionDetail }) {
  const { t } = useTranslation();
  const items = s.requirements.filter((r) => r.status !== 'not-applicable');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('submissions.desk.nationalChecklist')}</Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="desk-national-checklist">
        {items.map((r) => {
          const counts = [
            r.originals ? t('submissions.documents.originals', { count: r.originals }) : null,
            r.copies ? t('submissions.documents.copies', { count: r.copies }) : null,
            r.status === 'optional' ? t('submissions.requirementStatus.optional') : null,
          ].filter(Boolean);
          return (
            <li key={r.key} className="wrap-anywhere">
              {r.name}
              {counts.length > 0 ? <Typography.Text type="secondary"> ({counts.join(', ')})</Typography.Text> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The desk's decisions on an application awaiting reception (§3.1 step 2): three, or two for a national one. */
function DecisionCard({ s }: { s: SubmissionDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AcceptValues>();
  const decide = useDeskDecision(s.id);
  const showError = useApiError();
  const [modal, setModal] = useState<'guide' | 'refuse' | null>(null);
  // Received under the version in force (the server refuses otherwise): its time for the online channel decides.
  const { data: procedure } = usePublicProcedure(s.procedure.code);
  const withDuration = !!procedure && needsDuration(procedure, 'online');
  const missingNow = s.requirements.filter((r) => r.status === 'missing').map((r) => r.name);
  // The fee is awaited online only when due before processing (§6.3); the desk may then apply an exemption it checked
  // the proof of. Only the submitted version's own (accepting under another is refused anyway).
  const feeBefore = !!procedure && procedure.id === s.procedure.versionId && procedure.feeDue === 'before-processing';
  const exemptions = feeBefore ? procedure.feeExemptions : [];
  const chosenKey = Form.useWatch('feeExemption', form);
  const chosen = exemptions.find((e) => e.key === chosenKey);
  // The national portal takes no Mẫu 02 back (the server answers 409): its applicant supplements there, so the desk
  // only receives or refuses, naming what is missing in the reasons.
  const national = s.origin === 'national';

  const accept = (values: AcceptValues) =>
    decide.mutate(
      {
        decision: 'accept',
        version: s.version,
        ...(values.handlingUnitId ? { handlingUnitId: values.handlingUnitId } : {}),
        ...(withDuration && values.duration?.amount && values.duration.unit ? { duration: { amount: values.duration.amount, unit: values.duration.unit } } : {}),
        ...(values.feeExemption && exemptions.some((e) => e.key === values.feeExemption) ? { feeExemption: values.feeExemption } : {}),
        note: values.note ?? null,
      },
      { onError: (err) => showError(err, form) },
    );

  const onModal = (values: IntakeDecisionValues) =>
    decide.mutateAsync(
      modal === 'guide'
        ? { decision: 'guide', version: s.version, missingItems: lines(values.missingItems), reasons: values.reasons, note: null }
        : { decision: 'refuse', version: s.version, missingItems: [], reasons: values.reasons, note: null },
    );

  return (
    <Card title={<CardHeading>{t('submissions.desk.decisionTitle')}</CardHeading>} data-testid="desk-decision">
      <Form<AcceptValues>
        form={form}
        layout="vertical"
        name="desk-accept"
        initialValues={{ handlingUnitId: s.handlingUnit?.id, duration: { unit: 'working-days' } }}
        onFinish={accept}
      >
        {s.handlingUnitChoices.length > 1 ? (
          <Form.Item
            name="handlingUnitId"
            label={t('submissions.fields.handlingUnit')}
            extra={s.handlingUnit ? t('submissions.desk.handlingChosen') : t('submissions.desk.handlingNone')}
            rules={[{ required: true, message: t('submissions.desk.handlingRequired') }]}
          >
            <Select showSearch={{ optionFilterProp: 'label' }} options={s.handlingUnitChoices.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        ) : null}
        {withDuration ? (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dossiers.intake.durationUnreadable', { text: procedure?.processingTimeText || '—' })} />
            <Space.Compact>
              <Form.Item name={['duration', 'amount']} label={t('dossiers.intake.durationAmount')} rules={[{ required: true, message: t('dossiers.intake.durationRequired') }]}>
                <InputNumber min={0.5} max={10000} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={['duration', 'unit']} label={t('dossiers.intake.durationUnit')}>
                <Select style={{ width: 200 }} options={DURATION_UNITS.map((u) => ({ value: u, label: t(`catalog.units.${u}`) }))} />
              </Form.Item>
            </Space.Compact>
          </>
        ) : null}
        {exemptions.length > 0 ? (
          <Form.Item name="feeExemption" label={t('submissions.desk.feeExemption')}>
            <Select
              allowClear
              data-testid="desk-fee-exemption"
              placeholder={t('submissions.desk.feeExemptionNone')}
              options={exemptions.map((e) => ({ value: e.key, label: exemptionLabel(t, e) }))}
            />
          </Form.Item>
        ) : null}
        {feeBefore ? <OnlineFeeLine procedure={procedure} exemption={chosen} /> : null}
        <Form.Item name="note" label={t('dossiers.intake.note')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={decide.isPending && modal === null} data-testid="desk-accept">
            {t('submissions.desk.accept')}
          </Button>
          {national ? null : (
            <Button icon={<RollbackOutlined />} onClick={() => setModal('guide')} data-testid="desk-guide">
              {t('submissions.desk.guide')}
            </Button>
          )}
          <Button danger icon={<StopOutlined />} onClick={() => setModal('refuse')} data-testid="desk-refuse">
            {t('submissions.desk.refuse')}
          </Button>
        </Flex>
        {national ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="desk-national-no-guide">
            {t('submissions.desk.nationalNoGuide')}
          </Typography.Paragraph>
        ) : null}
      </Form>
      <IntakeDecisionModal kind={modal} missing={missingNow} onClose={() => setModal(null)} onSubmit={onModal} />
    </Card>
  );
}

/**
 * `/admin/online-submissions/:id`: an online application sent to the officer's desk — the applicant, the e-form's
 * answers, each document's files (opened in the browser), its history — and the decision: receive it as a dossier,
 * ask for completion (Mẫu 02) or refuse it (Mẫu 03).
 */
export function DeskReviewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: s, isPending, error } = useDeskSubmission(id);
  const failure = error instanceof ApiError && (error.status === 404 || error.status === 403) ? t('submissions.desk.notFound') : (error?.message ?? '');
  useDocumentTitle(error ? failure : null);

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !s) return <Result status="404" title={<h1>{failure}</h1>} extra={<Link to={DESK_PATHS.queue}>{t('submissions.desk.backToQueue')}</Link>} />;
  const a = s.applicant;
  const national = s.origin === 'national';

  return (
    <Flex vertical gap={16} data-testid="desk-review">
      <Breadcrumb items={[{ title: <Link to={DESK_PATHS.queue}>{t('submissions.desk.queueTitle')}</Link> }, { title: s.reference }]} />
      <PageHeader
        title={t('submissions.desk.reviewTitle', { reference: s.reference })}
        subtitle={
          <Space wrap size={4}>
            <SubmissionStateTag state={s.state} />
            {national ? <NationalOriginTag nationalCode={s.nationalCode} /> : null}
            <span className="wrap-anywhere">
              {s.procedure.name} ({s.procedure.code})
            </span>
          </Space>
        }
      />
      {national ? (
        <Alert
          type="info"
          showIcon
          title={t('submissions.desk.nationalTitle')}
          description={t('submissions.desk.nationalDescription', { code: s.nationalCode ?? '—' })}
          data-testid="desk-national"
        />
      ) : null}
      {s.actions.decide ? null : <DeskOutcome s={s} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={<CardHeading>{t('submissions.desk.applicant')}</CardHeading>}>
              <Descriptions
                size="small"
                layout="vertical"
                colon={false}
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'name', label: t('dossiers.intake.personName'), children: a.name ?? '—' },
                  { key: 'id', label: a.kind === 'organisation' ? t('dossiers.intake.taxCode') : t('dossiers.intake.personId'), children: a.idNumber ?? '—' },
                  { key: 'phone', label: t('dossiers.intake.phone'), children: a.phone ?? '—' },
                  { key: 'email', label: t('dossiers.intake.email'), children: <span className="wrap-anywhere">{a.email ?? '—'}</span> },
                  { key: 'address', label: t('dossiers.intake.address'), span: { xs: 1, md: 2 }, children: <span className="wrap-anywhere">{a.address ?? '—'}</span> },
                  { key: 'submitted', label: t('submissions.fields.submittedAt'), children: formatInstant(s.submittedAt) },
                  { key: 'delivery', label: t('submissions.fields.resultDelivery'), children: s.resultDelivery ? t(`dossiers.delivery.${s.resultDelivery}`) : '—' },
                  { key: 'desk', label: t('submissions.fields.receivingUnit'), children: s.receivingUnit.name },
                  { key: 'handling', label: t('submissions.fields.handlingUnit'), children: s.handlingUnit?.name ?? t('submissions.desk.handlingNotChosen') },
                ]}
              />
            </Card>
            {s.eForm ? (
              <Card title={<CardHeading>{t('submissions.status.answers')}</CardHeading>}>
                <AnswersView definition={s.eForm} answers={s.answers} />
              </Card>
            ) : null}
            {national ? <NationalFiles s={s} /> : null}
            <Card title={<CardHeading>{t('submissions.edit.documents')}</CardHeading>}>
              {s.conditions.length > 0 ? (
                <Typography.Paragraph>
                  {t('submissions.desk.conditions')}{' '}
                  {s.groups
                    .filter((g) => s.conditions.includes(g.key))
                    .map((g) => g.condition ?? g.key)
                    .join('; ')}
                </Typography.Paragraph>
              ) : null}
              {national ? <RequiredDocuments s={s} /> : <RequirementsList requirements={s.requirements} problems={[]} thumbnails />}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {s.actions.decide ? <DecisionCard s={s} /> : null}
            <Card title={<CardHeading>{t('submissions.status.history')}</CardHeading>}>
              <SubmissionTimeline timeline={s.timeline} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
