// Questions collected for a session (domain README §9: topics collected in advance from the public and from PAKN):
// sent by the public while the session is announced and has not started, pulled from a feedback item, or recorded by
// an officer; the organisers accept or reject what the public sent. Each write is one transaction with its audit entry.
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { getCitizenProfile, notifyChannelsOf } from '../../identity';
import { initialsOf, readFeedbackForDialogue } from '../../feedback';
import type {
  FeedbackQuestionRequest,
  OfficerQuestionRequest,
  PublicQuestionReceipt,
  PublicQuestionRequest,
  QuestionVersionRequest,
  RejectQuestionRequest,
} from '../../../../contracts/dialogues/dialogues.contracts';
import { toVnIso } from '../../../platform/calendar';
import { notifyAsker, type AskerContacts } from '../dialogues.notify';
import { isPortalAccount } from '../dialogues.policy';
import { acceptsQuestions } from '../dialogues.presenter';
import {
  findFeedbackQuestion,
  findQuestion,
  findSession,
  insertQuestion,
  lockSession,
  updateQuestion,
  type NewQuestionRow,
  type QuestionRow,
  type SessionRow,
} from '../dialogues.repository';
import { COLLECTING_STATES, DECIDING_STATES, QUESTION_WORKFLOW, questionAllows, type QuestionAction } from '../dialogues.workflow';
import { actorIdOf, invalid, invalidState, loadSessionToManage, sessionLink, versionConflict, type FieldError } from './common';

const closed = () => new AppError('DIALOGUE_QUESTIONS_CLOSED', {}, { status: 409 });

/** Where the asker of a public question is told (their portal account's channel, else every contact they gave). */
export async function askerContacts(db: Queryable, row: Pick<QuestionRow, 'askerEmail' | 'askerPhone' | 'askerAccountId'>): Promise<AskerContacts> {
  return { email: row.askerEmail, phone: row.askerPhone, channels: row.askerAccountId ? await notifyChannelsOf(db, row.askerAccountId) : null };
}

/**
 * POST /dialogues/public/sessions/:id/questions: a question to an announced session, before it starts. A signed-in
 * portal account asks as itself; anyone else gives a name and an e-mail or phone (to be told the answer). The asker is
 * shown to the public as initials.
 */
