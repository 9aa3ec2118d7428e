import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Popconfirm, Radio, Row, Select, Space, Typography } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { EFormFields } from '../catalog/EFormFields';
import { localText } from '../catalog/eform-rules';
import { ApplicantFields } from '../dossiers/ApplicantFields';
import { formatInstant } from '../dossiers/dossiers.format';
import { CardHeading } from './CardHeading';
import { RequirementsList } from './RequirementsList';
import { SubmissionStateTag } from './SubmissionStateTag';
import { formValuesOf, partsOf, problemField, type SubmissionFormValues } from './submission-form';
import { useAttachFiles, useMissing, useReceptionDesks, useRemoveFile, useSubmitSubmission, useWithdrawSubmission } from './submissions.api';
import type { SubmissionDetail, SubmissionProblem } from './submissions.types';
import { useAutosave, type SaveStatus } from './useAutosave';

const DELIVERIES = ['online', 'post', 'desk'] as const;

/** Where the autosave stands, announced politely to screen readers. */
function SaveIndicator({ status, savedAt, onRetry, repeat = false }: { status: SaveStatus; savedAt: string | null; onRetry: () => void; repeat?: boolean }) {
  const { t } = useTranslation();
  const text =
    status === 'saving' || status === 'pending'
      ? t('submissions.edit.saving')
      : status === 'error'
        ? t('submissions.edit.saveFailed')
        : status === 'conflict'
          ? t('submissions.edit.saveStopped')
          : savedAt
            ? t('submissions.edit.savedAt', { at: formatInstant(savedAt) })
            : t('submissions.edit.savedAuto');
  const icon = status === 'saved' ? <CheckCircleOutlined /> : status === 'error' || status === 'conflict' ? <ExclamationCircleOutlined /> : <CloudSyncOutlined />;
  return (
    // The repeat near the submit button is not announced a second time.
    <Space size={4} aria-live={repeat ? undefined : 'polite'} data-testid={repeat ? 'save-status-repeat' : 'save-status'} data-status={status}>
      <Typography.Text type={status === 'error' || status === 'conflict' ? 'danger' : 'secondary'}>
        {icon} {text}
      </Typography.Text>
      {status === 'error' ? (
        <Button size="small" onClick={onRetry}>
          {t('submissions.edit.retry')}
        </Button>
      ) : null}
    </Space>
  );
}

/** The problems of /missing listed for the citizen, each naming its field (a click moves there). */
function MissingList({
  problems,
  complete,
  labelOf,
  onGo,
}: {
  problems: SubmissionProblem[];
  complete: boolean;
  labelOf: (path: string) => string | null;
  onGo: (path: string) => void;
}) {
  const { t } = useTranslation();
  if (complete) return <Alert type="success" showIcon title={t('submissions.edit.complete')} data-testid="missing-none" />;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('submissions.edit.missingTitle', { count: problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="missing-list">
          {problems.map((p) => {
            const label = labelOf(p.path);
            return (
              <li key={p.path + p.code} className="wrap-anywhere">
                {label ? (
                  <Typography.Link onClick={() => onGo(p.path)}>
                    <strong>{label}</strong>
                  </Typography.Link>
                ) : null}
                {label ? ': ' : null}
                {p.message}
              </li>
            );
          })}
        </ul>
      }
    />
  );
}

/**
 * The application being written (a draft) or completed after a guide: the desk and delivery, the applicant, the
 * e-form, the declared cases and the documents, saved as the citizen types; what is missing; submit.
 */
