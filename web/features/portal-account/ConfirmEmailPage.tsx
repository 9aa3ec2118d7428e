import { useState } from 'react';
import { Button, Flex, Input, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useMe } from '../identity/identity.api';
import { AccountCard } from './AccountCard';
import { ResendLinkButton } from './ResendLinkButton';
import { useConfirmEmail } from './account.api';
import { ACCOUNT_PATHS } from './account-form';

/** Asks for a new link when the one opened has expired or is unusable. */
function ResendForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  return (
    <Flex vertical gap={8} style={{ maxWidth: 360, margin: '0 auto' }}>
      <Input
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        placeholder={t('identity.account.fields.email')}
        aria-label={t('identity.account.fields.email')}
      />
      {email.trim() ? <ResendLinkButton email={email.trim()} type="primary" /> : null}
    </Flex>
  );
}

/** Opened from the confirmation e-mail: uses the link's secret once and says what happened. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const confirm = useConfirmEmail(token);
  const { data: me } = useMe();
  const next = me ? (
    <Link key="account" to={ACCOUNT_PATHS.account}>
      <Button type="primary">{t('identity.account.menu.account')}</Button>
    </Link>
  ) : (
    <Link key="signin" to={`${ACCOUNT_PATHS.signIn}${confirm.data ? `?login=${encodeURIComponent(confirm.data.email)}` : ''}`}>
      <Button type="primary">{t('identity.account.signIn.submit')}</Button>
    </Link>
  );

  let content;
  if (!token) {
    content = <Result status="error" title={t('identity.account.confirmEmail.failedTitle')} subTitle={t('identity.account.confirmEmail.noToken')} extra={<ResendForm />} />;
  } else if (confirm.isPending) {
    content = (
      <Flex vertical align="center" gap={12} style={{ padding: 32 }}>
        <Spin size="large" />
        {t('identity.account.confirmEmail.checking')}
      </Flex>
    );
  } else if (confirm.data) {
    content = (
      <Result
        status="success"
        title={t('identity.account.confirmEmail.doneTitle')}
        subTitle={t('identity.account.confirmEmail.doneText', { email: confirm.data.email })}
        extra={next}
        data-testid="email-confirmed"
      />
    );
  } else {
    const error = confirm.error;
    const code = error instanceof ApiError ? error.code : '';
    const message = error instanceof ApiError ? error.message : t('common.errors.unknown');
    content =
      code === 'TOKEN_USED' ? (
        <Result status="info" title={t('identity.account.confirmEmail.usedTitle')} subTitle={message} extra={next} data-testid="email-confirm-failed" />
      ) : (
        <Result
          status={code === 'TOKEN_EXPIRED' ? 'warning' : 'error'}
          title={t('identity.account.confirmEmail.failedTitle')}
          subTitle={message}
          extra={<ResendForm />}
          data-testid="email-confirm-failed"
        />
      );
  }
  return (
    <AccountCard width={560} title={t('identity.account.confirmEmail.title')}>
      {content}
    </AccountCard>
  );
}
