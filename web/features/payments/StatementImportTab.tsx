import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Row, Statistic, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { formatDate } from '../../ui/dates';
import { formatInstant } from '../dossiers/dossiers.format';
import { CsvFilePicker } from './CsvFilePicker';
import { useImportStatement } from './payments.api';
import { formatVnd } from './payments.format';
import type { StatementView } from './payments.types';

/** The server takes a statement of up to 5,000,000 characters (ImportStatementRequestSchema). */
const MAX_BYTES = 5_000_000;

interface StatementForm {
  day: Dayjs;
  file: File;
}

/** What an import found: lines read, the total, matched and mismatched lines, and the lines that could not be read. */
function StatementResult({ view, onShowMismatches }: { view: StatementView; onShowMismatches: () => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('payments.statement.resultTitle', { day: formatDate(view.day) })}</h2>} data-testid="statement-result">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('payments.statement.importedAt', { at: formatInstant(view.importedAt) })}</Typography.Text>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('payments.statement.lines')} value={view.lines} data-testid="statement-lines" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payments.statement.total')} value={formatVnd(t, view.totalVnd)} data-testid="statement-total" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payments.statement.matched')} value={view.matched} data-testid="statement-matched" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('payments.statement.mismatches')} value={view.mismatches} data-testid="statement-mismatches" />
          </Col>
        </Row>
        {view.mismatches > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('payments.statement.mismatchesFound', { count: view.mismatches })}
            action={
              <Button size="small" onClick={onShowMismatches} data-testid="statement-show-mismatches">
                {t('payments.statement.showMismatches')}
              </Button>
            }
          />
        ) : (
          <Alert type="success" showIcon title={t('payments.statement.allMatched')} />
        )}
        {view.unreadable.length > 0 ? (
          <section aria-labelledby="statement-unreadable-heading">
            <h3 id="statement-unreadable-heading" style={{ fontSize: 14, margin: '0 0 4px' }}>
              {t('payments.statement.unreadable', { count: view.unreadable.length })}
            </h3>
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="statement-unreadable">
              {view.unreadable.map((u) => (
                <li key={`${u.line}:${u.reason}`} className="wrap-anywhere">
                  {t('payments.statement.unreadableLine', { line: u.line, reason: u.reason })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Flex>
    </Card>
  );
}

/** Imports the gateway's daily statement (CSV, read in the browser) and shows what matched and what did not. */
export function StatementImportTab({ onShowMismatches }: { onShowMismatches: () => void }) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [form] = Form.useForm<StatementForm>();
  const importing = useImportStatement();
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<StatementView | null>(null);

  const submit = async ({ day, file }: StatementForm) => {
    setReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch (err) {
      // The file went away or cannot be read (moved, no permission): say so on its field.
      console.error(err);
      form.setFields([{ name: 'file', errors: [t('payments.statement.unreadableFile')] }]);
      return;
    } finally {
      setReading(false);
    }
    importing.mutate(
      { day: day.format('YYYY-MM-DD'), csv },
      {
        onSuccess: (view) => {
          setResult(view);
          form.resetFields(['file']);
        },
        onError: (err) => showError(err, form, { csv: 'file' }),
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('payments.statement.title')}</h2>}>
        <Typography.Paragraph type="secondary">{t('payments.statement.hint')}</Typography.Paragraph>
        <Form form={form} name="payments-statement" layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 560 }}>
          <Form.Item name="day" label={t('payments.statement.day')} rules={[{ required: true, message: t('payments.statement.dayRequired') }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%', maxWidth: 240 }} data-testid="statement-day" />
          </Form.Item>
          <Form.Item
            name="file"
            label={t('payments.statement.file')}
            extra={t('payments.statement.fileHint')}
            rules={[
              { required: true, message: t('payments.statement.fileRequired') },
              {
                validator: async (_, file?: File) => {
                  if (file && file.size > MAX_BYTES) throw new Error(t('payments.statement.fileTooLarge'));
                },
              },
            ]}
          >
            <CsvFilePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<ImportOutlined aria-hidden />} loading={reading || importing.isPending} data-testid="statement-import">
            {t('payments.statement.import')}
          </Button>
        </Form>
      </Card>
      {result ? <StatementResult view={result} onShowMismatches={onShowMismatches} /> : null}
    </Flex>
  );
}
