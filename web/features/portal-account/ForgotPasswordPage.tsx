import { useState } from 'react';
import { Button, Form, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { AccountCard } from './AccountCard';
import { useRequestPasswordReset } from './account.api';
import { ACCOUNT_PATHS } from './account-form';

/** Asks for a password-reset link by e-mail; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const request = useRequestPasswordReset();
  const showError = useApiError();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <AccountCard width={560}>
        <Result
          status="success"
          title={t('identity.account.forgot.sentTitle')}
          subTitle={t('identity.account.forgot.sentText', { email: sentTo })}
          extra={
            <Link to={ACCOUNT_PATHS.signIn}>
              <Button>{t('identity.account.signIn.submit')}</Button>
            </Link>
          }
          data-testid="reset-requested"
        />
      </AccountCard>
    );
  }
  return (
    <AccountCard title={t('identity.account.forgot.title')} subtitle={t('identity.account.forgot.subtitle')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ email }) => request.mutate(email.trim(), { onSuccess: () => setSentTo(email.trim()), onError: (err) => showError(err, form) })}
      >
        <Form.Item name="email" label={t('identity.account.fields.email')} rules={[{ required: true, message: t('common.validation.required') }]}>
          <Input type="email" autoComplete="email" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={request.isPending}>
          {t('identity.account.forgot.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('identity.account.forgot.phoneOnly')}
      </Typography.Paragraph>
    </AccountCard>
  );
}
