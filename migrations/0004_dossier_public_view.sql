ALTER TABLE "dossiers" ADD COLUMN "public_view" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "public_view_rev" text;--> statement-breakpoint
-- The public lookup's read model must never show an outdated dossier: a write that changes what the lookup shows
-- without writing a fresh view clears it (the lookup then renders on the fly until the view is written again).
CREATE OR REPLACE FUNCTION dossiers_clear_public_view() RETURNS trigger AS $$
BEGIN
  NEW.public_view := NULL;
  NEW.public_view_rev := NULL;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dossiers_public_view_outdated BEFORE UPDATE ON dossiers
  FOR EACH ROW
  WHEN (OLD.public_view IS NOT NULL AND NEW.public_view IS NOT DISTINCT FROM OLD.public_view
        AND (NEW.version, NEW.status_code, NEW.due_at, NEW.extended_due_at, NEW.finished_at, NEW.returned_at, NEW.procedure_name, NEW.applicant_name)
            IS DISTINCT FROM (OLD.version, OLD.status_code, OLD.due_at, OLD.extended_due_at, OLD.finished_at, OLD.returned_at, OLD.procedure_name, OLD.applicant_name))
  EXECUTE FUNCTION dossiers_clear_public_view();
