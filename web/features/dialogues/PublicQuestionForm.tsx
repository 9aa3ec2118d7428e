import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { DIALOGUE_LIMITS as L } from '../../../contracts/dialogues/dialogues.values';
import type { PublicQuestionRequest } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { useAskQuestion } from './dialogues.api';
import { filled, PHONE } from './dialogues-format';

/** The form's values; names follow the API's paths (`body.asker.email` → ['asker', 'email']) so its 400s land on fields. */
interface AskValues {
  text?: string;
  asker?: { name?: string; email?: string; phone?: string };
}

/** The request from the form: a signed-in portal account asks as itself; anyone else gives a name and a contact. */
export function toAskRequest(v: AskValues, asAccount: boolean): PublicQuestionRequest {
  const asker = { name: filled(v.asker?.name), email: filled(v.asker?.email), phone: filled(v.asker?.phone) };
  const given = Object.fromEntries(Object.entries(asker).filter(([, value]) => value !== undefined));
  return { text: (v.text ?? '').trim(), asker: asAccount || Object.keys(given).length === 0 ? undefined : given };
}

/**
 * Sends a question to an announced session before it starts (issue 14 item 5): signed in with a portal account, or
 * with a name and an e-mail or phone. The asker is told that their name is published as initials only.
 */
export function PublicQuestionForm({ sessionId, startsAt }: { sessionId: string; startsAt: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const account = me?.kind === 'citizen' ? me : null;
  const [form] = Form.useForm<AskValues>();
  const ask = useAskQuestion(sessionId);
  const showError = useApiError();
  const [sent, setSent] = useState(false);

  const submit = async (values: AskValues) => {
    try {
      await ask.mutateAsync(toAskRequest(values, account !== null));
      form.resetFields();
      setSent(true);
    } catch (err) {
      showError(err, form);
    }
  };

  if (sent) {
    return (
      <div>
        <Alert type="success" showIcon role="status" title={t('dialogues.ask.sent')} style={{ marginBottom: 12 }} data-testid="ask-sent" />
        <Button onClick={() => setSent(false)} data-testid="ask-another">
          {t('dialogues.ask.another')}
        </Button>
      </div>
    );
  }

  const contactRule = {
    validator: (_: unknown, v: string | undefined) =>
      account || filled(v) || filled(form.getFieldValue(['asker', 'phone']) as string | undefined)
        ? Promise.resolve()
        : Promise.reject(new Error(t('dialogues.ask.contactRequired'))),
  };
  return (
    <Form<AskValues> form={form} layout="vertical" name="dialogue-ask" onFinish={(v) => void submit(v)} data-testid="ask-form">
      <Typography.Paragraph type="secondary">{t('dialogues.ask.intro', { at: formatInstant(startsAt) })}</Typography.Paragraph>
      <Form.Item
        name="text"
        label={t('dialogues.ask.text')}
        rules={[{ required: true, whitespace: true, min: L.questionMin, message: t('dialogues.ask.textRequired') }, { max: L.questionMax }]}
      >
        <Input.TextArea rows={4} maxLength={L.questionMax} showCount data-testid="ask-text" />
      </Form.Item>
      {account ? (
        <Typography.Paragraph data-testid="ask-as-account">{t('dialogues.ask.asAccount', { name: account.displayName })}</Typography.Paragraph>
      ) : (
        <>
          <Form.Item
            name={['asker', 'name']}
            label={t('dialogues.ask.name')}
            rules={[{ required: true, whitespace: true, message: t('dialogues.ask.nameRequired') }, { max: L.nameMax }]}
          >
            <Input autoComplete="name" maxLength={L.nameMax} data-testid="ask-name" />
          </Form.Item>
          <Typography.Paragraph type="secondary" id="ask-contact-hint">
            {t('dialogues.ask.contactHint')}
          </Typography.Paragraph>
          <Form.Item
            name={['asker', 'email']}
            label={t('dialogues.ask.email')}
            dependencies={[['asker', 'phone']]}
            rules={[{ type: 'email', message: t('common.validation.email') }, contactRule]}
          >
            <Input type="email" autoComplete="email" maxLength={200} aria-describedby="ask-contact-hint" data-testid="ask-email" />
          </Form.Item>
          <Form.Item name={['asker', 'phone']} label={t('dialogues.ask.phone')} rules={[{ pattern: PHONE, message: t('dialogues.ask.phoneInvalid') }]}>
            <Input type="tel" autoComplete="tel" maxLength={20} aria-describedby="ask-contact-hint" data-testid="ask-phone" />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={ask.isPending} data-testid="ask-submit">
        {t('dialogues.ask.submit')}
      </Button>
    </Form>
  );
}
