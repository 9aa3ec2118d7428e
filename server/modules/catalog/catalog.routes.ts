import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../contracts/common/common.contracts';
import {
  CreateProcedureRequestSchema,
  FieldsResponseSchema,
  ImplementingUnitsResponseSchema,
  ImportQuerySchema,
  ImportReportSchema,
  ListVersionsQuerySchema,
  ListVersionsResponseSchema,
  NewVersionRequestSchema,
  ProcedureCodeParamsSchema,
  ProcedureVersionSchema,
  PublicProcedureSchema,
  PublishRequestSchema,
  SearchProceduresQuerySchema,
  SearchProceduresResponseSchema,
  UpdateProcedureRequestSchema,
  WithdrawRequestSchema,
  WorklistQuerySchema,
  WorklistResponseSchema,
} from '../../../contracts/catalog/catalog.contracts';
import { AppError } from '../../platform/errors';
import { CATALOG_ACTIONS } from './catalog.policy';
import { presentPublic, presentSummary, presentVersion, presentVersionSummary } from './catalog.presenter';
import {
  createNewVersion,
  createProcedure,
  publishProcedureVersion,
  updateProcedureDraft,
  withdrawProcedureVersion,
} from './use-cases/manage-procedures';
import {
  getPublicProcedure,
  getVersion,
  listFields,
  listImplementingUnits,
  listQualityWorklist,
  openDraftOf,
  listVersions,
  searchProcedures,
} from './use-cases/read-procedures';
import { importProcedures } from './use-cases/import-procedures';

/** Routes under /api/v1/catalog: public search and detail, back-office versions and imports. */
export async function catalogRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  app.get(
    '/procedures',
    { config: { action: 'public' }, schema: { tags, querystring: SearchProceduresQuerySchema, response: { 200: SearchProceduresResponseSchema } } },
    async (request) => {
      const { items, total } = await searchProcedures(request.ctx, request.query);
      return { items: items.map(presentSummary), total };
    },
  );

  app.get(
    '/procedures/:code',
    { config: { action: 'public' }, schema: { tags, params: ProcedureCodeParamsSchema, response: { 200: PublicProcedureSchema } } },
    async (request) => presentPublic(await getPublicProcedure(request.ctx, request.params.code)),
  );

  app.get('/fields', { config: { action: 'public' }, schema: { tags, response: { 200: FieldsResponseSchema } } }, async (request) => ({
    items: await listFields(request.ctx),
  }));

  app.get('/implementing-units', { config: { action: 'public' }, schema: { tags, response: { 200: ImplementingUnitsResponseSchema } } }, async (request) => ({
    items: await listImplementingUnits(request.ctx),
  }));

  app.get(
    '/admin/procedures',
    { config: { action: CATALOG_ACTIONS.manage }, schema: { tags, querystring: ListVersionsQuerySchema, response: { 200: ListVersionsResponseSchema } } },
    async (request) => {
      const { items, total } = await listVersions(request.ctx, request.query);
      return { items: items.map(presentVersionSummary), total };
    },
  );

  app.get(
    '/admin/quality',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: {
        tags,
        summary: 'Data-quality worklist of the catalogue',
        description: 'Drafts and published versions without a readable time, without an online mode, with unparsed fees or with documents the importer could not group.',
        querystring: WorklistQuerySchema,
        response: { 200: WorklistResponseSchema },
      },
    },
    async (request) => listQualityWorklist(request.ctx, request.query),
  );

  app.get(
    '/admin/procedures/:id',
    { config: { action: CATALOG_ACTIONS.manage }, schema: { tags, params: IdParamsSchema, response: { 200: ProcedureVersionSchema } } },
    async (request) => {
      const version = await getVersion(request.ctx, request.params.id);
      return presentVersion(version, request.actor, await openDraftOf(request.ctx, version));
    },
  );

  app.post(
    '/admin/procedures',
    { config: { action: CATALOG_ACTIONS.manage }, schema: { tags, body: CreateProcedureRequestSchema, response: { 201: ProcedureVersionSchema } } },
    async (request, reply) => reply.status(201).send(presentVersion(await createProcedure(request.ctx, request.body), request.actor, null)),
  );

  app.put(
    '/admin/procedures/:id',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: { tags, params: IdParamsSchema, body: UpdateProcedureRequestSchema, response: { 200: ProcedureVersionSchema } },
    },
    async (request) => presentVersion(await updateProcedureDraft(request.ctx, request.params.id, request.body), request.actor, null),
  );

  app.post(
    '/admin/procedures/:id/publish',
    {
      config: { action: CATALOG_ACTIONS.publish },
      schema: { tags, params: IdParamsSchema, body: PublishRequestSchema, response: { 200: ProcedureVersionSchema } },
    },
    // The published version was the procedure's one draft: none is left.
    async (request) => presentVersion(await publishProcedureVersion(request.ctx, request.params.id, request.body), request.actor, null),
  );

  app.post(
    '/admin/procedures/:id/withdraw',
    {
      config: { action: CATALOG_ACTIONS.publish },
      schema: { tags, params: IdParamsSchema, body: WithdrawRequestSchema, response: { 200: ProcedureVersionSchema } },
    },
    async (request) => {
      const version = await withdrawProcedureVersion(request.ctx, request.params.id, request.body);
      return presentVersion(version, request.actor, await openDraftOf(request.ctx, version));
    },
  );

  app.post(
    '/admin/procedures/:id/new-version',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: { tags, params: IdParamsSchema, body: NewVersionRequestSchema, response: { 201: ProcedureVersionSchema } },
    },
    async (request, reply) => reply.status(201).send(presentVersion(await createNewVersion(request.ctx, request.params.id), request.actor, null)),
  );

  app.post(
    '/admin/imports',
    {
      config: { action: CATALOG_ACTIONS.importRun },
      schema: {
        tags,
        description: 'multipart/form-data with one file part: a .json file shaped like procedures.json or an .xlsx sheet (IMPORT_FORMAT.md).',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      let file;
      try {
        file = await request.file();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE', {});
        throw err;
      }
      if (!file) throw new AppError('IMPORT_FILE_MISSING', {});
      // toBuffer() throws FST_REQ_FILE_TOO_LARGE past config.uploadLimitBytes (mapped to 413).
      const data = await file.toBuffer();
      return importProcedures(request.ctx, { fileName: file.filename, data, ...request.query });
    },
  );
}
