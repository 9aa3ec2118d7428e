import { Button, Form, Input } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { FEEDBACK_LIMITS as L } from '../../../contracts/feedback/feedback.values';
import { useReplyToFeedback } from './feedback-portal.api';

/** The sender's answer to the unit's request for more information; sending it starts the answer's clock again. */
export function SenderReplyForm({ code, token }: { code: string; token: string | null }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ message: string }>();
  const reply = useReplyToFeedback(code, token);
  const showError = useApiError();
  return (
    <Form
      form={form}
      name="feedback-reply"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => reply.mutate({ message: v.message.trim() }, { onError: (err) => showError(err, form) })}
      data-testid="sender-reply-form"
    >
      <Form.Item
        name="message"
        label={t('feedbackPortal.sender.replyLabel')}
        rules={[
          { required: true, whitespace: true, message: t('feedbackPortal.sender.replyRequired') },
          { min: L.reasonMin, max: L.contentMax, message: t('feedbackPortal.file.length', { min: L.reasonMin, max: L.contentMax }) },
        ]}
        style={{ marginBottom: 28 }}
      >
        <Input.TextArea rows={5} maxLength={L.contentMax} showCount data-testid="sender-reply-message" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={reply.isPending} data-testid="sender-reply-submit">
        {t('feedbackPortal.sender.replySubmit')}
      </Button>
    </Form>
  );
}
