import { useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useConfirmPhone, useRequestPhoneChange } from './account.api';

interface Values {
  phone: string;
  code?: string;
}

/**
 * Two steps: the new mobile number gets an SMS code, then the code is entered here; the number replaces the old one
 * only then. `pending` opens at the second step for a number already waiting for its code.
 */
export function ChangePhoneModal({ open, current, pending, onClose }: { open: boolean; current: string | null; pending: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestPhoneChange();
  const confirm = useConfirmPhone();
  // The parent remounts the dialog on each opening, so this starts from the number waiting for its code, if any.
  const [codeFor, setCodeFor] = useState<string | null>(pending);
  return (
    <FormModal<Values>
      open={open}
      form={form}
      name="change-phone"
      title={current ? t('identity.account.contacts.changePhone') : t('identity.account.contacts.addPhone')}
      okText={codeFor ? t('identity.account.confirmPhone.submit') : t('identity.account.contacts.sendCode')}
      initialValues={{ phone: codeFor ?? current ?? '' }}
      onClose={onClose}
      onSubmit={async ({ phone, code }) => {
        if (!codeFor) {
          await request.mutateAsync(phone.trim());
          setCodeFor(phone.trim());
          void message.success(t('identity.account.contacts.codeSent', { phone: phone.trim() }));
          // Stays open for the code: the FormModal closes only when this throws nothing, so ask it not to.
          throw new StayOpen();
        }
        await confirm.mutateAsync({ phone: codeFor, code: code ?? '' });
        void message.success(t('identity.account.confirmPhone.doneText', { phone: codeFor }));
      }}
      onError={(err) => err instanceof StayOpen}
      testId="change-phone"
    >
      <Typography.Paragraph type="secondary">{t('identity.account.contacts.phoneHelp')}</Typography.Paragraph>
      <Form.Item name="phone" label={t('identity.account.fields.phone')} rules={[{ required: true, message: t('common.validation.required') }]}>
        <Input type="tel" autoComplete="tel" inputMode="tel" maxLength={20} disabled={!!codeFor} />
      </Form.Item>
      {codeFor ? (
        <>
          <Form.Item name="code" label={t('identity.account.fields.code')} rules={[{ required: true, message: t('common.validation.required') }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus style={{ letterSpacing: 4, fontSize: 18 }} />
          </Form.Item>
          <Button type="link" style={{ padding: 0 }} onClick={() => setCodeFor(null)}>
            {t('identity.account.contacts.otherNumber')}
          </Button>
        </>
      ) : null}
    </FormModal>
  );
}

/** Thrown by the first step so that the dialog stays open for the code. */
class StayOpen extends Error {}
