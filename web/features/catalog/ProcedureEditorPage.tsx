import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Select, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, EditOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../ui/LinkButton';
import { STATUS_TEXT } from '../../ui/theme';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { formatDate } from '../../ui/dates';
import { useCreateProcedure, useNewVersion, usePublishProcedure, useUpdateProcedure, useVersion, useWithdrawProcedure } from './catalog.api';
import { FEE_DUES, type ProcedureVersion } from './catalog.types';
import { toContent, toFormValues, toUpdateRequest, type ProcedureFormValues } from './procedure-form';
import { VersionStatusTag } from './VersionStatusTag';
import { GeneralSection } from './GeneralSection';
import { ProcessingTimesEditor } from './ProcessingTimesEditor';
import { FeesEditor } from './FeesEditor';
import { FeeExemptionsEditor } from './FeeExemptionsEditor';
import { RequiredDocumentsEditor } from './RequiredDocumentsEditor';
import { LegalBasisEditor } from './LegalBasisEditor';
import { WorkflowEditor } from './WorkflowEditor';
import { PublishModal } from './PublishModal';
import { WithdrawModal } from './WithdrawModal';
import { TimeIssueAlert } from './TimeIssueAlert';
import { EFORM_JSON_FIELD, EFormJsonEditor, takeEFormErrors } from './EFormJsonEditor';

// The server names a step's budget in minutes; the form holds a value and a unit.
const RENAME = { budgetMinutes: 'budgetValue' };

const EMPTY: ProcedureFormValues = {
  name: '',
  levels: [],
  implementingUnitIds: [],
  results: [],
  processingTimes: [],
  fees: [],
  feeExemptions: [],
  requiredDocuments: [],
  legalBasis: [],
  workflow: [],
};

/** Creates or edits a procedure version: content, times and fees per channel, fee exemptions, documents, legal basis, workflow; publish / withdraw / new version. */
export function ProcedureEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: version, isPending, error } = useVersion(id);
  if (id && isPending) return <Spin size="large" style={{ display: 'block', margin: '64px auto' }} />;
  if (id && error) {
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={error.message}
        extra={<Link to="/admin/procedures">{t('catalog.editor.backToList')}</Link>}
      />
    );
  }
  // A fresh form per version (opening another version or "new" must not keep the previous one's values).
  return <ProcedureEditor key={version?.id ?? 'new'} version={version ?? null} />;
}

