CREATE TABLE "ratings_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"handling_unit_id" uuid NOT NULL,
	"received_by" uuid,
	"handled_by" uuid,
	"dossier_state" text NOT NULL,
	"ended_at" timestamp with time zone,
	"overall" text NOT NULL,
	"time_level" text NOT NULL,
	"attitude_level" text NOT NULL,
	"clarity_level" text NOT NULL,
	"comment" text,
	"channel" text NOT NULL,
	"rated_by" uuid,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_responses_overall_ck" CHECK ("ratings_responses"."overall" in ('very-satisfied','satisfied','unsatisfied')),
	CONSTRAINT "ratings_responses_time_ck" CHECK ("ratings_responses"."time_level" in ('very-satisfied','satisfied','unsatisfied')),
	CONSTRAINT "ratings_responses_attitude_ck" CHECK ("ratings_responses"."attitude_level" in ('very-satisfied','satisfied','unsatisfied')),
	CONSTRAINT "ratings_responses_clarity_ck" CHECK ("ratings_responses"."clarity_level" in ('very-satisfied','satisfied','unsatisfied')),
	CONSTRAINT "ratings_responses_channel_ck" CHECK ("ratings_responses"."channel" in ('link','kiosk','account')),
	CONSTRAINT "ratings_responses_comment_ck" CHECK ("ratings_responses"."comment" is null or char_length("ratings_responses"."comment") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "ratings_responses" ADD CONSTRAINT "ratings_responses_procedure_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings_responses" ADD CONSTRAINT "ratings_responses_receiving_unit_id_identity_org_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings_responses" ADD CONSTRAINT "ratings_responses_handling_unit_id_identity_org_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_invitations_dossier_uq" ON "ratings_invitations" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_invitations_secret_uq" ON "ratings_invitations" USING btree ("secret_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_responses_dossier_uq" ON "ratings_responses" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "ratings_responses_receiving_idx" ON "ratings_responses" USING btree ("receiving_unit_id","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_responses_handling_idx" ON "ratings_responses" USING btree ("handling_unit_id","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_responses_rated_idx" ON "ratings_responses" USING btree ("rated_at");