CREATE TABLE "documents_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incoming_id" uuid NOT NULL,
	"lead_unit_id" uuid,
	"lead_user_id" uuid,
	"partner_unit_ids" jsonb NOT NULL,
	"handling_days" integer,
	"due_on" date,
	"due_at" timestamp with time zone,
	"instruction" text,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "documents_assignments_lead_ck" CHECK (("documents_assignments"."lead_unit_id" is null) <> ("documents_assignments"."lead_user_id" is null)),
	CONSTRAINT "documents_assignments_due_ck" CHECK ("documents_assignments"."handling_days" is null or "documents_assignments"."due_on" is null)
);
--> statement-breakpoint
CREATE TABLE "documents_counters" (
	"unit_id" uuid NOT NULL,
	"counter_key" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "documents_counters_unit_id_counter_key_year_pk" PRIMARY KEY("unit_id","counter_key","year"),
	CONSTRAINT "documents_counters_positive_ck" CHECK ("documents_counters"."last_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "documents_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incoming_id" uuid,
	"outgoing_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"actor_id" uuid,
	"actor_label" text,
	CONSTRAINT "documents_events_kind_ck" CHECK ("documents_events"."kind" in ('registered','file','assigned','note','closed','created','updated','submitted','returned','signed','issued','reminded','escalated')),
	CONSTRAINT "documents_events_owner_ck" CHECK (("documents_events"."incoming_id" is null) <> ("documents_events"."outgoing_id" is null))
);
--> statement-breakpoint
CREATE TABLE "documents_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incoming_id" uuid,
	"outgoing_id" uuid,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"media_type" text NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "documents_files_owner_ck" CHECK (("documents_files"."incoming_id" is null) <> ("documents_files"."outgoing_id" is null))
);
--> statement-breakpoint
CREATE TABLE "documents_incoming" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"arrival_year" integer NOT NULL,
	"arrival_number" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_via" text NOT NULL,
	"sender_name" text NOT NULL,
	"sender_code" text,
	"number_symbol" text NOT NULL,
	"issued_on" date NOT NULL,
	"type_code" text NOT NULL,
	"subject" text NOT NULL,
	"urgency" text NOT NULL,
	"confidentiality" text NOT NULL,
	"page_count" integer,
	"note" text,
	"state" text NOT NULL,
	"present_due_at" timestamp with time zone NOT NULL,
	"lead_unit_id" uuid,
	"lead_user_id" uuid,
	"due_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"handled_on_time" boolean,
	"outcome" text,
	"close_text" text,
	"reply_document_id" uuid,
	"source_outgoing_id" uuid,
	"search_text" text NOT NULL,
	"reminded_for_due_at" timestamp with time zone,
	"escalated_for_due_at" timestamp with time zone,
	"registered_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_incoming_via_ck" CHECK ("documents_incoming"."received_via" in ('paper','electronic','internal')),
	CONSTRAINT "documents_incoming_state_ck" CHECK ("documents_incoming"."state" in ('REGISTERED','ASSIGNED','DONE')),
	CONSTRAINT "documents_incoming_urgency_ck" CHECK ("documents_incoming"."urgency" in ('normal','urgent','very-urgent','flash')),
	CONSTRAINT "documents_incoming_confidentiality_ck" CHECK ("documents_incoming"."confidentiality" in ('normal','confidential','secret','top-secret')),
	CONSTRAINT "documents_incoming_type_ck" CHECK ("documents_incoming"."type_code" in ('NQ','QD','CT','QC','QYD','TC','TB','HD','CTR','KH','PA','DA','DA2','BC','BB','TTR','HD2','CV','CD','GN','TTH','GUQ','GM','GGT','GNP','PG','PC','PB','TC2')),
	CONSTRAINT "documents_incoming_number_ck" CHECK ("documents_incoming"."arrival_number" > 0),
	CONSTRAINT "documents_incoming_outcome_ck" CHECK ("documents_incoming"."outcome" is null or "documents_incoming"."outcome" in ('done','noted')),
	CONSTRAINT "documents_incoming_done_ck" CHECK (("documents_incoming"."state" = 'DONE') = ("documents_incoming"."handled_at" is not null and "documents_incoming"."outcome" is not null and "documents_incoming"."handled_on_time" is not null)),
	CONSTRAINT "documents_incoming_internal_ck" CHECK (("documents_incoming"."received_via" = 'internal') = ("documents_incoming"."source_outgoing_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "documents_outgoing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"drafting_unit_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"subject" text NOT NULL,
	"content" text,
	"urgency" text NOT NULL,
	"confidentiality" text NOT NULL,
	"state" text NOT NULL,
	"recipient_unit_ids" jsonb NOT NULL,
	"external_recipients" jsonb NOT NULL,
	"reply_to_incoming_id" uuid,
	"dossier_id" uuid,
	"series_key" text,
	"year" integer,
	"number" integer,
	"number_symbol" text,
	"issued_on" date,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"signer_name" text,
	"signer_position" text,
	"signing_prefix" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"return_note" text,
	"exchange_id" text,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "documents_outgoing_state_ck" CHECK ("documents_outgoing"."state" in ('DRAFT','IN_REVIEW','SIGNED','ISSUED')),
	CONSTRAINT "documents_outgoing_urgency_ck" CHECK ("documents_outgoing"."urgency" in ('normal','urgent','very-urgent','flash')),
	CONSTRAINT "documents_outgoing_confidentiality_ck" CHECK ("documents_outgoing"."confidentiality" in ('normal','confidential','secret','top-secret')),
	CONSTRAINT "documents_outgoing_type_ck" CHECK ("documents_outgoing"."type_code" in ('NQ','QD','CT','QC','QYD','TC','TB','HD','CTR','KH','PA','DA','DA2','BC','BB','TTR','HD2','CV','CD','GN','TTH','GUQ','GM','GGT','GNP','PG','PC','PB','TC2')),
	CONSTRAINT "documents_outgoing_prefix_ck" CHECK ("documents_outgoing"."signing_prefix" is null or "documents_outgoing"."signing_prefix" in ('','TM.','KT.','TL.','TUQ.','Q.')),
	CONSTRAINT "documents_outgoing_issued_ck" CHECK (("documents_outgoing"."state" = 'ISSUED') = ("documents_outgoing"."number" is not null and "documents_outgoing"."number_symbol" is not null and "documents_outgoing"."issued_on" is not null and "documents_outgoing"."series_key" is not null and "documents_outgoing"."year" is not null)),
	CONSTRAINT "documents_outgoing_signed_ck" CHECK ("documents_outgoing"."state" not in ('SIGNED','ISSUED') or ("documents_outgoing"."signer_name" is not null and "documents_outgoing"."signing_prefix" is not null))
);
--> statement-breakpoint
CREATE TABLE "documents_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outgoing_id" uuid NOT NULL,
	"recipient_unit_id" uuid NOT NULL,
	"incoming_id" uuid NOT NULL,
	"state" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	CONSTRAINT "documents_receipts_state_ck" CHECK ("documents_receipts"."state" in ('received','assigned','done'))
);
--> statement-breakpoint
CREATE TABLE "documents_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"issuer_abbreviation" text NOT NULL,
	"series" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_role_grants" DROP CONSTRAINT "identity_role_grants_role_ck";--> statement-breakpoint
