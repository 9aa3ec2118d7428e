import { Alert, Breadcrumb, Card, Descriptions, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import type { SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import { formatAppointment, formatInstant } from '../dossiers/dossiers.format';
import { useMe } from '../identity/identity.api';
import { FEEDBACK_PATHS, useSenderFeedback } from './feedback-portal.api';
import { STATE_COLOR } from './feedback-format';
import { SenderKeyForm } from './SenderKeyForm';
import { SenderRatingForm } from './SenderRatingForm';
import { SenderReplyForm } from './SenderReplyForm';
import { INLINE_LINK } from './feedback-format';

/** Keeps the line breaks of the unit's texts. */
const textStyle = { whiteSpace: 'pre-line' as const, margin: 0 };
const h2 = { fontSize: 16, margin: 0, whiteSpace: 'normal' as const };

/** What happened so far, as the server tells the sender (received, classified, transferred, answered, rated…), oldest first. */
function SenderHistory({ view }: { view: SenderFeedbackView }) {
  const { t } = useTranslation();
  const events = view.history;
  return (
    <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.sender.history.title')}</h2>}>
      <Timeline
        data-testid="sender-feedback-history"
        items={[
          ...events.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: 'blue',
            content: (
              <div className="wrap-anywhere">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInstant(e.at)}
                </Typography.Text>
                <div>{e.text}</div>
              </div>
            ),
          })),
          { key: 'now', color: 'green', content: t('feedbackPortal.sender.history.now', { state: view.stateText }) },
        ]}
      />
    </Card>
  );
}

/** The item as its sender reads it, with what they are asked to do: reply to a question, rate the answer. */
function SenderView({ view, token, onStale }: { view: SenderFeedbackView; token: string | null; onStale: () => void }) {
  const { t } = useTranslation();
  const answered = view.state === 'ANSWERED';
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Typography.Paragraph strong style={{ margin: 0, fontSize: 16 }} className="wrap-anywhere" data-testid="sender-feedback-title">
            {view.title}
          </Typography.Paragraph>
          <Flex wrap gap={6}>
            <Tag color={STATE_COLOR[view.state]} style={{ fontSize: 15, padding: '4px 10px', whiteSpace: 'normal' }} data-testid="sender-feedback-state" data-state={view.state}>
              {view.stateText}
            </Tag>
            {view.paused ? (
              <Tag icon={<PauseCircleOutlined />} color="blue">
                {t('feedbackPortal.sender.paused')}
              </Tag>
            ) : null}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            layout="vertical"
            colon={false}
            items={[
              { key: 'received', label: t('feedbackPortal.sender.received'), children: formatAppointment(t, view.receivedAt) },
              { key: 'unit', label: t('feedbackPortal.sender.unit'), children: <span data-testid="sender-feedback-unit">{view.unit.name}</span> },
              // A closed item has nothing due; a paused one shows the due as it stood, with the reason it is not running.
              ...(view.outOfScope || view.mergedInto
                ? []
                : [
                    {
                      key: 'due',
                      label: t('feedbackPortal.sender.due'),
                      children: (
                        <span data-testid="sender-feedback-due">
                          {formatAppointment(t, view.dueAt)}
                          {view.paused ? (
                            <>
                              <br />
                              <Typography.Text type="secondary">{t('feedbackPortal.sender.pausedHint')}</Typography.Text>
                            </>
                          ) : null}
                        </span>
                      ),
                    },
                  ]),
              ...(view.answeredAt ? [{ key: 'answered', label: t('feedbackPortal.sender.answeredAt'), children: formatAppointment(t, view.answeredAt) }] : []),
            ]}
          />
        </Flex>
      </Card>

      {view.actions.reply ? (
        <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.sender.questionTitle')}</h2>} data-testid="sender-feedback-question">
          <Flex vertical gap={12}>
            {view.question ? (
              <Typography.Paragraph style={textStyle} className="wrap-anywhere">
                {view.question}
              </Typography.Paragraph>
            ) : null}
            <Typography.Text type="secondary">{t('feedbackPortal.sender.questionHint')}</Typography.Text>
            <SenderReplyForm code={view.code} token={token} />
          </Flex>
        </Card>
      ) : null}

      {view.outOfScope ? (
        <Alert
          type="warning"
          showIcon
          data-testid="sender-feedback-out-of-scope"
          title={t('feedbackPortal.sender.outOfScope', { category: t(`feedbackPortal.sender.category.${view.outOfScope.category}`) })}
          description={
            <Flex vertical gap={4}>
              <span className="wrap-anywhere">
                {t('feedbackPortal.sender.reason')}: {view.outOfScope.reason}
              </span>
              <span className="wrap-anywhere">{view.outOfScope.law}</span>
            </Flex>
          }
        />
      ) : null}
      {view.mergedInto ? <Alert type="info" showIcon title={t('feedbackPortal.sender.merged', { code: view.mergedInto })} data-testid="sender-feedback-merged" /> : null}

      {view.answer ? (
        <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.sender.answer')}</h2>} data-testid="sender-feedback-answer">
          <Flex vertical gap={8}>
            {!answered ? <Alert type="info" showIcon title={t('feedbackPortal.sender.reopened')} /> : null}
            <Typography.Paragraph style={textStyle} className="wrap-anywhere">
              {view.answer}
            </Typography.Paragraph>
          </Flex>
        </Card>
      ) : null}

      {view.actions.rate ? (
        <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.rating.title')}</h2>}>
          <SenderRatingForm code={view.code} token={token} canReopen={view.actions.reopen} onStale={onStale} />
        </Card>
      ) : null}
      {answered && !view.actions.rate && view.ratings.length > 0 ? (
        <Alert type="success" showIcon title={t('feedbackPortal.rating.thanks')} data-testid="feedback-rating-done" />
      ) : null}

      <SenderHistory view={view} />
    </Flex>
  );
}

