DROP INDEX "dossiers_q_all_idx";--> statement-breakpoint
DROP INDEX "dossiers_q_all_holder_idx";--> statement-breakpoint
DROP INDEX "dossiers_q_all_handling_idx";--> statement-breakpoint
DROP INDEX "dossiers_q_all_receiving_idx";--> statement-breakpoint
CREATE INDEX "dossiers_search_active_idx" ON "dossiers" USING gin (array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[[:space:]-]+'), ''))) WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_q_all_idx" ON "dossiers" USING btree (coalesce(extended_due_at, due_at),"code","due_at","extended_due_at","search_text");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_holder_idx" ON "dossiers" USING btree ("holder_unit_id",coalesce(extended_due_at, due_at),"code","due_at","extended_due_at","search_text");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_handling_idx" ON "dossiers" USING btree ("handling_unit_id",coalesce(extended_due_at, due_at),"code","due_at","extended_due_at","search_text");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_receiving_idx" ON "dossiers" USING btree ("receiving_unit_id",coalesce(extended_due_at, due_at),"code","due_at","extended_due_at","search_text");