import { App, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useRequestEmailChange } from './account.api';

/** Asks for a confirmation link to a new (or the current, unconfirmed) e-mail address; it takes effect once used. */
export function ChangeEmailModal({ open, current, onClose }: { open: boolean; current: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ email: string }>();
  const change = useRequestEmailChange();
  return (
    <FormModal
      open={open}
      form={form}
      name="change-email"
      title={current ? t('identity.account.contacts.changeEmail') : t('identity.account.contacts.addEmail')}
      okText={t('identity.account.contacts.sendLink')}
      initialValues={{ email: current ?? '' }}
      onClose={onClose}
      onSubmit={async ({ email }) => {
        await change.mutateAsync(email.trim());
        void message.success(t('identity.account.contacts.linkSent', { email: email.trim() }));
      }}
      testId="change-email"
    >
      <Typography.Paragraph type="secondary">{t('identity.account.contacts.emailHelp')}</Typography.Paragraph>
      <Form.Item name="email" label={t('identity.account.fields.email')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <Input type="email" autoComplete="email" />
      </Form.Item>
    </FormModal>
  );
}