export async function submitPublicQuestion(ctx: Ctx, sessionId: string, input: PublicQuestionRequest): Promise<PublicQuestionReceipt> {
  const session = await findSession(ctx.db, sessionId);
  // A draft is not public: answered like an unknown session.
  if (!session || session.announcedAt === null) throw new AppError('DIALOGUE_NOT_FOUND', { id: sessionId }, { status: 404 });
  const now = ctx.clock.now();
  if (!acceptsQuestions(session, now)) throw closed();

  let asker: { name: string; email: string | null; phone: string | null; accountId: string | null };
  if (isPortalAccount(ctx.actor)) {
    const profile = await getCitizenProfile(ctx);
    asker = {
      name: input.asker?.name ?? profile.businessName ?? profile.fullName,
      email: input.asker?.email ?? profile.email,
      phone: input.asker?.phone ?? profile.phone,
      accountId: profile.id,
    };
  } else {
    const errors: FieldError[] = [];
    if (!input.asker?.name) errors.push({ path: 'body.asker.name', code: 'dialogues.errors.nameRequired' });
    if (!input.asker?.email && !input.asker?.phone) errors.push({ path: 'body.asker.email', code: 'dialogues.errors.contactRequired' });
    if (errors.length > 0) throw invalid(errors);
    asker = { name: input.asker!.name!, email: input.asker?.email ?? null, phone: input.asker?.phone ?? null, accountId: null };
  }

  return withTransaction(ctx, async (scope) => {
    const locked = await lockSession(scope.tx, sessionId);
    if (!locked || !acceptsQuestions(locked, now)) throw closed();
    const row = await insertQuestion(scope.tx, {
      sessionId,
      source: 'public',
      askerName: asker.name,
      askerDisplay: initialsOf(asker.name),
      askerEmail: asker.email,
      askerPhone: asker.phone,
      askerAccountId: asker.accountId,
      text: input.text,
      publicVisible: true,
      state: 'SUBMITTED',
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await notifyAsker(scope, {
      questionId: row.id,
      to: await askerContacts(scope.tx, row),
      params: { kind: 'received', title: locked.title, startsAt: toVnIso(locked.startsAt), link: sessionLink(ctx, sessionId) },
      locale: ctx.locale,
      dedupe: 'received',
    });
    await scope.audit({
      action: 'dialogues.question-submit',
      subjectType: 'dialogue-question',
      subjectId: row.id,
      before: null,
      after: { sessionId, source: 'public', state: row.state, accountId: asker.accountId, textLength: row.text.length },
    });
    return { id: row.id, sessionId, state: row.state, submittedAt: toVnIso(row.submittedAt) };
  });
}

/** Inserts an accepted question the organisers bring in (from the floor, a letter, a feedback item), audited. */
async function addAccepted(ctx: Ctx, session: SessionRow, values: Omit<NewQuestionRow, 'sessionId' | 'state' | 'submittedAt' | 'createdAt' | 'updatedAt'>): Promise<QuestionRow> {
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const locked = await lockSession(scope.tx, session.id);
    if (!locked || !COLLECTING_STATES.includes(locked.state)) throw invalidState(locked?.state ?? session.state);
    if (values.feedbackItemId && (await findFeedbackQuestion(scope.tx, session.id, values.feedbackItemId))) {
      throw new AppError('DIALOGUE_FEEDBACK_ALREADY_PULLED', { code: values.feedbackCode }, { status: 409 });
    }
    const row = await insertQuestion(scope.tx, {
      ...values,
      sessionId: session.id,
      state: 'ACCEPTED',
      decidedAt: now,
      decidedBy: actorIdOf(ctx),
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await scope.audit({
      action: 'dialogues.question-add',
      subjectType: 'dialogue-question',
      subjectId: row.id,
      before: null,
      after: { sessionId: session.id, source: row.source, state: row.state, feedbackCode: row.feedbackCode, publicVisible: row.publicVisible },
    });
    return row;
  });
}

/** The session as its organisers add questions to it: 404, 403, or 409 when it no longer collects them. */
async function collecting(ctx: Ctx, sessionId: string): Promise<SessionRow> {
  const { row } = await loadSessionToManage(ctx, sessionId);
  if (!COLLECTING_STATES.includes(row.state)) throw invalidState(row.state);
  return row;
}

/** POST /dialogues/sessions/:id/questions: an officer records a question (from the floor, a letter, a call), accepted at once. */
export async function addOfficerQuestion(ctx: Ctx, sessionId: string, input: OfficerQuestionRequest): Promise<QuestionRow> {
  const session = await collecting(ctx, sessionId);
  return addAccepted(ctx, session, {
    source: 'officer',
    askerName: input.askerName,
    askerDisplay: initialsOf(input.askerName),
    askerContact: input.askerContact ?? null,
    text: input.text,
    publicVisible: true,
  });
}

/**
 * POST /dialogues/sessions/:id/questions/from-feedback: a feedback item (its title and content) becomes an accepted
 * question, its sender the asker. The caller must be able to read the item; a sender who kept the item private keeps
 * the question off the public page.
 */
export async function pullFeedbackQuestion(ctx: Ctx, sessionId: string, input: FeedbackQuestionRequest): Promise<QuestionRow> {
  const session = await collecting(ctx, sessionId);
  const item = await readFeedbackForDialogue(ctx, input.feedbackCode);
  if (!item) throw invalid([{ path: 'body.feedbackCode', code: 'dialogues.errors.feedbackUnknown', params: { code: input.feedbackCode } }]);
  return addAccepted(ctx, session, {
    source: 'feedback',
    feedbackItemId: item.id,
    feedbackCode: item.code,
    askerName: item.senderName,
    askerDisplay: initialsOf(item.senderName),
    text: `${item.title}\n\n${item.content}`,
    publicVisible: item.publishConsent,
  });
}

/**
 * Runs an organiser's decision on a question: 404, 403, 409 (session no longer deciding, stale version, wrong state)
 * before any write; then one transaction with the session locked, the audit entry and, on a rejection, the asker told.
 */
async function decide(
  ctx: Ctx,
  sessionId: string,
  questionId: string,
  action: Extract<QuestionAction, 'accept' | 'reject'>,
  version: number,
  reason?: string,
): Promise<QuestionRow> {
  const { row: session } = await loadSessionToManage(ctx, sessionId);
  const seen = await findQuestion(ctx.db, sessionId, questionId);
  if (!seen) throw new AppError('DIALOGUE_QUESTION_NOT_FOUND', { id: questionId }, { status: 404 });
  if (seen.version !== version) throw versionConflict(seen.version);
  if (!DECIDING_STATES.includes(session.state)) throw invalidState(session.state);
  if (!questionAllows(action, seen.state)) throw invalidState(seen.state);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const locked = await lockSession(scope.tx, sessionId);
    if (!locked || !DECIDING_STATES.includes(locked.state)) throw invalidState(locked?.state ?? session.state);
    const row = await updateQuestion(
      scope.tx,
      questionId,
      version,
      { state: QUESTION_WORKFLOW[action].to, rejectReason: reason ?? null, decidedAt: now, decidedBy: actorIdOf(ctx), updatedAt: now },
      QUESTION_WORKFLOW[action].from,
    );
    if (!row) throw versionConflict(seen.version);
    if (action === 'reject' && row.source === 'public') {
      await notifyAsker(scope, {
        questionId: row.id,
        to: await askerContacts(scope.tx, row),
        params: { kind: 'rejected', title: locked.title, startsAt: toVnIso(locked.startsAt), reason: reason!, link: sessionLink(ctx, sessionId) },
        locale: ctx.locale,
        dedupe: 'rejected',
      });
    }
    await scope.audit({
      action: `dialogues.question-${action}`,
      subjectType: 'dialogue-question',
      subjectId: row.id,
      before: { state: seen.state, version: seen.version },
      after: { state: row.state, version: row.version, reason: reason ?? null },
    });
    return row;
  });
}

/** POST /dialogues/sessions/:id/questions/:questionId/accept: a public question is taken into the session (and shown). */
export function acceptQuestion(ctx: Ctx, sessionId: string, questionId: string, input: QuestionVersionRequest): Promise<QuestionRow> {
  return decide(ctx, sessionId, questionId, 'accept', input.version);
}

/** POST /dialogues/sessions/:id/questions/:questionId/reject: not taken (out of topic, a duplicate, a complaint), with the reason told to the asker. */
export function rejectQuestion(ctx: Ctx, sessionId: string, questionId: string, input: RejectQuestionRequest): Promise<QuestionRow> {
  return decide(ctx, sessionId, questionId, 'reject', input.version, input.reason);
}
