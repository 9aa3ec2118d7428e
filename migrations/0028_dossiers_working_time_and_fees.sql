ALTER TABLE "dossiers" ADD COLUMN "used_working_minutes" integer;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "allowed_working_minutes" integer;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "timed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "used_minutes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "allowed_minutes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "fee_paid" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "fee_paid_online" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "fee_vnd" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "fee_online_vnd" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "timed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "used_minutes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "allowed_minutes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "fee_paid" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "fee_paid_online" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "fee_vnd" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD COLUMN "fee_online_vnd" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Custom: a change of the working time counted (set with the result, or recomputed) or of the fee taken (an online
-- payment settled later) marks the dossier's buckets too.
-- Dossiers finished before this migration keep no working time: the indicators average over those that have one.
CREATE OR REPLACE FUNCTION dossiers_stats_mark_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO dossiers_stats_dirty (unit_id, day)
    SELECT DISTINCT c.unit_id, ((c.at AT TIME ZONE 'UTC') + interval '7 hours')::date
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.handling_unit_id, o.received_at), (o.handling_unit_id, o.finished_at), (o.handling_unit_id, o.closed_at), (o.late_unit_id, o.finished_at),
                      (n.handling_unit_id, n.received_at), (n.handling_unit_id, n.finished_at), (n.handling_unit_id, n.closed_at), (n.late_unit_id, n.finished_at)) c(unit_id, at)
    WHERE c.at IS NOT NULL AND c.unit_id IS NOT NULL
      AND (o.state, o.handling_unit_id, o.received_at, o.finished_at, o.closed_at, o.classification, o.channel, o.procedure_code, o.late_unit_id,
           o.used_working_minutes, o.allowed_working_minutes, o.fee_vnd, o.fee_payment_method)
          IS DISTINCT FROM (n.state, n.handling_unit_id, n.received_at, n.finished_at, n.closed_at, n.classification, n.channel, n.procedure_code, n.late_unit_id,
           n.used_working_minutes, n.allowed_working_minutes, n.fee_vnd, n.fee_payment_method)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Every bucket is counted again, so the fees of the dossiers already received are in.
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT unit_id, day FROM dossiers_stats_daily
  ON CONFLICT DO NOTHING;
