import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptedResponseSchema,
  CitizenProfileSchema,
  CompletePasswordResetRequestSchema,
  ConfirmEmailRequestSchema,
  ConfirmEmailResponseSchema,
  ConfirmPhoneRequestSchema,
  ConfirmPhoneResponseSchema,
  EmailOnlyRequestSchema,
  PhoneOnlyRequestSchema,
  RegisterAccountRequestSchema,
  RegisterAccountResponseSchema,
  UpdateCitizenProfileRequestSchema,
} from '../../../contracts/identity/citizen.contracts';
import { OkResponseSchema } from '../../../contracts/common/common.contracts';
import type { ModuleHost } from '../../platform/http/module';
import {
  accountSettings,
  completePasswordReset,
  confirmEmail,
  confirmPhone,
  registerAccount,
  requestPasswordReset,
  resendEmailConfirmation,
  resendPhoneCode,
} from './use-cases/citizen-accounts';
import { getCitizenProfile, requestEmailChange, requestPhoneChange, updateCitizenProfile } from './use-cases/citizen-profile';

const tags = ['citizen'];
// Anonymous requests that send a message or check a secret: limited per client address like sign-in (D6: per process).
const limited = { max: 10, timeWindow: '1 minute' };
const accepted = { accepted: true as const };

/**
 * The portal's account API for citizens and businesses (web portal and mobile apps alike): JSON, cookie session and
 * `x-csrf-token` once signed in, as every route. Sign-in, sign-out and `GET /me` are the shared identity routes.
 */
export async function citizenRoutes(app: FastifyInstance, host: ModuleHost): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = accountSettings(host.config);

  r.post(
    '/citizen/registrations',
    {
      config: { action: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Register a citizen or business account (confirmed by an e-mail link, or an SMS code without e-mail)',
        body: RegisterAccountRequestSchema,
        response: { 202: RegisterAccountResponseSchema },
      },
    },
    async (request, reply) => reply.status(202).send(await registerAccount(request.ctx, request.body, settings)),
  );

  r.post(
    '/citizen/email-confirmations',
    {
      config: { action: 'public', rateLimit: limited },
      schema: { tags, summary: 'Confirm an e-mail address with the secret of its link', body: ConfirmEmailRequestSchema, response: { 200: ConfirmEmailResponseSchema } },
    },
    async (request) => confirmEmail(request.ctx, request.body.token),
  );

  r.post(
    '/citizen/email-confirmations/resend',
    {
      config: { action: 'public', rateLimit: limited },
      schema: { tags, summary: 'Send the confirmation link again to an account not confirmed yet', body: EmailOnlyRequestSchema, response: { 202: AcceptedResponseSchema } },
    },
    async (request, reply) => {
      await resendEmailConfirmation(request.ctx, request.body.email, settings);
      return reply.status(202).send(accepted);
    },
  );

  r.post(
    '/citizen/phone-confirmations',
    {
      config: { action: 'public', rateLimit: limited },
      schema: { tags, summary: 'Confirm a mobile number with the code sent to it by SMS', body: ConfirmPhoneRequestSchema, response: { 200: ConfirmPhoneResponseSchema } },
    },
    async (request) => confirmPhone(request.ctx, request.body),
  );

  r.post(
    '/citizen/phone-confirmations/resend',
    {
      config: { action: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Send a new SMS code to an account registered by phone and not confirmed yet',
        body: PhoneOnlyRequestSchema,
        response: { 202: AcceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await resendPhoneCode(request.ctx, request.body.phone);
      return reply.status(202).send(accepted);
    },
  );

  r.post(
    '/citizen/password-resets',
    {
      config: { action: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Ask for a password-reset link by e-mail (same answer whether the account exists or not)',
        body: EmailOnlyRequestSchema,
        response: { 202: AcceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(request.ctx, request.body.email, settings);
      return reply.status(202).send(accepted);
    },
  );

  r.post(
    '/citizen/password-resets/complete',
    {
      config: { action: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Set a new password with the secret of a reset link; every session of the account ends',
        body: CompletePasswordResetRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (request) => {
      await completePasswordReset(request.ctx, request.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/citizen/me',
    {
      config: { action: 'identity.citizen.profile.read' },
      schema: { tags, summary: 'The signed-in citizen or business: profile and the applicant data forms pre-fill', response: { 200: CitizenProfileSchema } },
    },
    async (request) => getCitizenProfile(request.ctx),
  );

  r.put(
    '/citizen/me',
    {
      config: { action: 'identity.citizen.profile.update' },
      schema: {
        tags,
        summary: 'Edit the own profile (name, ID number, birth date, address, preferred channel)',
        body: UpdateCitizenProfileRequestSchema,
        response: { 200: CitizenProfileSchema },
      },
    },
    async (request) => updateCitizenProfile(request.ctx, request.body),
  );

  r.post(
    '/citizen/me/email',
    {
      config: { action: 'identity.citizen.contacts.change', rateLimit: limited },
      schema: {
        tags,
        summary: 'Move to a new e-mail address: it replaces the old one once its confirmation link is used',
        body: EmailOnlyRequestSchema,
        response: { 202: AcceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await requestEmailChange(request.ctx, request.body.email, settings);
      return reply.status(202).send(accepted);
    },
  );

  r.post(
    '/citizen/me/phone',
    {
      config: { action: 'identity.citizen.contacts.change', rateLimit: limited },
      schema: {
        tags,
        summary: 'Move to a new mobile number: it replaces the old one once the SMS code is entered (POST /citizen/phone-confirmations)',
        body: PhoneOnlyRequestSchema,
        response: { 202: AcceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await requestPhoneChange(request.ctx, request.body.phone);
      return reply.status(202).send(accepted);
    },
  );
}
