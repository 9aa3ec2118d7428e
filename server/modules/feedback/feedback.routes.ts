import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AnswerDraftRequestSchema,
  ApproveAnswerRequestSchema,
  ClassifyFeedbackRequestSchema,
  FeedbackCodeParamsSchema,
  FeedbackDetailSchema,
  FeedbackIdParamsSchema,
  FeedbackQueueQuerySchema,
  FeedbackQueueSchema,
  FeedbackRatingRequestSchema,
  FeedbackReceiptSchema,
  FeedbackReplyRequestSchema,
  FeedbackStatsQuerySchema,
  FeedbackStatsSchema,
  FollowFeedbackResponseSchema,
  MergeFeedbackRequestSchema,
  MyFeedbackResponseSchema,
  OfficerIntakeRequestSchema,
  Open311RequestParamsSchema,
  Open311RequestsQuerySchema,
  Open311RequestsSchema,
  Open311ServicesQuerySchema,
  Open311ServicesSchema,
  OutOfScopeRequestSchema,
  PublicFeedbackDetailSchema,
  PublicFeedbackListSchema,
  PublicFeedbackQuerySchema,
  RequestInfoRequestSchema,
  SendBackRequestSchema,
  SenderFeedbackViewSchema,
  SenderViewQuerySchema,
  SetDeadlineRequestSchema,
  SimilarFeedbackQuerySchema,
  SimilarFeedbackResponseSchema,
  SubmitFeedbackRequestSchema,
  TransferFeedbackRequestSchema,
} from '../../../contracts/feedback/feedback.contracts';
import { FEEDBACK_ACTIONS } from './feedback.policy';
import { approveAnswer, draftAnswer, sendBackAnswer } from './use-cases/answer-feedback';
import { classifyFeedback, closeOutOfScope, mergeFeedback, requestInfo, setDeadline, transferFeedback } from './use-cases/handle-feedback';
import { getOpen311Request, listOpen311Requests, listOpen311Services } from './use-cases/open311';
import { feedbackStats, findSimilarFeedback, getPublicFeedback, listPublicFeedback } from './use-cases/public-feedback';
import { getFeedback, listFeedbackQueue, presentForOfficer } from './use-cases/read-feedback';
import { intakeFeedback, submitFeedback } from './use-cases/receive-feedback';
import { followFeedback, getSenderView, listMyFeedback, rateAnswer, replyToInfoRequest } from './use-cases/sender-feedback';

/** The portal's operations (OpenAPI tag `citizen`), the officers' (tag `feedback`), the public reads (tag `feedback-public`). */
const citizen = ['citizen'];
const office = ['feedback'];
const open = ['feedback-public'];

/** Items filed from the portal per client address: a person files a few; a script filing hundreds is stopped. */
export const INTAKE_RATE_LIMIT = { max: 10, timeWindow: '1 hour' };
/** Anonymous requests that check a sender's secret per client address (far below what guessing a 32-character secret needs). */
export const SENDER_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
/** Public reads per client address per minute (the public pages, the suggestions while typing, Open311 clients). */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

