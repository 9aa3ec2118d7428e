CREATE TABLE "exchange_feed_state" (
	"feed" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"status_code" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_outbox_state_ck" CHECK ("exchange_outbox"."state" in ('pending','sent'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_event_uq" ON "exchange_outbox" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "exchange_outbox_pending_idx" ON "exchange_outbox" USING btree ("next_attempt_at","dossier_id") WHERE "exchange_outbox"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "exchange_outbox_dossier_idx" ON "exchange_outbox" USING btree ("dossier_id","id");