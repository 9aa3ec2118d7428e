DROP INDEX "dossiers_open_due_idx";--> statement-breakpoint
DROP INDEX "dossiers_received_at_idx";