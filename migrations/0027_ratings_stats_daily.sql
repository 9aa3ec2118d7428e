CREATE TABLE "ratings_stats_daily" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"procedure_code" text NOT NULL,
	"total" integer NOT NULL,
	"very_satisfied" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"unsatisfied" integer NOT NULL,
	"time_satisfied" integer NOT NULL,
	"attitude_satisfied" integer NOT NULL,
	"clarity_satisfied" integer NOT NULL,
	CONSTRAINT "ratings_stats_daily_pk" PRIMARY KEY("unit_id","day","procedure_code"),
	CONSTRAINT "ratings_stats_daily_counts_ck" CHECK (least("ratings_stats_daily"."total", "ratings_stats_daily"."very_satisfied", "ratings_stats_daily"."satisfied", "ratings_stats_daily"."unsatisfied", "ratings_stats_daily"."time_satisfied", "ratings_stats_daily"."attitude_satisfied", "ratings_stats_daily"."clarity_satisfied") >= 0)
);
--> statement-breakpoint
ALTER TABLE "ratings_stats_daily" ADD CONSTRAINT "ratings_stats_daily_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Custom: ratings add their counts to their unit's day as they are written (deletes and updates, which the product
-- never makes, subtract the old rows' counts), then the ratings already given are counted once.
CREATE OR REPLACE FUNCTION ratings_stats_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO ratings_stats_daily AS s (unit_id, day, procedure_code, total, very_satisfied, satisfied, unsatisfied, time_satisfied, attitude_satisfied, clarity_satisfied)
      SELECT o.handling_unit_id, ((o.rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date, o.procedure_code, -count(*),
             -count(*) FILTER (WHERE o.overall = 'very-satisfied'), -count(*) FILTER (WHERE o.overall = 'satisfied'),
             -count(*) FILTER (WHERE o.overall = 'unsatisfied'), -count(*) FILTER (WHERE o.time_level <> 'unsatisfied'),
             -count(*) FILTER (WHERE o.attitude_level <> 'unsatisfied'), -count(*) FILTER (WHERE o.clarity_level <> 'unsatisfied')
      FROM old_rows o GROUP BY 1, 2, 3
      ON CONFLICT (unit_id, day, procedure_code) DO UPDATE SET total = s.total + excluded.total, very_satisfied = s.very_satisfied + excluded.very_satisfied,
        satisfied = s.satisfied + excluded.satisfied, unsatisfied = s.unsatisfied + excluded.unsatisfied,
        time_satisfied = s.time_satisfied + excluded.time_satisfied, attitude_satisfied = s.attitude_satisfied + excluded.attitude_satisfied,
        clarity_satisfied = s.clarity_satisfied + excluded.clarity_satisfied;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO ratings_stats_daily AS s (unit_id, day, procedure_code, total, very_satisfied, satisfied, unsatisfied, time_satisfied, attitude_satisfied, clarity_satisfied)
      SELECT n.handling_unit_id, ((n.rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date, n.procedure_code, count(*),
             count(*) FILTER (WHERE n.overall = 'very-satisfied'), count(*) FILTER (WHERE n.overall = 'satisfied'),
             count(*) FILTER (WHERE n.overall = 'unsatisfied'), count(*) FILTER (WHERE n.time_level <> 'unsatisfied'),
             count(*) FILTER (WHERE n.attitude_level <> 'unsatisfied'), count(*) FILTER (WHERE n.clarity_level <> 'unsatisfied')
      FROM new_rows n GROUP BY 1, 2, 3
      ON CONFLICT (unit_id, day, procedure_code) DO UPDATE SET total = s.total + excluded.total, very_satisfied = s.very_satisfied + excluded.very_satisfied,
        satisfied = s.satisfied + excluded.satisfied, unsatisfied = s.unsatisfied + excluded.unsatisfied,
        time_satisfied = s.time_satisfied + excluded.time_satisfied, attitude_satisfied = s.attitude_satisfied + excluded.attitude_satisfied,
        clarity_satisfied = s.clarity_satisfied + excluded.clarity_satisfied;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER ratings_stats_insert AFTER INSERT ON ratings_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ratings_stats_apply();--> statement-breakpoint
CREATE TRIGGER ratings_stats_update AFTER UPDATE ON ratings_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ratings_stats_apply();--> statement-breakpoint
CREATE TRIGGER ratings_stats_delete AFTER DELETE ON ratings_responses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ratings_stats_apply();--> statement-breakpoint
INSERT INTO ratings_stats_daily (unit_id, day, procedure_code, total, very_satisfied, satisfied, unsatisfied, time_satisfied, attitude_satisfied, clarity_satisfied)
  SELECT handling_unit_id, ((rated_at AT TIME ZONE 'UTC') + interval '7 hours')::date, procedure_code, count(*),
         count(*) FILTER (WHERE overall = 'very-satisfied'), count(*) FILTER (WHERE overall = 'satisfied'),
         count(*) FILTER (WHERE overall = 'unsatisfied'), count(*) FILTER (WHERE time_level <> 'unsatisfied'),
         count(*) FILTER (WHERE attitude_level <> 'unsatisfied'), count(*) FILTER (WHERE clarity_level <> 'unsatisfied')
  FROM ratings_responses GROUP BY 1, 2, 3;
