CREATE TABLE "exchange_reconciliations" (
	"day" date PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"dossiers_checked" integer DEFAULT 0 NOT NULL,
	"mismatches" integer DEFAULT 0 NOT NULL,
	"requeued" integer DEFAULT 0 NOT NULL,
	"inbound_unacknowledged" integer DEFAULT 0 NOT NULL,
	"inbound_failing" integer DEFAULT 0 NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	CONSTRAINT "exchange_reconciliations_state_ck" CHECK ("exchange_reconciliations"."state" in ('running','done','failed'))
);
