import { Button, Flex, Typography, Upload } from 'antd';
import { CloseOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * One CSV file chosen for a form field (antd's Form.Item gives `id`, `value` and `onChange`): the file stays in the
 * browser until the form sends its text.
 */
export function CsvFilePicker({ id, value, onChange }: { id?: string; value?: File; onChange?: (file: File | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center">
      <Upload
        id={id}
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          onChange?.(file);
          // The text goes with the form, not through antd's uploader.
          return false;
        }}
        data-testid="statement-file"
      >
        <Button icon={<UploadOutlined aria-hidden />}>{t('payments.statement.choose')}</Button>
      </Upload>
      {value ? (
        <Flex gap={4} align="center" style={{ minWidth: 0 }}>
          <FileTextOutlined aria-hidden />
          <Typography.Text className="wrap-anywhere" data-testid="statement-file-name">
            {value.name}
          </Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t('payments.statement.removeFile', { name: value.name })}
            title={t('payments.statement.removeFile', { name: value.name })}
            onClick={() => onChange?.(undefined)}
          />
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('payments.statement.noFile')}</Typography.Text>
      )}
    </Flex>
  );
}
