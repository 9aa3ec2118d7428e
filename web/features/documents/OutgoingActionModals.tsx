import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { DOCUMENT_LIMITS as L, SIGNING_PREFIXES } from '../../../contracts/documents/documents.values';
import type { ReturnOutgoingRequest, SignOutgoingRequest } from '../../../contracts/documents/documents.contracts';

interface ActionModalProps<B> {
  open: boolean;
  onClose: () => void;
  onSubmit: (body: B) => Promise<unknown>;
  /** A failure handled by the page (a 409 shows the reload notice); true when handled. */
  onError: (err: unknown) => boolean;
}

/** The i18n key of a signing prefix ("" is signing in one's own name). */
export const prefixKey = (p: SignOutgoingRequest['signingPrefix']): string => `documents.signingPrefixes.${p === '' ? 'none' : p.replace('.', '')}`;

/** The leader returns a draft in review to its drafter, saying what to change. */
export function ReturnModal({ open, onClose, onSubmit, onError }: ActionModalProps<Omit<ReturnOutgoingRequest, 'version'>>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <FormModal<{ note?: string }>
      open={open}
      title={t('documents.outgoing.detail.returnTitle')}
      form={form}
      name="outgoing-return"
      onClose={onClose}
      onSubmit={(v) => onSubmit({ note: (v.note ?? '').trim() })}
      onError={onError}
      okText={t('documents.outgoing.detail.return')}
      testId="outgoing-return-form"
    >
      <Form.Item
        name="note"
        label={t('documents.outgoing.detail.returnNote')}
        rules={[
          { required: true, whitespace: true, message: t('documents.validation.required') },
          { min: L.textMin, max: L.textMax, message: t('documents.validation.length', { min: L.textMin, max: L.textMax }) },
        ]}
      >
        <Input.TextArea rows={4} maxLength={L.textMax} showCount data-testid="return-note" />
      </Form.Item>
    </FormModal>
  );
}

interface SignValues {
  signerName?: string;
  signerPosition?: string;
  signingPrefix: SignOutgoingRequest['signingPrefix'];
}

/** The leader signs (NĐ 30/2020 Điều 13): name and position as printed, and the authority (TM., KT., TL., TUQ., Q.). */
export function SignModal({ open, onClose, onSubmit, onError, signerName }: ActionModalProps<Omit<SignOutgoingRequest, 'version'>> & { signerName?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignValues>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = { required: true, whitespace: true, message: t('documents.validation.required') };
  const length = { min: L.nameMin, max: L.nameMax, message: t('documents.validation.length', { min: L.nameMin, max: L.nameMax }) };
  return (
    <FormModal<SignValues>
      open={open}
      title={t('documents.outgoing.detail.signTitle')}
      form={form}
      name="outgoing-sign"
      onClose={onClose}
      onSubmit={(v) => onSubmit({ signerName: (v.signerName ?? '').trim(), signerPosition: (v.signerPosition ?? '').trim(), signingPrefix: v.signingPrefix })}
      onError={onError}
      okText={t('documents.outgoing.detail.sign')}
      initialValues={{ signerName, signingPrefix: '' }}
      testId="outgoing-sign-form"
    >
      <Form.Item name="signingPrefix" label={t('documents.fields.signingPrefix')} rules={[{ required: true, message: t('documents.validation.choose') }]}>
        <Select options={SIGNING_PREFIXES.map((p) => ({ value: p, label: t(prefixKey(p)) }))} data-testid="sign-prefix" />
      </Form.Item>
      <Form.Item name="signerPosition" label={t('documents.fields.signerPosition')} extra={t('documents.outgoing.detail.positionHint')} rules={[required, length]}>
        <Input maxLength={L.nameMax} data-testid="sign-position" />
      </Form.Item>
      <Form.Item name="signerName" label={t('documents.fields.signerName')} rules={[required, length]}>
        <Input maxLength={L.nameMax} data-testid="sign-name" />
      </Form.Item>
    </FormModal>
  );
}
