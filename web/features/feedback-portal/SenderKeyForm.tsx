import { Button, Form, Input } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The secret's length as issued and as the API takes it (SenderViewQuerySchema). */
const TOKEN_MIN = 16;
const TOKEN_MAX = 100;

/** A box to paste the secret key from the receipt or the message (when the link lost it or it was mistyped). */
export function SenderKeyForm({ initial, onSubmit }: { initial?: string; onSubmit: (token: string) => void }) {
  const { t } = useTranslation();
  return (
    <Form<{ token: string }>
      name="feedback-key"
      layout="vertical"
      initialValues={{ token: initial ?? '' }}
      onFinish={(v) => onSubmit(v.token.trim())}
      requiredMark={false}
      data-testid="sender-key-form"
    >
      <Form.Item
        name="token"
        label={t('feedbackPortal.sender.keyLabel')}
        extra={t('feedbackPortal.sender.keyHint')}
        rules={[
          { required: true, whitespace: true, message: t('feedbackPortal.sender.keyRequired') },
          { min: TOKEN_MIN, max: TOKEN_MAX, message: t('feedbackPortal.sender.keyLength') },
        ]}
      >
        <Input maxLength={TOKEN_MAX} autoComplete="off" spellCheck={false} data-testid="sender-key-input" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<KeyOutlined />} data-testid="sender-key-submit">
        {t('feedbackPortal.sender.keySubmit')}
      </Button>
    </Form>
  );
}
