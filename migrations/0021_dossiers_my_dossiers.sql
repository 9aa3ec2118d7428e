CREATE TABLE "dossiers_supplement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"pause_id" uuid NOT NULL,
	"item_index" integer,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "dossiers_supplement_files_size_ck" CHECK ("dossiers_supplement_files"."size_bytes" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dossiers_supplement_files" ADD CONSTRAINT "dossiers_supplement_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_supplement_files" ADD CONSTRAINT "dossiers_supplement_files_pause_id_dossiers_pauses_id_fk" FOREIGN KEY ("pause_id") REFERENCES "public"."dossiers_pauses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_supplement_files" ADD CONSTRAINT "dossiers_supplement_files_file_id_platform_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."platform_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_supplement_files_dossier_idx" ON "dossiers_supplement_files" USING btree ("dossier_id","pause_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_supplement_files_file_uq" ON "dossiers_supplement_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_idx" ON "dossiers" USING btree ("applicant_id_number","received_at","id");