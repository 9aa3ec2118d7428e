import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_LIMITS as L, URGENCY_LEVELS } from '../../../contracts/documents/documents.values';
import type { CreateOutgoingRequest, OutgoingDetail } from '../../../contracts/documents/documents.contracts';
import { CardHeading } from '../submissions/CardHeading';
import { filled } from '../dialogues/dialogues-format';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import { useCreateOutgoing, useDocumentTypes, useUpdateOutgoing, useUploadDocumentFiles } from './documents.api';
import { bodyOf, DocumentUnitSelect, DocumentUnitsSelect, grantedUnits, isWithinUnit } from './DocumentUnitSelect';
import { FILE_MB, FileChooser } from './FileChooser';
import { isConflict } from './StaleNotice';

/** The roles that draft outgoing documents (docs/api-plan-documents.md: specialists and leaders). */
export const DRAFTING_ROLES = ['specialist', 'leader'];

/** The form's values; names follow the API's fields so its 400s (`body.recipients.external.0.name`) land on them. */
export interface DraftValues {
  unitId?: string;
  draftingUnitId?: string;
  typeCode?: CreateOutgoingRequest['typeCode'];
  subject?: string;
  content?: string;
  urgency: CreateOutgoingRequest['urgency'];
  confidentiality: CreateOutgoingRequest['confidentiality'];
  recipients: { unitIds?: string[]; external?: Array<{ name?: string; code?: string }> };
}

/** The draft's fields as the API takes them (texts trimmed, empty external rows and optional texts left out). */
export function toDraftRequest(v: DraftValues): Omit<CreateOutgoingRequest, 'unitId'> {
  return {
    draftingUnitId: v.draftingUnitId!,
    typeCode: v.typeCode!,
    subject: (v.subject ?? '').trim(),
    ...(filled(v.content) ? { content: filled(v.content) } : {}),
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    recipients: {
      unitIds: v.recipients.unitIds ?? [],
      external: (v.recipients.external ?? []).filter((e) => filled(e.name)).map((e) => ({ name: filled(e.name)!, ...(filled(e.code) ? { code: filled(e.code) } : {}) })),
    },
  };
}

/** The form's values of an existing draft. */
function valuesOf(d: OutgoingDetail): DraftValues {
  return {
    unitId: d.unit.id,
    draftingUnitId: d.draftingUnit.id,
    typeCode: d.typeCode,
    subject: d.subject,
    content: d.content ?? undefined,
    urgency: d.urgency,
    confidentiality: d.confidentiality,
    recipients: { unitIds: d.recipients.units.map((u) => u.id), external: d.recipients.external.map((e) => ({ name: e.name, code: e.code ?? undefined })) },
  };
}

interface OutgoingDraftFormProps {
  /** The draft being changed; none: a new one. */
  doc?: OutgoingDetail;
  /** The incoming document this one answers (a new draft only). */
  replyToIncomingId?: string;
  /** The body to start with (a reply: the incoming document's body), when it is one the officer drafts for. */
  defaultUnitId?: string;
  onSaved: (detail: OutgoingDetail) => void;
  onCancel?: () => void;
  /** A 409 while saving a change (someone changed the draft first). */
  onConflict?: (err: unknown) => void;
}

/**
 * A draft outgoing document: the body whose register numbers it, the drafting unit, type, trích yếu, content, urgency,
 * confidentiality, and recipients — units inside motcua picked in the tree, external bodies typed in (sent over the
 * national exchange). A new draft takes its files here too. The server's field errors land on the fields.
 */
