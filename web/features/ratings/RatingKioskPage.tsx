import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { PageTitle } from '../../ui/PageTitle';
import type { KioskProof, RatingInvitationView, RatingView } from '../../../contracts/ratings/ratings.contracts';
import { DossierHeading } from './DossierHeading';
import { RatingForm, type RatingFormValues } from './RatingForm';
import { RatingOutcome } from './RatingOutcome';
import { useKioskLookup, useRateAtKiosk } from './ratings.api';

/**
 * `/danh-gia`: the desk's kiosk (also any citizen without the link). The dossier is found by its code together with
 * the applicant's ID number, both printed on the receipt (Mẫu 01) — a code alone, which anyone may read on the public
 * lookup, never rates. After a rating the kiosk starts again for the next citizen.
 */
export function RatingKioskPage() {
  const { t } = useTranslation();
  const [proofForm] = Form.useForm<KioskProof>();
  const [form] = Form.useForm<RatingFormValues>();
  const lookup = useKioskLookup();
  const rate = useRateAtKiosk();
  const showError = useApiError();
  const [proof, setProof] = useState<KioskProof | null>(null);
  const [view, setView] = useState<RatingInvitationView | null>(null);
  const [rated, setRated] = useState<RatingView | null>(null);
  const notFound = lookup.error instanceof ApiError && lookup.error.status === 404 ? lookup.error.message : null;

  const restart = () => {
    setProof(null);
    setView(null);
    setRated(null);
    lookup.reset();
    proofForm.resetFields();
    form.resetFields();
  };

  const find = (values: KioskProof) => {
    const p = { code: values.code.trim(), idNumber: values.idNumber.trim() };
    lookup.mutate(p, {
      onSuccess: (v) => {
        setProof(p);
        setView(v);
      },
      onError: (err) => {
        if (!(err instanceof ApiError && err.status === 404)) showError(err, proofForm);
      },
    });
  };

  let step;
  if (!view || !proof) {
    step = (
      <Card size="small">
        <Form form={proofForm} layout="vertical" onFinish={find} requiredMark={false} data-testid="kiosk-proof">
          <Form.Item
            name="code"
            label={t('ratings.kiosk.code')}
            extra={t('ratings.kiosk.codeHint')}
            rules={[{ required: true, whitespace: true, message: t('ratings.kiosk.codeRequired') }]}
          >
            <Input size="large" autoComplete="off" autoFocus data-testid="kiosk-code" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('ratings.kiosk.idNumber')}
            extra={t('ratings.kiosk.idNumberHint')}
            rules={[{ required: true, whitespace: true, message: t('ratings.kiosk.idNumberRequired') }]}
          >
            <Input size="large" autoComplete="off" inputMode="numeric" data-testid="kiosk-id-number" />
          </Form.Item>
          <div role="status" aria-live="polite">
            {notFound ? <Alert type="warning" showIcon title={notFound} style={{ marginBottom: 16 }} data-testid="kiosk-not-found" /> : null}
          </div>
          <Button type="primary" htmlType="submit" size="large" block loading={lookup.isPending} data-testid="kiosk-find">
            {t('ratings.kiosk.find')}
          </Button>
        </Form>
      </Card>
    );
  } else {
    const shown = rated ?? view.rating;
    step = (
      <Flex vertical gap={16}>
        <DossierHeading view={view} />
        {shown ? (
          <RatingOutcome rating={shown} justRated={rated !== null} code={view.dossierCode} />
        ) : view.state === 'not-ended' ? (
          <Alert type="info" showIcon title={t('ratings.kiosk.notEnded', { code: view.dossierCode })} data-testid="kiosk-not-ended" />
        ) : (
          <RatingForm
            form={form}
            submitting={rate.isPending}
            onSubmit={(answers) => rate.mutate({ ...proof, ...answers }, { onSuccess: setRated, onError: (err) => showError(err, form) })}
          />
        )}
        <Button size="large" onClick={restart} data-testid="kiosk-restart">
          {shown ? t('ratings.kiosk.next') : t('ratings.kiosk.cancel')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <div>
        <PageTitle style={{ marginBottom: 8 }}>{t('ratings.kiosk.title')}</PageTitle>
        <Typography.Text type="secondary">{t('ratings.kiosk.subtitle')}</Typography.Text>
      </div>
      {step}
    </Flex>
  );
}
