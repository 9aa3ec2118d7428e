import { useState } from 'react';
import { Alert, Button, Divider, Flex, Form, Input } from 'antd';
import { IdcardOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { useLogin, useLoginInfo, useMe } from '../identity/identity.api';
import { AccountCard } from './AccountCard';
import { ResendLinkButton } from './ResendLinkButton';
import { ACCOUNT_PATHS, homeAfterSignIn, isEmailLogin, ssoErrorKey, ssoStartHref } from './account-form';

interface Values {
  login: string;
  password: string;
}

/** The portal's sign-in for citizens and businesses (an officer who signs in here is taken to the back office). */
export function PortalLoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const showError = useApiError();
  const { data: me } = useMe();
  const [unconfirmed, setUnconfirmed] = useState<{ code: string; message: string; login: string } | null>(null);
  const next = params.get('next');
  const { data: info } = useLoginInfo();
  // Sent back here by the single sign-on callback when it refused (server sso.routes.ts).
  const ssoError = params.get('sso_error');

  if (me && !login.isPending) return <Navigate to={homeAfterSignIn(me, next)} replace />;

  const onFinish = (values: Values) => {
    setUnconfirmed(null);
    login.mutate(values, {
      onSuccess: (res) => void navigate(homeAfterSignIn(res.user, next), { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && (err.code === 'EMAIL_NOT_CONFIRMED' || err.code === 'PHONE_NOT_CONFIRMED')) {
          setUnconfirmed({ code: err.code, message: err.message, login: values.login.trim() });
          return;
        }
        showError(err, form);
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <AccountCard title={t('identity.account.signIn.title')} subtitle={t('identity.account.signIn.subtitle')}>
      {unconfirmed ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={unconfirmed.message}
          data-testid="not-confirmed"
          action={
            unconfirmed.code === 'EMAIL_NOT_CONFIRMED' && isEmailLogin(unconfirmed.login) ? (
              <ResendLinkButton email={unconfirmed.login} type="link" />
            ) : unconfirmed.code === 'PHONE_NOT_CONFIRMED' ? (
              <Link to={`${ACCOUNT_PATHS.confirmPhone}?phone=${encodeURIComponent(unconfirmed.login)}`}>{t('identity.account.confirmPhone.enterCode')}</Link>
            ) : undefined
          }
        />
      ) : null}
      {ssoError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t(ssoErrorKey(ssoError))} data-testid="sso-error" /> : null}
      {info?.sso ? (
        <>
          <Button href={ssoStartHref(info.sso.startPath, next)} block size="large" icon={<IdcardOutlined />} data-testid="sso-button">
            {t('identity.account.sso.button', { provider: info.sso.provider })}
          </Button>
          <Divider plain>{t('identity.account.sso.or')}</Divider>
        </>
      ) : null}
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ login: params.get('login') ?? '' }} onFinish={onFinish} name="portal-login">
        <Form.Item name="login" label={t('identity.account.signIn.login')} rules={[{ required: true, message: t('common.validation.required') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('identity.account.signIn.loginPlaceholder')} />
        </Form.Item>
        <Form.Item name="password" label={t('identity.login.password')} rules={[{ required: true, message: t('common.validation.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Flex justify="flex-end" style={{ marginTop: -8, marginBottom: 16 }}>
          <Link to={ACCOUNT_PATHS.forgotPassword}>{t('identity.account.signIn.forgot')}</Link>
        </Flex>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          {t('identity.account.signIn.submit')}
        </Button>
      </Form>
      <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
        <span>
          {t('identity.account.signIn.noAccount')} {/* Underlined: a link inside a sentence must not be told apart by colour alone (WCAG 1.4.1). */}
          <Link to={ACCOUNT_PATHS.register} style={{ textDecoration: 'underline' }}>
            {t('identity.account.register.link')}
          </Link>
        </span>
        <Link to="/admin/login">{t('portal.footer.staff')}</Link>
      </Flex>
    </AccountCard>
  );
}
