CREATE TABLE "submissions_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	CONSTRAINT "submissions_events_kind_ck" CHECK ("submissions_events"."kind" in ('created','submitted','resubmitted','accepted','guided','refused','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "submissions_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	"submitted_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	CONSTRAINT "submissions_files_size_ck" CHECK ("submissions_files"."size_bytes" >= 0),
	CONSTRAINT "submissions_files_removed_ck" CHECK ("submissions_files"."removed_at" is null or "submissions_files"."submitted_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "submissions_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"handling_unit_id" uuid,
	"applicant" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"result_delivery" text,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reference" text,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"dossier_id" uuid,
	"dossier_code" text,
	"latest_decision_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "submissions_state_ck" CHECK ("submissions"."state" in ('DRAFT','SUBMITTED','GUIDED','ACCEPTED','REFUSED','WITHDRAWN')),
	CONSTRAINT "submissions_result_delivery_ck" CHECK ("submissions"."result_delivery" is null or "submissions"."result_delivery" in ('desk','post','online')),
	CONSTRAINT "submissions_submitted_ck" CHECK ("submissions"."state" in ('DRAFT','WITHDRAWN') or ("submissions"."reference" is not null and "submissions"."submitted_at" is not null)),
	CONSTRAINT "submissions_accepted_ck" CHECK ("submissions"."state" <> 'ACCEPTED' or "submissions"."dossier_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "submissions_events" ADD CONSTRAINT "submissions_events_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions_files" ADD CONSTRAINT "submissions_files_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions_files" ADD CONSTRAINT "submissions_files_file_id_platform_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."platform_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_account_id_identity_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_procedure_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_receiving_unit_id_identity_org_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_handling_unit_id_identity_org_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_events_submission_idx" ON "submissions_events" USING btree ("submission_id","id");--> statement-breakpoint
CREATE INDEX "submissions_files_submission_idx" ON "submissions_files" USING btree ("submission_id","requirement_key","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_files_file_uq" ON "submissions_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_reference_uq" ON "submissions" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_dossier_uq" ON "submissions" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "submissions_account_idx" ON "submissions" USING btree ("account_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "submissions_awaiting_idx" ON "submissions" USING btree ("receiving_unit_id","submitted_at","id") WHERE "submissions"."state" = 'SUBMITTED';