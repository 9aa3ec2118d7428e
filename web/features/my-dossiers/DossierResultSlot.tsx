import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';
import { useApiError } from '../../app/useApiError';
import type { RatingView } from '../../../contracts/ratings/ratings.contracts';
import { RatingForm, type RatingFormValues } from '../ratings/RatingForm';
import { RatingOutcome } from '../ratings/RatingOutcome';
import { myResultFileUrl, useMyDossierRating, useMyDossierResult, useRateMyDossier, type CitizenDossierDetail } from './my-dossiers.api';

/** The dossier's end on the applicant's page: the electronic result, then the satisfaction rating once it ended. */
export function DossierResultSlot({ dossier }: { dossier: CitizenDossierDetail }) {
  return (
    <>
      <ElectronicResult dossier={dossier} />
      <RatingCard dossier={dossier} />
    </>
  );
}

/**
 * The applicant rates the service once the dossier ended (issue 11 item 7, D30): the same questions as the e-mail link
 * and the desk's kiosk; afterwards the rating given is shown.
 */
function RatingCard({ dossier }: { dossier: CitizenDossierDetail }) {
  const { t } = useTranslation();
  const { data, refetch } = useMyDossierRating(dossier.id, true);
  const rate = useRateMyDossier(dossier.id);
  const showError = useApiError();
  const [form] = Form.useForm<RatingFormValues>();
  const [rated, setRated] = useState<RatingView | null>(null);
  if (!data || data.state === 'not-ended') return null;
  const shown = rated ?? data.rating;
  return (
    <Card size="small" title={t('ratings.link.title')} data-testid="my-dossier-rating">
      {shown ? (
        <RatingOutcome rating={shown} justRated={rated !== null} code={data.dossierCode} />
      ) : (
        <RatingForm
          form={form}
          submitting={rate.isPending}
          onSubmit={(answers) =>
            rate.mutate(answers, {
              onSuccess: setRated,
              onError: (err) => {
                showError(err, form);
                void refetch();
              },
            })
          }
        />
      )}
    </Card>
  );
}

/**
 * The dossier's electronic result on the applicant's page (issue 11 item 5): the unit's PDF as issued and its QR certificate to
 * download, where to verify them, and whether a paper original is still to be collected. Nothing until it is issued.
 */
function ElectronicResult({ dossier }: { dossier: CitizenDossierDetail }) {
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
