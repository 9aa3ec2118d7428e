CREATE TABLE "dossiers_slip_issuances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"form" text NOT NULL,
	"subject" text NOT NULL,
	"dossier_id" uuid,
	"issuer_unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"reference" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossiers_slip_issuances_form_ck" CHECK ("dossiers_slip_issuances"."form" in ('receipt','supplementRequest','refusal','apology','stopNotice','controlSlip','trackingBook'))
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "submitter" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers_slip_issuances" ADD CONSTRAINT "dossiers_slip_issuances_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers_slip_issuances" ADD CONSTRAINT "dossiers_slip_issuances_issuer_unit_id_identity_org_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_slip_issuances_subject_uq" ON "dossiers_slip_issuances" USING btree ("form","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_slip_issuances_number_uq" ON "dossiers_slip_issuances" USING btree ("issuer_unit_id","form","year","number");--> statement-breakpoint
CREATE INDEX "dossiers_slip_issuances_dossier_idx" ON "dossiers_slip_issuances" USING btree ("dossier_id");