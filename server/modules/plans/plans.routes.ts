import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AcceptTaskRequestSchema,
  AdoptCommitmentRequestSchema,
  ImportReportSchema,
  ImportTasksQuerySchema,
  CreatePlanRequestSchema,
  CreateTaskRequestSchema,
  PlanDetailSchema,
  PlanIdParamsSchema,
  PlanTaskParamsSchema,
  ReportTaskRequestSchema,
  SendBackTaskRequestSchema,
} from '../../../contracts/plans/plans.contracts';
import { PLAN_ACTIONS } from './plans.policy';
import { acceptTask, addTask, createPlan, reportTask, sendBackTask } from './use-cases/manage-plans';
import { readSingleUpload } from '../../platform/http/uploads';
import { adoptCommitment } from './use-cases/adopt-commitment';
import { importTasks } from './use-cases/import-tasks';
import { getPlan } from './use-cases/read-plan';

const tags = ['plans'];

/** /api/v1/plans: the yearly reform plans, their tasks, progress reports and reviews (docs/api-plan-plans.md). */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: { tags, summary: "Create a unit's reform plan for a year (the reform office)", body: CreatePlanRequestSchema, response: { 201: PlanDetailSchema } },
    },
    async (request, reply) => {
      const plan = await createPlan(request.ctx, request.body);
      return reply.status(201).send(await getPlan(request.ctx, plan.id));
    },
  );

  r.get(
    '/:id',
    {
      config: { action: PLAN_ACTIONS.read },
      schema: {
        tags,
        summary: 'A plan: its tasks, "n of m done" overall, per area and per lead unit, and what is at risk',
        params: PlanIdParamsSchema,
        response: { 200: PlanDetailSchema },
      },
    },
    async (request) => getPlan(request.ctx, request.params.id),
  );

  r.post(
    '/:id/tasks',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: { tags, summary: 'Add a task to a plan (the reform office)', params: PlanIdParamsSchema, body: CreateTaskRequestSchema, response: { 201: PlanDetailSchema } },
    },
    async (request, reply) => {
      await addTask(request.ctx, request.params.id, request.body);
      return reply.status(201).send(await getPlan(request.ctx, request.params.id));
    },
  );

  r.post(
    '/:id/tasks/import',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: {
        tags,
        summary: "Import a plan's tasks from an Excel file, with a row-level report of what could not be read",
        description:
          'multipart/form-data with one .xlsx file part; columns A–G: STT, Nhiệm vụ, Lĩnh vực, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Sản phẩm (docs/api-plan-plans.md).',
        consumes: ['multipart/form-data'],
        params: PlanIdParamsSchema,
        querystring: ImportTasksQuerySchema,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) =>
      importTasks(request.ctx, request.params.id, {
        file: async () => (await readSingleUpload(request))?.data ?? null,
        version: request.query.version,
        partial: request.query.partial === 'true',
      }),
  );

  r.post(
    '/:id/tasks/from-commitment',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: {
        tags,
        summary: 'Adopt an open dialogue commitment as a task of the plan, keeping the link (the reform office)',
        params: PlanIdParamsSchema,
        body: AdoptCommitmentRequestSchema,
        response: { 201: PlanDetailSchema },
      },
    },
    async (request, reply) => {
      await adoptCommitment(request.ctx, request.params.id, request.body);
      return reply.status(201).send(await getPlan(request.ctx, request.params.id));
    },
  );

  r.post(
    '/:id/tasks/:taskId/report',
    {
      config: { action: PLAN_ACTIONS.report },
      schema: {
        tags,
        summary: 'Report progress on a task (its lead unit); at 100 % it waits for review',
        params: PlanTaskParamsSchema,
        body: ReportTaskRequestSchema,
        response: { 200: PlanDetailSchema },
      },
    },
    async (request) => {
      await reportTask(request.ctx, request.params.id, request.params.taskId, request.body);
      return getPlan(request.ctx, request.params.id);
    },
  );

  r.post(
    '/:id/tasks/:taskId/accept',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: {
        tags,
        summary: 'Accept a reported task as done (the reform office)',
        params: PlanTaskParamsSchema,
        body: AcceptTaskRequestSchema,
        response: { 200: PlanDetailSchema },
      },
    },
    async (request) => {
      await acceptTask(request.ctx, request.params.id, request.params.taskId, request.body);
      return getPlan(request.ctx, request.params.id);
    },
  );

  r.post(
    '/:id/tasks/:taskId/send-back',
    {
      config: { action: PLAN_ACTIONS.manage },
      schema: {
        tags,
        summary: 'Send a reported task back to its lead unit, with the reason (the reform office)',
        params: PlanTaskParamsSchema,
        body: SendBackTaskRequestSchema,
        response: { 200: PlanDetailSchema },
      },
    },
    async (request) => {
      await sendBackTask(request.ctx, request.params.id, request.params.taskId, request.body);
      return getPlan(request.ctx, request.params.id);
    },
  );
}
