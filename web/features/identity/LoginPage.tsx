import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useLogin, useLoginInfo, useMe } from './identity.api';
import { PageTitle } from '../../ui/PageTitle';
import { MAIN_CONTENT_ID, SkipLink } from '../../ui/SkipLink';

interface Values {
  login: string;
  password: string;
}

/** Only same-app paths are followed after login, so `?next=` cannot send the user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/admin') && !next.startsWith('//') ? next : '/admin';
}

/** Back-office sign-in with user name, e-mail or phone. */
export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const showError = useApiError();
  const { data: me } = useMe();
  const { data: info } = useLoginInfo();
  const next = safeNext(params.get('next'));

  // Citizens and businesses have no back office: their account area is on the portal.
  const home = (user: { kind: 'officer' | 'citizen' }) => (user.kind === 'citizen' ? '/tai-khoan' : next);
  if (me && !login.isPending) return <Navigate to={home(me)} replace />;

  const onFinish = (values: Values) =>
    login.mutate(values, {
      onSuccess: (res) => void navigate(home(res.user), { replace: true }),
      onError: (err) => {
        // Keep the login, clear only the password so a retyped one is not appended to the wrong one.
        showError(err, form);
        form.setFieldValue('password', '');
      },
    });

  return (
    <>
      <SkipLink />
      <Flex
        component="main"
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        vertical
        align="center"
        justify="center"
        style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #0f3d75 0%, #1456a0 55%, #e9eef5 55%)' }}
      >
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Flex justify="space-between" align="start" gap={8}>
            <div>
              <PageTitle style={{ marginBottom: 4 }}>{t('identity.login.title')}</PageTitle>
              <Typography.Text type="secondary">{t('identity.login.subtitle')}</Typography.Text>
            </div>
            <LanguageSwitch />
          </Flex>
          {info?.demo && (
            <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('identity.login.demoTitle')} description={t('identity.login.demoText')} data-testid="demo-notice" />
          )}
          <Form form={form} layout="vertical" onFinish={onFinish} style={{ marginTop: 24 }} requiredMark={false}>
            <Form.Item name="login" label={t('identity.login.login')} rules={[{ required: true, message: t('common.validation.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('identity.login.loginPlaceholder')} />
            </Form.Item>
            <Form.Item name="password" label={t('identity.login.password')} rules={[{ required: true, message: t('common.validation.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('identity.login.submit')}
            </Button>
          </Form>
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/">{t('identity.login.toPortal')}</Link>
          </div>
        </Card>
      </Flex>
    </>
  );
}