export function SubmissionEditor({ detail }: { detail: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  // The form starts from the stored application once; afterwards it is the citizen's screen, never reset by a save.
  const initial = useMemo(() => formValuesOf(detail), [detail.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const [form] = Form.useForm<SubmissionFormValues>();
  const autosave = useAutosave(detail, form);
  const missing = useMissing(detail.id);
  const desks = useReceptionDesks();
  const attach = useAttachFiles(detail.id);
  const remove = useRemoveFile(detail.id);
  const submit = useSubmitSubmission(detail.id);
  const withdraw = useWithdrawSubmission(detail.id);
  const [submitting, setSubmitting] = useState(false);
  const guided = detail.state === 'GUIDED' ? detail.latestDecision : null;
  const conditional = detail.groups.filter((g) => g.kind === 'conditional');
  const problems = missing.data?.problems ?? detail.completeness.problems;
  const complete = missing.data?.complete ?? detail.completeness.complete;
  const requirements = missing.data?.requirements ?? detail.requirements;

  const onSubmit = async () => {
    setSubmitting(true);
    try {
      await autosave.flush();
      if (autosave.conflict) return;
      try {
        await form.validateFields();
      } catch {
        void message.error(t('submissions.edit.fixErrors'));
        return;
      }
      await submit.mutateAsync(autosave.version.current);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'SUBMISSION_INCOMPLETE') {
        form.setFields(err.fields.flatMap((f) => (problemField(f.path) ? [{ name: problemField(f.path)!, errors: [f.message] }] : [])));
        void missing.refetch();
      }
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  // The field a problem is about, by the label the citizen sees (the e-form's own labels for its answers).
  const eFormLabels = useMemo(
    () => new Map((detail.eForm?.sections ?? []).flatMap((sec) => sec.fields.map((f) => [f.key, localText(f.label, i18n.language)] as const))),
    [detail.eForm, i18n.language],
  );
  const labelOf = (path: string): string | null => {
    const name = problemField(path);
    if (!name) return null;
    if (name[0] === 'answers') return eFormLabels.get(String(name[1])) ?? null;
    if (name[0] === 'applicant') return `${t('submissions.edit.applicant')} — ${t(`submissions.applicantFields.${String(name[1])}`)}`;
    if (name[0] === 'resultDelivery') return t('submissions.fields.resultDelivery');
    if (name[0] === 'handlingUnitId') return t('submissions.fields.handlingUnit');
    if (name[0] === 'receivingUnitId') return t('submissions.fields.receivingUnit');
    return null;
  };
  const goTo = (path: string) => {
    const name = problemField(path);
    if (!name) return;
    form.scrollToField(name, { block: 'center', focus: true });
  };

  const onKeepMine = () => void autosave.keepMine();
  const onTakeStored = () => {
    const stored = autosave.takeStored();
    if (!stored) return;
    const values = formValuesOf(stored);
    // setFieldsValue merges: an answer the stored copy does not have is cleared explicitly.
    const shown = Object.keys((form.getFieldsValue(true) as SubmissionFormValues).answers ?? {});
    form.setFieldsValue({ ...values, answers: { ...Object.fromEntries(shown.map((k) => [k, null])), ...values.answers } });
  };

  return (
    <Flex vertical gap={16} data-testid="submission-editor">
      <PageHeader
        title={detail.procedure.name}
        documentTitle={t('submissions.edit.documentTitle', { procedure: detail.procedure.name })}
        subtitle={
          <Space wrap size={4}>
            <SubmissionStateTag state={detail.state} />
            {detail.reference ? <span>{t('submissions.fields.referenceValue', { reference: detail.reference })}</span> : null}
            <span>{t('submissions.fields.procedureCode', { code: detail.procedure.code })}</span>
          </Space>
        }
        extra={<SaveIndicator status={autosave.status} savedAt={autosave.savedAt} onRetry={() => void autosave.flush()} />}
      />
      {autosave.conflict ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('submissions.conflict.title')}
          description={t('submissions.conflict.body', { at: formatInstant(autosave.conflict.updatedAt) })}
          data-testid="save-conflict"
          action={
            <Flex vertical gap={6}>
              <Button size="small" type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
                {t('submissions.conflict.keepMine')}
              </Button>
              <Button size="small" onClick={onTakeStored} data-testid="conflict-take-stored">
                {t('submissions.conflict.takeStored')}
              </Button>
            </Flex>
          }
        />
      ) : null}
      {autosave.status === 'error' && autosave.error ? <Alert type="error" showIcon role="alert" title={autosave.error.message} /> : null}
      {guided ? (
        <Alert
          type="warning"
          showIcon
          data-testid="guided-banner"
          title={t('submissions.edit.guidedTitle', { number: guided.referenceNumber })}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
                {guided.missingItems.map((m, i) => (
                  <li key={i} className="wrap-anywhere">
                    {m}
                  </li>
                ))}
              </ul>
              <Typography.Paragraph style={{ marginBottom: 4 }} className="wrap-anywhere">
                {t('submissions.edit.guidedReasons', { reasons: guided.reasons })}
              </Typography.Paragraph>
              <a href={guided.slipUrl} target="_blank" rel="noopener" data-testid="guided-slip">
                {t('submissions.slips.guide')}
              </a>
            </>
          }
        />
      ) : null}
      {!detail.procedure.inForce ? <Alert type="info" showIcon title={t('submissions.edit.amended')} /> : null}

      <Form<SubmissionFormValues>
        form={form}
        name="submission"
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed) => autosave.changed(partsOf(changed))}
        scrollToFirstError={{ block: 'center' }}
      >
        <Flex vertical gap={16}>
          <Card title={<CardHeading>{t('submissions.edit.where')}</CardHeading>}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="receivingUnitId" label={t('submissions.fields.receivingUnit')} extra={t('submissions.edit.receivingHint')}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={desks.isPending}
                    options={(desks.data ?? [{ ...detail.receivingUnit, parentName: null }]).map((d) => ({ value: d.id, label: d.name }))}
                  />
                </Form.Item>
              </Col>
              {detail.handlingUnitChoices.length > 1 ? (
                <Col xs={24} md={12}>
                  <Form.Item name="handlingUnitId" label={t('submissions.fields.handlingUnit')} extra={t('submissions.edit.handlingHint')}>
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={detail.handlingUnitChoices.map((u) => ({ value: u.id, label: u.name }))} />
                  </Form.Item>
                </Col>
              ) : null}
            </Row>
            <Form.Item name="resultDelivery" label={t('submissions.fields.resultDelivery')}>
              <Radio.Group
                name="result-delivery"
                options={DELIVERIES.map((d) => ({
                  value: d,
                  label: t(`dossiers.delivery.${d}`),
                  // A fully online service returns its result online or by public post (NĐ 42/2022 Điều 11 khoản 1).
                  disabled: d === 'desk' && detail.procedure.onlineMode === 'full',
                }))}
              />
            </Form.Item>
          </Card>

          <Card title={<CardHeading>{t('submissions.edit.applicant')}</CardHeading>}>
            <Typography.Paragraph type="secondary">{t('submissions.edit.applicantHint')}</Typography.Paragraph>
            <ApplicantFields />
          </Card>

          {detail.eForm ? (
            <Card title={<CardHeading>{localText(detail.eForm.title, i18n.language)}</CardHeading>} data-testid="eform">
              {detail.eForm.basis ? <Typography.Paragraph type="secondary">{detail.eForm.basis}</Typography.Paragraph> : null}
              <EFormFields definition={detail.eForm} name={['answers']} />
            </Card>
          ) : null}

          <Card title={<CardHeading>{t('submissions.edit.documents')}</CardHeading>}>
            {conditional.length > 0 ? (
              <Form.Item name="conditions" label={t('submissions.edit.conditions')} extra={t('submissions.edit.conditionsHint')}>
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                  options={conditional.map((g) => ({ value: g.key, label: g.condition ?? g.label ?? g.key }))}
                />
              </Form.Item>
            ) : null}
            <RequirementsList
              requirements={requirements}
              problems={problems}
              actions={{
                attach: (key, files) => attach.mutateAsync({ key, files }),
                remove: (file) => remove.mutateAsync(file.id).catch((err: unknown) => showError(err)),
              }}
            />
            {detail.otherFiles.length > 0 ? (
              <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('submissions.edit.otherFiles')} description={detail.otherFiles.map((f) => f.fileName).join('; ')} />
            ) : null}
          </Card>
        </Flex>
      </Form>

      <Card title={<CardHeading>{t('submissions.edit.check')}</CardHeading>} data-testid="submit-card">
        <Flex vertical gap={12}>
          <MissingList problems={problems} complete={complete} labelOf={labelOf} onGo={goTo} />
          <SaveIndicator repeat status={autosave.status} savedAt={autosave.savedAt} onRetry={() => void autosave.flush()} />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {guided ? t('submissions.edit.resubmitHint') : t('submissions.edit.submitHint')}
          </Typography.Paragraph>
          <Flex gap={8} wrap justify="space-between">
            <Button type="primary" size="large" icon={<SendOutlined />} loading={submitting} onClick={() => void onSubmit()} data-testid="submit-application">
              {guided ? t('submissions.edit.resubmit') : t('submissions.edit.submit')}
            </Button>
            {detail.actions.withdraw ? (
              <Popconfirm
                title={t('submissions.edit.withdrawConfirm')}
                okText={t('submissions.edit.withdraw')}
                cancelText={t('common.actions.cancel')}
                onConfirm={() => withdraw.mutateAsync({ version: autosave.version.current }).catch((err: unknown) => showError(err))}
              >
                <Button danger>{t('submissions.edit.withdraw')}</Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
