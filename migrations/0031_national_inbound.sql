CREATE TABLE "exchange_inbound" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_code" text NOT NULL,
	"desk_code" text NOT NULL,
	"state" text NOT NULL,
	"problems" jsonb,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"submission_id" uuid,
	"submission_reference" text,
	"payload" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "exchange_inbound_state_ck" CHECK ("exchange_inbound"."state" in ('received','unreadable','failed')),
	CONSTRAINT "exchange_inbound_received_ck" CHECK ("exchange_inbound"."state" <> 'received' or "exchange_inbound"."submission_id" is not null)
);
--> statement-breakpoint
DROP INDEX "exchange_outbox_event_uq";--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "account_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "origin" text DEFAULT 'portal' NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "national_code" text;--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD COLUMN "source" text DEFAULT 'dossier' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_inbound_national_code_uq" ON "exchange_inbound" USING btree ("national_code");--> statement-breakpoint
CREATE INDEX "exchange_inbound_state_idx" ON "exchange_inbound" USING btree ("state","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_national_code_uq" ON "submissions" USING btree ("national_code");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_outbox_source_event_uq" ON "exchange_outbox" USING btree ("source","event_id");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_origin_ck" CHECK (("submissions"."origin" = 'portal' and "submissions"."account_id" is not null and "submissions"."national_code" is null) or ("submissions"."origin" = 'national' and "submissions"."account_id" is null and "submissions"."national_code" is not null));--> statement-breakpoint
ALTER TABLE "exchange_outbox" ADD CONSTRAINT "exchange_outbox_source_ck" CHECK ("exchange_outbox"."source" in ('dossier','submission'));