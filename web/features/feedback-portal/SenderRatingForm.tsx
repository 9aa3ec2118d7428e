import { Button, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { FEEDBACK_LIMITS as L, FEEDBACK_RATINGS } from '../../../contracts/feedback/feedback.values';
import { useRateFeedback } from './feedback-portal.api';

interface RatingValues {
  rating?: (typeof FEEDBACK_RATINGS)[number];
  comment?: string;
  reopen?: boolean;
}

interface SenderRatingFormProps {
  code: string;
  token: string | null;
  /** Whether an unsatisfied sender may still ask to have the item looked at again (once per item). */
  canReopen: boolean;
  /** Called when the server says the state moved on meanwhile (rated by another door, reopened), to read it again. */
  onStale: () => void;
}

/**
 * The sender's rating of the answer, given once: satisfied or not, an optional comment and — when unsatisfied and not
 * reopened before — a request to look at it again ("Đề nghị xem xét lại"), which sends it back to the unit with a new due.
 */
export function SenderRatingForm({ code, token, canReopen, onStale }: SenderRatingFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RatingValues>();
  const rating = Form.useWatch('rating', form);
  const rate = useRateFeedback(code, token);
  const showError = useApiError();

  const onFinish = (v: RatingValues) =>
    rate.mutate(
      { rating: v.rating!, comment: v.comment?.trim() || undefined, reopen: v.rating === 'unsatisfied' && canReopen && v.reopen === true },
      {
        onError: (err) => {
          showError(err, form);
          if (err instanceof ApiError && err.status === 409) onStale();
        },
      },
    );

  return (
    <Form<RatingValues> form={form} name="feedback-rating" layout="vertical" requiredMark={false} onFinish={onFinish} data-testid="feedback-rating-form">
      {/* A fieldset whose legend names the radio group (WCAG 1.3.1). */}
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8, border: 0, padding: 0 }}>{t('feedbackPortal.rating.question')}</legend>
        <Form.Item name="rating" rules={[{ required: true, message: t('feedbackPortal.rating.choose') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            options={FEEDBACK_RATINGS.map((r) => ({ value: r, label: t(`feedbackPortal.rating.level.${r}`) }))}
            data-testid="feedback-rating-choice"
          />
        </Form.Item>
      </fieldset>
      <Form.Item name="comment" label={t('feedbackPortal.rating.comment')} style={{ marginBottom: 28 }}>
        <Input.TextArea rows={3} maxLength={L.reasonMax} showCount data-testid="feedback-rating-comment" />
      </Form.Item>
      {rating === 'unsatisfied' && canReopen ? (
        <>
          <Form.Item name="reopen" valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox aria-describedby="feedback-reopen-hint" data-testid="feedback-rating-reopen">
              {t('feedbackPortal.rating.reopen')}
            </Checkbox>
          </Form.Item>
          <Typography.Paragraph type="secondary" id="feedback-reopen-hint">
            {t('feedbackPortal.rating.reopenHint')}
          </Typography.Paragraph>
        </>
      ) : null}
      {rating === 'unsatisfied' && !canReopen ? <Typography.Paragraph type="secondary">{t('feedbackPortal.rating.reopenUsed')}</Typography.Paragraph> : null}
      <Button type="primary" htmlType="submit" size="large" loading={rate.isPending} data-testid="feedback-rating-submit">
        {t('feedbackPortal.rating.submit')}
      </Button>
    </Form>
  );
}
