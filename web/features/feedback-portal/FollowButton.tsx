import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { BellOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApiError } from '../../app/useApiError';
import { useMe } from '../identity/identity.api';
import { useFollowFeedback } from './feedback-portal.api';
import { INLINE_LINK } from './feedback-format';

interface FollowButtonProps {
  code: string;
  /** The button's text ("Theo dõi", or "Theo dõi phản ánh này" among suggestions). */
  label: string;
  /** The id of the element naming the item, when several buttons share one text. */
  describedBy?: string;
  testId?: string;
}

/**
 * Follow a published item (told when it is answered again) instead of filing the same again: a button for a signed-in
 * portal account, a way to sign in for anyone else; officers follow nothing here (the server allows portal accounts only).
 */
export function FollowButton({ code, label, describedBy, testId = 'feedback-follow' }: FollowButtonProps) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const { pathname, search } = useLocation();
  const follow = useFollowFeedback();
  const showError = useApiError();
  const [followers, setFollowers] = useState<number | null>(null);

  if (isPending || (me && me.kind !== 'citizen')) return null;
  if (!me) {
    return (
      <Typography.Text type="secondary" data-testid={`${testId}-sign-in`}>
        <Link to={`/dang-nhap?next=${encodeURIComponent(pathname + search)}`} style={INLINE_LINK}>
          {t('feedbackPortal.follow.signIn')}
        </Link>{' '}
        {t('feedbackPortal.follow.signInHint')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={4} align="flex-start">
      {followers === null ? (
        <Button
          icon={<BellOutlined />}
          loading={follow.isPending}
          aria-describedby={describedBy}
          data-testid={testId}
          onClick={() => follow.mutate(code, { onSuccess: (res) => setFollowers(res.followers), onError: (err) => showError(err) })}
        >
          {label}
        </Button>
      ) : null}
      {/* A polite status region: the change is announced where the button was (WCAG 4.1.3). */}
      <div role="status" aria-live="polite">
        {followers !== null ? (
          <Typography.Text type="success" data-testid={`${testId}-done`}>
            <CheckCircleOutlined /> {t('feedbackPortal.follow.done', { code, count: followers })}
          </Typography.Text>
        ) : null}
      </div>
    </Flex>
  );
}
