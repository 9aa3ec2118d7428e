import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { translate } from '../../platform/i18n';
import {
  AttachFilesResponseSchema,
  BinaryFileSchema,
  RequirementParamsSchema,
  SubmissionFileParamsSchema,
  CompletenessSchema,
  DeskDecisionRequestSchema,
  DeskQueueQuerySchema,
  DeskQueueResponseSchema,
  ListMySubmissionsQuerySchema,
  ListMySubmissionsResponseSchema,
  ListReceptionDesksResponseSchema,
  SaveSubmissionRequestSchema,
  StartSubmissionRequestSchema,
  SubmissionConflictSchema,
  SubmissionDecisionSlipParamsSchema,
  SubmissionDetailSchema,
  SubmissionIdParamsSchema,
  SubmissionSlipParamsSchema,
  SubmitSubmissionRequestSchema,
  WithdrawSubmissionRequestSchema,
} from '../../../contracts/submissions/submissions.contracts';
import type { RenderedFile } from '../dossiers';
import type { FileStore } from '../../platform/files';
import { SUBMISSION_ACTIONS } from './submissions.policy';
import { presentFile } from './submissions.presenter';
import { attachFiles, removeFile, sendDeskFile, sendOwnFile } from './use-cases/submission-files';
import { renderOwnDecisionSlip, renderOwnDossierSlip } from './use-cases/applicant-slips';
import { SubmissionConflict } from './use-cases/common';
import { decideSubmission } from './use-cases/decide-submission';
import { listReceptionDesks } from './use-cases/list-desks';
import { getCompleteness, getDeskSubmission, getOwnSubmission, listAwaiting, listMySubmissions, presentSubmission } from './use-cases/read-submissions';
import { saveSubmission } from './use-cases/save-submission';
import { startSubmission } from './use-cases/start-submission';
import { submitSubmission, withdrawSubmission } from './use-cases/submit-submission';
import { sendRendered } from '../../platform/http/send-rendered';

/** The portal's operations (OpenAPI tag `citizen`) and the desk's (tag `submissions`). */
const citizen = ['citizen'];
const desk = ['submissions'];

/** A slip opens in the browser's PDF viewer (to read, save or print); never cached (it carries personal data). */
const sendPdf = (reply: FastifyReply, file: RenderedFile) => sendRendered(reply, file, 'inline');

/**
 * Runs a change of the owner's submission; a stale version answers 409 with the stored submission as the owner sees it
 * (`current`), so the client merges instead of losing what was typed.
 */
async function ownerChange(request: FastifyRequest, reply: FastifyReply, change: () => Promise<Parameters<typeof presentSubmission>[1]>, status = 200) {
  try {
    const row = await change();
    return reply.status(status).send(await presentSubmission(request.ctx, row, 'owner'));
  } catch (err) {
    if (!(err instanceof SubmissionConflict)) throw err;
    const message = translate(request.locale, `errors.${err.code}`, err.params) ?? err.code;
    return reply.status(409).send({ error: { code: err.code, message }, requestId: request.id, current: await presentSubmission(request.ctx, err.current, 'owner') });
  }
}

