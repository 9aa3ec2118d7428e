import { Flex, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './dossiers.format';
import type { DossierDetail } from './dossiers.types';

type Files = DossierDetail['supplementRequests'][number]['files'];

/** The files the applicant sent online for a supplement request, each opened in a new tab (issue 11 item 4). */
export function SupplementFiles({ dossierId, items, files }: { dossierId: string; items: string[]; files: Files }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} data-testid="supplement-files">
      <Typography.Text type="secondary">{t('dossiers.detail.supplementFiles', { date: formatInstant(files[0]!.submittedAt) })}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {files.map((f) => (
          <li key={f.id} className="wrap-anywhere">
            <a href={`/api/v1/dossiers/${dossierId}/supplement-files/${f.id}`} target="_blank" rel="noopener">
              <FileOutlined /> {f.fileName}
            </a>{' '}
            <Typography.Text type="secondary">({f.itemIndex === null ? t('dossiers.detail.supplementOther') : (items[f.itemIndex] ?? '')})</Typography.Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
