import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InvitationQuerySchema,
  KioskProofSchema,
  RateAtKioskRequestSchema,
  RateByInvitationRequestSchema,
  RatingInvitationViewSchema,
  RatingViewSchema,
  RatingsSummaryQuerySchema,
  RatingsSummarySchema,
} from '../../../contracts/ratings/ratings.contracts';
import { RATING_ACTIONS } from './ratings.policy';
import { rateAtKiosk, rateByInvitation, readAtKiosk, readInvitation } from './use-cases/rate-dossier';
import { getRatingsSummary } from './use-cases/read-summary';

/** The applicant's doors (OpenAPI tag `citizen`) and the back office's summary (tag `ratings`). */
const citizen = ['citizen'];
const office = ['ratings'];

/**
 * Anonymous requests that check a secret or a receipt, per client address: a desk's kiosk serves a queue of citizens
 * from one address, so the limit is a minute's worth of them, far below what guessing an ID number would need.
 */
export const RATING_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** /api/v1/ratings: rate by the invitation link, rate at the desk's kiosk, read the units' summary. */
export async function ratingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const open = { action: 'public', rateLimit: RATING_RATE_LIMIT };

  r.get(
    '/invitation',
    {
      config: open,
      schema: {
        tags: citizen,
        summary: 'The dossier a rating link (sent when it ended) invites to rate, and whether it is already rated',
        querystring: InvitationQuerySchema,
        response: { 200: RatingInvitationViewSchema },
      },
    },
    async (request) => readInvitation(request.ctx, request.query.token),
  );

  r.post(
    '/invitation/rating',
    {
      config: open,
      schema: {
        tags: citizen,
        summary: 'Rate an ended dossier by its invitation link (once; a second rating answers 409)',
        body: RateByInvitationRequestSchema,
        response: { 201: RatingViewSchema },
      },
    },
    async (request, reply) => {
      const { token, ...answers } = request.body;
      return reply.status(201).send(await rateByInvitation(request.ctx, token, answers));
    },
  );

  r.post(
    '/kiosk/lookup',
    {
      config: open,
      schema: {
        tags: citizen,
        summary: "The desk kiosk: find a dossier by its code and the applicant's ID number printed on the receipt",
        body: KioskProofSchema,
        response: { 200: RatingInvitationViewSchema },
      },
    },
    async (request) => readAtKiosk(request.ctx, request.body),
  );

  r.post(
    '/kiosk/rating',
    {
      config: open,
      schema: {
        tags: citizen,
        summary: 'The desk kiosk: rate an ended dossier by its code and the ID number on the receipt (once)',
        body: RateAtKioskRequestSchema,
        response: { 201: RatingViewSchema },
      },
    },
    async (request, reply) => {
      const { code, idNumber, ...answers } = request.body;
      return reply.status(201).send(await rateAtKiosk(request.ctx, { code, idNumber }, answers));
    },
  );

  r.get(
    '/summary',
    {
      config: { action: RATING_ACTIONS.summary },
      schema: {
        tags: office,
        summary: 'Satisfaction summary of the units the caller covers (or one of them): counts, share satisfied, criteria',
        querystring: RatingsSummaryQuerySchema,
        response: { 200: RatingsSummarySchema },
      },
    },
    async (request) => getRatingsSummary(request.ctx, request.query),
  );
}
