import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import { UnitRefSchema } from '../dossiers/dossiers.contracts';
import { PLAN_AREAS, PLAN_LEVELS, PLAN_LIMITS as L, PLAN_TASK_EVENT_KINDS, PLAN_TASK_STATES } from './plans.values';

// The yearly administrative-reform plan (kế hoạch CCHC; issue 16; domain README §10). Field messages are i18n keys.
// Instants are ISO-8601 with the +07:00 offset (domain README §19.1). The API is described in docs/api-plan-plans.md.

export * from './plans.values';

export const PlanLevelSchema = z.enum(PLAN_LEVELS);
export const PlanAreaSchema = z.enum(PLAN_AREAS);
export type PlanArea = z.infer<typeof PlanAreaSchema>;
export const PlanTaskStateSchema = z.enum(PLAN_TASK_STATES);
export type PlanTaskState = z.infer<typeof PlanTaskStateSchema>;

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const Instant = z.iso.datetime({ offset: true });
/** The optimistic lock every change carries: the version the caller saw. */
const Version = z.number().int().min(1);

export const PlanIdParamsSchema = z.object({ id: z.uuid() });
export const PlanTaskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() });

// ---------------------------------------------------------------- plans

export const CreatePlanRequestSchema = z.object({
  year: z.number().int().min(2020).max(2100),
  level: PlanLevelSchema,
  /** The unit whose plan it is (the province, a department, a commune). */
  ownerUnitId: z.uuid(),
  title: Text(L.titleMin, L.titleMax),
});
export type CreatePlanRequest = z.infer<typeof CreatePlanRequestSchema>;

export const CreateTaskRequestSchema = z.object({
  version: Version,
  title: Text(L.titleMin, L.titleMax),
  area: PlanAreaSchema,
  leadUnitId: z.uuid(),
  partnerUnitIds: z.array(z.uuid()).max(L.partnersMax).default([]),
  /** The legal date the task is due; due at the end of that working day on the lead unit's calendar. */
  deadline: IsoDateSchema,
  outputProduct: Text(1, L.productMax),
});
export type CreateTaskRequest = z.infer<typeof CreateTaskRequestSchema>;

export const AdoptCommitmentRequestSchema = z.object({
  version: Version,
  /** An open commitment made at a dialogue session (dialogues); its owner unit leads the task. */
  commitmentId: z.uuid(),
  area: PlanAreaSchema,
  /** The task's deadline; by default the date the commitment is due. */
  deadline: IsoDateSchema.optional(),
});
export type AdoptCommitmentRequest = z.infer<typeof AdoptCommitmentRequestSchema>;

export const ImportTasksQuerySchema = z.object({
  /** The plan's version the caller saw. */
  version: z.coerce.number().int().min(1),
  /** Write the rows that could be read and report the others (by default nothing is written when a row fails). */
  partial: z.enum(['true', 'false']).default('false'),
});

/** What an import did: rows read, tasks written, and each problem (row number, column, message key). */
export const ImportReportSchema = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  written: z.boolean(),
  rejected: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()).optional() })),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ReportTaskRequestSchema = z.object({
  version: Version,
  percent: z.number().int().min(0).max(100),
  note: Text(L.noteMin, L.noteMax),
  /** Evidence files uploaded through /api/v1/files. */
  evidenceFileIds: z.array(z.uuid()).max(L.evidenceMax).default([]),
});
export type ReportTaskRequest = z.infer<typeof ReportTaskRequestSchema>;

export const AcceptTaskRequestSchema = z.object({ version: Version, note: Text(L.noteMin, L.noteMax).optional() });
export type AcceptTaskRequest = z.infer<typeof AcceptTaskRequestSchema>;

export const SendBackTaskRequestSchema = z.object({ version: Version, reason: Text(L.noteMin, L.noteMax) });
export type SendBackTaskRequest = z.infer<typeof SendBackTaskRequestSchema>;

// ---------------------------------------------------------------- views

export const PlanTaskEventSchema = z.object({
  at: Instant,
  kind: z.enum(PLAN_TASK_EVENT_KINDS),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
  actorLabel: z.string().nullable(),
});

export const PlanTaskSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  title: z.string(),
  area: PlanAreaSchema,
  leadUnit: UnitRefSchema,
  partnerUnits: z.array(UnitRefSchema),
  deadline: IsoDateSchema,
  dueAt: Instant,
  outputProduct: z.string(),
  state: PlanTaskStateSchema,
  progressPercent: z.number().int(),
  lastNote: z.string().nullable(),
  evidenceFileIds: z.array(z.uuid()),
  sendBackReason: z.string().nullable(),
  doneAt: Instant.nullable(),
  /** The dialogue commitment the task was adopted from. */
  commitmentId: z.uuid().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  /** What the caller may do with the task now. */
  actions: z.array(z.enum(['report', 'accept', 'send-back'])),
  history: z.array(PlanTaskEventSchema),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

/** "n of m tasks done" for a group. */
export const PlanCountSchema = z.object({ done: z.number().int(), total: z.number().int() });

export const PlanDetailSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  level: PlanLevelSchema,
  ownerUnit: UnitRefSchema,
  title: z.string(),
  version: z.number().int(),
  counts: z.object({
    overall: PlanCountSchema,
    byArea: z.array(PlanCountSchema.extend({ area: PlanAreaSchema })),
    byLeadUnit: z.array(PlanCountSchema.extend({ unit: UnitRefSchema })),
  }),
  /** Open tasks due within 10 working days or overdue. */
  atRisk: z.array(z.object({ taskId: z.uuid(), reason: z.enum(['overdue', 'due-soon']) })),
  tasks: z.array(PlanTaskSchema),
  actions: z.array(z.enum(['add-task'])),
});
export type PlanDetail = z.infer<typeof PlanDetailSchema>;
