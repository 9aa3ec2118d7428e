CREATE TABLE "feedback_code_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	CONSTRAINT "feedback_events_kind_ck" CHECK ("feedback_events"."kind" in ('received','classified','closed-out-of-scope','transferred','merged','duplicate-merged','deadline-set','info-requested','info-received','answer-drafted','sent-back','answered','rated','reopened','reminded','escalated','due-recomputed'))
);
--> statement-breakpoint
CREATE TABLE "feedback_followers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"account_id" uuid,
	"email" text,
	"phone" text,
	"merged_from_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_followers_who_ck" CHECK ("feedback_followers"."account_id" is not null or "feedback_followers"."email" is not null or "feedback_followers"."phone" is not null)
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"kind" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"procedure_version_id" uuid,
	"procedure_code" text,
	"procedure_name" text,
	"procedure_field" text,
	"dossier_code" text,
	"account_id" uuid,
	"sender_name" text NOT NULL,
	"sender_email" text,
	"sender_phone" text,
	"sender_address" text,
	"sender_token_hash" text,
	"publish_consent" boolean NOT NULL,
	"receiving_unit_id" uuid,
	"received_by" uuid,
	"assigned_unit_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"clock_started_at" timestamp with time zone NOT NULL,
	"deadline_rule" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"deadline_reason" text,
	"due_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"draft_answer" text,
	"drafted_by" uuid,
	"drafted_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answered_late" boolean,
	"out_of_scope_category" text,
	"closing_reason" text,
	"closed_at" timestamp with time zone,
	"merged_into_id" uuid,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_title" text,
	"published_content" text,
	"published_answer" text,
	"published_sender_name" text,
	"published_search_text" text,
	"search_text" text NOT NULL,
	"reminded_for_due_at" timestamp with time zone,
	"escalated_for_due_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_items_channel_ck" CHECK ("feedback_items"."channel" in ('portal','desk','letter','hotline','email')),
	CONSTRAINT "feedback_items_state_ck" CHECK ("feedback_items"."state" in ('NEW','IN_PROGRESS','INFO_REQUESTED','AWAITING_APPROVAL','ANSWERED','OUT_OF_SCOPE','MERGED')),
	CONSTRAINT "feedback_items_kind_ck" CHECK ("feedback_items"."kind" is null or "feedback_items"."kind" in ('regulation','conduct','out-of-scope')),
	CONSTRAINT "feedback_items_rule_ck" CHECK ("feedback_items"."deadline_rule" in ('competence','inter-agency','appointment')),
	CONSTRAINT "feedback_items_category_ck" CHECK ("feedback_items"."out_of_scope_category" is null or "feedback_items"."out_of_scope_category" in ('complaint','denunciation')),
	CONSTRAINT "feedback_items_duration_ck" CHECK ("feedback_items"."duration_minutes" > 0),
	CONSTRAINT "feedback_items_reopen_ck" CHECK ("feedback_items"."reopen_count" between 0 and 1),
	CONSTRAINT "feedback_items_answered_ck" CHECK ("feedback_items"."state" <> 'ANSWERED' or ("feedback_items"."answer" is not null and "feedback_items"."answered_at" is not null)),
	CONSTRAINT "feedback_items_out_of_scope_ck" CHECK ("feedback_items"."state" <> 'OUT_OF_SCOPE' or ("feedback_items"."out_of_scope_category" is not null and "feedback_items"."closing_reason" is not null)),
	CONSTRAINT "feedback_items_merged_ck" CHECK ("feedback_items"."state" <> 'MERGED' or "feedback_items"."merged_into_id" is not null),
	CONSTRAINT "feedback_items_paused_ck" CHECK (("feedback_items"."state" = 'INFO_REQUESTED') = ("feedback_items"."paused_at" is not null)),
	CONSTRAINT "feedback_items_published_ck" CHECK ("feedback_items"."published_at" is null or ("feedback_items"."publish_consent" and "feedback_items"."published_answer" is not null))
);
--> statement-breakpoint
CREATE TABLE "feedback_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"question" text NOT NULL,
	"reply" text,
	"asked_by" uuid,
	CONSTRAINT "feedback_pauses_order_ck" CHECK ("feedback_pauses"."to_at" is null or "feedback_pauses"."to_at" >= "feedback_pauses"."from_at")
);
--> statement-breakpoint
CREATE TABLE "feedback_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"reopened" boolean NOT NULL,
	"channel" text NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_ratings_rating_ck" CHECK ("feedback_ratings"."rating" in ('satisfied','unsatisfied')),
	CONSTRAINT "feedback_ratings_channel_ck" CHECK ("feedback_ratings"."channel" in ('account','token')),
	CONSTRAINT "feedback_ratings_reopened_ck" CHECK (not "feedback_ratings"."reopened" or "feedback_ratings"."rating" = 'unsatisfied')
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_account_id_identity_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_followers" ADD CONSTRAINT "feedback_followers_merged_from_id_feedback_items_id_fk" FOREIGN KEY ("merged_from_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_procedure_version_id_catalog_procedure_versions_id_fk" FOREIGN KEY ("procedure_version_id") REFERENCES "public"."catalog_procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_account_id_identity_users_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_receiving_unit_id_identity_org_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_assigned_unit_id_identity_org_units_id_fk" FOREIGN KEY ("assigned_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_merged_into_id_feedback_items_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_pauses" ADD CONSTRAINT "feedback_pauses_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_ratings" ADD CONSTRAINT "feedback_ratings_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_events_item_idx" ON "feedback_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_followers_account_uq" ON "feedback_followers" USING btree ("item_id","account_id") WHERE "feedback_followers"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_followers_merged_uq" ON "feedback_followers" USING btree ("item_id","merged_from_id") WHERE "feedback_followers"."merged_from_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_uq" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_sender_token_uq" ON "feedback_items" USING btree ("sender_token_hash");--> statement-breakpoint
CREATE INDEX "feedback_items_unit_idx" ON "feedback_items" USING btree ("assigned_unit_id","state","due_at");--> statement-breakpoint
CREATE INDEX "feedback_items_running_due_idx" ON "feedback_items" USING btree ("due_at","id") WHERE "feedback_items"."state" in ('NEW','IN_PROGRESS','AWAITING_APPROVAL');--> statement-breakpoint
CREATE INDEX "feedback_items_published_idx" ON "feedback_items" USING btree ("published_at","id") WHERE "feedback_items"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "feedback_items_account_idx" ON "feedback_items" USING btree ("account_id","received_at");--> statement-breakpoint
CREATE INDEX "feedback_pauses_item_idx" ON "feedback_pauses" USING btree ("item_id","from_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_pauses_open_uq" ON "feedback_pauses" USING btree ("item_id") WHERE "feedback_pauses"."to_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_ratings_round_uq" ON "feedback_ratings" USING btree ("item_id","round");