/** /api/v1/feedback: intake, the officers' handling and answers, the sender's doors, the public pages and Open311. */
export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicRead = { action: 'public', rateLimit: PUBLIC_RATE_LIMIT };
  const senderDoor = { action: 'public', rateLimit: SENDER_RATE_LIMIT };

  // ---------------------------------------------------------------- intake

  r.post(
    '/',
    {
      config: { action: 'public', rateLimit: INTAKE_RATE_LIMIT },
      schema: {
        tags: citizen,
        summary: 'File feedback on an administrative regulation or procedure (signed in, or anonymous with a name and a contact)',
        body: SubmitFeedbackRequestSchema,
        response: { 201: FeedbackReceiptSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await submitFeedback(request.ctx, request.body)),
  );

  r.post(
    '/intake',
    {
      config: { action: FEEDBACK_ACTIONS.intake },
      schema: {
        tags: office,
        summary: 'Enter feedback received at the desk, by letter, hotline or e-mail, for its sender',
        body: OfficerIntakeRequestSchema,
        response: { 201: FeedbackReceiptSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await intakeFeedback(request.ctx, request.body)),
  );

  r.get(
    '/similar',
    {
      config: publicRead,
      schema: {
        tags: citizen,
        summary: 'Up to five answered, published items similar to what is being typed (diacritics ignored)',
        querystring: SimilarFeedbackQuerySchema,
        response: { 200: SimilarFeedbackResponseSchema },
      },
    },
    async (request) => findSimilarFeedback(request.ctx, request.query.q),
  );

  // ---------------------------------------------------------------- the sender and following accounts

  r.get(
    '/mine',
    {
      config: { action: FEEDBACK_ACTIONS.follow },
      schema: { tags: citizen, summary: 'The feedback my portal account filed, newest first', response: { 200: MyFeedbackResponseSchema } },
    },
    async (request) => listMyFeedback(request.ctx),
  );

  r.post(
    '/:code/follow',
    {
      config: { action: FEEDBACK_ACTIONS.follow },
      schema: {
        tags: citizen,
        summary: 'Follow a published item instead of filing the same again (following twice changes nothing)',
        params: FeedbackCodeParamsSchema,
        response: { 200: FollowFeedbackResponseSchema },
      },
    },
    async (request) => followFeedback(request.ctx, request.params.code),
  );

  r.get(
    '/:code/sender',
    {
      config: senderDoor,
      schema: {
        tags: citizen,
        summary: "An item as its sender sees it (the sender's account, or the secret given at intake)",
        params: FeedbackCodeParamsSchema,
        querystring: SenderViewQuerySchema,
        response: { 200: SenderFeedbackViewSchema },
      },
    },
    async (request) => getSenderView(request.ctx, request.params.code, request.query.token),
  );

  r.post(
    '/:code/reply',
    {
      config: senderDoor,
      schema: {
        tags: citizen,
        summary: "The sender's reply to a request for more information (the answer's clock runs again)",
        params: FeedbackCodeParamsSchema,
        body: FeedbackReplyRequestSchema,
        response: { 200: SenderFeedbackViewSchema },
      },
    },
    async (request) => replyToInfoRequest(request.ctx, request.params.code, request.body),
  );

  r.post(
    '/:code/rating',
    {
      config: senderDoor,
      schema: {
        tags: citizen,
        summary: 'Rate the answer once; an unsatisfied sender may ask to reopen the item (once)',
        params: FeedbackCodeParamsSchema,
        body: FeedbackRatingRequestSchema,
        response: { 200: SenderFeedbackViewSchema },
      },
    },
    async (request) => rateAnswer(request.ctx, request.params.code, request.body),
  );

  // ---------------------------------------------------------------- public reads

  r.get(
    '/public',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Answered, published items (personal data masked): search and browse by procedure, field and unit',
        querystring: PublicFeedbackQuerySchema,
        response: { 200: PublicFeedbackListSchema },
      },
    },
    async (request) => listPublicFeedback(request.ctx, request.query),
  );

  r.get(
    '/public/stats',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Items received, answered, answered on time, open and overdue, by unit, with their definition',
        querystring: FeedbackStatsQuerySchema,
        response: { 200: FeedbackStatsSchema },
      },
    },
    async (request) => feedbackStats(request.ctx, request.query),
  );

  r.get(
    '/public/:code',
    {
      config: publicRead,
      schema: { tags: open, summary: 'One published item and its answer (masked)', params: FeedbackCodeParamsSchema, response: { 200: PublicFeedbackDetailSchema } },
    },
    async (request) => getPublicFeedback(request.ctx, request.params.code),
  );

  r.get(
    '/open311/v2/services.json',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Open311 GeoReport v2: the service types of the public items',
        querystring: Open311ServicesQuerySchema,
        response: { 200: Open311ServicesSchema },
      },
    },
    async (request) => listOpen311Services(request.ctx),
  );

  r.get(
    '/open311/v2/requests.json',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Open311 GeoReport v2: public items as service requests (service_code, status, start_date/end_date, page)',
        querystring: Open311RequestsQuerySchema,
        response: { 200: Open311RequestsSchema },
      },
    },
    async (request) => listOpen311Requests(request.ctx, request.query),
  );

  r.get(
    '/open311/v2/requests/:file',
    {
      config: publicRead,
      schema: {
        tags: open,
        summary: 'Open311 GeoReport v2: one public item (requests/<code>.json), as a list of one',
        params: Open311RequestParamsSchema,
        response: { 200: Open311RequestsSchema },
      },
    },
    async (request) => getOpen311Request(request.ctx, request.params.file),
  );

  // ---------------------------------------------------------------- officers

  r.get(
    '/queue',
    {
      config: { action: FEEDBACK_ACTIONS.read },
      schema: {
        tags: office,
        summary: 'Items assigned to the units I cover (the province for its readers), soonest due first',
        querystring: FeedbackQueueQuerySchema,
        response: { 200: FeedbackQueueSchema },
      },
    },
    async (request) => listFeedbackQueue(request.ctx, request.query),
  );

  r.get(
    '/:id',
    {
      config: { action: FEEDBACK_ACTIONS.read },
      schema: { tags: office, summary: 'An item with its history and the actions I may take', params: FeedbackIdParamsSchema, response: { 200: FeedbackDetailSchema } },
    },
    async (request) => getFeedback(request.ctx, request.params.id),
  );

  const actions = [
    {
      path: 'classify',
      action: FEEDBACK_ACTIONS.route,
      body: ClassifyFeedbackRequestSchema,
      summary: 'Classify: about a regulation, or about an officer’s conduct',
      run: classifyFeedback,
    },
    {
      path: 'out-of-scope',
      action: FEEDBACK_ACTIONS.route,
      body: OutOfScopeRequestSchema,
      summary: 'Close as a complaint or denunciation, with the reason; the sender is told the law that applies',
      run: closeOutOfScope,
    },
    { path: 'transfer', action: FEEDBACK_ACTIONS.route, body: TransferFeedbackRequestSchema, summary: 'Transfer to another unit, with the reason', run: transferFeedback },
    {
      path: 'merge',
      action: FEEDBACK_ACTIONS.route,
      body: MergeFeedbackRequestSchema,
      summary: 'Merge this duplicate into another item; its sender follows that one',
      run: mergeFeedback,
    },
    {
      path: 'deadline',
      action: FEEDBACK_ACTIONS.handle,
      body: SetDeadlineRequestSchema,
      summary: 'Set the deadline rule: competence, inter-agency, or an appointment within the longest allowed',
      run: setDeadline,
    },
    { path: 'request-info', action: FEEDBACK_ACTIONS.handle, body: RequestInfoRequestSchema, summary: 'Ask the sender for more information (the clock stops)', run: requestInfo },
    { path: 'answer-draft', action: FEEDBACK_ACTIONS.draft, body: AnswerDraftRequestSchema, summary: 'Draft the answer and submit it to the unit’s leader', run: draftAnswer },
    {
      path: 'approve',
      action: FEEDBACK_ACTIONS.approve,
      body: ApproveAnswerRequestSchema,
      summary: 'Approve the answer: sent to the sender and followers, published masked unless the sender opted out',
      run: approveAnswer,
    },
    { path: 'send-back', action: FEEDBACK_ACTIONS.approve, body: SendBackRequestSchema, summary: 'Send the draft answer back with a note', run: sendBackAnswer },
  ] as const;

  for (const a of actions) {
    r.post(
      `/:id/${a.path}`,
      { config: { action: a.action }, schema: { tags: office, summary: a.summary, params: FeedbackIdParamsSchema, body: a.body, response: { 200: FeedbackDetailSchema } } },
      async (request) => {
        const row = await (a.run as (ctx: typeof request.ctx, id: string, body: unknown) => ReturnType<typeof classifyFeedback>)(request.ctx, request.params.id, request.body);
        return presentForOfficer(request.ctx, row);
      },
    );
  }
}
