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
  ProcedureIdParamsSchema,
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
import { readSingleUpload } from '../../platform/http/uploads';
import { CATALOG_ACTIONS } from './catalog.policy';
import { presentPublic, presentSummary, presentVersion, presentVersionSummary } from './catalog.presenter';
import { createNewVersion, createProcedure, publishProcedureVersion, updateProcedureDraft, withdrawProcedureVersion } from './use-cases/manage-procedures';
import { getPublicProcedure, getVersion, listFields, listImplementingUnits, listQualityWorklist, openDraftOf, listVersions, searchProcedures } from './use-cases/read-procedures';
import { importProcedures } from './use-cases/import-procedures';

/** Routes under /api/v1/catalog: public search and detail, back-office versions and imports. */
export async function catalogRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  app.get(
    '/procedures',
    {
      config: { action: 'public' },
      schema: { tags, summary: 'Search published procedures', querystring: SearchProceduresQuerySchema, response: { 200: SearchProceduresResponseSchema } },
    },
    async (request) => {
      const { items, total } = await searchProcedures(request.ctx, request.query);
      return { items: items.map(presentSummary), total };
    },
  );

  app.get(
    '/procedures/:code',
    { config: { action: 'public' }, schema: { tags, summary: 'Published procedure by code', params: ProcedureCodeParamsSchema, response: { 200: PublicProcedureSchema } } },
    async (request) => presentPublic(await getPublicProcedure(request.ctx, { code: request.params.code })),
  );

  app.get(
    '/procedures/by-id/:procedureId',
    {
      config: { action: 'public' },
      schema: {
        tags,
        summary: 'Published procedure by procedure id',
        description: 'The version in force today of the procedure with this id (the same for all its versions); the online submission page is addressed by it.',
        params: ProcedureIdParamsSchema,
        response: { 200: PublicProcedureSchema },
      },
    },
    async (request) => presentPublic(await getPublicProcedure(request.ctx, { procedureId: request.params.procedureId })),
  );

  app.get(
    '/fields',
    { config: { action: 'public' }, schema: { tags, summary: 'Fields (sectors) of the published catalogue', response: { 200: FieldsResponseSchema } } },
    async (request) => ({
      items: await listFields(request.ctx),
    }),
  );

  app.get(
    '/implementing-units',
    { config: { action: 'public' }, schema: { tags, summary: 'Units that implement published procedures', response: { 200: ImplementingUnitsResponseSchema } } },
    async (request) => ({
      items: await listImplementingUnits(request.ctx),
    }),
  );

  app.get(
    '/admin/procedures',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: { tags, summary: 'List procedure versions (drafts, published, withdrawn)', querystring: ListVersionsQuerySchema, response: { 200: ListVersionsResponseSchema } },
    },
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
    { config: { action: CATALOG_ACTIONS.manage }, schema: { tags, summary: 'Procedure version by id', params: IdParamsSchema, response: { 200: ProcedureVersionSchema } } },
    async (request) => {
      const version = await getVersion(request.ctx, request.params.id);
      return presentVersion(version, request.actor, await openDraftOf(request.ctx, version));
    },
  );

  app.post(
    '/admin/procedures',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: { tags, summary: 'Create a procedure draft', body: CreateProcedureRequestSchema, response: { 201: ProcedureVersionSchema } },
    },
    async (request, reply) => reply.status(201).send(presentVersion(await createProcedure(request.ctx, request.body), request.actor, null)),
  );

  app.put(
    '/admin/procedures/:id',
    {
      config: { action: CATALOG_ACTIONS.manage },
      schema: { tags, summary: 'Update a procedure draft', params: IdParamsSchema, body: UpdateProcedureRequestSchema, response: { 200: ProcedureVersionSchema } },
    },
    async (request) => presentVersion(await updateProcedureDraft(request.ctx, request.params.id, request.body), request.actor, null),
  );

  app.post(
    '/admin/procedures/:id/publish',
    {
      config: { action: CATALOG_ACTIONS.publish },
      schema: { tags, summary: 'Publish a procedure draft', params: IdParamsSchema, body: PublishRequestSchema, response: { 200: ProcedureVersionSchema } },
    },
    // The published version was the procedure's one draft: none is left.
    async (request) => presentVersion(await publishProcedureVersion(request.ctx, request.params.id, request.body), request.actor, null),
  );

  app.post(
    '/admin/procedures/:id/withdraw',
    {
      config: { action: CATALOG_ACTIONS.publish },
      schema: { tags, summary: 'Withdraw a published procedure', params: IdParamsSchema, body: WithdrawRequestSchema, response: { 200: ProcedureVersionSchema } },
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
      schema: { tags, summary: 'Start a new draft version of a procedure', params: IdParamsSchema, body: NewVersionRequestSchema, response: { 201: ProcedureVersionSchema } },
    },
    async (request, reply) => reply.status(201).send(presentVersion(await createNewVersion(request.ctx, request.params.id), request.actor, null)),
  );

  app.post(
    '/admin/imports',
    {
      config: { action: CATALOG_ACTIONS.importRun },
      schema: {
        tags,
        summary: 'Import procedures from a spreadsheet',
        description: 'multipart/form-data with one file part: a .json file shaped like procedures.json or an .xlsx sheet (IMPORT_FORMAT.md).',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const file = await readSingleUpload(request);
      if (!file) throw new AppError('IMPORT_FILE_MISSING', {});
      return importProcedures(request.ctx, { fileName: file.filename, data: file.data, ...request.query });
    },
  );
}
