import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context/context';
import {
  AgendaRequestSchema,
  AnswerQuestionRequestSchema,
  CancelCommitmentRequestSchema,
  CancelSessionRequestSchema,
  CommitmentDetailSchema,
  CommitmentListQuerySchema,
  CommitmentListSchema,
  CommitmentProgressRequestSchema,
  CommitmentStatsQuerySchema,
  CommitmentStatsSchema,
  CompleteCommitmentRequestSchema,
  CreateSessionRequestSchema,
  DialogueIdParamsSchema,
  DialogueQuestionParamsSchema,
  FeedbackQuestionRequestSchema,
  MinutesRequestSchema,
  OfficerQuestionRequestSchema,
  PublicCommitmentListSchema,
  PublicCommitmentQuerySchema,
  PublicQuestionReceiptSchema,
  PublicQuestionRequestSchema,
  PublicSessionDetailSchema,
  PublicSessionListSchema,
  PublicSessionQuerySchema,
  QuestionVersionRequestSchema,
  RejectQuestionRequestSchema,
  SessionDetailSchema,
  SessionListQuerySchema,
  SessionListSchema,
  SessionVersionRequestSchema,
  UpdateSessionRequestSchema,
} from '../../../contracts/dialogues/dialogues.contracts';
import { DIALOGUE_ACTIONS } from './dialogues.policy';
import type { CommitmentRow, QuestionRow, SessionRow } from './dialogues.repository';
import { answerQuestion } from './use-cases/answer-question';
import { cancelCommitment, completeCommitment, reportProgress } from './use-cases/commitments';
import { announceSession, cancelSession, closeSession, createSession, recordAgenda, recordMinutes, updateSessionDetails } from './use-cases/manage-session';
import { commitmentStats, getPublicSession, listPublicCommitments, listPublicSessionsPage } from './use-cases/public-dialogues';
import { acceptQuestion, addOfficerQuestion, pullFeedbackQuestion, rejectQuestion, submitPublicQuestion } from './use-cases/questions';
import {
  getCommitmentForOfficer,
  getSessionForOfficer,
  listCommitmentsForOfficer,
  listSessionsForOfficer,
  presentCommitmentForOfficer,
  presentSessionForOfficer,
} from './use-cases/read-dialogues';
import { findSession } from './dialogues.repository';

/** The officers' operations (OpenAPI tag `dialogues`) and the public's (tag `dialogues-public`). */
const office = ['dialogues'];
const open = ['dialogues-public'];

/** Questions sent per client address: a person sends a few; a script sending hundreds is stopped (as feedback's intake). */
export const QUESTION_RATE_LIMIT = { max: 10, timeWindow: '1 hour' };
/** Public reads per client address per minute. */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

/** The session a question action belongs to, as the officers see it after the change. */
async function sessionAfter(ctx: Ctx, question: QuestionRow) {
  return presentSessionForOfficer(ctx, (await findSession(ctx.db, question.sessionId))!);
}

