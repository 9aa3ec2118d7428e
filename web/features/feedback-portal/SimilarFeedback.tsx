import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicFeedbackSummary } from '../../../contracts/feedback/feedback.contracts';
import { FollowButton } from './FollowButton';
import { PublicFeedbackItem, itemTitleId } from './PublicFeedbackItem';

const SCOPE = 'similar-feedback-item';

/**
 * "Đã có phản ánh tương tự": answered items like what the citizen is typing, each with a link to its answer and (for a
 * signed-in account) a way to follow it instead of filing the same again.
 */
export function SimilarFeedback({ items }: { items: PublicFeedbackSummary[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="similar-feedback-heading" data-testid="similar-feedback">
      <Alert
        type="info"
        showIcon
        title={
          <Typography.Title level={2} id="similar-feedback-heading" style={{ fontSize: 16, margin: 0 }}>
            {t('feedbackPortal.similar.title')}
          </Typography.Title>
        }
        description={t('feedbackPortal.similar.hint')}
        style={{ marginBottom: 8 }}
      />
      <Flex vertical gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <li key={item.code}>
            <PublicFeedbackItem
              item={item}
              level={3}
              testId={SCOPE}
              action={<FollowButton code={item.code} label={t('feedbackPortal.similar.follow')} describedBy={itemTitleId(item.code, SCOPE)} testId="similar-follow" />}
            />
          </li>
        ))}
      </Flex>
    </section>
  );
}