export function OutgoingDraftForm({ doc, replyToIncomingId, defaultUnitId, onSaved, onCancel, onConflict }: OutgoingDraftFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<DraftValues>();
  const { data: me } = useMe();
  const { data: types, isPending: typesPending } = useDocumentTypes();
  const create = useCreateOutgoing();
  const update = useUpdateOutgoing(doc?.id ?? '');
  const upload = useUploadDocumentFiles('outgoing');
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const { data: tree } = useOrgUnitTree();
  const units = useMemo(() => grantedUnits(me?.grants ?? [], DRAFTING_ROLES), [me]);
  // The bodies whose register may number it: each drafting grant's own body (a division drafts for its department).
  const bodies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const u of units) {
      const b = (tree ? bodyOf(tree.items, u.value) : null) ?? u;
      if (!seen.has(b.value)) seen.set(b.value, b.label);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [units, tree]);
  const firstBody = (defaultUnitId && bodies.some((b) => b.value === defaultUnitId) ? defaultUnitId : undefined) ?? bodies[0]?.value;
  const prefix = doc ? 'outgoing-edit' : 'outgoing';

  const submit = async (values: DraftValues) => {
    let saved: OutgoingDetail;
    try {
      const body = toDraftRequest(values);
      saved = doc
        ? await update.mutateAsync({ ...body, version: doc.version })
        : await create.mutateAsync({ ...body, unitId: values.unitId!, ...(replyToIncomingId ? { replyToIncomingId } : {}) });
    } catch (err) {
      if (doc && isConflict(err) && onConflict) onConflict(err);
      else showError(err, form);
      return;
    }
    if (!doc && files.length > 0) {
      try {
        await upload.mutateAsync({ documentId: saved.id, files });
      } catch (err) {
        showError(err);
      }
    }
    void message.success(t('documents.outgoing.new.saved'));
    onSaved(saved);
  };

  const required = { required: true, whitespace: true, message: t('documents.validation.required') };
  const choose = { required: true, message: t('documents.validation.choose') };
  const saving = create.isPending || update.isPending || upload.isPending;

  return (
    <Form<DraftValues>
      form={form}
      name={prefix}
      layout="vertical"
      initialValues={
        doc
          ? valuesOf(doc)
          : {
              unitId: firstBody,
              draftingUnitId: units.find((u) => tree && firstBody && isWithinUnit(tree.items, u.value, firstBody))?.value ?? units[0]?.value,
              urgency: 'normal',
              confidentiality: 'normal',
              recipients: { unitIds: [], external: [] },
            }
      }
      onValuesChange={(changed: Partial<DraftValues>, all) => {
        // A drafting unit outside the chosen body moves the body to its own.
        if (!doc && changed.draftingUnitId && tree && all.unitId && !isWithinUnit(tree.items, changed.draftingUnitId, all.unitId)) {
          const b = bodyOf(tree.items, changed.draftingUnitId);
          if (b && bodies.some((x) => x.value === b.value)) form.setFieldValue('unitId', b.value);
        }
      }}
      onFinish={(v) => void submit(v)}
      data-testid={`${prefix}-form`}
      style={{ maxWidth: 960 }}
    >
      <Flex vertical gap={16}>
        <Card size="small" title={<CardHeading>{t('documents.outgoing.form.mainSection')}</CardHeading>}>
          <Row gutter={16}>
            {doc ? null : (
              <Col xs={24} md={12}>
                <Form.Item name="unitId" label={t('documents.fields.issuer')} extra={t('documents.outgoing.form.issuerHint')} rules={[choose]}>
                  <Select options={bodies} data-testid="outgoing-unit" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="draftingUnitId" label={t('documents.fields.draftingUnit')} rules={[choose]}>
                <DocumentUnitSelect scope="covered" roles={DRAFTING_ROLES} testId={`${prefix}-drafting-unit`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="typeCode" label={t('documents.fields.type')} rules={[choose]}>
                <Select
                  loading={typesPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(types?.items ?? []).map((ty) => ({ value: ty.code, label: ty.name }))}
                  data-testid={`${prefix}-type`}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="subject"
            label={t('documents.fields.subject')}
            rules={[required, { min: L.subjectMin, max: L.subjectMax, message: t('documents.validation.length', { min: L.subjectMin, max: L.subjectMax }) }]}
          >
            <Input.TextArea rows={2} maxLength={L.subjectMax} showCount data-testid={`${prefix}-subject`} />
          </Form.Item>
          <Form.Item name="content" label={t('documents.fields.content')} rules={[{ max: L.contentMax, message: t('documents.validation.max', { max: L.contentMax }) }]}>
            <Input.TextArea rows={8} maxLength={L.contentMax} data-testid={`${prefix}-content`} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="urgency" label={t('documents.fields.urgency')} rules={[choose]}>
                <Select options={URGENCY_LEVELS.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} data-testid={`${prefix}-urgency`} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="confidentiality" label={t('documents.fields.confidentiality')} rules={[choose]}>
                <Select options={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`documents.confidentiality.${c}`) }))} data-testid={`${prefix}-confidentiality`} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={<CardHeading>{t('documents.outgoing.form.recipientsSection')}</CardHeading>}>
          <Form.Item name={['recipients', 'unitIds']} label={t('documents.fields.recipientUnits')} extra={t('documents.outgoing.form.recipientsHint')}>
            <DocumentUnitsSelect testId={`${prefix}-recipient-units`} />
          </Form.Item>
          <Form.List name={['recipients', 'external']}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                <span id={`${prefix}-external-label`} style={{ fontWeight: 500 }}>
                  {t('documents.fields.externalRecipients')}
                </span>
                {fields.map((f, i) => (
                  <fieldset key={f.key} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} data-testid={`${prefix}-external-${i}`}>
                    <legend className="visually-hidden">{t('documents.outgoing.form.externalGroup', { index: i + 1 })}</legend>
                    <Row gutter={8} align="top" wrap>
                      <Col xs={24} md={14}>
                        <Form.Item
                          name={[f.name, 'name']}
                          label={t('documents.fields.externalName')}
                          rules={[required, { min: L.nameMin, max: L.nameMax, message: t('documents.validation.length', { min: L.nameMin, max: L.nameMax }) }]}
                        >
                          <Input maxLength={L.nameMax} data-testid={`${prefix}-external-${i}-name`} />
                        </Form.Item>
                      </Col>
                      <Col xs={18} md={7}>
                        <Form.Item
                          name={[f.name, 'code']}
                          label={t('documents.fields.externalCode')}
                          rules={[{ max: L.codeMax, message: t('documents.validation.max', { max: L.codeMax }) }]}
                        >
                          <Input maxLength={L.codeMax} data-testid={`${prefix}-external-${i}-code`} />
                        </Form.Item>
                      </Col>
                      <Col xs={6} md={3}>
                        <Form.Item label={<span aria-hidden>&nbsp;</span>}>
                          <Button
                            icon={<DeleteOutlined aria-hidden />}
                            onClick={() => remove(f.name)}
                            aria-label={t('documents.outgoing.form.removeExternal', { index: i + 1 })}
                            data-testid={`${prefix}-external-${i}-remove`}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                  </fieldset>
                ))}
                <div>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', code: '' })} data-testid={`${prefix}-add-external`}>
                    {t('documents.outgoing.form.addExternal')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </Card>

        {doc ? null : (
          <Card size="small" title={<CardHeading>{t('documents.files.title')}</CardHeading>}>
            <Form.Item
              label={t('documents.fields.files')}
              htmlFor="outgoing-files"
              extra={t('documents.files.hint', { mb: FILE_MB })}
              validateStatus={fileProblem ? 'error' : undefined}
              help={fileProblem ?? undefined}
              style={{ marginBottom: 0 }}
            >
              <FileChooser files={files} onChange={setFiles} onProblem={setFileProblem} testId="outgoing-files" id="outgoing-files" />
            </Form.Item>
          </Card>
        )}

        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={saving} data-testid={`${prefix}-save`}>
            {t('documents.outgoing.form.save')}
          </Button>
          {onCancel ? (
            <Button onClick={onCancel} data-testid={`${prefix}-cancel`}>
              {t('documents.outgoing.form.cancelEdit')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </Form>
  );
}
