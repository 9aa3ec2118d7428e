import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  ListUsersResponseSchema,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
  UserSchema,
} from '../../../contracts/identity/identity.contracts';
import { IdParamsSchema, OkResponseSchema } from '../../../contracts/common/common.contracts';
import { createUser, getUserById, listUsers, resetUserPassword, setUserDisabled, updateUser } from './use-cases/users';

const tags = ['identity: users'];

/** Officer and citizen accounts as administrators manage them. */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/users',
    { config: { action: 'identity.users.list' }, schema: { tags, summary: 'List users', querystring: ListUsersQuerySchema, response: { 200: ListUsersResponseSchema } } },
    async (request) => listUsers(request.ctx, request.query),
  );

  r.get(
    '/users/:id',
    { config: { action: 'identity.users.list' }, schema: { tags, summary: 'User by id', params: IdParamsSchema, response: { 200: UserSchema } } },
    async (request) => getUserById(request.ctx, request.params.id),
  );

  r.post(
    '/users',
    { config: { action: 'identity.users.create' }, schema: { tags, summary: 'Create a user', body: CreateUserRequestSchema, response: { 201: UserSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );

  r.put(
    '/users/:id',
    {
      config: { action: 'identity.users.update' },
      schema: { tags, summary: 'Update a user', params: IdParamsSchema, body: UpdateUserRequestSchema, response: { 200: UserSchema } },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );

  r.post(
    '/users/:id/disable',
    { config: { action: 'identity.users.disable' }, schema: { tags, summary: 'Disable a user', params: IdParamsSchema, response: { 200: UserSchema } } },
    async (request) => setUserDisabled(request.ctx, request.params.id, true),
  );

  r.post(
    '/users/:id/enable',
    { config: { action: 'identity.users.disable' }, schema: { tags, summary: 'Enable a user', params: IdParamsSchema, response: { 200: UserSchema } } },
    async (request) => setUserDisabled(request.ctx, request.params.id, false),
  );

  r.post(
    '/users/:id/reset-password',
    {
      config: { action: 'identity.users.reset-password' },
      schema: { tags, summary: "Reset a user's password", params: IdParamsSchema, body: ResetPasswordRequestSchema, response: { 200: OkResponseSchema } },
    },
    async (request) => {
      await resetUserPassword(request.ctx, request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
