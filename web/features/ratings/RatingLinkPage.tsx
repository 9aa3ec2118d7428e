import { useState } from 'react';
import { Flex, Form, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { PageTitle } from '../../ui/PageTitle';
import type { RatingView } from '../../../contracts/ratings/ratings.contracts';
import { DossierHeading } from './DossierHeading';
import { RatingForm, type RatingFormValues } from './RatingForm';
import { RatingOutcome } from './RatingOutcome';
import { useRateByInvitation, useRatingInvitation } from './ratings.api';

/** Where the kiosk page is (also for a citizen whose link does not work). */
export const KIOSK_PATH = '/danh-gia';

/**
 * `/danh-gia/loi-moi?token=…`: the page the rating link sent when a dossier ended opens (e-mail, SMS, Zalo). No
 * login: the link's secret is the proof. Shows the dossier, then the questions, then the thanks.
 */
export function RatingLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() || null;
  const invitation = useRatingInvitation(token);
  const rate = useRateByInvitation();
  const showError = useApiError();
  const [form] = Form.useForm<RatingFormValues>();
  const [rated, setRated] = useState<RatingView | null>(null);

  let body;
  if (!token || (invitation.error instanceof ApiError && invitation.error.status === 404)) {
    body = (
      <Result
        status="info"
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('ratings.link.invalid')}</h2>}
        subTitle={
          <>
            {t('ratings.link.invalidHint')}{' '}
            <Link to={KIOSK_PATH} style={{ textDecoration: 'underline' }}>
              {t('ratings.link.toKiosk')}
            </Link>
          </>
        }
        data-testid="rating-link-invalid"
      />
    );
  } else if (invitation.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (invitation.error) body = <Result status="warning" title={<h2 style={{ fontSize: 20, margin: 0 }}>{invitation.error.message}</h2>} />;
  else {
    const view = invitation.data;
    const shown = rated ?? view.rating;
    body = (
      <Flex vertical gap={16}>
        <DossierHeading view={view} />
        {shown ? (
          <RatingOutcome rating={shown} justRated={rated !== null} code={view.dossierCode} />
        ) : (
          <RatingForm
            form={form}
            submitting={rate.isPending}
            onSubmit={(answers) =>
              rate.mutate(
                { token, ...answers },
                {
                  onSuccess: setRated,
                  onError: (err) => {
                    showError(err, form);
                    // Rated meanwhile by another door: show what was recorded.
                    if (err instanceof ApiError && err.status === 409) void invitation.refetch();
                  },
                },
              )
            }
          />
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <div>
        <PageTitle style={{ marginBottom: 8 }}>{t('ratings.link.title')}</PageTitle>
        <Typography.Text type="secondary">{t('ratings.link.subtitle')}</Typography.Text>
      </div>
      {body}
    </Flex>
  );
}