/** /api/v1/dialogues: the organisers' sessions and questions, the owner units' commitments, and the public pages. */
export async function dialogueRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicRead = { action: 'public', rateLimit: PUBLIC_RATE_LIMIT };

  // ---------------------------------------------------------------- public

  r.get(
    '/public/sessions',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Dialogue sessions announced to the public: upcoming ones soonest first, held ones latest first',
        querystring: PublicSessionQuerySchema,
        response: { 200: PublicSessionListSchema },
      },
    },
    async (request) => listPublicSessionsPage(request.ctx, request.query),
  );

  r.get(
    '/public/sessions/:id',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'One announced session: agenda, minutes, accepted questions with their answers, commitments and their progress (personal data masked)',
        params: DialogueIdParamsSchema,
        response: { 200: PublicSessionDetailSchema },
      },
    },
    async (request) => getPublicSession(request.ctx, request.params.id),
  );

  r.post(
    '/public/sessions/:id/questions',
    {
      config: { action: 'public', rateLimit: QUESTION_RATE_LIMIT },
      schema: {
        tags: open,
        summary: 'Send a question to an announced session before it starts (signed in, or with a name and an e-mail or phone)',
        params: DialogueIdParamsSchema,
        body: PublicQuestionRequestSchema,
        response: { 201: PublicQuestionReceiptSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await submitPublicQuestion(request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/public/commitments',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Commitments made at dialogue sessions and their progress: open ones soonest due first',
        querystring: PublicCommitmentQuerySchema,
        response: { 200: PublicCommitmentListSchema },
      },
    },
    async (request) => listPublicCommitments(request.ctx, request.query),
  );

  r.get(
    '/public/commitments/stats',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Commitments made, done on time, done late, open and overdue, by owner unit, with their definition',
        querystring: CommitmentStatsQuerySchema,
        response: { 200: CommitmentStatsSchema },
      },
    },
    async (request) => commitmentStats(request.ctx, request.query),
  );

  // ---------------------------------------------------------------- sessions (officers)

  r.get(
    '/sessions',
    {
      config: { action: DIALOGUE_ACTIONS.read },
      schema: {
        tags: office,
        summary: 'Sessions organised by the units I cover (the province for its readers), latest first',
        querystring: SessionListQuerySchema,
        response: { 200: SessionListSchema },
      },
    },
    async (request) => listSessionsForOfficer(request.ctx, request.query),
  );

  r.post(
    '/sessions',
    {
      config: { action: DIALOGUE_ACTIONS.manage },
      schema: {
        tags: office,
        summary: 'Schedule a dialogue session (a draft until announced)',
        body: CreateSessionRequestSchema,
        response: { 201: SessionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await presentSessionForOfficer(request.ctx, await createSession(request.ctx, request.body))),
  );

  r.get(
    '/sessions/:id',
    {
      config: { action: DIALOGUE_ACTIONS.read },
      schema: {
        tags: office,
        summary: 'A session with its questions, commitments and the actions I may take',
        params: DialogueIdParamsSchema,
        response: { 200: SessionDetailSchema },
      },
    },
    async (request) => getSessionForOfficer(request.ctx, request.params.id),
  );

  r.put(
    '/sessions/:id',
    {
      config: { action: DIALOGUE_ACTIONS.manage },
      schema: {
        tags: office,
        summary: 'Change a draft or announced session (title, chair, start, place or link, audience)',
        params: DialogueIdParamsSchema,
        body: UpdateSessionRequestSchema,
        response: { 200: SessionDetailSchema },
      },
    },
    async (request) => presentSessionForOfficer(request.ctx, await updateSessionDetails(request.ctx, request.params.id, request.body)),
  );

  const sessionActions: ReadonlyArray<{ path: string; body: z.ZodType; summary: string; run: (ctx: Ctx, id: string, body: never) => Promise<SessionRow> }> = [
    { path: 'announce', body: SessionVersionRequestSchema, summary: 'Announce the session: public, questions taken until it starts', run: announceSession },
    { path: 'cancel', body: CancelSessionRequestSchema, summary: 'Cancel a draft or announced session, with the reason shown to the public', run: cancelSession },
    { path: 'agenda', body: AgendaRequestSchema, summary: 'Record the agenda', run: recordAgenda },
    { path: 'minutes', body: MinutesRequestSchema, summary: 'Record the minutes once the session has started (it is then held)', run: recordMinutes },
    { path: 'close', body: SessionVersionRequestSchema, summary: 'Close a held session whose accepted questions are all answered', run: closeSession },
  ];
  for (const a of sessionActions) {
    r.post(
      `/sessions/:id/${a.path}`,
      {
        config: { action: DIALOGUE_ACTIONS.manage },
        schema: { tags: office, summary: a.summary, params: DialogueIdParamsSchema, body: a.body, response: { 200: SessionDetailSchema } },
      },
      async (request) => presentSessionForOfficer(request.ctx, await a.run(request.ctx, request.params.id, request.body as never)),
    );
  }

  // ---------------------------------------------------------------- questions (officers)

  r.post(
    '/sessions/:id/questions',
    {
      config: { action: DIALOGUE_ACTIONS.manage },
      schema: {
        tags: office,
        summary: 'Record a question (from the floor, a letter, a call), accepted at once',
        params: DialogueIdParamsSchema,
        body: OfficerQuestionRequestSchema,
        response: { 201: SessionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await sessionAfter(request.ctx, await addOfficerQuestion(request.ctx, request.params.id, request.body))),
  );

  r.post(
    '/sessions/:id/questions/from-feedback',
    {
      config: { action: DIALOGUE_ACTIONS.manage },
      schema: {
        tags: office,
        summary: 'Take a feedback item (by its code) into the session as an accepted question',
        params: DialogueIdParamsSchema,
        body: FeedbackQuestionRequestSchema,
        response: { 201: SessionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await sessionAfter(request.ctx, await pullFeedbackQuestion(request.ctx, request.params.id, request.body))),
  );

  const questionActions: ReadonlyArray<{ path: string; body: z.ZodType; summary: string; run: (ctx: Ctx, id: string, questionId: string, body: never) => Promise<QuestionRow> }> = [
    { path: 'accept', body: QuestionVersionRequestSchema, summary: 'Accept a question sent by the public (it is then shown on the public page)', run: acceptQuestion },
    { path: 'reject', body: RejectQuestionRequestSchema, summary: 'Reject a question, with the reason told to its asker', run: rejectQuestion },
    {
      path: 'answer',
      body: AnswerQuestionRequestSchema,
      summary: 'Answer a question of a held session, with the commitments it makes (owner unit, working days or date)',
      run: answerQuestion,
    },
  ];
  for (const a of questionActions) {
    r.post(
      `/sessions/:id/questions/:questionId/${a.path}`,
      {
        config: { action: DIALOGUE_ACTIONS.manage },
        schema: { tags: office, summary: a.summary, params: DialogueQuestionParamsSchema, body: a.body, response: { 200: SessionDetailSchema } },
      },
      async (request) => sessionAfter(request.ctx, await a.run(request.ctx, request.params.id, request.params.questionId, request.body as never)),
    );
  }

  // ---------------------------------------------------------------- commitments (officers)

  r.get(
    '/commitments',
    {
      config: { action: DIALOGUE_ACTIONS.read },
      schema: {
        tags: office,
        summary: 'Commitments my units owe or organised (the province for its readers): open ones soonest due first, overdue marked',
        querystring: CommitmentListQuerySchema,
        response: { 200: CommitmentListSchema },
      },
    },
    async (request) => listCommitmentsForOfficer(request.ctx, request.query),
  );

  r.get(
    '/commitments/:id',
    {
      config: { action: DIALOGUE_ACTIONS.read },
      schema: {
        tags: office,
        summary: 'A commitment with its question, its history and the actions I may take',
        params: DialogueIdParamsSchema,
        response: { 200: CommitmentDetailSchema },
      },
    },
    async (request) => getCommitmentForOfficer(request.ctx, request.params.id),
  );

  const commitmentActions: ReadonlyArray<{ path: string; action: string; body: z.ZodType; summary: string; run: (ctx: Ctx, id: string, body: never) => Promise<CommitmentRow> }> = [
    {
      path: 'progress',
      action: DIALOGUE_ACTIONS.updateCommitment,
      body: CommitmentProgressRequestSchema,
      summary: 'Report progress on a commitment (a percentage and a note, shown to the public)',
      run: reportProgress,
    },
    {
      path: 'complete',
      action: DIALOGUE_ACTIONS.updateCommitment,
      body: CompleteCommitmentRequestSchema,
      summary: 'Complete a commitment (on time when no later than its due instant)',
      run: completeCommitment,
    },
    {
      path: 'cancel',
      action: DIALOGUE_ACTIONS.manage,
      body: CancelCommitmentRequestSchema,
      summary: 'Withdraw a commitment, with the reason shown to the public',
      run: cancelCommitment,
    },
  ];
  for (const a of commitmentActions) {
    r.post(
      `/commitments/:id/${a.path}`,
      { config: { action: a.action }, schema: { tags: office, summary: a.summary, params: DialogueIdParamsSchema, body: a.body, response: { 200: CommitmentDetailSchema } } },
      async (request) => presentCommitmentForOfficer(request.ctx, await a.run(request.ctx, request.params.id, request.body as never)),
    );
  }
}
