import { useEffect, useState } from 'react';
import { App, Breadcrumb, Button, Card, Flex, Form, Input, Popconfirm, Result, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, ExportOutlined, FileSearchOutlined, MessageOutlined, PlusOutlined, SoundOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useApiError } from '../../app/useApiError';
import { FormModal } from '../../ui/FormModal';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DIALOGUE_LIMITS as L } from '../../../contracts/dialogues/dialogues.values';
import type { OfficerQuestion, SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { CardHeading } from '../submissions/CardHeading';
import { AnswerModal } from './AnswerModal';
import { CommitmentStatus } from './CommitmentStatus';
import { DIALOGUE_PATHS, useAddQuestion, useQuestionAction, useSession, useSessionAction, type SessionActionPath } from './dialogues.api';
import { filled } from './dialogues-format';
import { PlainText } from './PlainText';
import { SessionFacts } from './SessionFacts';
import { SessionFormModal } from './SessionFormModal';
import { SessionStateTag } from './SessionStateTag';
import { TextPromptModal } from './TextPromptModal';

/** The dialogs of the page; one is open at a time. */
type Dialog = 'edit' | 'cancel' | 'agenda' | 'minutes' | 'addQuestion' | 'fromFeedback' | null;

interface OfficerQuestionValues {
  askerName?: string;
  askerContact?: string;
  text?: string;
}

/** Records a question from the floor, a letter or a call. */
function AddQuestionModal({ sessionId, open, onClose }: { sessionId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<OfficerQuestionValues>();
  const add = useAddQuestion(sessionId);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const required = { required: true, whitespace: true, message: t('dialogues.admin.form.required') };
  return (
    <FormModal<OfficerQuestionValues>
      open={open}
      title={t('dialogues.admin.detail.addQuestionTitle')}
      form={form}
      name="dialogue-officer-question"
      onClose={onClose}
      onSubmit={async (v) => {
        await add.mutateAsync({ kind: 'officer', body: { askerName: (v.askerName ?? '').trim(), askerContact: filled(v.askerContact), text: (v.text ?? '').trim() } });
        void message.success(t('dialogues.admin.detail.questionAdded'));
      }}
      testId="question-form"
    >
      <Form.Item name="askerName" label={t('dialogues.admin.detail.askerName')} rules={[required, { min: L.nameMin, max: L.nameMax }]}>
        <Input maxLength={L.nameMax} data-testid="question-asker" />
      </Form.Item>
      <Form.Item name="askerContact" label={t('dialogues.admin.detail.askerContact')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="question-contact" />
      </Form.Item>
      <Form.Item name="text" label={t('dialogues.admin.detail.questionText')} rules={[required, { min: L.questionMin, max: L.questionMax }]}>
        <Input.TextArea rows={4} maxLength={L.questionMax} showCount data-testid="question-text" />
      </Form.Item>
    </FormModal>
  );
}

/** One question as the organisers see it: where it came from, who asked, its state and answer, and what may be done. */
function QuestionCard({ q, onAccept, onReject, onAnswer, busy }: { q: OfficerQuestion; onAccept: () => void; onReject: () => void; onAnswer: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const source = t(`dialogues.sources.${q.source}`, { code: q.feedbackCode ?? '' });
  return (
    <Card size="small" data-testid={`question-${q.id}`} data-state={q.state}>
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          <h3 style={{ fontSize: 15, fontWeight: 600, margin: 0 }} className="wrap-anywhere">
            {q.askerName} <Typography.Text type="secondary">({q.askerDisplay})</Typography.Text>
          </h3>
          <Tag
            color={q.state === 'ANSWERED' ? 'green' : q.state === 'REJECTED' ? 'default' : q.state === 'SUBMITTED' ? 'gold' : 'blue'}
            style={{ marginInlineEnd: 0 }}
            data-testid={`question-state-${q.id}`}
          >
            {q.stateText}
          </Tag>
          <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>{source}</Tag>
          {q.publicVisible ? null : (
            <Tag color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t('dialogues.admin.detail.hidden')}
            </Tag>
          )}
        </Flex>
        {q.askerContact ? <Typography.Text type="secondary">{t('dialogues.admin.detail.contact', { contact: q.askerContact })}</Typography.Text> : null}
        <PlainText testId={`question-text-${q.id}`}>{q.text}</PlainText>
        {q.rejectReason ? <Typography.Text type="secondary">{t('dialogues.admin.detail.rejectReason', { reason: q.rejectReason })}</Typography.Text> : null}
        {q.answer ? (
          <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 12 }}>
            <Typography.Text strong>{t('dialogues.session.answer')}</Typography.Text>
            <PlainText testId={`question-answer-${q.id}`}>{q.answer}</PlainText>
            {q.answeredAt ? (
              <Typography.Text type="secondary">{t('dialogues.session.answeredBy', { unit: q.answeringUnit?.name ?? '', at: formatInstant(q.answeredAt) })}</Typography.Text>
            ) : null}
          </div>
        ) : null}
        {q.actions.accept || q.actions.reject || q.actions.answer ? (
          <Flex gap={8} wrap>
            {q.actions.answer ? (
              <Button type="primary" icon={<MessageOutlined aria-hidden />} onClick={onAnswer} data-testid={`question-answer-button-${q.id}`}>
                {t('dialogues.admin.detail.answer')}
              </Button>
            ) : null}
            {q.actions.accept ? (
              <Button icon={<CheckOutlined aria-hidden />} onClick={onAccept} loading={busy} data-testid={`question-accept-${q.id}`}>
                {t('dialogues.admin.detail.accept')}
              </Button>
            ) : null}
            {q.actions.reject ? (
              <Button danger icon={<CloseOutlined aria-hidden />} onClick={onReject} data-testid={`question-reject-${q.id}`}>
                {t('dialogues.admin.detail.reject')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The buttons of the session's actions the server allows the officer now. */
function SessionActions({ s, onOpen, onRun, running }: { s: SessionDetail; onOpen: (d: Dialog) => void; onRun: (path: SessionActionPath) => void; running: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap data-testid="session-actions">
      {s.actions.update ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => onOpen('edit')} data-testid="session-edit">
          {t('dialogues.admin.detail.edit')}
        </Button>
      ) : null}
      {s.actions.announce ? (
        <Popconfirm
          title={t('dialogues.admin.detail.announceConfirm')}
          description={t('dialogues.admin.detail.announceDescription')}
          okText={t('common.actions.confirm')}
          cancelText={t('common.actions.cancel')}
          onConfirm={() => onRun('announce')}
        >
          <Button type="primary" icon={<SoundOutlined aria-hidden />} loading={running} data-testid="session-announce">
            {t('dialogues.admin.detail.announce')}
          </Button>
        </Popconfirm>
      ) : null}
      {s.actions.close ? (
        <Popconfirm
          title={t('dialogues.admin.detail.closeConfirm')}
          description={t('dialogues.admin.detail.closeDescription')}
          okText={t('common.actions.confirm')}
          cancelText={t('common.actions.cancel')}
          onConfirm={() => onRun('close')}
        >
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={running} data-testid="session-close">
            {t('dialogues.admin.detail.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {s.actions.cancel ? (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => onOpen('cancel')} data-testid="session-cancel">
          {t('dialogues.admin.detail.cancel')}
        </Button>
      ) : null}
      {s.announcedAt ? (
        <Button href={DIALOGUE_PATHS.publicSession(s.id)} target="_blank" rel="noopener noreferrer" icon={<ExportOutlined aria-hidden />} data-testid="session-public-link">
          {t('dialogues.admin.detail.viewPublic')}
          <span className="visually-hidden">{t('dialogues.facts.newTab')}</span>
        </Button>
      ) : null}
    </Flex>
  );
}

/**
 * `/admin/dialogues/:id`: one dialogue session as its organisers see it (domain README §9) — its details (changed and
 * announced here), the agenda, the questions from the public, from feedback items and from the floor (accepted,
 * rejected, answered with the commitments each answer makes), the minutes, and the commitments made. Exactly the
 * actions the server allows are offered.
 */
export function DialogueAdminPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { data: s, isPending, error, refetch } = useSession(id);
  const action = useSessionAction(id ?? '');
  const questionAction = useQuestionAction(id ?? '');
  const addQuestion = useAddQuestion(id ?? '');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [answering, setAnswering] = useState<OfficerQuestion | null>(null);
  const [rejecting, setRejecting] = useState<OfficerQuestion | null>(null);
  const notFound = error instanceof ApiError && [400, 403, 404].includes(error.status);
  useDocumentTitle(isPending || s ? null : notFound ? t('dialogues.admin.detail.notFound') : t('common.errors.loadFailed'));

  if (isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (error || !s) {
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{notFound ? t('dialogues.admin.detail.notFound') : t('common.errors.loadFailed')}</h1>}
        subTitle={error?.message}
        extra={<Link to={DIALOGUE_PATHS.admin}>{t('dialogues.admin.detail.back')}</Link>}
      />
    );
  }

  /** A failed action shows the server's message and reads the session again (someone may have acted first). */
  const failed = (err: unknown) => {
    showError(err);
    void refetch();
  };
  const run = (path: SessionActionPath, body: Record<string, unknown> = {}, done?: string) =>
    action.mutateAsync({ path, body: { version: s.version, ...body } }).then(() => {
      if (done) void message.success(done);
    });
  const runNow = (path: SessionActionPath) => void run(path, {}, path === 'announce' ? t('dialogues.admin.detail.announced') : t('dialogues.admin.detail.closed')).catch(failed);
  const accept = (q: OfficerQuestion) =>
    void questionAction
      .mutateAsync({ questionId: q.id, path: 'accept', body: { version: q.version } })
      .then(() => void message.success(t('dialogues.admin.detail.accepted')))
      .catch(failed);
  const pending = s.questions.filter((q) => q.state === 'SUBMITTED').length;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={DIALOGUE_PATHS.admin}>{t('dialogues.admin.list.title')}</Link> }, { title: s.title }]} />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 420px' }}>
          <PageTitle className="wrap-anywhere" data-testid="session-title">
            {s.title}
          </PageTitle>
          <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
            <SessionStateTag state={s.state} text={s.stateText} testId="session-state" />
            {s.acceptingQuestions ? <Tag color="green">{t('dialogues.public.acceptingQuestions')}</Tag> : null}
          </Flex>
        </div>
        <SessionActions s={s} onOpen={setDialog} onRun={runNow} running={action.isPending} />
      </Flex>
      {s.state === 'CANCELLED' ? <Typography.Text type="danger">{t('dialogues.commitment.cancelReason', { reason: s.cancelReason ?? '' })}</Typography.Text> : null}
      <Card size="small">
        <SessionFacts s={s} />
        {s.description ? <PlainText>{s.description}</PlainText> : null}
      </Card>

      <Card
        size="small"
        title={<CardHeading>{t('dialogues.admin.detail.agenda')}</CardHeading>}
        extra={
          s.actions.agenda ? (
            <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog('agenda')} data-testid="session-agenda-edit">
              {t('dialogues.admin.detail.editAgenda')}
            </Button>
          ) : null
        }
        data-testid="session-agenda"
      >
        {s.agenda ? <PlainText>{s.agenda}</PlainText> : <Typography.Text type="secondary">{t('dialogues.admin.detail.noAgenda')}</Typography.Text>}
      </Card>

      <Card
        size="small"
        title={<CardHeading>{t('dialogues.admin.detail.questions')}</CardHeading>}
        extra={
          s.actions.addQuestion ? (
            <Flex gap={8} wrap>
              <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('addQuestion')} data-testid="session-add-question">
                {t('dialogues.admin.detail.addQuestion')}
              </Button>
              <Button size="small" icon={<FileSearchOutlined aria-hidden />} onClick={() => setDialog('fromFeedback')} data-testid="session-from-feedback">
                {t('dialogues.admin.detail.fromFeedback')}
              </Button>
            </Flex>
          ) : null
        }
        data-testid="session-questions"
      >
        {pending > 0 ? (
          <Typography.Paragraph type="warning" data-testid="session-pending">
            {t('dialogues.admin.detail.pendingCount', { count: pending })}
          </Typography.Paragraph>
        ) : null}
        {s.questions.length === 0 ? (
          <Typography.Text type="secondary">{t('dialogues.admin.detail.noQuestions')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {s.questions.map((q) => (
              <QuestionCard key={q.id} q={q} busy={questionAction.isPending} onAccept={() => accept(q)} onReject={() => setRejecting(q)} onAnswer={() => setAnswering(q)} />
            ))}
          </Flex>
        )}
      </Card>

      <Card
        size="small"
        title={<CardHeading>{t('dialogues.admin.detail.minutes')}</CardHeading>}
        extra={
          s.actions.minutes ? (
            <Button
              size="small"
              type={s.minutes ? 'default' : 'primary'}
              icon={<EditOutlined aria-hidden />}
              onClick={() => setDialog('minutes')}
              data-testid="session-minutes-edit"
            >
              {t('dialogues.admin.detail.recordMinutes')}
            </Button>
          ) : null
        }
        data-testid="session-minutes"
      >
        {s.minutes ? <PlainText>{s.minutes}</PlainText> : <Typography.Text type="secondary">{t('dialogues.admin.detail.noMinutes')}</Typography.Text>}
        {/* Before the start the server offers no minutes yet: say from when (its clock, not the browser's, decides). */}
        {s.state === 'ANNOUNCED' && s.actions.addQuestion && !s.actions.minutes ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('dialogues.admin.detail.minutesLater', { at: formatInstant(s.startsAt) })}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card
        size="small"
        title={<CardHeading>{t('dialogues.admin.detail.commitments')}</CardHeading>}
        extra={
          s.commitments.length > 0 ? (
            <Link to={`${DIALOGUE_PATHS.commitments}?session=${encodeURIComponent(s.id)}`} data-testid="session-track-commitments">
              {t('dialogues.admin.detail.trackCommitments')}
            </Link>
          ) : null
        }
        data-testid="session-commitments"
      >
        {s.commitments.length === 0 ? (
          <Typography.Text type="secondary">{t('dialogues.admin.detail.noCommitments')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {s.commitments.map((c) => (
              <Flex key={c.id} vertical gap={4} data-testid={`session-commitment-${c.id}`}>
                <Typography.Text strong className="wrap-anywhere">
                  {c.text}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('dialogues.commitment.ownerUnit')}: {c.ownerUnit.name}
                </Typography.Text>
                <CommitmentStatus c={c} />
              </Flex>
            ))}
          </Flex>
        )}
      </Card>

      <SessionFormModal open={dialog === 'edit'} session={s} onClose={() => setDialog(null)} />
      <TextPromptModal
        open={dialog === 'cancel'}
        title={t('dialogues.admin.detail.cancelTitle')}
        label={t('dialogues.admin.detail.reason')}
        name="reason"
        min={L.noteMin}
        max={L.noteMax}
        requiredMessage={t('dialogues.admin.commitments.noteRequired')}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => run('cancel', { reason }, t('dialogues.admin.detail.cancelled'))}
        okText={t('dialogues.admin.detail.cancel')}
        okDanger
        testId="session-cancel-form"
        inputTestId="session-cancel-reason"
      />
      <TextPromptModal
        open={dialog === 'agenda'}
        title={t('dialogues.admin.detail.editAgenda')}
        label={t('dialogues.admin.detail.agenda')}
        name="agenda"
        initial={s.agenda}
        rows={8}
        max={L.agendaMax}
        requiredMessage={t('dialogues.admin.form.required')}
        onClose={() => setDialog(null)}
        onSubmit={(agenda) => run('agenda', { agenda }, t('dialogues.admin.detail.saved'))}
        testId="session-agenda-form"
        inputTestId="session-agenda-text"
      />
      <TextPromptModal
        open={dialog === 'minutes'}
        title={t('dialogues.admin.detail.recordMinutes')}
        label={t('dialogues.admin.detail.minutes')}
        name="minutes"
        initial={s.minutes}
        rows={10}
        min={L.minutesMin}
        max={L.minutesMax}
        extra={s.minutes ? undefined : t('dialogues.admin.detail.minutesHint')}
        requiredMessage={t('dialogues.admin.form.required')}
        onClose={() => setDialog(null)}
        onSubmit={(minutes) => run('minutes', { minutes }, t('dialogues.admin.detail.saved'))}
        testId="session-minutes-form"
        inputTestId="session-minutes-text"
      />
      <TextPromptModal
        open={dialog === 'fromFeedback'}
        title={t('dialogues.admin.detail.fromFeedbackTitle')}
        label={t('dialogues.admin.detail.feedbackCode')}
        name="feedbackCode"
        rows={0}
        max={40}
        extra={t('dialogues.admin.detail.feedbackHint')}
        requiredMessage={t('dialogues.admin.form.required')}
        onClose={() => setDialog(null)}
        onSubmit={(feedbackCode) =>
          addQuestion.mutateAsync({ kind: 'feedback', body: { feedbackCode } }).then(() => void message.success(t('dialogues.admin.detail.questionAdded')))
        }
        testId="session-feedback-form"
        inputTestId="session-feedback-code"
      />
      <AddQuestionModal sessionId={s.id} open={dialog === 'addQuestion'} onClose={() => setDialog(null)} />
      <TextPromptModal
        open={rejecting !== null}
        title={t('dialogues.admin.detail.rejectTitle')}
        label={t('dialogues.admin.detail.reason')}
        name="reason"
        min={L.noteMin}
        max={L.noteMax}
        requiredMessage={t('dialogues.admin.commitments.noteRequired')}
        onClose={() => setRejecting(null)}
        onSubmit={(reason) =>
          questionAction
            .mutateAsync({ questionId: rejecting!.id, path: 'reject', body: { version: rejecting!.version, reason } })
            .then(() => void message.success(t('dialogues.admin.detail.rejected')))
        }
        okText={t('dialogues.admin.detail.reject')}
        okDanger
        testId="question-reject-form"
        inputTestId="question-reject-reason"
      />
      <AnswerModal sessionId={s.id} question={answering} onClose={() => setAnswering(null)} />
    </Flex>
  );
}
