CREATE TABLE "payments_mismatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"txn_ref" text NOT NULL,
	"unit_id" uuid,
	"record_amount_vnd" bigint,
	"statement_amount_vnd" bigint,
	"record_state" text,
	"statement_status" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "payments_mismatches_kind_ck" CHECK ("payments_mismatches"."kind" in ('missing-record','missing-in-statement','amount-differs','status-differs'))
);
--> statement-breakpoint
CREATE TABLE "payments_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"txn_ref" text,
	"params" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"rsp_code" text NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "payments_receipt_series" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"pause_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"payer_name" text NOT NULL,
	"description" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"state" text NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_transaction_id" uuid,
	"applied_at" timestamp with time zone,
	"applied_outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payments_requests_state_ck" CHECK ("payments_requests"."state" in ('open','paid','cancelled')),
	CONSTRAINT "payments_requests_amount_ck" CHECK ("payments_requests"."amount_vnd" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments_sandbox_orders" (
	"txn_ref" text PRIMARY KEY NOT NULL,
	"tmn_code" text NOT NULL,
	"amount" bigint NOT NULL,
	"order_info" text NOT NULL,
	"create_date" text NOT NULL,
	"expire_at" timestamp with time zone NOT NULL,
	"return_url" text NOT NULL,
	"ip_addr" text NOT NULL,
	"state" text NOT NULL,
	"response_code" text,
	"transaction_no" text,
	"bank_code" text,
	"pay_date" timestamp with time zone,
	"held_ipn" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "payments_sandbox_orders_state_ck" CHECK ("payments_sandbox_orders"."state" in ('created','succeeded','failed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "payments_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gateway" text NOT NULL,
	"day" date NOT NULL,
	"sha256" text NOT NULL,
	"lines" integer NOT NULL,
	"total_vnd" bigint NOT NULL,
	"matched" integer NOT NULL,
	"mismatches" integer NOT NULL,
	"unreadable" jsonb NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"imported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "payments_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"txn_ref" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"order_info" text NOT NULL,
	"ip_addr" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settled_via" text,
	"response_code" text,
	"gateway_txn_no" text,
	"bank_code" text,
	"pay_date" timestamp with time zone,
	"overpaid" text,
	"receipt_no" text,
	"receipt_issued_at" timestamp with time zone,
	"last_queried_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payments_transactions_state_ck" CHECK ("payments_transactions"."state" in ('pending','succeeded','failed','cancelled','expired')),
	CONSTRAINT "payments_transactions_via_ck" CHECK ("payments_transactions"."settled_via" is null or "payments_transactions"."settled_via" in ('ipn','query','statement'))
);
--> statement-breakpoint
ALTER TABLE "identity_role_grants" DROP CONSTRAINT "identity_role_grants_role_ck";--> statement-breakpoint
ALTER TABLE "catalog_procedure_versions" ADD COLUMN "fee_due" text;--> statement-breakpoint
ALTER TABLE "payments_mismatches" ADD CONSTRAINT "payments_mismatches_statement_id_payments_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."payments_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_receipt_series" ADD CONSTRAINT "payments_receipt_series_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_requests" ADD CONSTRAINT "payments_requests_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_transactions" ADD CONSTRAINT "payments_transactions_request_id_payments_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."payments_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments_transactions" ADD CONSTRAINT "payments_transactions_unit_id_identity_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."identity_org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_mismatches_uq" ON "payments_mismatches" USING btree ("statement_id","txn_ref","kind");--> statement-breakpoint
CREATE INDEX "payments_mismatches_open_idx" ON "payments_mismatches" USING btree ("unit_id") WHERE "payments_mismatches"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "payments_notifications_ref_idx" ON "payments_notifications" USING btree ("txn_ref");--> statement-breakpoint
CREATE INDEX "payments_notifications_received_idx" ON "payments_notifications" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_series_uq" ON "payments_receipt_series" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_requests_pause_uq" ON "payments_requests" USING btree ("pause_id");--> statement-breakpoint
CREATE INDEX "payments_requests_dossier_idx" ON "payments_requests" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "payments_requests_unapplied_idx" ON "payments_requests" USING btree ("paid_at") WHERE "payments_requests"."state" = 'paid' and "payments_requests"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "payments_statements_day_idx" ON "payments_statements" USING btree ("gateway","day");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_transactions_ref_uq" ON "payments_transactions" USING btree ("txn_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_transactions_receipt_uq" ON "payments_transactions" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "payments_transactions_request_idx" ON "payments_transactions" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "payments_transactions_pending_idx" ON "payments_transactions" USING btree ("created_at") WHERE "payments_transactions"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "payments_transactions_unit_day_idx" ON "payments_transactions" USING btree ("unit_id","created_at");--> statement-breakpoint
ALTER TABLE "identity_role_grants" ADD CONSTRAINT "identity_role_grants_role_ck" CHECK ("identity_role_grants"."role" in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office','finance-officer'));--> statement-breakpoint
ALTER TABLE "catalog_procedure_versions" ADD CONSTRAINT "catalog_versions_fee_due_ck" CHECK ("catalog_procedure_versions"."fee_due" is null or "catalog_procedure_versions"."fee_due" in ('before-processing','with-result'));