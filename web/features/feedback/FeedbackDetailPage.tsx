import { useState, type ReactNode } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExportOutlined, ReloadOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formatInstant, formatWorkingDuration } from '../dossiers/dossiers.format';
import { CardHeading } from '../submissions/CardHeading';
import { useFeedbackItem } from './feedback.api';
import { DANGEROUS_ACTIONS, FEEDBACK_ACTIONS, PRIMARY_ACTIONS } from './feedback-actions';
import { FEEDBACK_PATHS, type FeedbackActionKey, type FeedbackDetail } from './feedback.types';
import { FeedbackActionModal } from './FeedbackActionModal';
import { FeedbackDue } from './FeedbackDue';
import { FeedbackHistory } from './FeedbackHistory';
import { FeedbackStateTag } from './FeedbackStateTag';

/** Text kept as the sender or officer wrote it (line breaks too), wrapping anywhere on a phone. */
function Body({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Typography.Paragraph className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={testId}>
      {children}
    </Typography.Paragraph>
  );
}

/** A card's sub-heading (h3 under the card's h2). */
function SubHeading({ children }: { children: ReactNode }) {
  return <h3 style={{ fontSize: 14, fontWeight: 600, margin: '16px 0 4px' }}>{children}</h3>;
}

/** The buttons of the actions the server says the officer may take now, each opening its dialog. */
function ActionsCard({ item, onOpen }: { item: FeedbackDetail; onOpen: (key: FeedbackActionKey) => void }) {
  const { t } = useTranslation();
  const allowed = FEEDBACK_ACTIONS.filter((a) => item.actions[a.key]);
  return (
    <Card size="small" title={<CardHeading>{t('feedback.detail.actions')}</CardHeading>} data-testid="feedback-actions">
      {allowed.length === 0 ? (
        <Typography.Text type="secondary" data-testid="feedback-no-actions">
          {t('feedback.detail.noActions')}
        </Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {allowed.map((a) => (
            <Button
              key={a.key}
              type={PRIMARY_ACTIONS.has(a.key) ? 'primary' : 'default'}
              danger={DANGEROUS_ACTIONS.has(a.key)}
              onClick={() => onOpen(a.key)}
              data-testid={`feedback-action-${a.transition}`}
            >
              {t(`feedback.actions.${a.key}.label`)}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** Why an item is closed without an answer: out of scope (with the law that applies instead), or merged into another. */
function ClosingNotice({ item }: { item: FeedbackDetail }) {
  const { t } = useTranslation();
  if (item.outOfScope) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('feedback.detail.outOfScope', { category: t(`feedback.categories.short.${item.outOfScope.category}`) })}
        description={
          <Flex vertical gap={4}>
            <span className="wrap-anywhere">{t('feedback.detail.reasonValue', { reason: item.outOfScope.reason })}</span>
            <span className="wrap-anywhere">{item.outOfScope.law}</span>
          </Flex>
        }
        data-testid="feedback-out-of-scope"
      />
    );
  }
  if (item.mergedInto) {
    return (
      <Alert
        type="info"
        showIcon
        title={
          <span>
            {t('feedback.detail.mergedInto')} <Link to={FEEDBACK_PATHS.one(item.mergedInto.id)}>{item.mergedInto.code}</Link>
          </span>
        }
        data-testid="feedback-merged"
      />
    );
  }
  return null;
}

/** The draft under review, the approved answer with its published (masked) copy, or a note that there is none yet. */
function AnswerCard({ item }: { item: FeedbackDetail }) {
  const { t } = useTranslation();
  // After a reopening the last draft is the answer already shown: not repeated as a draft.
  const showDraft = !!item.draftAnswer && item.state !== 'ANSWERED' && item.draftAnswer !== item.answer;
  return (
    <Card size="small" title={<CardHeading>{t('feedback.detail.answer')}</CardHeading>} data-testid="feedback-answer">
      {item.answer ? (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
            {item.answeredAt ? <Typography.Text type="secondary">{t('feedback.detail.answeredAt', { at: formatInstant(item.answeredAt) })}</Typography.Text> : null}
            {item.answeredOnTime === null ? null : item.answeredOnTime ? (
              <Tag color="green" icon={<CheckCircleOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
                {t('feedback.detail.onTime')}
              </Tag>
            ) : (
              <Tag color="red" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
                {t('feedback.detail.late')}
              </Tag>
            )}
          </Flex>
          <Body testId="feedback-answer-text">{item.answer}</Body>
        </>
      ) : null}
      {showDraft ? (
        <>
          {item.answer ? <SubHeading>{t('feedback.detail.newDraft')}</SubHeading> : null}
          <Typography.Text type="secondary">{item.state === 'AWAITING_APPROVAL' ? t('feedback.detail.draftAwaiting') : t('feedback.detail.draftReturned')}</Typography.Text>
          <Body testId="feedback-draft-text">{item.draftAnswer}</Body>
        </>
      ) : null}
      {!item.answer && !showDraft ? <Typography.Text type="secondary">{t('feedback.detail.noAnswer')}</Typography.Text> : null}
      {item.published ? (
        <>
          <SubHeading>{t('feedback.detail.published')}</SubHeading>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('feedback.detail.publishedAt', { at: formatInstant(item.published.at) })}{' '}
            <a href={FEEDBACK_PATHS.published(item.code)} target="_blank" rel="noopener noreferrer">
              {t('feedback.detail.publishedLink')} <ExportOutlined aria-hidden />
              <span className="visually-hidden">{t('feedback.similar.newTab')}</span>
            </a>
          </Typography.Paragraph>
          <Body>{item.published.answer}</Body>
        </>
      ) : null}
    </Card>
  );
}

/**
 * `/admin/feedback/:id`: one feedback item (PAKN) as the officers of its unit see it — its content and sender, where it
 * is and when its answer is due, its history, the draft and the answer, the sender's ratings — and exactly the actions
 * the server says the officer may take now, each in its own dialog.
 */
export function FeedbackDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: item, isPending, error, refetch, isFetching } = useFeedbackItem(id);
  const [action, setAction] = useState<FeedbackActionKey | null>(null);
  // An unknown id, another unit's item and a malformed address all read as "not found" (nothing is told about others' items).
  const notFound = error instanceof ApiError && [400, 403, 404].includes(error.status);
  useDocumentTitle(isPending || item ? null : notFound ? t('feedback.detail.notFound') : t('common.errors.loadFailed'));

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !item) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{notFound ? t('feedback.detail.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to={FEEDBACK_PATHS.queue}>{t('feedback.detail.backToQueue')}</Link>}
      />
    );
  }

  const d = item.deadline;
  const openQuestion = item.pauses.find((p) => p.to === null);
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const span = { xs: 1, sm: 2, xl: 1, xxl: 2 };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={FEEDBACK_PATHS.queue}>{t('feedback.queue.title')}</Link> }, { title: item.code }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <PageTitle copyable={{ text: item.code }} documentTitle={t('feedback.detail.documentTitle', { code: item.code })} data-testid="feedback-code">
            {item.code}
          </PageTitle>
          <Typography.Text strong className="wrap-anywhere" data-testid="feedback-title">
            {item.title}
          </Typography.Text>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <FeedbackStateTag state={item.state} text={item.stateText} testId="feedback-state" />
            <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="feedback-kind">
              {item.kind ? t(`feedback.kinds.short.${item.kind}`) : t('feedback.kinds.none')}
            </Tag>
            <Typography.Text type="secondary">{t('feedback.detail.dueLabel')}</Typography.Text>
            <FeedbackDue dueAt={d.dueAt} overdue={d.overdue} paused={d.paused} testId="feedback-due" />
          </Flex>
        </div>
        <Button icon={<ReloadOutlined aria-hidden />} loading={isFetching} onClick={() => void refetch()} data-testid="feedback-reload">
          {t('feedback.detail.reload')}
        </Button>
      </Flex>

      <ClosingNotice item={item} />
      {openQuestion ? (
        <Alert
          type="info"
          showIcon
          title={t('feedback.detail.waitingSender', { at: formatInstant(openQuestion.from) })}
          description={<span className="wrap-anywhere">{openQuestion.question}</span>}
          data-testid="feedback-open-question"
        />
      ) : null}

      <ActionsCard item={item} onOpen={setAction} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={<CardHeading>{t('feedback.detail.content')}</CardHeading>}>
              <SubHeading>{item.title}</SubHeading>
              <Body testId="feedback-content">{item.content}</Body>
            </Card>
            <AnswerCard item={item} />
            {item.pauses.length > 0 ? (
              <Card size="small" title={<CardHeading>{t('feedback.detail.infoRequests')}</CardHeading>} data-testid="feedback-pauses">
                <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                  {item.pauses.map((p, i) => (
                    <li key={`${p.from}-${i}`} style={{ marginBottom: 8 }}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.to
                          ? t('feedback.detail.pauseSpan', { from: formatInstant(p.from), to: formatInstant(p.to) })
                          : t('feedback.detail.pauseOpen', { from: formatInstant(p.from) })}
                      </Typography.Text>
                      <div className="wrap-anywhere">{t('feedback.detail.questionValue', { text: p.question })}</div>
                      <div className="wrap-anywhere">{p.reply ? t('feedback.detail.replyValue', { text: p.reply }) : t('feedback.detail.noReply')}</div>
                    </li>
                  ))}
                </ol>
              </Card>
            ) : null}
            {item.ratings.length > 0 ? (
              <Card size="small" title={<CardHeading>{t('feedback.detail.ratings')}</CardHeading>} data-testid="feedback-ratings">
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {item.ratings.map((r) => (
                    <li key={r.round} style={{ marginBottom: 8 }}>
                      <Flex gap={8} wrap align="center">
                        <Tag color={r.rating === 'satisfied' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                          {t(`feedback.ratings.${r.rating}`)}
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('feedback.detail.ratingMeta', { round: r.round + 1, at: formatInstant(r.ratedAt) })}
                        </Typography.Text>
                        {r.reopened ? <Tag style={{ marginInlineEnd: 0 }}>{t('feedback.detail.reopenedTag')}</Tag> : null}
                      </Flex>
                      {r.comment ? <div className="wrap-anywhere">{r.comment}</div> : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={<CardHeading>{t('feedback.detail.handling')}</CardHeading>}>
              <Descriptions
                size="small"
                column={span}
                data-testid="feedback-handling"
                items={[
                  { key: 'channel', label: t('feedback.fields.channel'), children: t(`feedback.channels.${item.channel}`) },
                  { key: 'received', label: t('feedback.fields.receivedAt'), children: formatInstant(item.receivedAt) },
                  { key: 'receiving', label: t('feedback.fields.receivingUnit'), children: item.receivingUnit?.name ?? none },
                  { key: 'assigned', label: t('feedback.fields.assignedUnit'), children: <span data-testid="feedback-unit">{item.assignedUnit.name}</span> },
                  {
                    key: 'procedure',
                    label: t('feedback.fields.procedure'),
                    span,
                    children: item.procedure ? (
                      <span className="wrap-anywhere">
                        {/* The procedure's public page (portal), opened beside the item. */}
                        <a href={`/thu-tuc/${encodeURIComponent(item.procedure.code)}`} target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>
                          {item.procedure.code}
                          <span className="visually-hidden">{t('feedback.similar.newTab')}</span>
                        </a>{' '}
                        — {item.procedure.name}
                        {item.procedure.field ? (
                          <Typography.Text type="secondary">{` (${t('feedback.detail.fieldValue', { field: item.procedure.field })})`}</Typography.Text>
                        ) : null}
                      </span>
                    ) : (
                      none
                    ),
                  },
                  {
                    key: 'dossier',
                    label: t('feedback.fields.dossierCode'),
                    children: item.dossierCode ? <Link to={`/admin/dossiers?queue=all&q=${encodeURIComponent(item.dossierCode)}`}>{item.dossierCode}</Link> : none,
                  },
                  { key: 'followers', label: t('feedback.fields.followers'), children: item.followers },
                  ...(item.reopenCount > 0 ? [{ key: 'reopened', label: t('feedback.fields.reopenCount'), children: item.reopenCount }] : []),
                ]}
              />
            </Card>
            <Card size="small" title={<CardHeading>{t('feedback.detail.deadline')}</CardHeading>}>
              <Descriptions
                size="small"
                column={span}
                data-testid="feedback-deadline"
                items={[
                  { key: 'rule', label: t('feedback.fields.rule'), span, children: <span data-testid="feedback-rule">{t(`feedback.rules.short.${d.rule}`)}</span> },
                  { key: 'time', label: t('feedback.fields.workingTime'), children: t('feedback.detail.workingTime', { amount: formatWorkingDuration(t, d.workingMinutes) }) },
                  { key: 'start', label: t('feedback.fields.clockStartedAt'), children: formatInstant(d.clockStartedAt) },
                  { key: 'due', label: t('feedback.fields.dueAt'), span, children: <FeedbackDue dueAt={d.dueAt} overdue={d.overdue} paused={d.paused} /> },
                  ...(d.reason ? [{ key: 'reason', label: t('feedback.fields.deadlineReason'), span, children: <span className="wrap-anywhere">{d.reason}</span> }] : []),
                ]}
              />
            </Card>
            <Card size="small" title={<CardHeading>{t('feedback.detail.sender')}</CardHeading>}>
              <Descriptions
                size="small"
                column={span}
                data-testid="feedback-sender"
                items={[
                  {
                    key: 'name',
                    label: t('feedback.fields.senderName'),
                    span,
                    children: (
                      <Flex gap={8} wrap align="center">
                        <span className="wrap-anywhere">{item.sender.name}</span>
                        {item.sender.hasAccount ? (
                          <Tag icon={<UserOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
                            {t('feedback.detail.hasAccount')}
                          </Tag>
                        ) : null}
                      </Flex>
                    ),
                  },
                  { key: 'phone', label: t('feedback.fields.phone'), children: item.sender.phone ?? none },
                  { key: 'email', label: t('feedback.fields.email'), children: item.sender.email ? <span className="wrap-anywhere">{item.sender.email}</span> : none },
                  {
                    key: 'address',
                    label: t('feedback.fields.address'),
                    span,
                    children: item.sender.address ? <span className="wrap-anywhere">{item.sender.address}</span> : none,
                  },
                  { key: 'publish', label: t('feedback.fields.publish'), span, children: item.publish ? t('feedback.publish.yes') : t('feedback.publish.no') },
                ]}
              />
            </Card>
            <Card size="small" title={<CardHeading>{t('feedback.detail.history')}</CardHeading>} data-testid="feedback-history">
              <FeedbackHistory history={item.history} />
            </Card>
          </Flex>
        </Col>
      </Row>
      <FeedbackActionModal item={item} action={action} onClose={() => setAction(null)} onReload={() => refetch()} />
    </Flex>
  );
}
