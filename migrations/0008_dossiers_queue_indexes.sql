-- The phone became searchable (dossiers.search.ts dossierSearchText): digits only, +84 written as 0.
UPDATE "dossiers" SET "search_text" = "search_text" || ' ' || (CASE WHEN p ~ '^84' AND length(p) >= 11 THEN '0' || substr(p, 3) ELSE p END)
  FROM (SELECT "id" AS pid, regexp_replace("applicant_phone", '\D', '', 'g') AS p FROM "dossiers" WHERE "applicant_phone" IS NOT NULL) phones
  WHERE "dossiers"."id" = phones.pid AND p <> '';--> statement-breakpoint
DROP INDEX "dossiers_holder_idx";--> statement-breakpoint
DROP INDEX "dossiers_handling_idx";--> statement-breakpoint
DROP INDEX "dossiers_receiving_idx";--> statement-breakpoint
CREATE INDEX "dossiers_q_all_idx" ON "dossiers" USING btree (coalesce(extended_due_at, due_at),"code");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_holder_idx" ON "dossiers" USING btree ("holder_unit_id",coalesce(extended_due_at, due_at),"code");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_handling_idx" ON "dossiers" USING btree ("handling_unit_id",coalesce(extended_due_at, due_at),"code");--> statement-breakpoint
CREATE INDEX "dossiers_q_all_receiving_idx" ON "dossiers" USING btree ("receiving_unit_id",coalesce(extended_due_at, due_at),"code");--> statement-breakpoint
CREATE INDEX "dossiers_q_active_idx" ON "dossiers" USING btree (coalesce(extended_due_at, due_at),"code") WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_q_active_holder_idx" ON "dossiers" USING btree ("holder_unit_id",coalesce(extended_due_at, due_at),"code") WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_q_active_handling_idx" ON "dossiers" USING btree ("handling_unit_id",coalesce(extended_due_at, due_at),"code") WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_q_active_receiving_idx" ON "dossiers" USING btree ("receiving_unit_id",coalesce(extended_due_at, due_at),"code") WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_q_mine_idx" ON "dossiers" USING btree ("holder_unit_id","holder_role",coalesce(extended_due_at, due_at),"code") WHERE state not in ('WITHDRAWN', 'STOPPED', 'RETURNED');--> statement-breakpoint
CREATE INDEX "dossiers_search_idx" ON "dossiers" USING gin (array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[[:space:]-]+'), '')));