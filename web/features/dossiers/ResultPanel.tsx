import { useState } from 'react';
import { App, Button, Checkbox, Descriptions, Flex, Form, Input, Select, Switch, Tag, Typography, Upload, type UploadFile } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { DOCUMENT_TYPES, SIGNING_PREFIXES } from '../../../contracts/documents/documents.values';
import { useAttachResult, useDossierResult, type AttachResultDocument, type IssuedResult } from '../results/results.api';
import { formatInstant } from './dossiers.format';
import type { DossierDetail } from './dossiers.types';

const hashStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;
const fileUrl = (dossierId: string, resultId: string, file: 'result' | 'certificate') => `/api/v1/dossiers/${dossierId}/result/${resultId}/${file}`;

/** The result in force: its two files, when and by whom it was issued, its hash, the verification link and paper original. */
function IssuedFacts({ dossierId, r }: { dossierId: string; r: IssuedResult }) {
  const { t } = useTranslation();
  const link = {
    type: 'link' as const,
    target: '_blank',
    rel: 'noopener',
    style: { paddingInline: 0, height: 'auto', whiteSpace: 'normal' as const, textAlign: 'start' as const },
  };
  return (
    <Flex vertical gap={8} data-testid="result-current">
      <Flex vertical align="flex-start" gap={2}>
        <Button {...link} icon={<FilePdfOutlined />} href={fileUrl(dossierId, r.id, 'result')} data-testid="result-file">
          <span className="wrap-anywhere">{`${t('dossiers.results.file')}: ${r.fileName}`}</span>
        </Button>
        <Button {...link} icon={<SafetyCertificateOutlined />} href={fileUrl(dossierId, r.id, 'certificate')} data-testid="result-certificate">
          {t('dossiers.results.certificate')}
        </Button>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'status', label: t('dossiers.results.verify.statusLabel'), children: <Tag color="green">{t(`dossiers.results.status.${r.status}`)}</Tag> },
          { key: 'issued', label: t('dossiers.results.issuedAt'), children: formatInstant(r.issuedAt) },
          { key: 'by', label: t('dossiers.results.issuedBy'), children: r.issuedBy },
          { key: 'unit', label: t('dossiers.results.issuingUnit'), children: <span className="wrap-anywhere">{r.issuingUnit.name}</span> },
          ...(r.document
            ? [{ key: 'number', label: t('dossiers.results.documentNumber'), children: <span data-testid="result-document-number">{r.document.numberSymbol}</span> }]
            : []),
          {
            key: 'sha',
            label: t('dossiers.results.sha256'),
            children: (
              <Typography.Text style={hashStyle} className="wrap-anywhere" copyable data-testid="result-sha256">
                {r.sha256}
              </Typography.Text>
            ),
          },
          {
            key: 'paper',
            label: t('dossiers.results.paper.label'),
            children: <span data-testid="result-paper">{t(`dossiers.results.paper.${r.paperOriginalReason ?? 'none'}`)}</span>,
          },
          {
            key: 'verify',
            label: t('dossiers.results.verifyLink'),
            children: (
              <Typography.Link href={r.verifyUrl} target="_blank" rel="noopener" className="wrap-anywhere" data-testid="result-verify-link">
                {r.verifyUrl}
              </Typography.Link>
            ),
          },
        ]}
      />
    </Flex>
  );
}

interface UploadValues {
  paperOriginal: boolean;
  reason?: string;
  /** Number the result in the outgoing series of the signing unit (issue 15 item 6). */
  issueDocument: boolean;
  document?: AttachResultDocument;
}

/** The signing authority's label key ('' is a direct signature). */
const prefixKey = (p: string) => (p === '' ? 'none' : p.replace('.', ''));

/** The switch and, when on, the type, signer position, signer name and signing authority of the result's document. */
function DocumentFields() {
  const { t } = useTranslation();
  const on = Form.useWatch<boolean | undefined>('issueDocument');
  return (
    <>
      <Form.Item name="issueDocument" valuePropName="checked" label={t('dossiers.results.document.switch')} extra={t('dossiers.results.document.hint')}>
        <Switch data-testid="result-document-switch" />
      </Form.Item>
      {on ? (
        <div data-testid="result-document-fields">
          <Form.Item name={['document', 'typeCode']} label={t('dossiers.results.document.type')} rules={[{ required: true, message: t('dossiers.results.document.type') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="result-document-type"
              options={DOCUMENT_TYPES.map((d) => ({ value: d.code, label: d.abbreviation ? `${d.name} (${d.abbreviation})` : d.name }))}
            />
          </Form.Item>
          <Form.Item
            name={['document', 'signerPosition']}
            label={t('dossiers.results.document.signerPosition')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('dossiers.results.document.signerPosition') }]}
          >
            <Input maxLength={300} data-testid="result-document-position" />
          </Form.Item>
          <Form.Item
            name={['document', 'signerName']}
            label={t('dossiers.results.document.signerName')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('dossiers.results.document.signerName') }]}
          >
            <Input maxLength={300} data-testid="result-document-signer" />
          </Form.Item>
          <Form.Item name={['document', 'signingPrefix']} label={t('dossiers.results.document.signingPrefix')}>
            <Select data-testid="result-document-prefix" options={SIGNING_PREFIXES.map((p) => ({ value: p, label: t(`dossiers.results.document.prefixes.${prefixKey(p)}`) }))} />
          </Form.Item>
        </div>
      ) : null}
    </>
  );
}

