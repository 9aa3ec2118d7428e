import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useResetPassword } from './identity.api';
import type { User } from './identity.types';

/** Sets a new password for an officer (the administrator tells it to them out of band). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  return (
    <FormModal
      open={user !== null}
      form={form}
      title={t('identity.officers.resetTitle', { name: user?.displayName ?? '' })}
      onClose={onClose}
      testId="reset-password-form"
      onSubmit={async ({ newPassword }) => {
        await reset.mutateAsync({ id: user!.id, newPassword });
        void message.success(t('identity.officers.resetDone'));
      }}
    >
      <Form.Item name="newPassword" label={t('identity.password.new')} rules={[{ required: true, message: t('common.validation.required') }]} extra={t('identity.password.hint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
