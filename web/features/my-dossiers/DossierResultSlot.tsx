import { Alert, Button, Card, Flex, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';
import { myResultFileUrl, useMyDossierResult, type CitizenDossierDetail } from './my-dossiers.api';

/**
 * The dossier's result on the applicant's page (issue 11 item 5): the unit's PDF as issued and its QR certificate to
 * download, where to verify them, and whether a paper original is still to be collected. Nothing until it is issued.
 */
export function DossierResultSlot({ dossier }: { dossier: CitizenDossierDetail }) {
  const { t } = useTranslation();
  const { data } = useMyDossierResult(dossier.id, true);
  const result = data?.result;
  if (!result) return null;
  return (
    <Card size="small" title={t('citizen.result.title')} data-testid="my-dossier-result">
      <Flex vertical gap={8}>
        <Typography.Text className="wrap-anywhere" strong>
          {result.fileName}
        </Typography.Text>
        <Typography.Text type="secondary">{t('citizen.result.issuedBy', { unit: result.issuingUnitName, at: formatInstant(result.issuedAt) })}</Typography.Text>
        <Flex wrap gap={8}>
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} href={myResultFileUrl(dossier.id, 'result')} data-testid="download-result">
            {t('citizen.result.download')}
          </Button>
          <Button icon={<SafetyCertificateOutlined aria-hidden />} href={myResultFileUrl(dossier.id, 'certificate')} data-testid="download-certificate">
            {t('citizen.result.certificate')}
          </Button>
          <Button type="link" href={result.verifyUrl} target="_blank" rel="noopener" data-testid="verify-result">
            {t('citizen.result.verify')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="wrap-anywhere">
          {t('citizen.result.sha256')}: <code>{result.sha256}</code>
        </Typography.Text>
        {result.paperOriginal ? <Alert type="info" showIcon title={t('citizen.result.paperOriginal')} /> : null}
      </Flex>
    </Card>
  );
}
