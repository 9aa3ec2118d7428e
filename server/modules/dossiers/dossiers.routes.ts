import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../contracts/common/common.contracts';
import type { FileStore } from '../../platform/files';
import {
  ApologyRequestSchema,
  DossierCodeParamsSchema,
  DossierDetailSchema,
  FileResponseSchema,
  IntakeDecisionSchema,
  IntakeRequestSchema,
  IntakeResponseSchema,
  ListDossiersQuerySchema,
  ListDossiersResponseSchema,
  PublicLookupSchema,
  type PublicLookup,
  SlipParamsSchema,
  SweepRequestSchema,
  SweepResponseSchema,
  TrackingBookQuerySchema,
  TransitionRequestSchema,
} from '../../../contracts/dossiers/dossiers.contracts';
import { DOSSIER_ACTIONS } from './dossiers.policy';
import { intakeDossier } from './use-cases/intake-dossier';
import { issueApology } from './use-cases/issue-apology';
import { sweepAtRisk } from './use-cases/maintain-deadlines';
import { getDossier, getDossierByCode, getIntakeDecision, listDossiers, lookupDossier, presentDossier } from './use-cases/read-dossiers';
import { transitionDossier } from './use-cases/transition-dossier';
import { sendOfficerSupplementFile } from './use-cases/online-supplement';
import { renderDossierSlip, renderIntakeDecisionSlip, type RenderedFile } from './use-cases/render-slips';
import { renderTrackingBookFile, type StreamedFile } from './use-cases/render-tracking-book';
import { sendRendered } from '../../platform/http/send-rendered';

/** A PDF slip opens in the browser's viewer (to print at the desk); a workbook downloads. */
const sendFile = (reply: FastifyReply, file: RenderedFile | StreamedFile) => sendRendered(reply, file, file.mimeType === 'application/pdf' ? 'inline' : 'attachment');

const tags = ['dossiers'];

/** Public lookups per client address per minute (the tracking page; codes are guessable, the data is masked). */
export const LOOKUP_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** Intake, queues, detail, transitions, apology, slips, public lookup. */
export async function dossierRoutes(app: FastifyInstance, options: { publicBaseUrl: string; files: FileStore }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/intake',
    {
      config: { action: DOSSIER_ACTIONS.intake },
      schema: {
        tags,
        summary: 'Record the desk decision on an application: accept, guide (ask for completion) or refuse',
        body: IntakeRequestSchema,
        response: { 201: IntakeResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await intakeDossier(request.ctx, request.body);
      if (result.decision === 'accept') return reply.status(201).send({ decision: 'accept', dossier: await getDossier(request.ctx, result.dossierId) });
      return reply.status(201).send({ decision: result.decision, intakeDecision: await getIntakeDecision(request.ctx, result.decisionId) });
    },
  );

  r.get(
    '/lookup/:code',
    {
      config: { action: 'public', rateLimit: LOOKUP_RATE_LIMIT },
      schema: { tags, summary: 'Public lookup of a dossier by its code', params: DossierCodeParamsSchema, response: { 200: PublicLookupSchema } },
    },
    // A ready JSON string from the read model, which Fastify sends as is: PublicLookupSchema documents it and the
    // route tests parse the body with it (the typed reply only knows objects, hence the cast).
    async (request, reply) => reply.type('application/json; charset=utf-8').send((await lookupDossier(request.ctx, request.params.code)) as unknown as PublicLookup),
  );

  r.get(
    '/',
    {
      config: { action: DOSSIER_ACTIONS.list },
      schema: { tags, summary: 'List dossiers the caller may see', querystring: ListDossiersQuerySchema, response: { 200: ListDossiersResponseSchema } },
    },
    async (request) => listDossiers(request.ctx, request.query),
  );

  r.get(
    '/intake-decisions/:id',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: { tags, summary: 'Intake decision (refusal or return) by id', params: IdParamsSchema, response: { 200: IntakeDecisionSchema } },
    },
    async (request) => getIntakeDecision(request.ctx, request.params.id),
  );

  r.get(
    '/by-code/:code',
    { config: { action: DOSSIER_ACTIONS.read }, schema: { tags, summary: 'Dossier by code', params: DossierCodeParamsSchema, response: { 200: DossierDetailSchema } } },
    async (request) => getDossierByCode(request.ctx, request.params.code),
  );

  r.get(
    '/:id',
    { config: { action: DOSSIER_ACTIONS.read }, schema: { tags, summary: 'Dossier by id', params: IdParamsSchema, response: { 200: DossierDetailSchema } } },
    async (request) => getDossier(request.ctx, request.params.id),
  );

  r.post(
    '/:id/transitions',
    {
      config: { action: DOSSIER_ACTIONS.transition },
      schema: { tags, summary: 'Move a dossier along its workflow', params: IdParamsSchema, body: TransitionRequestSchema, response: { 200: DossierDetailSchema } },
    },
    async (request) => presentDossier(request.ctx, await transitionDossier(request.ctx, request.params.id, request.body)),
  );

  r.post(
    '/:id/apology',
    {
      config: { action: DOSSIER_ACTIONS.apology },
      schema: { tags, summary: 'Issue an apology letter for a late dossier', params: IdParamsSchema, body: ApologyRequestSchema, response: { 200: DossierDetailSchema } },
    },
    async (request) => presentDossier(request.ctx, await issueApology(request.ctx, request.params.id, request.body)),
  );

  r.get(
    '/:id/slips/:slip',
    { config: { action: DOSSIER_ACTIONS.read }, schema: { tags, summary: 'Download a slip of a dossier (PDF)', params: SlipParamsSchema, response: { 200: FileResponseSchema } } },
    async (request, reply) => sendFile(reply, await renderDossierSlip(request.ctx, request.params.id, request.params.slip, options.publicBaseUrl)),
  );

  r.get(
    '/:id/supplement-files/:fileId',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: {
        tags,
        summary: 'Open a file the applicant sent online for a supplement request (in the browser)',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        response: { 200: FileResponseSchema },
      },
    },
    async (request, reply) => sendOfficerSupplementFile(request.ctx, reply, options.files, request.params.id, request.params.fileId),
  );

  r.get(
    '/intake-decisions/:id/slip',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: { tags, summary: 'Download the slip of an intake decision (PDF)', params: IdParamsSchema, response: { 200: FileResponseSchema } },
    },
    async (request, reply) => sendFile(reply, await renderIntakeDecisionSlip(request.ctx, request.params.id)),
  );

  r.get(
    '/tracking-book',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: {
        tags,
        summary: 'Download the tracking book (Excel)',
        description:
          'Mẫu 07 of a receiving unit for a period, every dossier received in it, one sheet per volume and form set. Streamed as it is written (chunked): a transfer that breaks off before its end (a database failure on the server) is no workbook, and the download must be repeated.',
        querystring: TrackingBookQuerySchema,
        response: { 200: FileResponseSchema },
      },
    },
    async (request, reply) => sendFile(reply, await renderTrackingBookFile(request.ctx, request.query)),
  );

  r.post(
    '/admin/sweep-at-risk',
    {
      config: { action: DOSSIER_ACTIONS.sweep },
      schema: { tags, summary: 'Run the at-risk and overdue sweep now', body: SweepRequestSchema, response: { 200: SweepResponseSchema } },
    },
    async (request) => sweepAtRisk(request.ctx, { limit: request.body?.limit }),
  );
}
