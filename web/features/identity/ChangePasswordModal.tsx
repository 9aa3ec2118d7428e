import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useChangePassword } from './identity.api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Lets the signed-in user change their own password (other sessions are revoked by the server). */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  return (
    <FormModal
      open={open}
      form={form}
      title={t('identity.password.title')}
      onClose={onClose}
      onSubmit={async ({ currentPassword, newPassword }) => {
        await change.mutateAsync({ currentPassword, newPassword });
        void message.success(t('identity.password.changed'));
      }}
    >
      <Form.Item name="currentPassword" label={t('identity.password.current')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('identity.password.new')} rules={[{ required: true, message: t('common.validation.required') }]} extra={t('identity.password.hint')}>
        <Input.Password autoComplete="new-password" />
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
    </FormModal>
  );
}