ALTER TABLE "documents_assignments" ADD CONSTRAINT "documents_assignments_incoming_id_documents_incoming_id_fk" FOREIGN KEY ("incoming_id") REFERENCES "public"."documents_incoming"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_assignments" ADD CONSTRAINT "documents_assignments_lead_unit_id_identity_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_assignments" ADD CONSTRAINT "documents_assignments_lead_user_id_identity_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_counters" ADD CONSTRAINT "documents_counters_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_events" ADD CONSTRAINT "documents_events_incoming_id_documents_incoming_id_fk" FOREIGN KEY ("incoming_id") REFERENCES "public"."documents_incoming"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_events" ADD CONSTRAINT "documents_events_outgoing_id_documents_outgoing_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."documents_outgoing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_files" ADD CONSTRAINT "documents_files_incoming_id_documents_incoming_id_fk" FOREIGN KEY ("incoming_id") REFERENCES "public"."documents_incoming"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_files" ADD CONSTRAINT "documents_files_outgoing_id_documents_outgoing_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."documents_outgoing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_incoming" ADD CONSTRAINT "documents_incoming_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_incoming" ADD CONSTRAINT "documents_incoming_lead_unit_id_identity_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_incoming" ADD CONSTRAINT "documents_incoming_lead_user_id_identity_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."identity_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_outgoing" ADD CONSTRAINT "documents_outgoing_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_outgoing" ADD CONSTRAINT "documents_outgoing_drafting_unit_id_identity_org_units_id_fk" FOREIGN KEY ("drafting_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_receipts" ADD CONSTRAINT "documents_receipts_outgoing_id_documents_outgoing_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."documents_outgoing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_receipts" ADD CONSTRAINT "documents_receipts_recipient_unit_id_identity_org_units_id_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_receipts" ADD CONSTRAINT "documents_receipts_incoming_id_documents_incoming_id_fk" FOREIGN KEY ("incoming_id") REFERENCES "public"."documents_incoming"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents_settings" ADD CONSTRAINT "documents_settings_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "documents_assignments_incoming_uq" ON "documents_assignments" USING btree ("incoming_id");--> statement-breakpoint
CREATE INDEX "documents_events_incoming_idx" ON "documents_events" USING btree ("incoming_id","id");--> statement-breakpoint
CREATE INDEX "documents_events_outgoing_idx" ON "documents_events" USING btree ("outgoing_id","id");--> statement-breakpoint
CREATE INDEX "documents_files_incoming_idx" ON "documents_files" USING btree ("incoming_id");--> statement-breakpoint
CREATE INDEX "documents_files_outgoing_idx" ON "documents_files" USING btree ("outgoing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_incoming_number_uq" ON "documents_incoming" USING btree ("unit_id","arrival_year","arrival_number");--> statement-breakpoint
CREATE INDEX "documents_incoming_state_idx" ON "documents_incoming" USING btree ("unit_id","state","due_at");--> statement-breakpoint
CREATE INDEX "documents_incoming_lead_unit_idx" ON "documents_incoming" USING btree ("lead_unit_id","state");--> statement-breakpoint
CREATE INDEX "documents_incoming_lead_user_idx" ON "documents_incoming" USING btree ("lead_user_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_incoming_source_uq" ON "documents_incoming" USING btree ("source_outgoing_id","unit_id") WHERE "documents_incoming"."source_outgoing_id" is not null;--> statement-breakpoint
CREATE INDEX "documents_incoming_open_due_idx" ON "documents_incoming" USING btree ("due_at","id") WHERE "documents_incoming"."state" = 'ASSIGNED' and "documents_incoming"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "documents_incoming_search_idx" ON "documents_incoming" USING gin (array_to_tsvector(array_remove(regexp_split_to_array(search_text, ' '), '')));--> statement-breakpoint
CREATE UNIQUE INDEX "documents_outgoing_number_uq" ON "documents_outgoing" USING btree ("unit_id","series_key","year","number") WHERE "documents_outgoing"."number" is not null;--> statement-breakpoint
CREATE INDEX "documents_outgoing_unit_idx" ON "documents_outgoing" USING btree ("unit_id","state","created_at");--> statement-breakpoint
CREATE INDEX "documents_outgoing_issued_idx" ON "documents_outgoing" USING btree ("unit_id","issued_at");--> statement-breakpoint
CREATE INDEX "documents_outgoing_search_idx" ON "documents_outgoing" USING gin (array_to_tsvector(array_remove(regexp_split_to_array(search_text, ' '), '')));--> statement-breakpoint
CREATE UNIQUE INDEX "documents_receipts_uq" ON "documents_receipts" USING btree ("outgoing_id","recipient_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_receipts_incoming_uq" ON "documents_receipts" USING btree ("incoming_id");--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_role_ck" CHECK ("identity_role_grants"."role" in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office','finance-officer','clerk'));