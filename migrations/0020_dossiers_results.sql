CREATE TABLE "dossiers_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"token" text NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"certificate_file_id" uuid NOT NULL,
	"certificate_sha256" text NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"issued_by_label" text NOT NULL,
	"paper_original" boolean NOT NULL,
	"paper_original_reason" text,
	"replaced_at" timestamp with time zone,
	"replaced_by" uuid,
	"replaced_by_label" text,
	"replace_reason" text,
	"successor_id" uuid,
	CONSTRAINT "dossiers_results_sha256_ck" CHECK ("dossiers_results"."sha256" ~ '^[0-9a-f]{64}$' and "dossiers_results"."certificate_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "dossiers_results_paper_ck" CHECK (("dossiers_results"."paper_original" and "dossiers_results"."paper_original_reason" in ('result-delivery','officer')) or (not "dossiers_results"."paper_original" and "dossiers_results"."paper_original_reason" is null)),
	CONSTRAINT "dossiers_results_replaced_ck" CHECK (("dossiers_results"."replaced_at" is null) = ("dossiers_results"."successor_id" is null))
);
--> statement-breakpoint
ALTER TABLE "dossiers_results" ADD CONSTRAINT "dossiers_results_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_results" ADD CONSTRAINT "dossiers_results_file_id_platform_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."platform_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_results" ADD CONSTRAINT "dossiers_results_certificate_file_id_platform_files_id_fk" FOREIGN KEY ("certificate_file_id") REFERENCES "public"."platform_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_results" ADD CONSTRAINT "dossiers_results_issuing_unit_id_identity_org_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_results_token_uq" ON "dossiers_results" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_results_current_uq" ON "dossiers_results" USING btree ("dossier_id") WHERE replaced_at is null;--> statement-breakpoint
CREATE INDEX "dossiers_results_dossier_idx" ON "dossiers_results" USING btree ("dossier_id","issued_at");