/**
 * `/phan-anh-kien-nghi/:code`: where the sender's messages lead. A sender without an account proves it is theirs with
 * the secret key from the receipt (`?khoa=`, as the server's links carry it); a signed-in account needs none. They read
 * where it stands, reply when the unit asks for more, and rate the answer.
 */
export function SenderFeedbackPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const token = params.get('khoa')?.trim() || null;
  const { data: me, isPending: meLoading } = useMe();
  const viaAccount = !token && me?.kind === 'citizen';
  const view = useSenderFeedback(code, token, !!token || viaAccount);
  const applyKey = (next: string) => setParams({ khoa: next }, { replace: true });
  const signIn = `/dang-nhap?next=${encodeURIComponent(pathname)}`;

  let body;
  if (!token && !viaAccount) {
    body = meLoading ? (
      <Skeleton active paragraph={{ rows: 4 }} />
    ) : (
      <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.sender.needKey')}</h2>} data-testid="sender-feedback-need-key">
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('feedbackPortal.sender.needKeyHint')}</Typography.Paragraph>
          <SenderKeyForm onSubmit={applyKey} />
          {me ? null : (
            <Typography.Text>
              {t('feedbackPortal.sender.orSignIn')}{' '}
              <Link to={signIn} style={INLINE_LINK}>
                {t('feedbackPortal.sender.signIn')}
              </Link>
            </Typography.Text>
          )}
        </Flex>
      </Card>
    );
  } else if (view.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (view.error instanceof ApiError && view.error.status === 404) {
    // Unknown code, wrong key, someone else's item: the server answers all alike, and so does this page.
    body = (
      <Flex vertical gap={12} data-testid="sender-feedback-denied">
        <Alert type="error" showIcon title={t('feedbackPortal.sender.denied', { code })} description={t('feedbackPortal.sender.deniedHint')} />
        <Card size="small" title={<h2 style={h2}>{t('feedbackPortal.sender.retryKey')}</h2>}>
          <Flex vertical gap={12}>
            <SenderKeyForm key={token ?? ''} initial={token ?? ''} onSubmit={applyKey} />
            {me ? null : (
              <Typography.Text>
                {t('feedbackPortal.sender.orSignIn')}{' '}
                <Link to={signIn} style={INLINE_LINK}>
                  {t('feedbackPortal.sender.signIn')}
                </Link>
              </Typography.Text>
            )}
          </Flex>
        </Card>
      </Flex>
    );
  } else if (view.error) {
    body = <Alert type="error" showIcon title={view.error.message} />;
  } else {
    body = <SenderView view={view.data} token={token} onStale={() => void view.refetch()} />;
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 800, margin: '0 auto', width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to={FEEDBACK_PATHS.home}>{t('feedbackPortal.nav')}</Link> },
          ...(viaAccount ? [{ title: <Link to={FEEDBACK_PATHS.mine}>{t('feedbackPortal.mine.title')}</Link> }] : []),
          { title: code },
        ]}
      />
      <div>
        <PageTitle documentTitle={t('feedbackPortal.sender.documentTitle', { code })} className="wrap-anywhere" style={{ marginBottom: 4 }}>
          {t('feedbackPortal.sender.title', { code })}
        </PageTitle>
        <Typography.Text type="secondary">{t('feedbackPortal.sender.subtitle')}</Typography.Text>
      </div>
      {body}
    </Flex>
  );
}
