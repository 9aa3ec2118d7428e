ALTER TABLE "dossiers_results" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers_results" ADD COLUMN "document_number_symbol" text;