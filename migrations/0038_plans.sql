CREATE TABLE "plans_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"level" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_plans_level_ck" CHECK ("plans_plans"."level" in ('province','department','commune'))
);
--> statement-breakpoint
CREATE TABLE "plans_task_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"percent" integer,
	"note" text,
	"actor_id" uuid,
	"actor_label" text,
	CONSTRAINT "plans_task_events_kind_ck" CHECK ("plans_task_events"."kind" in ('created','progress','reported','accepted','sent-back','reminded','escalated'))
);
--> statement-breakpoint
CREATE TABLE "plans_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"partner_unit_ids" jsonb NOT NULL,
	"deadline_on" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"output_product" text NOT NULL,
	"state" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"last_note" text,
	"evidence_file_ids" jsonb NOT NULL,
	"send_back_reason" text,
	"done_at" timestamp with time zone,
	"commitment_id" uuid,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_tasks_area_ck" CHECK ("plans_tasks"."area" in ('direction','institutions','procedures','apparatus','civil-service','public-finance','digital-government')),
	CONSTRAINT "plans_tasks_state_ck" CHECK ("plans_tasks"."state" in ('OPEN','REPORTED','DONE')),
	CONSTRAINT "plans_tasks_percent_ck" CHECK ("plans_tasks"."progress_percent" between 0 and 100),
	CONSTRAINT "plans_tasks_done_ck" CHECK (("plans_tasks"."state" = 'DONE') = ("plans_tasks"."done_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "plans_plans" ADD CONSTRAINT "plans_plans_owner_unit_id_identity_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_task_events" ADD CONSTRAINT "plans_task_events_task_id_plans_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plans_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_tasks" ADD CONSTRAINT "plans_tasks_plan_id_plans_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans_tasks" ADD CONSTRAINT "plans_tasks_lead_unit_id_identity_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_plans_unit_year_idx" ON "plans_plans" USING btree ("owner_unit_id","year");--> statement-breakpoint
CREATE INDEX "plans_task_events_task_idx" ON "plans_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_tasks_plan_seq_uq" ON "plans_tasks" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "plans_tasks_lead_idx" ON "plans_tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "plans_tasks_escalation_idx" ON "plans_tasks" USING btree ("due_at") WHERE "plans_tasks"."state" = 'OPEN' and "plans_tasks"."escalated_at" is null;