CREATE TABLE "dossiers_stats_daily" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"procedure_code" text NOT NULL,
	"channel" text NOT NULL,
	"received" integer NOT NULL,
	"finished_early" integer NOT NULL,
	"finished_on_time" integer NOT NULL,
	"finished_late" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"stopped" integer NOT NULL,
	CONSTRAINT "dossiers_stats_daily_pk" PRIMARY KEY("unit_id","day","procedure_code","channel"),
	CONSTRAINT "dossiers_stats_daily_counts_ck" CHECK (least("dossiers_stats_daily"."received", "dossiers_stats_daily"."finished_early", "dossiers_stats_daily"."finished_on_time", "dossiers_stats_daily"."finished_late", "dossiers_stats_daily"."withdrawn", "dossiers_stats_daily"."stopped") >= 0)
);
--> statement-breakpoint
CREATE TABLE "dossiers_stats_dirty" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_stats_dirty_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
ALTER TABLE "dossiers_stats_daily" ADD CONSTRAINT "dossiers_stats_daily_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_stats_dirty_marked_idx" ON "dossiers_stats_dirty" USING btree ("marked_at");--> statement-breakpoint
CREATE INDEX "dossiers_handling_received_idx" ON "dossiers" USING btree ("handling_unit_id","received_at");--> statement-breakpoint
CREATE INDEX "dossiers_handling_finished_idx" ON "dossiers" USING btree ("handling_unit_id","finished_at") WHERE "dossiers"."finished_at" is not null;--> statement-breakpoint
CREATE INDEX "dossiers_handling_closed_idx" ON "dossiers" USING btree ("handling_unit_id","closed_at") WHERE "dossiers"."state" in ('WITHDRAWN','STOPPED');--> statement-breakpoint
CREATE INDEX "dossiers_open_handling_received_idx" ON "dossiers" USING btree ("handling_unit_id","received_at","state","due_at","extended_due_at") WHERE "dossiers"."state" in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT');--> statement-breakpoint
-- The indicators' buckets a write touches (issue 12): the handling unit's Vietnamese day (+07:00, no daylight saving)
-- of each instant the read model counts, before and after the write. The refresh job recomputes them from the rows.
CREATE OR REPLACE FUNCTION dossiers_stats_mark_rows() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT o.handling_unit_id, ((v.at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM old_rows o, LATERAL (VALUES (o.received_at), (o.finished_at), (o.closed_at)) v(at)
      WHERE v.at IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO dossiers_stats_dirty (unit_id, day)
      SELECT DISTINCT n.handling_unit_id, ((v.at AT TIME ZONE 'UTC') + interval '7 hours')::date
      FROM new_rows n, LATERAL (VALUES (n.received_at), (n.finished_at), (n.closed_at)) v(at)
      WHERE v.at IS NOT NULL
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Statement-level with transition tables, so a bulk insert marks each bucket once. Updates that change nothing the
-- read model counts (the at-risk sweep, public views, hand-overs) are common: a row-level WHEN would skip them, but
-- transition tables allow no column list, so the update trigger compares old and new rows itself.
CREATE TRIGGER dossiers_stats_mark_insert AFTER INSERT ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_rows();--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_delete AFTER DELETE ON dossiers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_rows();--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossiers_stats_mark_changed() RETURNS trigger AS $$
BEGIN
  INSERT INTO dossiers_stats_dirty (unit_id, day)
    SELECT DISTINCT c.unit_id, ((c.at AT TIME ZONE 'UTC') + interval '7 hours')::date
    FROM old_rows o JOIN new_rows n ON n.id = o.id,
      LATERAL (VALUES (o.handling_unit_id, o.received_at), (o.handling_unit_id, o.finished_at), (o.handling_unit_id, o.closed_at),
                      (n.handling_unit_id, n.received_at), (n.handling_unit_id, n.finished_at), (n.handling_unit_id, n.closed_at)) c(unit_id, at)
    WHERE c.at IS NOT NULL
      AND (o.state, o.handling_unit_id, o.received_at, o.finished_at, o.closed_at, o.classification, o.channel, o.procedure_code)
          IS DISTINCT FROM (n.state, n.handling_unit_id, n.received_at, n.finished_at, n.closed_at, n.classification, n.channel, n.procedure_code)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER dossiers_stats_mark_update AFTER UPDATE ON dossiers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossiers_stats_mark_changed();--> statement-breakpoint
-- Dossiers received before this migration: every bucket they occupy is marked, so the first refreshes fill the model.
INSERT INTO dossiers_stats_dirty (unit_id, day)
  SELECT DISTINCT d.handling_unit_id, ((v.at AT TIME ZONE 'UTC') + interval '7 hours')::date
  FROM dossiers d, LATERAL (VALUES (d.received_at), (d.finished_at), (d.closed_at)) v(at)
  WHERE v.at IS NOT NULL
  ON CONFLICT DO NOTHING;
