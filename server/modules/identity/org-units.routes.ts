import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CloseOrgUnitRequestSchema,
  CreateOrgUnitRequestSchema,
  ListOrgUnitsQuerySchema,
  ListOrgUnitsResponseSchema,
  OrgUnitSchema,
  OrgUnitTreeQuerySchema,
  OrgUnitTreeResponseSchema,
  UpdateOrgUnitRequestSchema,
} from '../../../contracts/identity/identity.contracts';
import { IdParamsSchema } from '../../../contracts/common/common.contracts';
import { closeOrgUnit, createOrgUnit, getOrgUnitById, getOrgUnitTree, listOrgUnits, updateOrgUnit } from './use-cases/org-units';

const tags = ['identity: org units'];

/** The organisation tree: list, tree, detail, create, update, close. */
export async function orgUnitRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/org-units',
    {
      config: { action: 'identity.org-units.list' },
      schema: { tags, summary: 'List organisation units', querystring: ListOrgUnitsQuerySchema, response: { 200: ListOrgUnitsResponseSchema } },
    },
    async (request) => listOrgUnits(request.ctx, request.query),
  );

  r.get(
    '/org-units/tree',
    {
      config: { action: 'identity.org-units.list' },
      schema: { tags, summary: 'Organisation unit tree', querystring: OrgUnitTreeQuerySchema, response: { 200: OrgUnitTreeResponseSchema } },
    },
    async (request) => ({ items: await getOrgUnitTree(request.ctx, request.query.includeClosed) }),
  );

  r.get(
    '/org-units/:id',
    { config: { action: 'identity.org-units.list' }, schema: { tags, summary: 'Organisation unit by id', params: IdParamsSchema, response: { 200: OrgUnitSchema } } },
    async (request) => getOrgUnitById(request.ctx, request.params.id),
  );

  r.post(
    '/org-units',
    {
      config: { action: 'identity.org-units.create' },
      schema: { tags, summary: 'Create an organisation unit', body: CreateOrgUnitRequestSchema, response: { 201: OrgUnitSchema } },
    },
    async (request, reply) => reply.status(201).send(await createOrgUnit(request.ctx, request.body)),
  );

  r.put(
    '/org-units/:id',
    {
      config: { action: 'identity.org-units.update' },
      schema: { tags, summary: 'Update an organisation unit', params: IdParamsSchema, body: UpdateOrgUnitRequestSchema, response: { 200: OrgUnitSchema } },
    },
    async (request) => updateOrgUnit(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/org-units/:id/close',
    {
      config: { action: 'identity.org-units.close' },
      schema: { tags, summary: 'Close an organisation unit', params: IdParamsSchema, body: CloseOrgUnitRequestSchema, response: { 200: OrgUnitSchema } },
    },
    async (request) => closeOrgUnit(request.ctx, request.params.id, request.body),
  );
}
