import { useMemo, useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Result, Row, Select, Skeleton } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { toIsoDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_LIMITS as L, REGISTERED_VIA, URGENCY_LEVELS } from '../../../contracts/documents/documents.values';
import type { RegisterIncomingRequest } from '../../../contracts/documents/documents.contracts';
import { CardHeading } from '../submissions/CardHeading';
import { filled } from '../dialogues/dialogues-format';
import { useMe } from '../identity/identity.api';
import { vnToday } from './documents-dates';
import { DOCUMENT_PATHS, useDocumentTypes, useRegisterIncoming, useUploadDocumentFiles } from './documents.api';
import { DocumentUnitSelect, grantedUnits } from './DocumentUnitSelect';
import { FILE_MB, FileChooser } from './FileChooser';

/** The roles that register incoming documents (docs/api-plan-documents.md: the clerk, văn thư). */
const CLERK_ROLES = ['clerk'];

/** The form's values; names follow the API's fields so its 400s land on them. */
interface RegisterValues {
  unitId?: string;
  receivedVia: RegisterIncomingRequest['receivedVia'];
  senderName?: string;
  senderCode?: string;
  numberSymbol?: string;
  issuedOn?: Dayjs;
  typeCode?: RegisterIncomingRequest['typeCode'];
  subject?: string;
  urgency: RegisterIncomingRequest['urgency'];
  confidentiality: RegisterIncomingRequest['confidentiality'];
  pageCount?: number | null;
  note?: string;
}

/** The request from the form: texts trimmed, empty optional fields left out (the contract refuses empty strings). */
export function toRegisterRequest(v: RegisterValues): RegisterIncomingRequest {
  return {
    unitId: v.unitId!,
    receivedVia: v.receivedVia,
    senderName: (v.senderName ?? '').trim(),
    ...(filled(v.senderCode) ? { senderCode: filled(v.senderCode) } : {}),
    numberSymbol: (v.numberSymbol ?? '').trim(),
    issuedOn: toIsoDate(v.issuedOn)!,
    typeCode: v.typeCode!,
    subject: (v.subject ?? '').trim(),
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    ...(v.pageCount ? { pageCount: v.pageCount } : {}),
    ...(filled(v.note) ? { note: filled(v.note) } : {}),
  };
}

/**
 * `/admin/documents/incoming/new`: the clerk registers a document received on paper or electronically (NĐ 30/2020
 * Điều 22: checked, numbered and registered the day it arrives) with its scan or files; on success the arrival number
 * it got is announced and its page opens.
 */
