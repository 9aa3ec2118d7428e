CREATE TABLE "calendar_calendars" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year_id" uuid NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"kind" text,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"note" text,
	"periods" jsonb,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_entries_type_ck" CHECK ("calendar_entries"."type" in ('day-off','make-up')),
	CONSTRAINT "calendar_entries_status_ck" CHECK ("calendar_entries"."status" in ('draft','official'))
);
--> statement-breakpoint
CREATE TABLE "calendar_unit_hours" (
	"org_unit_code" text PRIMARY KEY NOT NULL,
	"calendar_id" text NOT NULL,
	"label" text,
	"weekly_hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"generated" boolean DEFAULT false NOT NULL,
	"revision_of" uuid,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"publish_reason" text,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "calendar_years_status_ck" CHECK ("calendar_years"."status" in ('draft','published','superseded')),
	CONSTRAINT "calendar_years_year_ck" CHECK ("calendar_years"."year" between 1970 and 9999)
);
--> statement-breakpoint
CREATE TABLE "notifications_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"rendered_subject" text,
	"rendered_body" text,
	"delivered_via" text,
	"subject_type" text,
	"subject_id" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"recheck_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_outbox_channel_check" CHECK ("notifications_outbox"."channel" in ('email', 'sms')),
	CONSTRAINT "notifications_outbox_status_check" CHECK ("notifications_outbox"."status" in ('pending', 'sending', 'sent', 'failed', 'skipped')),
	CONSTRAINT "notifications_outbox_locale_check" CHECK ("notifications_outbox"."locale" in ('vi', 'en'))
);
--> statement-breakpoint
CREATE TABLE "identity_org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_id" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_org_units_kind_ck" CHECK ("identity_org_units"."kind" in ('province','department','commune','district','service-center','division'))
);
--> statement-breakpoint
CREATE TABLE "identity_role_grants" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	CONSTRAINT "identity_role_grants_user_id_role_org_unit_id_pk" PRIMARY KEY("user_id","role","org_unit_id"),
	CONSTRAINT "identity_role_grants_role_ck" CHECK ("identity_role_grants"."role" in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office'))
);
--> statement-breakpoint
CREATE TABLE "identity_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"email" text,
	"phone" text,
	"display_name" text NOT NULL,
	"account_type" text,
	"tax_code" text,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_users_kind_ck" CHECK ("identity_users"."kind" in ('officer','citizen'))
);
--> statement-breakpoint
CREATE TABLE "catalog_procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"effective_from" date,
	"effective_to" date,
	"name" text NOT NULL,
	"search_text" text NOT NULL,
	"field" text,
	"field_group" text,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"level_text" text,
	"implementing_agency_text" text,
	"applicants" text,
	"results" jsonb NOT NULL,
	"online_mode" text,
	"online_mode_text" text,
	"processing_time_text" text,
	"processing_time_note" text,
	"processing_times" jsonb NOT NULL,
	"time_readable" boolean NOT NULL,
	"fee_text" text,
	"fees" jsonb NOT NULL,
	"required_documents" jsonb NOT NULL,
	"required_documents_note" text,
	"legal_basis" jsonb NOT NULL,
	"publishing_decision" text,
	"source" jsonb,
	"confidence" text,
	"confidence_note" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_versions_status_ck" CHECK ("catalog_procedure_versions"."status" in ('draft','published','withdrawn')),
	CONSTRAINT "catalog_versions_online_mode_ck" CHECK ("catalog_procedure_versions"."online_mode" is null or "catalog_procedure_versions"."online_mode" in ('information-only','partial','full')),
	CONSTRAINT "catalog_versions_effective_ck" CHECK ("catalog_procedure_versions"."effective_to" is null or "catalog_procedure_versions"."effective_from" is null or "catalog_procedure_versions"."effective_to" >= "catalog_procedure_versions"."effective_from"),
	CONSTRAINT "catalog_versions_published_ck" CHECK ("catalog_procedure_versions"."status" = 'draft' or "catalog_procedure_versions"."effective_from" is not null)
);
--> statement-breakpoint
CREATE TABLE "catalog_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"code_source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_procedures_code_source_ck" CHECK ("catalog_procedures"."code_source" in ('national','local'))
);
--> statement-breakpoint
CREATE TABLE "catalog_version_units" (
	"version_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "catalog_version_units_version_id_org_unit_id_pk" PRIMARY KEY("version_id","org_unit_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_workflow_steps" (
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"unit_ref" text NOT NULL,
	"org_unit_id" uuid,
	"role" text NOT NULL,
	"budget_minutes" integer,
	"inter_agency" boolean DEFAULT false NOT NULL,
	CONSTRAINT "catalog_workflow_steps_version_id_position_pk" PRIMARY KEY("version_id","position"),
	CONSTRAINT "catalog_workflow_steps_unit_ref_ck" CHECK ("catalog_workflow_steps"."unit_ref" in ('receiving-centre','implementing-unit','fixed')),
	CONSTRAINT "catalog_workflow_steps_fixed_ck" CHECK (("catalog_workflow_steps"."unit_ref" = 'fixed') = ("catalog_workflow_steps"."org_unit_id" is not null)),
	CONSTRAINT "catalog_workflow_steps_role_ck" CHECK ("catalog_workflow_steps"."role" in ('reception-officer','specialist','leader'))
);
--> statement-breakpoint
CREATE TABLE "dossiers_apologies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"reference_number" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issued_by_label" text NOT NULL,
	"reason" text NOT NULL,
	"original_due_at" timestamp with time zone NOT NULL,
	"new_due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers_code_counters" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dossiers_code_counters_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"public" boolean NOT NULL,
	"status_code" smallint NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_label" text
);
--> statement-breakpoint
CREATE TABLE "dossiers_intake_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"reference_number" text NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"handling_unit_id" uuid,
	"channel" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"checklist" jsonb NOT NULL,
	"missing_items" jsonb NOT NULL,
	"reasons" text NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	CONSTRAINT "dossiers_intake_decisions_kind_ck" CHECK ("dossiers_intake_decisions"."kind" in ('guide','refuse'))
);
--> statement-breakpoint
CREATE TABLE "dossiers_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"note" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"amount_vnd" integer,
	CONSTRAINT "dossiers_pauses_reason_ck" CHECK ("dossiers_pauses"."reason" in ('supplement','financial-obligation','inter-agency'))
);
--> statement-breakpoint
CREATE TABLE "dossiers_slip_counters" (
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "dossiers_slip_counters_unit_id_kind_year_pk" PRIMARY KEY("unit_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "dossiers_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"step_index" integer,
	"name" text NOT NULL,
	"from_unit_id" uuid,
	"to_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"budget_minutes" integer,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"classification" text,
	"handed_by" text,
	"note" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "dossiers_steps_kind_ck" CHECK ("dossiers_steps"."kind" in ('step','transfer','supplement')),
	CONSTRAINT "dossiers_steps_classification_ck" CHECK ("dossiers_steps"."classification" is null or "dossiers_steps"."classification" in ('early','on-time','late'))
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"handling_unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"result_delivery" text NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_address" text,
	"checklist" jsonb NOT NULL,
	"fee_vnd" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"status_code" smallint NOT NULL,
	"workflow" jsonb NOT NULL,
	"current_step" integer NOT NULL,
	"holder_unit_id" uuid NOT NULL,
	"holder_role" text NOT NULL,
	"resume_state" text,
	"duration_amount" numeric NOT NULL,
	"duration_unit" text NOT NULL,
	"duration_source" text NOT NULL,
	"calendar_unit_code" text,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"extended_due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"return_method" text,
	"returned_to" text,
	"classification" text,
	"within_extension" boolean DEFAULT false NOT NULL,
	"late_unit_id" uuid,
	"at_risk" boolean DEFAULT false NOT NULL,
	"at_risk_checked_at" timestamp with time zone,
	"rule_version" text NOT NULL,
	"pause_rule" text NOT NULL,
	"book_number" text NOT NULL,
	"book_seq" integer NOT NULL,
	"received_by" uuid,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_channel_ck" CHECK ("dossiers"."channel" in ('direct','online','post')),
	CONSTRAINT "dossiers_result_delivery_ck" CHECK ("dossiers"."result_delivery" in ('desk','post','online')),
	CONSTRAINT "dossiers_applicant_kind_ck" CHECK ("dossiers"."applicant_kind" in ('person','organisation')),
	CONSTRAINT "dossiers_status_code_ck" CHECK ("dossiers"."status_code" between 1 and 10),
	CONSTRAINT "dossiers_state_ck" CHECK ("dossiers"."state" in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT','WITHDRAWN','STOPPED','DONE','RETURNED')),
	CONSTRAINT "dossiers_duration_unit_ck" CHECK ("dossiers"."duration_unit" in ('working-days','working-hours','calendar-days')),
	CONSTRAINT "dossiers_duration_source_ck" CHECK ("dossiers"."duration_source" in ('catalog','officer')),
	CONSTRAINT "dossiers_classification_ck" CHECK ("dossiers"."classification" is null or "dossiers"."classification" in ('early','on-time','late')),
	CONSTRAINT "dossiers_fee_ck" CHECK ("dossiers"."fee_vnd" >= 0)
);
--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_year_id_calendar_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."calendar_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_unit_hours" ADD CONSTRAINT "calendar_unit_hours_calendar_id_calendar_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_calendar_id_calendar_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar_calendars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_user_id_identity_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_org_unit_id_identity_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_procedure_versions" ADD CONSTRAINT "catalog_procedure_versions_procedure_id_catalog_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."catalog_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_version_units" ADD CONSTRAINT "catalog_version_units_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_version_units" ADD CONSTRAINT "catalog_version_units_org_unit_id_identity_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_workflow_steps" ADD CONSTRAINT "catalog_workflow_steps_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_workflow_steps" ADD CONSTRAINT "catalog_workflow_steps_org_unit_id_identity_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_apologies" ADD CONSTRAINT "dossiers_apologies_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_events" ADD CONSTRAINT "dossiers_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_intake_decisions" ADD CONSTRAINT "dossiers_intake_decisions_procedure_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_intake_decisions" ADD CONSTRAINT "dossiers_intake_decisions_receiving_unit_id_identity_org_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_intake_decisions" ADD CONSTRAINT "dossiers_intake_decisions_handling_unit_id_identity_org_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_pauses" ADD CONSTRAINT "dossiers_pauses_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_steps" ADD CONSTRAINT "dossiers_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_steps" ADD CONSTRAINT "dossiers_steps_from_unit_id_identity_org_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_steps" ADD CONSTRAINT "dossiers_steps_to_unit_id_identity_org_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_receiving_unit_id_identity_org_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_handling_unit_id_identity_org_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_holder_unit_id_identity_org_units_id_fk" FOREIGN KEY ("holder_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_late_unit_id_identity_org_units_id_fk" FOREIGN KEY ("late_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_entries_year_date_uq" ON "calendar_entries" USING btree ("year_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_years_published_uq" ON "calendar_years" USING btree ("calendar_id","year") WHERE "calendar_years"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_years_draft_uq" ON "calendar_years" USING btree ("calendar_id","year") WHERE "calendar_years"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "calendar_years_calendar_idx" ON "calendar_years" USING btree ("calendar_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_outbox_dedupe_idx" ON "notifications_outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_outbox_recheck_idx" ON "notifications_outbox" USING btree ("recheck_at") WHERE "notifications_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "notifications_outbox_created_idx" ON "notifications_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_outbox_subject_idx" ON "notifications_outbox" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_org_units_code_uq" ON "identity_org_units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "identity_org_units_parent_idx" ON "identity_org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "identity_org_units_path_idx" ON "identity_org_units" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_username_uq" ON "identity_users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_email_uq" ON "identity_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "identity_users_phone_uq" ON "identity_users" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_revision_uq" ON "catalog_procedure_versions" USING btree ("procedure_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_one_draft_uq" ON "catalog_procedure_versions" USING btree ("procedure_id") WHERE "catalog_procedure_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "catalog_versions_status_idx" ON "catalog_procedure_versions" USING btree ("status","effective_from");--> statement-breakpoint
CREATE INDEX "catalog_versions_field_idx" ON "catalog_procedure_versions" USING btree ("field");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_procedures_code_uq" ON "catalog_procedures" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_version_units_unit_idx" ON "catalog_version_units" USING btree ("org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_apologies_dossier_uq" ON "dossiers_apologies" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_events_dossier_idx" ON "dossiers_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_intake_decisions_ref_uq" ON "dossiers_intake_decisions" USING btree ("receiving_unit_id","kind","reference_number");--> statement-breakpoint
CREATE INDEX "dossiers_intake_decisions_unit_idx" ON "dossiers_intake_decisions" USING btree ("receiving_unit_id","decided_at");--> statement-breakpoint
CREATE INDEX "dossiers_pauses_dossier_idx" ON "dossiers_pauses" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_pauses_one_open_uq" ON "dossiers_pauses" USING btree ("dossier_id") WHERE "dossiers_pauses"."to_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_steps_seq_uq" ON "dossiers_steps" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "dossiers_steps_open_idx" ON "dossiers_steps" USING btree ("to_unit_id") WHERE "dossiers_steps"."finished_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_holder_idx" ON "dossiers" USING btree ("holder_unit_id","state");--> statement-breakpoint
CREATE INDEX "dossiers_handling_idx" ON "dossiers" USING btree ("handling_unit_id","state");--> statement-breakpoint
CREATE INDEX "dossiers_receiving_idx" ON "dossiers" USING btree ("receiving_unit_id","state");--> statement-breakpoint
CREATE INDEX "dossiers_open_due_idx" ON "dossiers" USING btree ("due_at") WHERE "dossiers"."state" not in ('DONE','RETURNED','WITHDRAWN','STOPPED');--> statement-breakpoint
CREATE INDEX "dossiers_received_at_idx" ON "dossiers" USING btree ("received_at");