function ProcedureEditor({ version }: { version: ProcedureVersion | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const [form] = Form.useForm<ProcedureFormValues>();
  const create = useCreateProcedure();
  const update = useUpdateProcedure();
  const publish = usePublishProcedure();
  const withdraw = useWithdrawProcedure();
  const newVersion = useNewVersion();
  const [publishOpen, setPublishOpen] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const isNew = version === null;
  const editable = isNew || version.actions.edit;
  // A procedure has at most one draft; from a published or withdrawn version, the server names it (open it instead).
  const openDraftId = version?.openDraftId ?? null;

  /** Saves the form; returns the stored version, or null when validation or the server refused. */
  const save = async ({ quiet = false } = {}): Promise<ProcedureVersion | null> => {
    let values: ProcedureFormValues;
    try {
      values = await form.validateFields();
    } catch (err) {
      const first = (err as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return null;
    }
    setSaving(true);
    try {
      if (isNew) {
        const code = values.code?.trim() ? values.code.trim() : undefined;
        const created = await create.mutateAsync({ ...toContent(values), code });
        void message.success(t('catalog.editor.created'));
        void navigate(`/admin/procedures/${created.id}`, { replace: true });
        return created;
      }
      const saved = await update.mutateAsync({ id: version.id, ...toUpdateRequest(values, version) });
      // Show what the server stored (trimmed, normalised), keeping the form mounted.
      form.setFieldsValue(toFormValues(saved));
      if (!quiet) void message.success(t('catalog.editor.saved'));
      return saved;
    } catch (err) {
      // The e-form's refusals go under its JSON editor, with their place in the JSON; the rest as usual.
      const rest = takeEFormErrors(err, (errors) => form.setFields([{ name: EFORM_JSON_FIELD, errors }]));
      if (rest) showError(rest, form, RENAME);
      else {
        void message.error((err as Error).message);
        form.scrollToField(EFORM_JSON_FIELD, { block: 'center' });
      }
      return null;
    } finally {
      setSaving(false);
    }
  };

  const onPublishClick = async () => {
    // Publish exactly what is on screen: a draft is saved first (a no-op change costs one request).
    if (editable && !(await save({ quiet: true }))) return;
    setPublishOpen(true);
  };

  const onNewVersion = () =>
    newVersion.mutateAsync({ id: version!.id }).then(
      (draft) => {
        void message.success(t('catalog.editor.newVersionCreated'));
        void navigate(`/admin/procedures/${draft.id}`);
      },
      (err: unknown) => showError(err),
    );

  const title = isNew ? t('catalog.editor.createTitle') : version.name;

  return (
    <>
      <PageHeader
        documentTitle={title}
        title={
          <Space wrap>
            <span className="wrap-anywhere">{title}</span>
            {version ? <VersionStatusTag status={version.status} /> : null}
          </Space>
        }
        subtitle={
          version
            ? t('catalog.editor.subtitle', {
                code: version.code,
                revision: version.revision,
                from: version.effectiveFrom ? formatDate(version.effectiveFrom) : '—',
              })
            : undefined
        }
        extra={
          <>
            <LinkButton to="/admin/procedures" icon={<ArrowLeftOutlined />}>
              {t('catalog.editor.backToList')}
            </LinkButton>
            {editable && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="save-procedure">
                {isNew ? t('catalog.editor.createDraft') : t('catalog.editor.saveDraft')}
              </Button>
            )}
            {version?.actions.publish && (
              <Button
                icon={<SendOutlined />}
                onClick={() => void onPublishClick()}
                data-testid="publish-procedure"
                style={{ borderColor: STATUS_TEXT.success, color: STATUS_TEXT.success }}
              >
                {t('catalog.editor.publish')}
              </Button>
            )}
            {openDraftId && (
              <LinkButton to={`/admin/procedures/${openDraftId}`} icon={<EditOutlined />} data-testid="open-draft">
                {t('catalog.editor.openDraft')}
              </LinkButton>
            )}
            {version?.actions.newVersion && (
              <Button icon={<CopyOutlined />} loading={newVersion.isPending} onClick={() => void onNewVersion()} data-testid="new-version">
                {t('catalog.editor.newVersion')}
              </Button>
            )}
            {version?.actions.withdraw && (
              <Button danger icon={<StopOutlined />} onClick={() => setWithdrawOpen(true)} data-testid="withdraw-procedure">
                {t('catalog.editor.withdraw')}
              </Button>
            )}
          </>
        }
      />
      {version && !editable ? <Alert type="info" showIcon title={t('catalog.editor.readOnly')} style={{ marginBottom: 16 }} /> : null}
      {version?.status === 'withdrawn' && version.withdrawReason ? (
        <Alert type="warning" showIcon title={t('catalog.editor.withdrawnReason', { reason: version.withdrawReason })} style={{ marginBottom: 16 }} />
      ) : null}
      {version ? <TimeIssueAlert version={version} /> : null}
      <Form form={form} layout="vertical" disabled={!editable} initialValues={version ? toFormValues(version) : EMPTY} scrollToFirstError>
        <Flex vertical gap={16}>
          <Card title={t('catalog.editor.general')} size="small">
            <GeneralSection isNew={isNew} />
          </Card>
          <Card title={t('catalog.editor.processingTimes')} size="small">
            <Form.Item name="processingTimeText" label={t('catalog.editor.processingTimeText')} extra={t('catalog.editor.timeSummaryHint')}>
              <Input maxLength={1000} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('catalog.editor.processingTimesHint')}</Typography.Paragraph>
            <ProcessingTimesEditor />
            <Form.Item name="processingTimeNote" label={t('catalog.editor.processingTimeNote')} style={{ marginTop: 16, marginBottom: 0 }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
            </Form.Item>
          </Card>
          <Card title={t('catalog.editor.fees')} size="small">
            <Form.Item name="feeText" label={t('catalog.editor.feeSummary')} extra={t('catalog.editor.feeSummaryHint')}>
              <Input maxLength={1000} />
            </Form.Item>
            <FeesEditor />
            <Form.Item name="feeDue" label={t('catalog.editor.feeDue')} extra={t('catalog.editor.feeDueHint')} style={{ marginTop: 16, marginBottom: 0 }}>
              <Select allowClear data-testid="fee-due" options={FEE_DUES.map((d) => ({ value: d, label: t(`catalog.feeDues.${d}`) }))} />
            </Form.Item>
          </Card>
          <Card title={t('catalog.editor.exemptions')} size="small" data-testid="fee-exemptions">
            <FeeExemptionsEditor />
          </Card>
          <Card title={t('catalog.editor.requiredDocuments')} size="small">
            <RequiredDocumentsEditor />
          </Card>
          <Card title={t('catalog.editor.legalBasis')} size="small">
            <LegalBasisEditor />
          </Card>
          <Card title={t('catalog.eformEditor.title')} size="small">
            <EFormJsonEditor saved={version?.eForm ?? null} editable={editable} />
          </Card>
          <Card title={t('catalog.workflow.title')} size="small">
            <Typography.Paragraph type="secondary">{t('catalog.workflow.hint')}</Typography.Paragraph>
            <WorkflowEditor isNew={isNew} />
          </Card>
        </Flex>
      </Form>
      {version && (
        <>
          <PublishModal
            open={publishOpen}
            onClose={() => setPublishOpen(false)}
            onPublish={async (effectiveFrom) => {
              // `version` is re-read from the cache after the pre-publish save, so its number is current.
              await publish.mutateAsync({ id: version.id, effectiveFrom, version: version.version });
              void message.success(t('catalog.editor.published'));
            }}
          />
          <WithdrawModal
            open={withdrawOpen}
            onClose={() => setWithdrawOpen(false)}
            onWithdraw={async (reason, effectiveTo) => {
              await withdraw.mutateAsync({ id: version.id, reason, effectiveTo, version: version.version });
              void message.success(t('catalog.editor.withdrawn'));
            }}
          />
        </>
      )}
    </>
  );
}