/** Online submission (portal) and desk review: /api/v1/submissions. */
export async function submissionRoutes(app: FastifyInstance, options: { publicBaseUrl: string; files: FileStore; maxFileBytes: number }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = { action: SUBMISSION_ACTIONS.own };

  // ---------------------------------------------------------------- portal (the owning account only)

  r.get(
    '/desks',
    { config: own, schema: { tags: citizen, summary: 'One-stop desks an application may be submitted to', response: { 200: ListReceptionDesksResponseSchema } } },
    async (request) => listReceptionDesks(request.ctx),
  );

  r.post(
    '/',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Start an online application (a draft) for a procedure offered online',
        body: StartSubmissionRequestSchema,
        response: { 201: SubmissionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await presentSubmission(request.ctx, await startSubmission(request.ctx, request.body), 'owner')),
  );

  r.get(
    '/',
    {
      config: own,
      schema: { tags: citizen, summary: 'My online applications', querystring: ListMySubmissionsQuerySchema, response: { 200: ListMySubmissionsResponseSchema } },
    },
    async (request) => listMySubmissions(request.ctx, request.query),
  );

  r.get(
    '/:id',
    { config: own, schema: { tags: citizen, summary: 'One of my online applications', params: SubmissionIdParamsSchema, response: { 200: SubmissionDetailSchema } } },
    async (request) => getOwnSubmission(request.ctx, request.params.id),
  );

  r.patch(
    '/:id',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Save a draft (autosave); a stale version answers 409 with the stored application',
        params: SubmissionIdParamsSchema,
        body: SaveSubmissionRequestSchema,
        response: { 200: SubmissionDetailSchema, 409: SubmissionConflictSchema },
      },
    },
    async (request, reply) => ownerChange(request, reply, () => saveSubmission(request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/:id/missing',
    {
      config: own,
      schema: { tags: citizen, summary: 'What still stops the application from being submitted', params: SubmissionIdParamsSchema, response: { 200: CompletenessSchema } },
    },
    async (request) => getCompleteness(request.ctx, request.params.id),
  );

  r.post(
    '/:id/submit',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Submit the application to the desk (or submit it again after a guide)',
        params: SubmissionIdParamsSchema,
        body: SubmitSubmissionRequestSchema,
        response: { 200: SubmissionDetailSchema, 409: SubmissionConflictSchema },
      },
    },
    async (request, reply) => ownerChange(request, reply, () => submitSubmission(request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/:id/withdraw',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Withdraw the application before the desk decides',
        params: SubmissionIdParamsSchema,
        body: WithdrawSubmissionRequestSchema,
        response: { 200: SubmissionDetailSchema, 409: SubmissionConflictSchema },
      },
    },
    async (request, reply) => ownerChange(request, reply, () => withdrawSubmission(request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/:id/requirements/:key/files',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Attach files (multipart, PDF/JPEG/PNG recognised by content) for one required document',
        consumes: ['multipart/form-data'],
        params: RequirementParamsSchema,
        response: { 201: AttachFilesResponseSchema },
      },
    },
    async (request, reply) => {
      const { row, files } = await attachFiles(request.ctx, request, options.files, request.params.id, request.params.key, options.maxFileBytes);
      return reply.status(201).send({
        submission: await presentSubmission(request.ctx, row, 'owner'),
        files: files.map(({ file, extensionCorrected }) => ({ ...presentFile('owner', file), extensionCorrected })),
      });
    },
  );

  r.delete(
    '/:id/files/:fileId',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'Remove an attached file from a draft or a guided application',
        params: SubmissionFileParamsSchema,
        response: { 200: SubmissionDetailSchema },
      },
    },
    async (request) => presentSubmission(request.ctx, await removeFile(request.ctx, options.files, request.params.id, request.params.fileId), 'owner'),
  );

  r.get(
    '/:id/files/:fileId',
    {
      config: own,
      schema: { tags: citizen, summary: 'Open a file of my application', params: SubmissionFileParamsSchema, response: { 200: BinaryFileSchema } },
    },
    async (request, reply) => sendOwnFile(request.ctx, reply, options.files, request.params.id, request.params.fileId),
  );

  r.get(
    '/:id/dossier/slips/:slip',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'A slip of the dossier received from my application (PDF)',
        params: SubmissionSlipParamsSchema,
        response: { 200: BinaryFileSchema },
      },
    },
    async (request, reply) => sendPdf(reply, await renderOwnDossierSlip(request.ctx, request.params.id, request.params.slip, options.publicBaseUrl)),
  );

  r.get(
    '/:id/decisions/:decisionId/slip',
    {
      config: own,
      schema: {
        tags: citizen,
        summary: 'The guide (Mẫu 02) or refusal (Mẫu 03) slip of my application (PDF)',
        params: SubmissionDecisionSlipParamsSchema,
        response: { 200: BinaryFileSchema },
      },
    },
    async (request, reply) => sendPdf(reply, await renderOwnDecisionSlip(request.ctx, request.params.id, request.params.decisionId)),
  );

  // ---------------------------------------------------------------- desk (reception officers of the receiving unit)

  r.get(
    '/desk/queue',
    {
      config: { action: SUBMISSION_ACTIONS.review },
      schema: {
        tags: desk,
        summary: 'Online applications awaiting reception at my desks, oldest first',
        querystring: DeskQueueQuerySchema,
        response: { 200: DeskQueueResponseSchema },
      },
    },
    async (request) => listAwaiting(request.ctx, request.query),
  );

  r.get(
    '/desk/:id',
    {
      config: { action: SUBMISSION_ACTIONS.review },
      schema: { tags: desk, summary: 'An online application sent to my desk', params: SubmissionIdParamsSchema, response: { 200: SubmissionDetailSchema } },
    },
    async (request) => getDeskSubmission(request.ctx, request.params.id),
  );

  r.get(
    '/desk/:id/files/:fileId',
    {
      config: { action: SUBMISSION_ACTIONS.review },
      schema: { tags: desk, summary: 'Open a file of an application sent to my desk (in the browser)', params: SubmissionFileParamsSchema, response: { 200: BinaryFileSchema } },
    },
    async (request, reply) => sendDeskFile(request.ctx, reply, options.files, request.params.id, request.params.fileId),
  );

  r.post(
    '/desk/:id/decision',
    {
      config: { action: SUBMISSION_ACTIONS.decide },
      schema: {
        tags: desk,
        summary: 'Receive the application as a dossier (Mẫu 01), guide the applicant to complete it (Mẫu 02) or refuse it (Mẫu 03)',
        params: SubmissionIdParamsSchema,
        body: DeskDecisionRequestSchema,
        response: { 200: SubmissionDetailSchema },
      },
    },
    async (request) => presentSubmission(request.ctx, await decideSubmission(request.ctx, request.params.id, request.body), 'desk'),
  );
}
