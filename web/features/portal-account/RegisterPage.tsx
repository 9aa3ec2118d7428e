import { useState } from 'react';
import { Alert, Button, DatePicker, Divider, Form, Input, Radio, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { useApiError } from '../../app/useApiError';
import { useMe } from '../identity/identity.api';
import { AccountCard } from './AccountCard';
import { ResendLinkButton } from './ResendLinkButton';
import { useRegister } from './account.api';
import { ACCOUNT_PATHS, homeAfterSignIn, registrationBody, type RegisterValues } from './account-form';

/** Self-registration of a citizen or business account (confirmed by an e-mail link, or by an SMS code without e-mail). */
export function RegisterPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const accountType = Form.useWatch('accountType', form) ?? 'citizen';
  const register = useRegister();
  const showError = useApiError();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (me) return <Navigate to={homeAfterSignIn(me, null)} replace />;

  if (sentTo) {
    return (
      <AccountCard width={560}>
        <Result
          status="success"
          title={t('identity.account.register.sentTitle')}
          subTitle={t('identity.account.register.sentText', { email: sentTo })}
          extra={[
            <ResendLinkButton key="resend" email={sentTo} />,
            <Link key="signin" to={ACCOUNT_PATHS.signIn}>
              <Button type="primary">{t('identity.account.signIn.submit')}</Button>
            </Link>,
          ]}
          data-testid="register-sent"
        />
      </AccountCard>
    );
  }

  const onFinish = (values: RegisterValues) => {
    const body = registrationBody(values);
    register.mutate(body, {
      onSuccess: (res) => {
        if (res.channel === 'sms') void navigate(`${ACCOUNT_PATHS.confirmPhone}?phone=${encodeURIComponent(body.phone ?? '')}`);
        else setSentTo(body.email ?? '');
      },
      onError: (err) => showError(err, form),
    });
  };

  const required = { required: true, message: t('common.validation.required') };
  const business = accountType === 'business';
  return (
    <AccountCard width={640} title={t('identity.account.register.title')} subtitle={t('identity.account.register.subtitle')}>
      <Form<RegisterValues> form={form} layout="vertical" requiredMark="optional" initialValues={{ accountType: 'citizen' }} onFinish={onFinish} name="register" scrollToFirstError>
        <Form.Item name="accountType" label={t('identity.account.fields.accountType')} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'citizen', label: t('identity.account.types.citizen') },
              { value: 'business', label: t('identity.account.types.business') },
            ]}
          />
        </Form.Item>
        {business ? (
          <>
            <Form.Item name="businessName" label={t('identity.account.fields.businessName')} rules={[required]}>
              <Input autoComplete="organization" maxLength={300} />
            </Form.Item>
            <Form.Item name="enterpriseCode" label={t('identity.account.fields.enterpriseCode')} rules={[required]} extra={t('identity.account.hints.enterpriseCode')}>
              <Input inputMode="numeric" maxLength={14} placeholder="0100109106" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="fullName" label={business ? t('identity.account.fields.representative') : t('identity.account.fields.fullName')} rules={[required]}>
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('identity.account.hints.contact')} />
        <Form.Item name="email" label={t('identity.account.fields.email')}>
          <Input type="email" autoComplete="email" inputMode="email" maxLength={254} placeholder="ten@example.vn" />
        </Form.Item>
        <Form.Item name="phone" label={t('identity.account.fields.phone')}>
          <Input type="tel" autoComplete="tel" inputMode="tel" maxLength={20} placeholder="0912 345 678" />
        </Form.Item>
        <Form.Item name="password" label={t('identity.account.fields.password')} rules={[required]} extra={t('identity.password.hint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('identity.account.fields.passwordConfirm')}
          dependencies={['password']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('identity.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('identity.account.register.optional')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('identity.account.hints.prefill')}</Typography.Paragraph>
        <Form.Item name="idNumber" label={t('identity.account.fields.idNumber')} extra={t('identity.account.hints.idNumber')}>
          <Input inputMode="numeric" maxLength={14} />
        </Form.Item>
        <Form.Item name="birthDate" label={t('identity.account.fields.birthDate')}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="address" label={t('identity.account.fields.address')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} autoComplete="street-address" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('identity.account.register.privacy')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
          {t('identity.account.register.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        {t('identity.account.register.haveAccount')}{' '}
        <Link to={ACCOUNT_PATHS.signIn} style={{ textDecoration: 'underline' }}>
          {t('identity.account.signIn.submit')}
        </Link>
      </div>
    </AccountCard>
  );
}
