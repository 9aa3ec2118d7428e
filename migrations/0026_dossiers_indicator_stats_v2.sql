CREATE TABLE "dossiers_stats_monthly" (
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"received" integer NOT NULL,
	"finished_early" integer NOT NULL,
	"finished_on_time" integer NOT NULL,
	"finished_late" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"stopped" integer NOT NULL,
	"apologies" integer DEFAULT 0 NOT NULL,
	"supplements" integer DEFAULT 0 NOT NULL,
	"late_held" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossiers_stats_monthly_pk" PRIMARY KEY("unit_id","month","procedure_code","channel"),
	CONSTRAINT "dossiers_stats_monthly_first_day_ck" CHECK (extract(day from "dossiers_stats_monthly"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" DROP CONSTRAINT "dossiers_stats_daily_counts_ck";--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "apologies" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "supplements" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD COLUMN "late_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers_stats_monthly" ADD CONSTRAINT "dossiers_stats_monthly_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_apologies_issued_idx" ON "dossiers_apologies" USING btree ("issued_at");--> statement-breakpoint
CREATE INDEX "dossiers_pauses_supplement_from_idx" ON "dossiers_pauses" USING btree ("from_at") WHERE "dossiers_pauses"."reason" = 'supplement';--> statement-breakpoint
CREATE INDEX "dossiers_late_unit_finished_idx" ON "dossiers" USING btree ("late_unit_id","finished_at") WHERE "dossiers"."late_unit_id" is not null;--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD CONSTRAINT "dossiers_stats_daily_counts_ck" CHECK (least("dossiers_stats_daily"."received", "dossiers_stats_daily"."finished_early", "dossiers_stats_daily"."finished_on_time", "dossiers_stats_daily"."finished_late", "dossiers_stats_daily"."withdrawn", "dossiers_stats_daily"."stopped", "dossiers_stats_daily"."apologies", "dossiers_stats_daily"."supplements", "dossiers_stats_daily"."late_held") >= 0);--> statement-breakpoint
-- Custom: the marks of migration 0025 also name the unit a late dossier is attributed to (late_unit_id, on the day it
-- finished), and apologies and supplement requests mark their dossier's handling unit on the day they were made.
CREATE OR REPLACE FUNCTION dossiers_stats_mark_rows() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT v.unit_id, ((v.at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM old_rows o, LATERAL (VALUES (o.handling_unit_id, o.received_at), (o.handling_unit_id, o.finished_at), (o.handling_unit_id, o.closed_at),
                                       (o.late_unit_id, o.finished_at)) v(unit_id, at)
      WHERE v.at IS NOT NULL AND v.unit_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT v.unit_id, ((v.at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM new_rows n, LATERAL (VALUES (n.handling_unit_id, n.received_at), (n.handling_unit_id, n.finished_at), (n.handling_unit_id, n.closed_at),
                                       (n.late_unit_id, n.finished_at)) v(unit_id, at)
      WHERE v.at IS NOT NULL AND v.unit_id IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossiers_stats_mark_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO dossiers_stats_dirty (unit_id, day)
    SELECT DISTINCT c.unit_id, ((c.at AT TIME ZONE 'UTC') + interval '7 hours')::date
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.handling_unit_id, o.received_at), (o.handling_unit_id, o.finished_at), (o.handling_unit_id, o.closed_at), (o.late_unit_id, o.finished_at),
                      (n.handling_unit_id, n.received_at), (n.handling_unit_id, n.finished_at), (n.handling_unit_id, n.closed_at), (n.late_unit_id, n.finished_at)) c(unit_id, at)
    WHERE c.at IS NOT NULL AND c.unit_id IS NOT NULL
      AND (o.state, o.handling_unit_id, o.received_at, o.finished_at, o.closed_at, o.classification, o.channel, o.procedure_code, o.late_unit_id)
          IS DISTINCT FROM (n.state, n.handling_unit_id, n.received_at, n.finished_at, n.closed_at, n.classification, n.channel, n.procedure_code, n.late_unit_id)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossiers_stats_mark_apologies() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT d.handling_unit_id, ((o.issued_at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM old_rows o JOIN dossiers d ON d.id = o.dossier_id
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT d.handling_unit_id, ((n.issued_at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM new_rows n JOIN dossiers d ON d.id = n.dossier_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_apology_insert AFTER INSERT ON dossiers_apologies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_apologies();--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_apology_update AFTER UPDATE ON dossiers_apologies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_apologies();--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_apology_delete AFTER DELETE ON dossiers_apologies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_apologies();--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossiers_stats_mark_supplements() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT d.handling_unit_id, ((o.from_at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM old_rows o JOIN dossiers d ON d.id = o.dossier_id
      WHERE o.reason = 'supplement'
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT d.handling_unit_id, ((n.from_at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM new_rows n JOIN dossiers d ON d.id = n.dossier_id
      WHERE n.reason = 'supplement'
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_pause_insert AFTER INSERT ON dossiers_pauses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_supplements();--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_pause_update AFTER UPDATE ON dossiers_pauses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_supplements();--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_pause_delete AFTER DELETE ON dossiers_pauses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_supplements();--> statement-breakpoint
-- Every bucket is counted again with the new columns, which also fills the monthly rows.
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT unit_id, day FROM dossiers_stats_daily
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT d.late_unit_id, ((d.finished_at AT TIME ZONE 'UTC') + interval '7 hours')::date
  FROM dossiers d WHERE d.late_unit_id IS NOT NULL AND d.finished_at IS NOT NULL
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT d.handling_unit_id, ((a.issued_at AT TIME ZONE 'UTC') + interval '7 hours')::date
  FROM dossiers_apologies a JOIN dossiers d ON d.id = a.dossier_id
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT d.handling_unit_id, ((p.from_at AT TIME ZONE 'UTC') + interval '7 hours')::date
  FROM dossiers_pauses p JOIN dossiers d ON d.id = p.dossier_id WHERE p.reason = 'supplement'
  ON CONFLICT DO NOTHING;
