import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FileStore } from '../../platform/files';
import {
  CitizenDossierDetailSchema,
  CitizenDossierFileParamsSchema,
  CitizenDossierParamsSchema,
  CitizenDossierResultFileParamsSchema,
  CitizenDossierResultSchema,
  CitizenDossierSlipParamsSchema,
  CitizenDossiersQuerySchema,
  CitizenDossiersResponseSchema,
  CitizenFileResponseSchema,
  ResubmitSupplementRequestSchema,
  SupplementUploadResponseSchema,
} from '../../../contracts/portal/portal.contracts';
import {
  attachSupplementFiles,
  getApplicantDossier,
  getIssuedResultForApplicant,
  listApplicantDossiers,
  presentApplicantDossier,
  receiveOnlineSupplement,
  removeSupplementFile,
  renderApplicantSlip,
  sendApplicantSupplementFile,
  sendIssuedResult,
  type RenderedFile,
} from '../dossiers';
import { getRatingStateForOwner, rateDossierAsOwner } from '../ratings';
import { dossierPayments, receiptTransaction, renderReceipt, startPayment } from '../payments';
import { DossierPaymentsSchema, StartPaymentRequestSchema, StartPaymentResponseSchema, TxnRefParamsSchema } from '../../../contracts/payments/payments.contracts';
import { RatingAnswersSchema, RatingInvitationViewSchema, RatingViewSchema } from '../../../contracts/ratings/ratings.contracts';
import { PORTAL_ACTIONS } from './portal.policy';
import { accountClaim, accountQuota, claimFor } from './use-cases/claim';
import { sendRendered } from '../../platform/http/send-rendered';

const tags = ['citizen'];
const config = { action: PORTAL_ACTIONS.dossiers };

/** A slip opens in the browser's PDF viewer; never cached (it carries personal data). */
const sendPdf = (reply: FastifyReply, file: RenderedFile) => sendRendered(reply, file, 'inline');

