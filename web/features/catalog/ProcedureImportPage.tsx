import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Flex, Row, Statistic, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../ui/LinkButton';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { useImportProcedures } from './catalog.api';
import type { ImportReport } from './catalog.types';
import { ImportReportTable } from './ImportReportTable';

/** Imports procedures from a `.json` or `.xlsx` file, with a dry run and a row-level report. */
export function ProcedureImportPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const importer = useImportProcedures();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [publish, setPublish] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = () => {
    if (!file) return;
    importer.mutate(
      { file, dryRun, publish },
      {
        onSuccess: (r) => setReport(r),
        onError: (err) => showError(err),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('catalog.import.title')}
        extra={
          <LinkButton to="/admin/procedures" icon={<ArrowLeftOutlined />}>
            {t('catalog.editor.backToList')}
          </LinkButton>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalog.import.help')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            // Keep the file in the browser; it is sent when the user presses the button.
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('catalog.import.drop')}</p>
          <p className="ant-upload-hint">{t('catalog.import.formats')}</p>
        </Upload.Dragger>
        <Flex wrap gap={16} align="center" style={{ marginTop: 16 }}>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
            {t('catalog.import.dryRun')}
          </Checkbox>
          <Checkbox checked={publish} disabled={dryRun} onChange={(e) => setPublish(e.target.checked)}>
            {t('catalog.import.publish')}
          </Checkbox>
          <Button type="primary" disabled={!file} loading={importer.isPending} onClick={run} data-testid="run-import">
            {dryRun ? t('catalog.import.check') : t('catalog.import.run')}
          </Button>
        </Flex>
      </Card>
      {report && (
        <Card size="small" title={report.dryRun ? t('catalog.import.dryRunReport') : t('catalog.import.report')}>
          {report.dryRun ? <Alert type="info" showIcon title={t('catalog.import.dryRunNote')} style={{ marginBottom: 16 }} /> : null}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Statistic title={t('catalog.import.created')} value={report.created} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('catalog.import.updated')} value={report.updated} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('catalog.import.skipped')} value={report.skipped} />
            </Col>
          </Row>
          <ImportReportTable rows={report.rows} />
        </Card>
      )}
    </>
  );
}
