ALTER TABLE "catalog_procedure_versions" ADD COLUMN "document_groups" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_procedure_versions" ADD COLUMN "document_issues" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_procedure_versions" ADD COLUMN "on_the_spot" boolean DEFAULT false NOT NULL;