import { Button, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_COMMENT_MAX, RATING_CRITERIA, SATISFACTION_LEVELS } from '../../../contracts/ratings/ratings.values';
import type { RatingAnswers, SatisfactionLevel } from '../../../contracts/ratings/ratings.contracts';

/** The form's values: the API's answers (field names match the server's error paths). */
export interface RatingFormValues {
  overall?: SatisfactionLevel;
  criteria?: Partial<Record<(typeof RATING_CRITERIA)[number], SatisfactionLevel>>;
  comment?: string;
}

/** The answers to send, from complete form values. */
export function toAnswers(v: RatingFormValues): RatingAnswers {
  return {
    overall: v.overall!,
    criteria: { time: v.criteria!.time!, attitude: v.criteria!.attitude!, clarity: v.criteria!.clarity! },
    comment: v.comment?.trim() ? v.comment.trim() : null,
  };
}

/** One question: a fieldset whose legend names the radio group (WCAG 1.3.1), answered by one of the three levels. */
function Question({ name, legend, testId }: { name: string | string[]; legend: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 4px', minWidth: 0 }} data-testid={testId}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8, border: 0, padding: 0 }}>{legend}</legend>
      <Form.Item name={name} rules={[{ required: true, message: t('ratings.form.choose') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          options={SATISFACTION_LEVELS.map((level) => ({ value: level, label: t(`ratings.level.${level}`) }))}
        />
      </Form.Item>
    </fieldset>
  );
}

/**
 * The rating questions shared by the link page, the kiosk and "My dossiers": the overall level, one level per
 * criterion and an optional comment, then the submit button. The caller sends the answers and shows errors.
 */
export function RatingForm({
  form,
  onSubmit,
  submitting,
  extraBefore,
}: {
  form: FormInstance<RatingFormValues>;
  onSubmit: (answers: RatingAnswers) => void;
  submitting: boolean;
  extraBefore?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSubmit(toAnswers(v))} requiredMark={false} data-testid="rating-form">
      {extraBefore}
      <Question name="overall" legend={t('ratings.form.overall')} testId="rating-overall" />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('ratings.form.criteriaIntro')}
      </Typography.Paragraph>
      {RATING_CRITERIA.map((c) => (
        <Question key={c} name={['criteria', c]} legend={t(`ratings.criterion.${c}`)} testId={`rating-${c}`} />
      ))}
      {/* The hint follows the character count (as `extra` the count would cover it on a phone). */}
      <Form.Item name="comment" label={t('ratings.form.comment')} style={{ marginBottom: 32 }}>
        <Input.TextArea rows={4} maxLength={RATING_COMMENT_MAX} showCount aria-describedby="rating-comment-hint" data-testid="rating-comment" />
      </Form.Item>
      <Typography.Paragraph type="secondary" id="rating-comment-hint" style={{ marginTop: -8, marginBottom: 16 }}>
        {t('ratings.form.commentHint')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="rating-submit">
        {t('ratings.form.submit')}
      </Button>
    </Form>
  );
}
