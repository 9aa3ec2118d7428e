import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IndicatorDossiersQuerySchema, IndicatorDossiersSchema, IndicatorQuerySchema, IndicatorSummarySchema } from '../../../contracts/dashboards/dashboards.contracts';
import { DASHBOARD_ACTIONS } from './dashboards.policy';
import { readIndicatorDossiers, readIndicatorSummary, readPublicIndicators } from './use-cases/read-indicators';

const tags = ['indicators'];

/** Anonymous readers of the transparency numbers, per client address: a page shows a few summaries. */
export const PUBLIC_INDICATORS_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** /api/v1/indicators: the back office's summary of a unit. */
export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/summary',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: "A unit's indicators over a period: received, finished early / on time / late, open, on-time rate, satisfaction",
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorSummarySchema },
      },
    },
    async (request) => readIndicatorSummary(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/dossiers',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: 'The dossiers behind one number of the summary (a measure of the same unit and period), most recent first',
        querystring: IndicatorDossiersQuerySchema,
        response: { 200: IndicatorDossiersSchema },
      },
    },
    async (request) => readIndicatorDossiers(request.ctx, request.query),
  );
}

/** /api/v1/public/indicators: the same numbers for anyone (the transparency page and open data). */
export async function publicIndicatorRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/indicators',
    {
      config: { action: 'public', rateLimit: PUBLIC_INDICATORS_RATE_LIMIT },
      schema: {
        tags,
        summary: "Any unit's indicators over a period, without signing in: the same numbers as the back office's summary",
        querystring: IndicatorQuerySchema,
        response: { 200: IndicatorSummarySchema },
      },
    },
    async (request) => readPublicIndicators(request.ctx, request.query),
  );
}