/** "My dossiers" of the signed-in portal account and its online supplements: /api/v1/citizen/dossiers. */
export async function portalRoutes(app: FastifyInstance, options: { publicBaseUrl: string; files: FileStore; maxFileBytes: number }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/dossiers',
    {
      config,
      schema: {
        tags,
        summary: 'My dossiers: those received from my online applications and, once my ID number is verified, those received at a desk under it',
        querystring: CitizenDossiersQuerySchema,
        response: { 200: CitizenDossiersResponseSchema },
      },
    },
    async (request) => listApplicantDossiers(request.ctx, await accountClaim(request.ctx), request.query),
  );

  r.get(
    '/dossiers/:id',
    { config, schema: { tags, summary: 'One of my dossiers', params: CitizenDossierParamsSchema, response: { 200: CitizenDossierDetailSchema } } },
    async (request) => getApplicantDossier(request.ctx, request.params.id, await claimFor(request.ctx, request.params.id)),
  );

  r.get(
    '/dossiers/:id/slips/:slip',
    {
      config,
      schema: {
        tags,
        summary: 'A slip of my dossier (PDF): receipt, supplement request, apology or stop notice',
        params: CitizenDossierSlipParamsSchema,
        response: { 200: CitizenFileResponseSchema },
      },
    },
    async (request, reply) =>
      sendPdf(reply, await renderApplicantSlip(request.ctx, request.params.id, await claimFor(request.ctx, request.params.id), request.params.slip, options.publicBaseUrl)),
  );

  /** The detail's check, for the routes that read or act on the dossier through another module: another's is 404. */
  const assertOwnDossier = async (ctx: FastifyRequest['ctx'], id: string) => {
    await getApplicantDossier(ctx, id, await claimFor(ctx, id));
  };
  /** The issued result of a dossier the account may read. */
  const ownResult = async (ctx: FastifyRequest['ctx'], id: string) => {
    await assertOwnDossier(ctx, id);
    return getIssuedResultForApplicant(ctx, id, options.publicBaseUrl);
  };

  r.get(
    '/dossiers/:id/result',
    {
      config,
      schema: {
        tags,
        summary: 'The electronic result of my dossier, if the unit issued one: file, SHA-256, issuing unit, verification link, paper original to collect',
        params: CitizenDossierParamsSchema,
        response: { 200: CitizenDossierResultSchema },
      },
    },
    async (request) => {
      const issued = await ownResult(request.ctx, request.params.id);
      if (!issued) return { result: null };
      const { fileName, sizeBytes, sha256, issuedAt, issuingUnitName, verifyUrl, paperOriginal, paperOriginalReason } = issued;
      return { result: { fileName, sizeBytes, sha256, issuedAt, issuingUnitName, verifyUrl, paperOriginal, paperOriginalReason } };
    },
  );

  r.get(
    '/dossiers/:id/result/:file',
    {
      config,
      schema: {
        tags,
        summary: "Download my dossier's result (`result`, the unit's PDF) or its certificate with the QR code (`certificate`)",
        params: CitizenDossierResultFileParamsSchema,
        response: { 200: CitizenFileResponseSchema },
      },
    },
    async (request, reply) => {
      const issued = await ownResult(request.ctx, request.params.id);
      if (!issued) throw notFound('result', request.params.id);
      return sendIssuedResult(reply, options.files, issued, request.params.file);
    },
  );

  r.get(
    '/dossiers/:id/rating',
    {
      config,
      schema: {
        tags,
        summary: 'Whether I can rate my dossier (once it ended), or the rating I gave',
        params: CitizenDossierParamsSchema,
        response: { 200: RatingInvitationViewSchema },
      },
    },
    async (request) => {
      await assertOwnDossier(request.ctx, request.params.id);
      return getRatingStateForOwner(request.ctx, request.params.id);
    },
  );

  r.post(
    '/dossiers/:id/rating',
    {
      config,
      schema: {
        tags,
        summary: 'Rate my ended dossier: overall and by criteria, with an optional comment (once; again answers 409)',
        params: CitizenDossierParamsSchema,
        body: RatingAnswersSchema,
        response: { 201: RatingViewSchema },
      },
    },
    async (request, reply) => {
      await assertOwnDossier(request.ctx, request.params.id);
      return reply.status(201).send(await rateDossierAsOwner(request.ctx, request.params.id, request.body));
    },
  );

  r.post(
    '/dossiers/:id/supplement-files',
    {
      config,
      schema: {
        tags,
        summary: 'Attach files (multipart, PDF/JPEG/PNG recognised by content) to the supplement my dossier waits for; field `itemIndex` names the paper',
        consumes: ['multipart/form-data'],
        params: CitizenDossierParamsSchema,
        response: { 201: SupplementUploadResponseSchema },
      },
    },
    async (request, reply) => {
      const claim = await claimFor(request.ctx, request.params.id);
      const files = await attachSupplementFiles(request.ctx, request, options.files, request.params.id, claim, accountQuota(request.ctx, options.maxFileBytes));
      const dossier = await getApplicantDossier(request.ctx, request.params.id, claim);
      const shown = new Map(dossier.supplement?.files.map((f) => [f.id, f]) ?? []);
      return reply
        .status(201)
        .send({ dossier, files: files.filter(({ file }) => shown.has(file.id)).map(({ file, extensionCorrected }) => ({ ...shown.get(file.id)!, extensionCorrected })) });
    },
  );

  r.get(
    '/dossiers/:id/supplement-files/:fileId',
    { config, schema: { tags, summary: 'Open a file of my supplement', params: CitizenDossierFileParamsSchema, response: { 200: CitizenFileResponseSchema } } },
    async (request, reply) =>
      sendApplicantSupplementFile(request.ctx, reply, options.files, request.params.id, await claimFor(request.ctx, request.params.id), request.params.fileId),
  );

  r.delete(
    '/dossiers/:id/supplement-files/:fileId',
    { config, schema: { tags, summary: 'Remove a file not yet sent from my supplement', params: CitizenDossierFileParamsSchema, response: { 200: CitizenDossierDetailSchema } } },
    async (request) => {
      const claim = await claimFor(request.ctx, request.params.id);
      await removeSupplementFile(request.ctx, options.files, request.params.id, claim, request.params.fileId, accountQuota(request.ctx, options.maxFileBytes).ownerKey);
      return getApplicantDossier(request.ctx, request.params.id, claim);
    },
  );

  r.post(
    '/dossiers/:id/supplement',
    {
      config,
      schema: {
        tags,
        summary: 'Send the supplement: the dossier resumes at this instant, its appointment moved by the paused working time',
        params: CitizenDossierParamsSchema,
        body: ResubmitSupplementRequestSchema,
        response: { 200: CitizenDossierDetailSchema },
      },
    },
    async (request) => {
      const claim = await claimFor(request.ctx, request.params.id);
      return presentApplicantDossier(request.ctx, await receiveOnlineSupplement(request.ctx, request.params.id, claim, request.body), claim);
    },
  );

  r.get(
    '/dossiers/:id/payments',
    {
      config,
      schema: {
        tags,
        summary: 'The fee or financial obligation my dossier awaits (the payment notice) and my payments on it, with their receipts',
        params: CitizenDossierParamsSchema,
        response: { 200: DossierPaymentsSchema },
      },
    },
    async (request) => {
      const dossier = await getApplicantDossier(request.ctx, request.params.id, await claimFor(request.ctx, request.params.id));
      return dossierPayments(request.ctx, request.params.id, dossier.code);
    },
  );

  r.post(
    '/dossiers/:id/payments',
    {
      // A payer may retry, not flood the gateway with attempts: counted per account (payers share addresses behind
      // mobile carriers' NAT); at most 5 attempts wait at the gateway at once anyway (payments' startPayment).
      config: {
        ...config,
        rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => (request.actor.type === 'user' ? `payer:${request.actor.userId}` : request.ip) },
      },
      schema: {
        tags,
        summary: 'Pay what my dossier awaits online: answers the signed gateway URL to send the browser to (409 when nothing is due)',
        params: CitizenDossierParamsSchema,
        body: StartPaymentRequestSchema,
        response: { 201: StartPaymentResponseSchema },
      },
    },
    async (request, reply) => {
      await assertOwnDossier(request.ctx, request.params.id);
      return reply.status(201).send(await startPayment(request.ctx, request.params.id, request.body, request.ip));
    },
  );

  r.get(
    '/dossiers/:id/payments/:txnRef/receipt',
    {
      config,
      schema: {
        tags,
        summary: 'The electronic receipt of my payment (PDF)',
        params: CitizenDossierParamsSchema.merge(TxnRefParamsSchema),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      await assertOwnDossier(request.ctx, request.params.id);
      const txn = await receiptTransaction(request.ctx, request.params.txnRef);
      const payments = await dossierPayments(request.ctx, request.params.id, '');
      // The reference must be one of this dossier's payments: another dossier's receipt is "not found".
      if (!payments.requests.some((r) => r.attempts.some((a) => a.txnRef === txn.txnRef))) throw notFound('payment', request.params.txnRef);
      const file = await renderReceipt(request.ctx, txn);
      return sendPdf(reply, { fileName: file.fileName, mimeType: 'application/pdf', body: file.bytes });
    },
  );
}
