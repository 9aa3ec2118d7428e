import { Button, Typography } from 'antd';
import { FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SubmissionFile } from './submissions.types';

/** A size in kB or MB. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** An attached file, opened in a new tab by the browser's own viewer (the server sends it inline). */
export function FileLink({ file, thumbnail = false }: { file: SubmissionFile; thumbnail?: boolean }) {
  const { t } = useTranslation();
  const image = file.mediaType.startsWith('image/');
  return (
    <span style={{ minWidth: 0 }}>
      <Button
        type="link"
        href={file.url}
        target="_blank"
        rel="noopener"
        icon={image ? <FileImageOutlined /> : <FilePdfOutlined />}
        style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
        aria-label={t('submissions.files.open', { name: file.fileName })}
        data-testid="file-link"
      >
        <span className="wrap-anywhere">{file.fileName}</span>
      </Button>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ({formatSize(file.sizeBytes)})
      </Typography.Text>
      {thumbnail && image ? (
        <a href={file.url} target="_blank" rel="noopener" style={{ display: 'block', marginTop: 4 }} tabIndex={-1} aria-hidden>
          <img src={file.url} alt="" style={{ maxHeight: 160, maxWidth: '100%', border: '1px solid #d9d9d9', borderRadius: 4 }} data-testid="file-thumbnail" />
        </a>
      ) : null}
    </span>
  );
}