export function IncomingNewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useApiError();
  const [form] = Form.useForm<RegisterValues>();
  const { data: me, isPending } = useMe();
  const { data: types, isPending: typesPending } = useDocumentTypes();
  const register = useRegisterIncoming();
  const upload = useUploadDocumentFiles('incoming');
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const units = useMemo(() => grantedUnits(me?.grants ?? [], CLERK_ROLES), [me]);

  const submit = async (values: RegisterValues) => {
    let saved;
    try {
      saved = await register.mutateAsync(toRegisterRequest(values));
    } catch (err) {
      showError(err, form);
      return;
    }
    if (files.length > 0) {
      try {
        await upload.mutateAsync({ documentId: saved.id, files });
      } catch (err) {
        showError(err);
        void message.warning(t('documents.incoming.new.filesFailed'));
      }
    }
    void message.success(t('documents.incoming.new.saved', { number: saved.arrivalNumber }));
    void navigate(DOCUMENT_PATHS.incomingOne(saved.id), { state: { registered: saved.arrivalNumber } });
  };

  const required = { required: true, whitespace: true, message: t('documents.validation.required') };
  const choose = { required: true, message: t('documents.validation.choose') };
  const length = (min: number, max: number) => ({ min, max, message: t('documents.validation.length', { min, max }) });

  const header = (
    <>
      <Breadcrumb items={[{ title: <Link to={DOCUMENT_PATHS.incoming}>{t('documents.incoming.list.title')}</Link> }, { title: t('documents.incoming.new.breadcrumb') }]} />
      <PageHeader title={t('documents.incoming.new.title')} subtitle={t('documents.incoming.new.subtitle')} />
    </>
  );

  // The unit picker's first value is set when the form mounts: wait for the officer's grants.
  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (units.length === 0) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Result
          status="info"
          title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('documents.incoming.new.noUnitTitle')}</h2>}
          subTitle={t('documents.incoming.new.noUnitText')}
          data-testid="incoming-new-no-unit"
        />
      </Flex>
    );
  }

  const saving = register.isPending || upload.isPending;
  return (
    <Flex vertical gap={16}>
      {header}
      <Form<RegisterValues>
        form={form}
        name="incoming-register"
        layout="vertical"
        initialValues={{ unitId: units[0]!.value, receivedVia: 'paper', urgency: 'normal', confidentiality: 'normal' }}
        onFinish={(v) => void submit(v)}
        data-testid="incoming-form"
        style={{ maxWidth: 960 }}
      >
        <Flex vertical gap={16}>
          <Card size="small" title={<CardHeading>{t('documents.incoming.new.receptionSection')}</CardHeading>}>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="unitId" label={t('documents.fields.unit')} rules={[choose]}>
                  <DocumentUnitSelect scope="covered" roles={CLERK_ROLES} testId="incoming-unit" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="receivedVia" label={t('documents.fields.receivedVia')} rules={[choose]}>
                  <Radio.Group
                    name="incoming-received-via"
                    options={REGISTERED_VIA.map((v) => ({ value: v, label: t(`documents.receivedVia.${v}`) }))}
                    data-testid="incoming-received-via"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="senderName" label={t('documents.fields.senderName')} rules={[required, length(L.nameMin, L.nameMax)]}>
                  <Input maxLength={L.nameMax} autoComplete="off" data-testid="incoming-sender" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="senderCode" label={t('documents.fields.senderCode')} rules={[{ max: L.codeMax, message: t('documents.validation.max', { max: L.codeMax }) }]}>
                  <Input maxLength={L.codeMax} autoComplete="off" data-testid="incoming-sender-code" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={<CardHeading>{t('documents.incoming.new.documentSection')}</CardHeading>}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="numberSymbol"
                  label={t('documents.fields.numberSymbol')}
                  extra={t('documents.incoming.new.numberSymbolHint')}
                  rules={[required, { max: L.numberSymbolMax, message: t('documents.validation.max', { max: L.numberSymbolMax }) }]}
                >
                  <Input maxLength={L.numberSymbolMax} autoComplete="off" data-testid="incoming-number-symbol" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="issuedOn"
                  label={t('documents.fields.issuedOn')}
                  rules={[
                    choose,
                    {
                      validator: (_, v: Dayjs | undefined) =>
                        v && v.isAfter(vnToday(), 'day') ? Promise.reject(new Error(t('documents.validation.futureDate'))) : Promise.resolve(),
                    },
                  ]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(vnToday(), 'day')} data-testid="incoming-issued-on" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="typeCode" label={t('documents.fields.type')} rules={[choose]}>
                  <Select
                    loading={typesPending}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(types?.items ?? []).map((ty) => ({ value: ty.code, label: ty.name }))}
                    data-testid="incoming-type"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="subject" label={t('documents.fields.subject')} rules={[required, length(L.subjectMin, L.subjectMax)]}>
              <Input.TextArea rows={3} maxLength={L.subjectMax} showCount data-testid="incoming-subject" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="urgency" label={t('documents.fields.urgency')} rules={[choose]}>
                  <Select options={URGENCY_LEVELS.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} data-testid="incoming-urgency" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="confidentiality" label={t('documents.fields.confidentiality')} rules={[choose]}>
                  <Select options={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`documents.confidentiality.${c}`) }))} data-testid="incoming-confidentiality" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="pageCount" label={t('documents.fields.pageCount')}>
                  <InputNumber min={1} max={L.pageCountMax} precision={0} style={{ width: '100%' }} data-testid="incoming-page-count" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="note" label={t('documents.fields.note')} rules={[{ max: L.noteMax, message: t('documents.validation.max', { max: L.noteMax }) }]}>
              <Input.TextArea rows={2} maxLength={L.noteMax} data-testid="incoming-note" />
            </Form.Item>
          </Card>

          <Card size="small" title={<CardHeading>{t('documents.incoming.new.filesSection')}</CardHeading>}>
            <Form.Item
              label={t('documents.fields.files')}
              htmlFor="incoming-files"
              extra={`${t('documents.incoming.new.filesHint')} ${t('documents.files.hint', { mb: FILE_MB })}`}
              validateStatus={fileProblem ? 'error' : undefined}
              help={fileProblem ?? undefined}
              style={{ marginBottom: 0 }}
            >
              <FileChooser files={files} onChange={setFiles} onProblem={setFileProblem} testId="incoming-files" id="incoming-files" />
            </Form.Item>
          </Card>

          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={saving} data-testid="incoming-submit">
              {t('documents.incoming.new.submit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}
