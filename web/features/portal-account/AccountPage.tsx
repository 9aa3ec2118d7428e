import { useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Radio, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { useApiError } from '../../app/useApiError';
import { PageHeader } from '../../ui/PageHeader';
import { PageSpinner } from '../../ui/PageSpinner';
import { ChangePasswordModal } from '../identity/ChangePasswordModal';
import { useLogout, useMe } from '../identity/identity.api';
import { ChangeEmailModal } from './ChangeEmailModal';
import { ChangePhoneModal } from './ChangePhoneModal';
import { useCitizenProfile, useUpdateCitizenProfile } from './account.api';
import { ACCOUNT_PATHS, availableChannels, profileBody, profileValues, type ProfileValues } from './account-form';
import type { CitizenProfile } from './account.types';

const dmy = (iso: string | null) => (iso ? dayjs(iso).format('DD/MM/YYYY') : null);

/** A contact with whether it is confirmed, and a new one waiting for its confirmation. */
function ContactValue({ value, verified, pending }: { value: string | null; verified: boolean; pending: string | null }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {value ? (
        <span className="wrap-anywhere">
          {value}{' '}
          <Tag color={verified ? 'green' : 'orange'} style={{ marginInlineStart: 4 }}>
            {verified ? t('identity.account.contacts.verified') : t('identity.account.contacts.unverified')}
          </Tag>
        </span>
      ) : (
        <Typography.Text type="secondary">{t('identity.account.contacts.none')}</Typography.Text>
      )}
      {pending ? (
        <Typography.Text type="warning" className="wrap-anywhere">
          {t('identity.account.contacts.pending', { value: pending })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The profile form: name (and the business's), ID number, birth date, address and the preferred channel. */
function ProfileForm({ profile }: { profile: CitizenProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateCitizenProfile();
  const showError = useApiError();
  const business = profile.accountType === 'business';
  const channels = availableChannels(profile);
  const required = { required: true, message: t('common.validation.required') };

  // A newer profile (a contact confirmed elsewhere, a save) resets the form to what is stored.
  useEffect(() => form.setFieldsValue(profileValues(profile)), [form, profile]);

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      name="profile"
      initialValues={profileValues(profile)}
      onFinish={(values) =>
        update.mutate(profileBody(values, profile), {
          onSuccess: () => void message.success(t('identity.account.profile.saved')),
          onError: (err) => showError(err, form),
        })
      }
    >
      {business ? (
        <>
          <Form.Item name="businessName" label={t('identity.account.fields.businessName')} rules={[required]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="enterpriseCode" label={t('identity.account.fields.enterpriseCode')} rules={[required]} extra={t('identity.account.hints.enterpriseCode')}>
            <Input inputMode="numeric" maxLength={14} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="fullName" label={business ? t('identity.account.fields.representative') : t('identity.account.fields.fullName')} rules={[required]}>
        <Input autoComplete="name" maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="idNumber"
            label={t('identity.account.fields.idNumber')}
            extra={profile.idNumberVerified ? t('identity.account.profile.idVerified') : t('identity.account.hints.idNumber')}
          >
            <Input inputMode="numeric" maxLength={14} disabled={profile.idNumberVerified} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="birthDate" label={t('identity.account.fields.birthDate')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('identity.account.fields.address')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} autoComplete="street-address" />
      </Form.Item>
      <Form.Item name="notificationChannel" label={t('identity.account.fields.notificationChannel')} extra={t('identity.account.hints.channel')}>
        <Radio.Group>
          <Space orientation="vertical">
            {(['email', 'sms', 'zalo'] as const).map((c) => (
              <Radio key={c} value={c} disabled={!channels.includes(c)}>
                {t(`identity.account.channels.${c}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.actions.save')}
      </Button>
    </Form>
  );
}

/** The citizen's or business's account area: profile, contacts, what forms pre-fill, password and sign-out. */
export function AccountPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me, isPending } = useMe();
  const citizen = me?.kind === 'citizen';
  const profileQuery = useCitizenProfile(citizen);
  const logout = useLogout();
  const showError = useApiError();
  const [open, setOpen] = useState<'email' | 'phone' | 'password' | null>(null);

  if (isPending) return <PageSpinner />;
  if (!me) return <Navigate to={`${ACCOUNT_PATHS.signIn}?next=${encodeURIComponent(ACCOUNT_PATHS.account)}`} replace />;
  if (!citizen) {
    return (
      <Result
        status="info"
        title={t('identity.account.profile.officerTitle')}
        subTitle={t('identity.account.profile.officerText')}
        extra={
          <Link to="/admin">
            <Button type="primary">{t('identity.account.profile.toAdmin')}</Button>
          </Link>
        }
      />
    );
  }
  const profile = profileQuery.data;
  const onLogout = () => logout.mutate(undefined, { onSuccess: () => void navigate('/', { replace: true }), onError: (err) => showError(err) });
  const prefill = profile?.applicant;

  return (
    <div data-testid="account-page">
      <PageHeader
        title={t('identity.account.profile.title')}
        subtitle={profile ? (profile.accountType === 'business' ? profile.businessName : t('identity.account.types.citizen')) : null}
        extra={
          <>
            <Button icon={<KeyOutlined />} onClick={() => setOpen('password')}>
              {t('common.user.changePassword')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} data-testid="portal-logout">
              {t('common.user.logout')}
            </Button>
          </>
        }
      />
      {!profile ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card title={t('identity.account.profile.personal')}>
              <ProfileForm profile={profile} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <Card title={t('identity.account.contacts.title')}>
                <Descriptions
                  column={1}
                  size="small"
                  layout="vertical"
                  items={[
                    {
                      key: 'email',
                      label: (
                        <Flex justify="space-between" align="center" style={{ width: '100%' }}>
                          {t('identity.account.fields.email')}
                          <Button size="small" type="link" onClick={() => setOpen('email')} data-testid="change-email-button">
                            {profile.email ? t('identity.account.contacts.change') : t('identity.account.contacts.add')}
                          </Button>
                        </Flex>
                      ),
                      children: <ContactValue value={profile.email} verified={profile.emailVerified} pending={profile.pendingEmail} />,
                    },
                    {
                      key: 'phone',
                      label: (
                        <Flex justify="space-between" align="center" style={{ width: '100%' }}>
                          {t('identity.account.fields.phone')}
                          <Button size="small" type="link" onClick={() => setOpen('phone')} data-testid="change-phone-button">
                            {profile.pendingPhone
                              ? t('identity.account.confirmPhone.enterCode')
                              : profile.phone
                                ? t('identity.account.contacts.change')
                                : t('identity.account.contacts.add')}
                          </Button>
                        </Flex>
                      ),
                      children: <ContactValue value={profile.phone} verified={profile.phoneVerified} pending={profile.pendingPhone} />,
                    },
                  ]}
                />
              </Card>
              <Card title={t('identity.account.prefill.title')} data-testid="prefill">
                <Typography.Paragraph type="secondary">{t('identity.account.prefill.help')}</Typography.Paragraph>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'kind', label: t('identity.account.prefill.kind'), children: t(`identity.account.prefill.kinds.${prefill!.kind}`) },
                    { key: 'name', label: t('identity.account.prefill.name'), children: prefill!.name },
                    { key: 'id', label: t(`identity.account.prefill.idNumber.${prefill!.kind}`), children: prefill!.idNumber ?? '—' },
                    ...(prefill!.kind === 'person' ? [{ key: 'birth', label: t('identity.account.fields.birthDate'), children: dmy(prefill!.birthDate) ?? '—' }] : []),
                    ...(prefill!.representative ? [{ key: 'rep', label: t('identity.account.fields.representative'), children: prefill!.representative.name }] : []),
                    { key: 'phone', label: t('identity.account.fields.phone'), children: prefill!.phone ?? '—' },
                    { key: 'email', label: t('identity.account.fields.email'), children: <span className="wrap-anywhere">{prefill!.email ?? '—'}</span> },
                    { key: 'address', label: t('identity.account.fields.address'), children: prefill!.address ?? '—' },
                  ]}
                />
              </Card>
            </Flex>
          </Col>
        </Row>
      )}
      {profile ? (
        <>
          <ChangeEmailModal open={open === 'email'} current={profile.email} onClose={() => setOpen(null)} />
          <ChangePhoneModal
            key={open === 'phone' ? 'open' : 'closed'}
            open={open === 'phone'}
            current={profile.phone}
            pending={profile.pendingPhone}
            onClose={() => setOpen(null)}
          />
        </>
      ) : null}
      <ChangePasswordModal open={open === 'password'} onClose={() => setOpen(null)} />
    </div>
  );
}
