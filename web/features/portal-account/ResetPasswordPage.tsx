import { useState } from 'react';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { AccountCard } from './AccountCard';
import { useCompletePasswordReset } from './account.api';
import { ACCOUNT_PATHS } from './account-form';

interface Values {
  newPassword: string;
  confirm: string;
}

/** Opened from the reset e-mail: sets a new password with the link's secret (every session of the account ends). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const complete = useCompletePasswordReset();
  const showError = useApiError();
  const [linkError, setLinkError] = useState<string | null>(token ? null : t('identity.account.confirmEmail.noToken'));
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <AccountCard width={520}>
        <Result
          status="success"
          title={t('identity.account.reset.doneTitle')}
          subTitle={t('identity.account.reset.doneText')}
          extra={
            <Link to={ACCOUNT_PATHS.signIn}>
              <Button type="primary">{t('identity.account.signIn.submit')}</Button>
            </Link>
          }
          data-testid="password-reset-done"
        />
      </AccountCard>
    );
  }
  const onFinish = ({ newPassword }: Values) =>
    complete.mutate(
      { token, newPassword },
      {
        onSuccess: () => setDone(true),
        onError: (err) => {
          if (err instanceof ApiError && err.code.startsWith('TOKEN_')) setLinkError(err.message);
          else showError(err, form);
        },
      },
    );
  return (
    <AccountCard title={t('identity.account.reset.title')} subtitle={t('identity.account.reset.subtitle')}>
      {linkError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={linkError}
          action={<Link to={ACCOUNT_PATHS.forgotPassword}>{t('identity.account.reset.newLink')}</Link>}
          data-testid="reset-link-error"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={!token}>
        <Form.Item name="newPassword" label={t('identity.password.new')} rules={[{ required: true, message: t('common.validation.required') }]} extra={t('identity.password.hint')}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('identity.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('identity.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={complete.isPending}>
          {t('identity.account.reset.submit')}
        </Button>
      </Form>
    </AccountCard>
  );
}
