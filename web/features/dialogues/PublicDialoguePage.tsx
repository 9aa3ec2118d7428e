import { Alert, Breadcrumb, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import type { PublicCommitment, PublicQuestion } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { CardHeading } from '../submissions/CardHeading';
import { DIALOGUE_PATHS, usePublicSession } from './dialogues.api';
import { PlainText } from './PlainText';
import { PublicCommitmentItem } from './PublicCommitmentItem';
import { PublicQuestionForm } from './PublicQuestionForm';
import { SessionFacts } from './SessionFacts';
import { SessionStateTag } from './SessionStateTag';

/** An accepted question with its answer and the commitments that answer made. */
function QuestionItem({ q, commitments }: { q: PublicQuestion; commitments: PublicCommitment[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`public-question-${q.id}`}>
      <Flex vertical gap={8}>
        <h3 style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>{t('dialogues.session.askedBy', { name: q.askerDisplay })}</h3>
        <PlainText testId={`public-question-text-${q.id}`}>{q.text}</PlainText>
        <Tag style={{ alignSelf: 'flex-start', marginInlineEnd: 0 }} color={q.state === 'ANSWERED' ? 'green' : 'blue'}>
          {q.stateText}
        </Tag>
        {q.answer ? (
          <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 12 }}>
            <Typography.Text strong>{t('dialogues.session.answer')}</Typography.Text>
            <PlainText testId={`public-answer-${q.id}`}>{q.answer}</PlainText>
            {q.answeredAt ? (
              <Typography.Text type="secondary">{t('dialogues.session.answeredBy', { unit: q.answeringUnit?.name ?? '', at: formatInstant(q.answeredAt) })}</Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('dialogues.session.notAnswered')}</Typography.Text>
        )}
        {commitments.map((c) => (
          <PublicCommitmentItem key={c.id} c={c} headingLevel={4} />
        ))}
      </Flex>
    </Card>
  );
}

/**
 * `/doi-thoai/:id`: one dialogue session on the portal — when and where, who chairs it, its agenda, the accepted
 * questions with their answers and commitments (askers as initials, personal data masked), the minutes, and while it is
 * announced and has not started, a form to send a question.
 */
export function PublicDialoguePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data: s, isPending, error } = usePublicSession(id);
  const notFound = error instanceof ApiError && [400, 404].includes(error.status);
  useDocumentTitle(isPending || s ? null : notFound ? t('dialogues.session.notFound') : t('common.errors.loadFailed'));

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !s) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{notFound ? t('dialogues.session.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to={DIALOGUE_PATHS.public}>{t('dialogues.session.backToList')}</Link>}
      />
    );
  }

  const byQuestion = (questionId: string) => s.commitments.filter((c) => c.questionId === questionId);
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to={DIALOGUE_PATHS.public}>{t('dialogues.public.title')}</Link> }, { title: s.title }]} />
      <div>
        <PageTitle className="wrap-anywhere" data-testid="public-session-title">
          {s.title}
        </PageTitle>
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          <SessionStateTag state={s.state} text={s.stateText} testId="public-session-state" />
        </Flex>
      </div>
      {s.state === 'CANCELLED' ? (
        <Alert type="warning" showIcon title={t('dialogues.session.cancelled')} description={s.cancelReason} data-testid="public-session-cancelled" />
      ) : null}
      <Card size="small">
        <SessionFacts s={s} />
        {s.description ? <PlainText>{s.description}</PlainText> : null}
      </Card>
      <Card size="small" title={<CardHeading>{t('dialogues.session.agenda')}</CardHeading>} data-testid="public-session-agenda">
        {s.agenda ? <PlainText>{s.agenda}</PlainText> : <Typography.Text type="secondary">{t('dialogues.session.noAgenda')}</Typography.Text>}
      </Card>
      {s.acceptingQuestions ? (
        <Card size="small" title={<CardHeading>{t('dialogues.ask.title')}</CardHeading>} data-testid="public-session-ask">
          <PublicQuestionForm sessionId={s.id} startsAt={s.startsAt} />
        </Card>
      ) : null}
      <section aria-labelledby="session-questions" data-testid="public-session-questions">
        <h2 id="session-questions" style={{ fontSize: 20, margin: '0 0 12px' }}>
          {t('dialogues.session.questions')}
        </h2>
        {s.questions.length === 0 ? (
          <Typography.Text type="secondary">{t('dialogues.session.noQuestions')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {s.questions.map((q) => (
              <QuestionItem key={q.id} q={q} commitments={byQuestion(q.id)} />
            ))}
          </Flex>
        )}
      </section>
      {s.state === 'HELD' || s.state === 'CLOSED' ? (
        <Card size="small" title={<CardHeading>{t('dialogues.session.minutes')}</CardHeading>} data-testid="public-session-minutes">
          {s.minutes ? <PlainText>{s.minutes}</PlainText> : <Typography.Text type="secondary">{t('dialogues.session.noMinutes')}</Typography.Text>}
        </Card>
      ) : null}
    </Flex>
  );
}
