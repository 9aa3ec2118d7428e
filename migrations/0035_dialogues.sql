CREATE TABLE "dialogue_commitment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"percent" integer,
	"note" text,
	"params" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	CONSTRAINT "dialogue_commitment_events_kind_ck" CHECK ("dialogue_commitment_events"."kind" in ('made','progress','completed','cancelled','reminded','escalated','due-recomputed')),
	CONSTRAINT "dialogue_commitment_events_percent_ck" CHECK ("dialogue_commitment_events"."percent" is null or "dialogue_commitment_events"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "dialogue_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"clock_started_at" timestamp with time zone NOT NULL,
	"working_days" integer,
	"duration_minutes" integer,
	"due_on" date,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_on_time" boolean,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"reminded_for_due_at" timestamp with time zone,
	"escalated_for_due_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dialogue_commitments_state_ck" CHECK ("dialogue_commitments"."state" in ('OPEN','DONE','CANCELLED')),
	CONSTRAINT "dialogue_commitments_due_ck" CHECK (("dialogue_commitments"."working_days" is null) <> ("dialogue_commitments"."due_on" is null)),
	CONSTRAINT "dialogue_commitments_days_ck" CHECK (("dialogue_commitments"."working_days" is null) = ("dialogue_commitments"."duration_minutes" is null) and ("dialogue_commitments"."working_days" is null or "dialogue_commitments"."working_days" > 0)),
	CONSTRAINT "dialogue_commitments_percent_ck" CHECK ("dialogue_commitments"."progress_percent" between 0 and 100),
	CONSTRAINT "dialogue_commitments_done_ck" CHECK (("dialogue_commitments"."state" = 'DONE') = ("dialogue_commitments"."completed_at" is not null and "dialogue_commitments"."completed_on_time" is not null)),
	CONSTRAINT "dialogue_commitments_cancelled_ck" CHECK (("dialogue_commitments"."state" = 'CANCELLED') = ("dialogue_commitments"."cancel_reason" is not null and "dialogue_commitments"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "dialogue_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"source" text NOT NULL,
	"feedback_item_id" uuid,
	"feedback_code" text,
	"asker_name" text NOT NULL,
	"asker_display" text NOT NULL,
	"asker_email" text,
	"asker_phone" text,
	"asker_contact" text,
	"asker_account_id" uuid,
	"text" text NOT NULL,
	"public_visible" boolean NOT NULL,
	"state" text NOT NULL,
	"reject_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answering_unit_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dialogue_questions_source_ck" CHECK ("dialogue_questions"."source" in ('public','feedback','officer')),
	CONSTRAINT "dialogue_questions_state_ck" CHECK ("dialogue_questions"."state" in ('SUBMITTED','ACCEPTED','REJECTED','ANSWERED')),
	CONSTRAINT "dialogue_questions_feedback_ck" CHECK (("dialogue_questions"."source" = 'feedback') = ("dialogue_questions"."feedback_item_id" is not null and "dialogue_questions"."feedback_code" is not null)),
	CONSTRAINT "dialogue_questions_answered_ck" CHECK ("dialogue_questions"."state" <> 'ANSWERED' or ("dialogue_questions"."answer" is not null and "dialogue_questions"."answered_at" is not null)),
	CONSTRAINT "dialogue_questions_rejected_ck" CHECK (("dialogue_questions"."state" = 'REJECTED') = ("dialogue_questions"."reject_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "dialogue_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"organising_unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"chair_name" text NOT NULL,
	"chair_position" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text,
	"online_url" text,
	"audience" text NOT NULL,
	"audience_sector" text,
	"state" text NOT NULL,
	"agenda" text,
	"minutes" text,
	"announced_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dialogue_sessions_level_ck" CHECK ("dialogue_sessions"."level" in ('province','department','commune')),
	CONSTRAINT "dialogue_sessions_audience_ck" CHECK ("dialogue_sessions"."audience" in ('citizens','businesses','sector')),
	CONSTRAINT "dialogue_sessions_state_ck" CHECK ("dialogue_sessions"."state" in ('DRAFT','ANNOUNCED','HELD','CLOSED','CANCELLED')),
	CONSTRAINT "dialogue_sessions_where_ck" CHECK ("dialogue_sessions"."place" is not null or "dialogue_sessions"."online_url" is not null),
	CONSTRAINT "dialogue_sessions_sector_ck" CHECK (("dialogue_sessions"."audience" = 'sector') = ("dialogue_sessions"."audience_sector" is not null)),
	CONSTRAINT "dialogue_sessions_announced_ck" CHECK ("dialogue_sessions"."state" = 'DRAFT' or "dialogue_sessions"."announced_at" is not null or "dialogue_sessions"."state" = 'CANCELLED'),
	CONSTRAINT "dialogue_sessions_held_ck" CHECK ("dialogue_sessions"."state" not in ('HELD','CLOSED') or ("dialogue_sessions"."minutes" is not null and "dialogue_sessions"."held_at" is not null)),
	CONSTRAINT "dialogue_sessions_cancelled_ck" CHECK (("dialogue_sessions"."state" = 'CANCELLED') = ("dialogue_sessions"."cancel_reason" is not null and "dialogue_sessions"."cancelled_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "dialogue_commitment_events" ADD CONSTRAINT "dialogue_commitment_events_commitment_id_dialogue_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."dialogue_commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_commitments" ADD CONSTRAINT "dialogue_commitments_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_commitments" ADD CONSTRAINT "dialogue_commitments_question_id_dialogue_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."dialogue_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_commitments" ADD CONSTRAINT "dialogue_commitments_owner_unit_id_identity_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_session_id_dialogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dialogue_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_asker_account_id_identity_users_id_fk" FOREIGN KEY ("asker_account_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_questions" ADD CONSTRAINT "dialogue_questions_answering_unit_id_identity_org_units_id_fk" FOREIGN KEY ("answering_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_organising_unit_id_identity_org_units_id_fk" FOREIGN KEY ("organising_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_commitment_events_idx" ON "dialogue_commitment_events" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_unit_idx" ON "dialogue_commitments" USING btree ("owner_unit_id","state","due_at");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_session_idx" ON "dialogue_commitments" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_question_idx" ON "dialogue_commitments" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "dialogue_commitments_open_due_idx" ON "dialogue_commitments" USING btree ("due_at","id") WHERE "dialogue_commitments"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "dialogue_questions_session_idx" ON "dialogue_questions" USING btree ("session_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_questions_feedback_uq" ON "dialogue_questions" USING btree ("session_id","feedback_item_id") WHERE "dialogue_questions"."feedback_item_id" is not null;--> statement-breakpoint
CREATE INDEX "dialogue_sessions_unit_idx" ON "dialogue_sessions" USING btree ("organising_unit_id","starts_at");--> statement-breakpoint
CREATE INDEX "dialogue_sessions_public_idx" ON "dialogue_sessions" USING btree ("starts_at","id") WHERE "dialogue_sessions"."announced_at" is not null;