import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import type { DocumentFile } from '../../../contracts/documents/documents.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { documentFileUrl, useUploadDocumentFiles } from './documents.api';
import { FILE_MB, FileChooser } from './FileChooser';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

interface DocumentFilesProps {
  kind: 'incoming' | 'outgoing';
  documentId: string;
  files: DocumentFile[];
  /** The server allows this officer to add files now (`upload` in allowedActions). */
  canUpload: boolean;
}

/** A document's files (each a download link) and, when allowed, the chooser that adds more. */
export function DocumentFiles({ kind, documentId, files, canUpload }: DocumentFilesProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const upload = useUploadDocumentFiles(kind);
  const [chosen, setChosen] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const send = () =>
    upload.mutate(
      { documentId, files: chosen },
      {
        onSuccess: () => {
          setChosen([]);
          void message.success(t('documents.files.uploaded'));
        },
        onError: (err) => showError(err),
      },
    );

  return (
    <Flex vertical gap={12} data-testid={`${kind}-files`}>
      {files.length === 0 ? (
        <Typography.Text type="secondary">{t('documents.files.none')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {files.map((f) => (
            <li key={f.id} style={{ marginBottom: 6 }}>
              <Flex gap={8} wrap align="baseline">
                <FileOutlined aria-hidden />
                <a href={documentFileUrl(f.id)} download={f.fileName} className="wrap-anywhere" style={{ textDecoration: 'underline' }} data-testid={`file-${f.id}`}>
                  {f.fileName}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {size(f.sizeBytes)} · {formatInstant(f.uploadedAt)}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('documents.files.hint', { mb: FILE_MB })}</Typography.Text>
          <FileChooser files={chosen} onChange={setChosen} onProblem={setProblem} testId={`${kind}-files-choose`} />
          {problem ? (
            <Typography.Text type="danger" role="alert">
              {problem}
            </Typography.Text>
          ) : null}
          {chosen.length > 0 ? (
            <div>
              <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={upload.isPending} onClick={send} data-testid={`${kind}-files-upload`}>
                {t('documents.files.upload')}
              </Button>
            </div>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
}
