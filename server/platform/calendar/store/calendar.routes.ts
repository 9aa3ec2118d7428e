import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OkResponseSchema } from '../../../../contracts/common/common.contracts';
import {
  CalendarStatusResponseSchema,
  CalendarYearDetailSchema,
  DueQuerySchema,
  DueResponseSchema,
  EntryParamsSchema,
  EntryRequestSchema,
  GenerateYearRequestSchema,
  HoursImpactRequestSchema,
  ImpactResponseSchema,
  ListUnitHoursResponseSchema,
  ListYearsResponseSchema,
  OfficeHoursResponseSchema,
  PublishYearRequestSchema,
  UnitCodeParamsSchema,
  UnitHoursImpactRequestSchema,
  UpdateOfficeHoursRequestSchema,
  UpdateUnitHoursRequestSchema,
  YearParamsSchema,
  YearResponseSchema,
} from '../../../../contracts/calendar/calendar.contracts';
import { getCalendarStatus } from './use-cases/calendar-status';
import { computeDue } from './use-cases/compute-due';
import {
  addDraftEntry,
  discardDraftYear,
  generateCalendarYear,
  getCalendarYear,
  listCalendarYears,
  removeDraftEntry,
  startYearRevision,
  updateDraftEntry,
} from './use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from './use-cases/publish-calendar-year';
import { getOfficeHours, listUnitHours, previewOfficeHours, previewUnitHours, updateOfficeHours, updateUnitHours } from './use-cases/office-hours';

const tags = ['calendar'];
const READ = { action: 'calendar.read' } as const;
const MANAGE = { action: 'calendar.manage' } as const;

/** Routes under /api/v1/calendar: the public deadline calculator and the back-office calendar administration. */
export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/due',
    {
      // Public and cheap, but still a computation per call: capped per client address.
      config: { action: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Due instant of a statutory duration on the published calendar (provisional past the last published year)',
        querystring: DueQuerySchema,
        response: { 200: DueResponseSchema },
      },
    },
    async (request) => computeDue(request.ctx, request.query),
  );

  app.get(
    '/status',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Published and provisional years, open items relying on a provisional year, and the publish warning (from 1 October)',
        response: { 200: CalendarStatusResponseSchema },
      },
    },
    async (request) => getCalendarStatus(request.ctx),
  );

  app.get('/admin/years', { config: READ, schema: { tags, summary: 'List calendar years', response: { 200: ListYearsResponseSchema } } }, async (request) =>
    listCalendarYears(request.ctx),
  );

  app.get(
    '/admin/years/:year',
    { config: READ, schema: { tags, summary: 'Calendar year with its published and draft schedules', params: YearParamsSchema, response: { 200: YearResponseSchema } } },
    async (request) => getCalendarYear(request.ctx, request.params),
  );

  app.post(
    '/admin/years',
    { config: MANAGE, schema: { tags, summary: 'Generate the draft schedule of a year', body: GenerateYearRequestSchema, response: { 201: CalendarYearDetailSchema } } },
    async (request, reply) => reply.status(201).send(await generateCalendarYear(request.ctx, request.body)),
  );

  app.post(
    '/admin/years/:year/revisions',
    { config: MANAGE, schema: { tags, summary: 'Start a revision of a published year', params: YearParamsSchema, response: { 201: CalendarYearDetailSchema } } },
    async (request, reply) => reply.status(201).send(await startYearRevision(request.ctx, request.params)),
  );

  app.delete(
    '/admin/years/:year/draft',
    { config: MANAGE, schema: { tags, summary: "Discard a year's draft", params: YearParamsSchema, response: { 200: OkResponseSchema } } },
    async (request) => {
      await discardDraftYear(request.ctx, request.params);
      return { ok: true as const };
    },
  );

  app.post(
    '/admin/years/:year/draft/entries',
    { config: MANAGE, schema: { tags, summary: 'Add a day to a draft year', params: YearParamsSchema, body: EntryRequestSchema, response: { 200: CalendarYearDetailSchema } } },
    async (request) => addDraftEntry(request.ctx, { year: request.params.year, entry: request.body }),
  );

  app.put(
    '/admin/years/:year/draft/entries/:entryId',
    { config: MANAGE, schema: { tags, summary: 'Change a day of a draft year', params: EntryParamsSchema, body: EntryRequestSchema, response: { 200: CalendarYearDetailSchema } } },
    async (request) => updateDraftEntry(request.ctx, { ...request.params, entry: request.body }),
  );

  app.delete(
    '/admin/years/:year/draft/entries/:entryId',
    { config: MANAGE, schema: { tags, summary: 'Remove a day from a draft year', params: EntryParamsSchema, response: { 200: CalendarYearDetailSchema } } },
    async (request) => removeDraftEntry(request.ctx, request.params),
  );

  app.get(
    '/admin/years/:year/draft/impact',
    { config: MANAGE, schema: { tags, summary: 'What publishing the draft would move', params: YearParamsSchema, response: { 200: ImpactResponseSchema } } },
    async (request) => previewYearPublication(request.ctx, request.params),
  );

  app.post(
    '/admin/years/:year/draft/publish',
    { config: MANAGE, schema: { tags, summary: 'Publish a draft year', params: YearParamsSchema, body: PublishYearRequestSchema, response: { 200: CalendarYearDetailSchema } } },
    async (request) => publishCalendarYear(request.ctx, { year: request.params.year, ...request.body }),
  );

  app.get('/admin/office-hours', { config: READ, schema: { tags, summary: 'Province office hours', response: { 200: OfficeHoursResponseSchema } } }, async (request) =>
    getOfficeHours(request.ctx),
  );

  app.post(
    '/admin/office-hours/impact',
    { config: MANAGE, schema: { tags, summary: 'What changing the office hours would move', body: HoursImpactRequestSchema, response: { 200: ImpactResponseSchema } } },
    async (request) => previewOfficeHours(request.ctx, request.body),
  );

  app.put(
    '/admin/office-hours',
    { config: MANAGE, schema: { tags, summary: 'Change the province office hours', body: UpdateOfficeHoursRequestSchema, response: { 200: OfficeHoursResponseSchema } } },
    async (request) => updateOfficeHours(request.ctx, request.body),
  );

  app.get(
    '/admin/unit-hours',
    { config: READ, schema: { tags, summary: 'Office hours of units that have their own', response: { 200: ListUnitHoursResponseSchema } } },
    async (request) => listUnitHours(request.ctx),
  );

  app.post(
    '/admin/unit-hours/:code/impact',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "What changing a unit's office hours would move",
        params: UnitCodeParamsSchema,
        body: UnitHoursImpactRequestSchema,
        response: { 200: ImpactResponseSchema },
      },
    },
    async (request) => previewUnitHours(request.ctx, { code: request.params.code, ...request.body }),
  );

  app.put(
    '/admin/unit-hours/:code',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: "Set or clear a unit's own office hours",
        params: UnitCodeParamsSchema,
        body: UpdateUnitHoursRequestSchema,
        response: { 200: ListUnitHoursResponseSchema },
      },
    },
    async (request) => updateUnitHours(request.ctx, { code: request.params.code, ...request.body }),
  );
}
