import { Button, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FILE_TYPES, DOCUMENT_LIMITS as L } from '../../../contracts/documents/documents.values';

/** The media types the server recognises by content today (docs/api-plan-documents.md "As built": no DOCX yet). */
const ACCEPTED: readonly string[] = DOCUMENT_FILE_TYPES.filter((m) => m === 'application/pdf' || m.startsWith('image/'));
/** What the file input accepts (the server checks again): PDF, JPEG, PNG. */
export const FILE_ACCEPT = [...ACCEPTED, '.pdf', '.jpg', '.jpeg', '.png'].join(',');
const MB = Math.round(L.fileBytesMax / (1024 * 1024));

/** Why a chosen file cannot be sent, or null (type and size, as the server checks them). */
export function fileProblem(file: File, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED.includes(file.type) && !byName) return t('documents.validation.fileType');
  if (file.size > L.fileBytesMax) return t('documents.validation.fileSize', { mb: MB });
  return null;
}

interface FileChooserProps {
  files: File[];
  onChange: (files: File[]) => void;
  /** Reports a refused file (wrong type, too large). */
  onProblem: (problem: string | null) => void;
  testId: string;
  id?: string;
}

/** Chooses the files to send with a document; kept in the browser until the form is sent. */
export function FileChooser({ files, onChange, onProblem, testId, id }: FileChooserProps) {
  const { t } = useTranslation();
  const list: UploadFile[] = files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done', size: f.size }));
  return (
    <Upload
      accept={FILE_ACCEPT}
      multiple
      maxCount={L.filesPerUpload}
      fileList={list}
      beforeUpload={(f, batch) => {
        // antd calls this once per file of the batch: take the batch once, at its first file.
        if (f !== batch[0]) return false;
        const problems = batch.map((x) => fileProblem(x, t)).filter((p): p is string => p !== null);
        onProblem(problems[0] ?? null);
        const ok = batch.filter((x) => fileProblem(x, t) === null);
        onChange([...files, ...ok].slice(0, L.filesPerUpload));
        return false;
      }}
      onRemove={(u) => {
        onChange(files.filter((_, i) => `${i}-${files[i]!.name}` !== u.uid));
        onProblem(null);
      }}
    >
      <Button icon={<PaperClipOutlined aria-hidden />} data-testid={testId} id={id}>
        {t('documents.files.choose')}
      </Button>
    </Upload>
  );
}

/** The size limit in MB, for hints. */
export const FILE_MB = MB;