/** The holder's form: one PDF, "paper original to collect", and the reason when a result in force is replaced. */
function AttachForm({ dossier: d, replacing, paperByDelivery }: { dossier: DossierDetail; replacing: boolean; paperByDelivery: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const attach = useAttachResult(d.id, d.version);
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const list: UploadFile[] = file ? [{ uid: 'result', name: file.name, status: 'done', size: file.size }] : [];

  const submit = (values: UploadValues) => {
    if (!file) {
      setFileError(t('dossiers.results.upload.noFile'));
      return;
    }
    attach.mutate(
      {
        file,
        paperOriginal: paperByDelivery || values.paperOriginal,
        ...(replacing && values.reason ? { reason: values.reason } : {}),
        ...(values.issueDocument && values.document ? { document: values.document } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('dossiers.results.upload.done'));
          setFile(null);
          form.resetFields();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ paperOriginal: false, issueDocument: false, document: { typeCode: 'QD', signingPrefix: '' } }}
      onFinish={submit}
      data-testid="result-form"
      style={{ marginTop: replacing ? 12 : 0 }}
    >
      <Form.Item
        label={t('dossiers.results.upload.choose')}
        extra={t('dossiers.results.upload.hint')}
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ?? undefined}
        required
      >
        <Upload
          accept="application/pdf,.pdf"
          maxCount={1}
          fileList={list}
          beforeUpload={(f) => {
            setFile(f);
            setFileError(null);
            // Kept in the browser until the form is sent.
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />} data-testid="result-choose">
            {t('dossiers.results.upload.choose')}
          </Button>
        </Upload>
      </Form.Item>
      {paperByDelivery ? (
        <Typography.Paragraph type="secondary" data-testid="result-paper-by-delivery">
          {t('dossiers.results.upload.paperByDelivery', { delivery: t(`dossiers.delivery.${d.resultDelivery}`) })}
        </Typography.Paragraph>
      ) : (
        <Form.Item name="paperOriginal" valuePropName="checked">
          <Checkbox data-testid="result-paper-original">{t('dossiers.results.upload.paperOriginal')}</Checkbox>
        </Form.Item>
      )}
      {replacing ? (
        <Form.Item
          name="reason"
          label={t('dossiers.results.upload.reason')}
          extra={t('dossiers.results.upload.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('dossiers.results.upload.reason') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="result-reason" />
        </Form.Item>
      ) : null}
      <DocumentFields />
      <Button type="primary" htmlType="submit" loading={attach.isPending} data-testid="result-submit">
        {replacing ? t('dossiers.results.upload.replace') : t('dossiers.results.upload.submit')}
      </Button>
    </Form>
  );
}

/**
 * The electronic result card of the dossier page (NĐ 45/2020/NĐ-CP): the issue in force with its certificate and
 * verification link, replaced issues, and for the holder the upload that issues or replaces it.
 */
export function ResultPanel({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const { data } = useDossierResult(d.id, d.version);
  if (!data) return null;
  return (
    <Flex vertical gap={8} data-testid="result-panel">
      {data.current ? (
        <IssuedFacts dossierId={d.id} r={data.current} />
      ) : (
        <Typography.Text type="secondary" data-testid="result-none">
          {data.canAttach ? t('dossiers.results.noneCanAttach') : t('dossiers.results.none')}
        </Typography.Text>
      )}
      {data.history.length > 0 ? (
        <div data-testid="result-history">
          <Typography.Text strong>{t('dossiers.results.history')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {data.history.map((h) => (
              <li key={h.id} className="wrap-anywhere">
                <Typography.Link href={fileUrl(d.id, h.id, 'result')} target="_blank" rel="noopener">
                  {h.fileName}
                </Typography.Link>{' '}
                <Tag>{t('dossiers.results.status.replaced')}</Tag>
                <div>
                  <Typography.Text type="secondary">
                    {t('dossiers.results.replacedLine', { date: formatInstant(h.replacedAt), name: h.replacedBy ?? '', reason: h.replaceReason ?? '' })}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.canAttach ? <AttachForm dossier={d} replacing={data.current !== null} paperByDelivery={data.paperByDelivery} /> : null}
    </Flex>
  );
}
