import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CommitmentIndicatorsSchema,
  OfficialDocumentIndicatorsSchema,
  FeedbackIndicatorQuerySchema,
  FeedbackIndicatorsSchema,
  IndicatorBreakdownQuerySchema,
  IndicatorBreakdownSchema,
  IndicatorDossiersQuerySchema,
  IndicatorDossiersSchema,
  IndicatorExportQuerySchema,
  IndicatorQuerySchema,
  IndicatorScopeSchema,
  IndicatorSummarySchema,
  OpenDataQuerySchema,
  OpenDataSchema,
  PeriodReportQuerySchema,
  ScorecardSchema,
} from '../../../contracts/dashboards/dashboards.contracts';
import { sendRendered } from '../../platform/http/send-rendered';
import { DASHBOARD_ACTIONS } from './dashboards.policy';
import { indicatorWorkbook, openDataCsv, readOpenData } from './use-cases/indicator-files';
import { readScorecard } from './use-cases/scorecard';
import { periodReportWorkbook, readPeriodReport } from './use-cases/period-report';
import { readFeedbackIndicatorSummary } from './use-cases/read-feedback-indicators';
import { readDocumentIndicators } from './use-cases/read-document-indicators';
import { readCommitmentIndicators } from './use-cases/read-commitment-indicators';
import {
  readIndicatorBreakdown,
  readIndicatorDossiers,
  readIndicatorExport,
  readIndicatorSummary,
  readPublicIndicatorBreakdown,
  readPublicIndicators,
} from './use-cases/read-indicators';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BinaryFileSchema = z.string().describe(`binary file: ${XLSX}`);
const CsvOrJsonSchema = OpenDataSchema.describe('JSON (format=json), or the same rows as CSV (format=csv, text/csv; UTF-8 with a byte-order mark)');

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

  app.withTypeProvider<ZodTypeProvider>().get(
    '/breakdown',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: 'The summary split by the units directly below the unit (by=unit) or by month (by=month); the rows add up to the total',
        querystring: IndicatorBreakdownQuerySchema,
        response: { 200: IndicatorBreakdownSchema },
      },
    },
    async (request) => readIndicatorBreakdown(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/scorecard',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary:
          "Decision 766's scorecard of a unit over a period: each group's points, the counters behind each component, the points lost and at risk, and the units costing them",
        querystring: IndicatorScopeSchema,
        response: { 200: ScorecardSchema },
      },
    },
    async (request) => readScorecard(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/feedback',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary:
          "Feedback and petitions of a unit over a period (issue 14): received, answered on time and late, open past due, out of scope and the senders' satisfaction, split by unit, channel, procedure or kind",
        querystring: FeedbackIndicatorQuerySchema,
        response: { 200: FeedbackIndicatorsSchema },
      },
    },
    async (request) => readFeedbackIndicatorSummary(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/commitments',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: 'Dialogue commitments owned by a unit and made in a period (issue 14): kept on time, late, open, open past due, withdrawn, by owner unit',
        querystring: IndicatorScopeSchema,
        response: { 200: CommitmentIndicatorsSchema },
      },
    },
    async (request) => readCommitmentIndicators(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/documents',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: 'Official documents of a unit over a period (issue 15): incoming received, assigned, done on time and late, open past due, and outgoing issued, by body',
        querystring: IndicatorScopeSchema,
        response: { 200: OfficialDocumentIndicatorsSchema },
      },
    },
    async (request) => readDocumentIndicators(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/export',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary: 'Download the indicators as Excel: the summary with definitions, the units below and the months, each with its total',
        querystring: IndicatorExportQuerySchema,
        response: { 200: BinaryFileSchema },
      },
    },
    async (request, reply) => {
      const { summary, byUnit, byMonth } = await readIndicatorExport(request.ctx, request.query);
      const file = await indicatorWorkbook(request.query, summary, byUnit, byMonth);
      return sendRendered(reply, { mimeType: XLSX, fileName: `chi-so-${summary.unit.code}-${request.query.from}-${request.query.to}.xlsx`, body: file }, 'attachment');
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/report.xlsx',
    {
      config: { action: DASHBOARD_ACTIONS.indicators },
      schema: {
        tags,
        summary:
          'Download the periodic report "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC" (Thông tư 01/2020/TT-VPCP) as Excel: one row per field, carried over, received, finished early / on time / late, open within and past due, and the total',
        querystring: PeriodReportQuerySchema,
        response: { 200: BinaryFileSchema },
      },
    },
    async (request, reply) => {
      const report = await readPeriodReport(request.ctx, request.query);
      const file = await periodReportWorkbook(report);
      return sendRendered(reply, { mimeType: XLSX, fileName: `bao-cao-tthc-${report.unit.code}-${report.from}-${report.to}.xlsx`, body: file }, 'attachment');
    },
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

  app.withTypeProvider<ZodTypeProvider>().get(
    '/indicators/breakdown',
    {
      config: { action: 'public', rateLimit: PUBLIC_INDICATORS_RATE_LIMIT },
      schema: {
        tags,
        summary: "Any unit's indicators split by the units below or by month, without signing in: the back office's rows",
        querystring: IndicatorBreakdownQuerySchema,
        response: { 200: IndicatorBreakdownSchema },
      },
    },
    async (request) => readPublicIndicatorBreakdown(request.ctx, request.query),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/indicators/open-data',
    {
      config: { action: 'public', rateLimit: PUBLIC_INDICATORS_RATE_LIMIT },
      schema: {
        tags,
        summary: "Open data: a year of every unit's indicators month by month (each unit with the units below it), as JSON or CSV",
        querystring: OpenDataQuerySchema,
        response: { 200: CsvOrJsonSchema },
      },
    },
    async (request, reply) => {
      const data = await readOpenData(request.ctx, request.query);
      if (request.query.format === 'json') return data;
      return sendRendered(reply, { mimeType: 'text/csv; charset=utf-8', fileName: `chi-so-giai-quyet-ho-so-${request.query.year}.csv`, body: openDataCsv(data) }, 'attachment');
    },
  );
}
