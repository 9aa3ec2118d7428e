import { useState } from 'react';
import { App, Button, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { AccountCard } from './AccountCard';
import { useConfirmPhone, useResendPhoneCode } from './account.api';
import { ACCOUNT_PATHS } from './account-form';

interface Values {
  phone: string;
  code: string;
}

/** Confirms an account registered by phone with the six-digit code sent by SMS. */
export function ConfirmPhonePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const confirm = useConfirmPhone();
  const resend = useResendPhoneCode();
  const showError = useApiError();
  const [done, setDone] = useState<string | null>(null);

  if (done) {
    return (
      <AccountCard width={520}>
        <Result
          status="success"
          title={t('identity.account.confirmPhone.doneTitle')}
          subTitle={t('identity.account.confirmPhone.doneText', { phone: done })}
          extra={
            <Link to={`${ACCOUNT_PATHS.signIn}?login=${encodeURIComponent(done)}`}>
              <Button type="primary">{t('identity.account.signIn.submit')}</Button>
            </Link>
          }
        />
      </AccountCard>
    );
  }

  const onResend = async () => {
    let phone: string;
    try {
      ({ phone } = await form.validateFields(['phone']));
    } catch {
      return;
    }
    resend.mutate(phone, { onSuccess: () => void message.success(t('identity.account.confirmPhone.resent', { phone })), onError: (err) => showError(err, form) });
  };

  return (
    <AccountCard width={480} title={t('identity.account.confirmPhone.title')} subtitle={t('identity.account.confirmPhone.subtitle')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ phone: params.get('phone') ?? '' }}
        onFinish={(values) => confirm.mutate(values, { onSuccess: (res) => setDone(res.phone), onError: (err) => showError(err, form) })}
      >
        <Form.Item name="phone" label={t('identity.account.fields.phone')} rules={[{ required: true, message: t('common.validation.required') }]}>
          <Input type="tel" autoComplete="tel" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="code" label={t('identity.account.fields.code')} rules={[{ required: true, message: t('common.validation.required') }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus style={{ letterSpacing: 4, fontSize: 18 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={confirm.isPending}>
          {t('identity.account.confirmPhone.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('identity.account.confirmPhone.noCode')}{' '}
        <Button type="link" style={{ padding: 0 }} loading={resend.isPending} onClick={() => void onResend()}>
          {t('identity.account.confirmPhone.resend')}
        </Button>
      </Typography.Paragraph>
    </AccountCard>
  );
}
