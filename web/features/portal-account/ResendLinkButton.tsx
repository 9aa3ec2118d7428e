import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { useResendEmailConfirmation } from './account.api';

/** Asks for a new confirmation link for `email`; the answer never says whether an account is waiting for one. */
export function ResendLinkButton({ email, type = 'default' }: { email: string; type?: 'default' | 'primary' | 'link' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const resend = useResendEmailConfirmation();
  const showError = useApiError();
  return (
    <Button
      type={type}
      loading={resend.isPending}
      data-testid="resend-link"
      onClick={() =>
        resend.mutate(email, {
          onSuccess: () => void message.success(t('identity.account.resend.sent', { email })),
          onError: (err) => showError(err),
        })
      }
    >
      {t('identity.account.resend.button')}
    </Button>
  );
}
