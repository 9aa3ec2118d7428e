import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../contracts/common/common.contracts';
import { FileResponseSchema } from '../../../contracts/dossiers/dossiers.contracts';
import {
  AttachResultResponseSchema,
  DossierResultViewSchema,
  ResultCompareResponseSchema,
  ResultFileParamsSchema,
  ResultTokenParamsSchema,
  ResultVerificationSchema,
} from '../../../contracts/dossiers/results.contracts';
import type { FileStore } from '../../platform/files';
import { DOSSIER_ACTIONS } from './dossiers.policy';
import { attachResult } from './use-cases/issue-result';
import { compareResult, getDossierResult, presentResult, sendResultFile, verifyResult } from './use-cases/read-results';
import { unitsById } from './dossiers.repository';

/** What the result routes need from the host. */
export interface ResultRoutesOptions {
  publicBaseUrl: string;
  files: FileStore;
  maxFileBytes: number;
}

/** Public verifications per client address per minute (tokens are 128 random bits; this bounds scraping and load). */
export const VERIFY_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
/** Comparisons per client address per minute: each reads a whole upload. */
export const COMPARE_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/** Back office, under /api/v1/dossiers: the result of a dossier, its upload and its files. */
export async function dossierResultRoutes(app: FastifyInstance, options: ResultRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dossiers'];

  r.get(
    '/:id/result',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: {
        tags,
        summary: 'The electronic result of a dossier: the issue in force, earlier ones, and whether the reader may issue',
        params: IdParamsSchema,
        response: { 200: DossierResultViewSchema },
      },
    },
    async (request) => getDossierResult(request.ctx, request.params.id, options.publicBaseUrl),
  );

  r.post(
    '/:id/result',
    {
      config: { action: DOSSIER_ACTIONS.result },
      schema: {
        tags,
        summary: 'Issue (or replace, with a reason) the electronic result: multipart, one PDF recognised by content; a certificate with a QR code is issued beside it',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: AttachResultResponseSchema },
      },
    },
    async (request, reply) => {
      const issued = await attachResult(request.ctx, request, request.params.id, {
        store: options.files,
        maxFileBytes: options.maxFileBytes,
        publicBaseUrl: options.publicBaseUrl,
      });
      const units = await unitsById(request.ctx.db, [issued.issuingUnitId]);
      return reply
        .status(201)
        .send({ result: presentResult(issued, units, options.publicBaseUrl), view: await getDossierResult(request.ctx, request.params.id, options.publicBaseUrl) });
    },
  );

  r.get(
    '/:id/result/:resultId/:file',
    {
      config: { action: DOSSIER_ACTIONS.read },
      schema: { tags, summary: 'The issued PDF (`result`) or its certificate (`certificate`)', params: ResultFileParamsSchema, response: { 200: FileResponseSchema } },
    },
    async (request, reply) => sendResultFile(request.ctx, reply, options.files, request.params.id, request.params.resultId, request.params.file),
  );
}

/** Public, under /api/v1/results: verification of an issued result by the token of its QR code. */
export async function publicResultRoutes(app: FastifyInstance, options: ResultRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];

  r.get(
    '/verify/:token',
    {
      config: { action: 'public', rateLimit: VERIFY_RATE_LIMIT },
      schema: { tags, summary: 'Verify an electronic result by its token (no sign-in)', params: ResultTokenParamsSchema, response: { 200: ResultVerificationSchema } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyResult(request.ctx, request.params.token);
    },
  );

  r.post(
    '/verify/:token/compare',
    {
      config: { action: 'public', rateLimit: COMPARE_RATE_LIMIT },
      schema: {
        tags,
        summary: 'Compare a file with the issued result (multipart, one file; hashed, never stored)',
        consumes: ['multipart/form-data'],
        params: ResultTokenParamsSchema,
        response: { 200: ResultCompareResponseSchema },
      },
    },
    async (request) => compareResult(request.ctx, request, request.params.token, options.maxFileBytes),
  );
}
